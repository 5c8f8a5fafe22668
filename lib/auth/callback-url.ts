const BASE = 'http://peerroles.invalid';

/** Pages a person should never be sent back to after signing in. */
const NOT_AFTER_SIGN_IN = ['/sign-in', '/set-password', '/api/'];

/**
 * Where to go after signing in: a path on this site, never another origin.
 * Anything else (absolute URLs, "//host", backslashes, control characters)
 * becomes "/". The proxy sends a relative path such as "/teams?page=2".
 *
 * `siteOrigin` (NEXTAUTH_URL's origin) also accepts an absolute address on this
 * site: next-auth hands the sign-in page one after a failed attempt without
 * JavaScript ("http://host/teams", kept in its callback-url cookie).
 */
export function safeCallbackUrl(value: unknown, siteOrigin?: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return '/';
  const relative = siteOrigin ? withoutOrigin(value, siteOrigin) : value;
  if (!relative.startsWith('/') || relative.startsWith('//') || /[\\\u0000-\u001f\u007f]/u.test(relative)) return '/';
  let url: URL;
  try {
    url = new URL(relative, BASE);
  } catch {
    return '/';
  }
  // "/..//host" normalises to the path "//host", which a browser reads as another origin.
  if (url.origin !== BASE || url.pathname.startsWith('//')) return '/';
  if (NOT_AFTER_SIGN_IN.some((path) => url.pathname === path || url.pathname.startsWith(path.endsWith('/') ? path : `${path}/`))) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

function withoutOrigin(value: string, siteOrigin: string): string {
  const origin = originOf(siteOrigin);
  if (!origin || !value.toLowerCase().startsWith(`${origin.toLowerCase()}/`)) return value;
  return value.slice(origin.length);
}

/** The origin of an absolute URL such as NEXTAUTH_URL, or undefined. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Whether next-auth can handle this callbackUrl at all. Its redirect callback
 * calls `new URL(value)` on anything not starting with "/" (";env;" throws) and
 * puts the result in a Location header (a NUL byte throws): both were 500s.
 * Printable ASCII only (browsers send addresses percent-encoded), a path or an
 * absolute http(s) URL. next-auth itself then sends other origins home.
 */
export function isAcceptableAuthCallbackUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return false;
  if (!/^[\u0021-\u007e]+$/u.test(value) || value.includes('\\')) return false;
  if (value.startsWith('/')) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
