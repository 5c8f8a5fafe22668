import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { sessionIsCurrent } from '@/lib/auth/session-lifetime';

export interface SessionClaims {
  userId: string;
  /** The server-side session (lib/auth/sessions.ts) the cookie names. */
  sessionId: string;
  /** When the person signed in (ms since epoch): sessions end 8 hours after, however active. */
  authTime: number;
}

/**
 * What the session cookie claims: ids only. The claims are checked against the
 * server-side session and the person is reloaded from the database
 * (lib/auth/load.ts) before anything is shown or done.
 */
export async function readSession(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  const authTime = session?.authTime;
  if (!userId || typeof sessionId !== 'string' || !sessionIsCurrent(authTime)) return null;
  return { userId, sessionId, authTime };
}
