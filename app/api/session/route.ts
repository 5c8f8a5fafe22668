import { secondsUntil } from '@/lib/auth/session-lifetime';
import { json, signedInRoute } from '@/lib/route';

/**
 * For the timeout warning (components/layout/session-timeout.tsx): GET says how
 * long the session has left without counting as activity; POST ("Stay signed
 * in") counts as activity and says the new time.
 */
const status = (idleExpiresAt: Date) => json({ signedIn: true, idleExpiresAt: idleExpiresAt.toISOString(), secondsLeft: secondsUntil(idleExpiresAt) });

export const GET = signedInRoute(async (_request, session) => status(session.idleExpiresAt), { touch: false });

// "Stay signed in" extends the session now, even if a request a moment ago already counted.
export const POST = signedInRoute(async (_request, session) => status(session.idleExpiresAt), { touch: 'always' });

export const dynamic = 'force-dynamic';
