const BASE = 'http://peerroles.invalid';

/** Pages a person should never be sent back to after signing in. */
const NOT_AFTER_SIGN_IN = ['/sign-in', '/set-password', '/api/'];

/**
 * Where to go after signing in: a path on this site, never another origin.
 * Anything else (absolute URLs, "//host", backslashes, control characters)
 * becomes "/". The proxy sends a relative path such as "/teams?page=2".
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/u.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  // "/..//host" normalises to the path "//host", which a browser reads as another origin.
  if (url.origin !== BASE || url.pathname.startsWith('//')) return '/';
  if (NOT_AFTER_SIGN_IN.some((path) => url.pathname === path || url.pathname.startsWith(path.endsWith('/') ? path : `${path}/`))) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
