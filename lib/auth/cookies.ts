/**
 * next-auth's cookies, named in one place for next-auth's options, the proxy and
 * the sign-in page. Over https (NEXTAUTH_URL starts with https://) every cookie
 * is Secure and carries the `__Secure-` or `__Host-` prefix, so a plain-http
 * response or another subdomain cannot plant or overwrite them.
 *
 * No imports beyond Web APIs (crypto.subtle): the proxy uses this file.
 */

export function isHttpsUrl(url: string | undefined): boolean {
  return typeof url === 'string' && url.trim().toLowerCase().startsWith('https://');
}

/** next-auth's `useSecureCookies`, and `secureCookie` for the proxy's getToken. */
export const USE_SECURE_COOKIES = isHttpsUrl(process.env.NEXTAUTH_URL);

/** The names next-auth 4 gives its cookies (core/lib/cookie.ts defaultCookies). */
export function authCookieNames(secure: boolean = USE_SECURE_COOKIES) {
  const prefix = secure ? '__Secure-' : '';
  return {
    sessionToken: `${prefix}next-auth.session-token`,
    callbackUrl: `${prefix}next-auth.callback-url`,
    csrfToken: `${secure ? '__Host-' : ''}next-auth.csrf-token`,
    /** Ours: the email typed in a failed sign-in without JavaScript, so the form can show it again. Never the password. */
    signInEmail: `${prefix}peerroles.sign-in-email`,
  } as const;
}

/** The attributes next-auth gives its cookies; `__Host-` needs Secure, Path=/ and no Domain. */
export function authCookieOptions(secure: boolean = USE_SECURE_COOKIES) {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure } as const;
}

/** How long the typed email is kept for the sign-in page after a failed attempt without JavaScript. */
export const SIGN_IN_EMAIL_MAX_AGE_SECONDS = 120;

const TOKEN_PATTERN = /^[0-9a-f]{64}$/u;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * next-auth's double-submit CSRF cookie holds "token|sha256(token + secret)"
 * (core/lib/csrf-token.ts). Returns the token when the cookie is one that
 * next-auth will accept, otherwise null.
 */
export async function verifiedCsrfToken(cookieValue: string | undefined, secret: string): Promise<string | null> {
  if (!cookieValue || !secret) return null;
  const [token, hash, ...rest] = cookieValue.split('|');
  if (rest.length > 0 || !token || !hash || !TOKEN_PATTERN.test(token)) return null;
  return (await sha256Hex(`${token}${secret}`)) === hash ? token : null;
}

/** A new CSRF cookie value in next-auth's format: 32 random bytes as hex, then its hash with the secret. */
export async function createCsrfCookieValue(secret: string): Promise<{ token: string; cookieValue: string }> {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const token = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return { token, cookieValue: `${token}|${await sha256Hex(`${token}${secret}`)}` };
}

/** The token part of a CSRF cookie, for a hidden form field; the proxy has already checked the cookie on this request. */
export function csrfTokenFromCookie(cookieValue: string | undefined): string | undefined {
  const token = cookieValue?.split('|')[0];
  return token && TOKEN_PATTERN.test(token) ? token : undefined;
}
