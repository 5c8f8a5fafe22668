import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { sessionIsCurrent } from '@/lib/auth/session-lifetime';

export interface SessionClaims {
  userId: string;
  /** When the person signed in (ms since epoch): sessions end 8 hours after, however active. */
  authTime: number;
}

/** The signed-in person's id from the session cookie, or null. Only an id: the person is reloaded from the database. */
export async function readSession(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  const authTime = session?.authTime;
  if (!userId || !sessionIsCurrent(authTime)) return null;
  return { userId, authTime };
}
