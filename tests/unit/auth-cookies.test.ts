import { createHash } from 'node:crypto';
import { authCookieNames, authCookieOptions, createCsrfCookieValue, csrfTokenFromCookie, isHttpsUrl, verifiedCsrfToken } from '@/lib/auth/cookies';

describe('auth cookie names', () => {
  it('are prefixed and Secure over https, as next-auth names them', () => {
    expect(authCookieNames(true)).toEqual({
      sessionToken: '__Secure-next-auth.session-token',
      callbackUrl: '__Secure-next-auth.callback-url',
      csrfToken: '__Host-next-auth.csrf-token',
      signInEmail: '__Secure-peerroles.sign-in-email',
    });
    expect(authCookieOptions(true)).toEqual({ httpOnly: true, sameSite: 'lax', path: '/', secure: true });
  });

  it('are plain over http (local development and the tests)', () => {
    expect(authCookieNames(false).csrfToken).toBe('next-auth.csrf-token');
    expect(authCookieNames(false).sessionToken).toBe('next-auth.session-token');
    expect(authCookieOptions(false).secure).toBe(false);
  });

  it('follow NEXTAUTH_URL', () => {
    expect(isHttpsUrl('https://peerroles.example.nhs.uk')).toBe(true);
    expect(isHttpsUrl('HTTPS://peerroles.example.nhs.uk')).toBe(true);
    expect(isHttpsUrl('http://localhost:3000')).toBe(false);
    expect(isHttpsUrl(undefined)).toBe(false);
  });
});

describe("next-auth's CSRF cookie", () => {
  const secret = 'a-test-secret-of-reasonable-length';
  // What next-auth 4 itself computes (core/lib/csrf-token.js).
  const nextAuthHash = (token: string) => createHash('sha256').update(`${token}${secret}`).digest('hex');

  it('is made in the format next-auth verifies', async () => {
    const { token, cookieValue } = await createCsrfCookieValue(secret);
    expect(token).toMatch(/^[0-9a-f]{64}$/u);
    expect(cookieValue).toBe(`${token}|${nextAuthHash(token)}`);
    expect(await verifiedCsrfToken(cookieValue, secret)).toBe(token);
    expect(csrfTokenFromCookie(cookieValue)).toBe(token);
  });

  it('accepts one next-auth made, and refuses forged, foreign or malformed ones', async () => {
    const token = 'ab'.repeat(32);
    expect(await verifiedCsrfToken(`${token}|${nextAuthHash(token)}`, secret)).toBe(token);
    expect(await verifiedCsrfToken(`${token}|${'0'.repeat(64)}`, secret)).toBeNull();
    expect(await verifiedCsrfToken(`${token}|${nextAuthHash(token)}`, 'another-secret')).toBeNull();
    for (const value of [undefined, '', token, `${token}|`, `|${nextAuthHash(token)}`, `xyz|${nextAuthHash('xyz')}`, `${token}|${nextAuthHash(token)}|extra`]) {
      expect(await verifiedCsrfToken(value, secret)).toBeNull();
    }
    expect(csrfTokenFromCookie('<script>|x')).toBeUndefined();
  });
});
