import { getServerSession } from 'next-auth';
import { authOptions, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/options';

export interface SessionClaims {
  userId: string;
  /** When the person signed in (ms since epoch): sessions end 8 hours after, however active. */
  authTime: number;
}

export function sessionIsCurrent(authTime: unknown, now = Date.now()): authTime is number {
  return typeof authTime === 'number' && now - authTime < SESSION_MAX_AGE_SECONDS * 1000 && authTime <= now + 60_000;
}

/** The signed-in person's id from the session cookie, or null. Only an id: the person is reloaded from the database. */
export async function readSession(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  const authTime = session?.authTime;
  if (!userId || !sessionIsCurrent(authTime)) return null;
  return { userId, authTime };
}
