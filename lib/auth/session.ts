import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { authCookieNames } from '@/lib/auth/cookies';
import { sessionIsCurrent } from '@/lib/auth/session-lifetime';

export interface SessionClaims {
  userId: string;
  /** The server-side session (lib/auth/sessions.ts) the cookie names. */
  sessionId: string;
  /** When the person signed in (ms since epoch): sessions end 8 hours after, however active. */
  authTime: number;
}

/**
 * The claims of a session cookie's value: next-auth's encrypted token, decoded
 * and checked (signature, expiry) with the secret. Null for anything else.
 */
export async function claimsFromCookie(value: string | undefined, secret: string | undefined): Promise<SessionClaims | null> {
  if (!value || !secret) return null;
  const token = await decode({ token: value, secret }).catch(() => null);
  const userId = token?.sub;
  const sessionId = token?.sid;
  const authTime = token?.authTime;
  if (typeof userId !== 'string' || !userId || typeof sessionId !== 'string' || typeof authTime !== 'number' || !sessionIsCurrent(authTime)) return null;
  return { userId, sessionId, authTime };
}

/**
 * What the session cookie claims: ids only. The claims are checked against the
 * server-side session and the person is reloaded from the database
 * (lib/auth/load.ts) before anything is shown or done. The cookie is only
 * decoded: next-auth's getServerSession would also re-encrypt and re-set it on
 * every request, which a session that ends 8 hours after sign-in (and idles out
 * on the server) does not need (docs/decisions/0015).
 */
export async function readSession(): Promise<SessionClaims | null> {
  const jar = await cookies();
  return claimsFromCookie(jar.get(authCookieNames().sessionToken)?.value, process.env.NEXTAUTH_SECRET);
}
