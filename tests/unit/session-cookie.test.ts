import { encode } from 'next-auth/jwt';
import { claimsFromCookie } from '@/lib/auth/session';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-lifetime';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const claims = { sub: '5b0c3a4e-1111-4222-8333-944445555666', sid: '6c1d4b5f-2222-4333-9444-a55556666777', authTime: Date.now() };

describe('claimsFromCookie (the session cookie, decoded without re-issuing it)', () => {
  it('reads the ids and the sign-in time from a token next-auth made with the secret', async () => {
    const token = await encode({ token: claims, secret: SECRET });
    expect(await claimsFromCookie(token, SECRET)).toEqual({ userId: claims.sub, sessionId: claims.sid, authTime: claims.authTime });
  });

  it('refuses a token made with another secret, a tampered one, none, or no secret', async () => {
    const token = await encode({ token: claims, secret: SECRET });
    expect(await claimsFromCookie(token, 'another-secret-entirely-0123456789-abcdef')).toBeNull();
    expect(await claimsFromCookie(`${token.slice(0, -4)}AAAA`, SECRET)).toBeNull();
    expect(await claimsFromCookie('not a token', SECRET)).toBeNull();
    expect(await claimsFromCookie(undefined, SECRET)).toBeNull();
    expect(await claimsFromCookie(token, undefined)).toBeNull();
  });

  it('refuses a token past its expiry, or signed in more than 8 hours ago, or missing a claim', async () => {
    expect(await claimsFromCookie(await encode({ token: claims, secret: SECRET, maxAge: -60 }), SECRET)).toBeNull();
    const old = { ...claims, authTime: Date.now() - (SESSION_MAX_AGE_SECONDS + 60) * 1000 };
    expect(await claimsFromCookie(await encode({ token: old, secret: SECRET }), SECRET)).toBeNull();
    expect(await claimsFromCookie(await encode({ token: { sub: claims.sub, authTime: claims.authTime }, secret: SECRET }), SECRET)).toBeNull();
  });
});
