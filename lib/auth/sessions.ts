import { randomUUID } from 'node:crypto';
import { db, type Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { SessionEndReason } from '@/lib/generated/prisma/enums';
import { SESSION_IDLE_MS, SESSION_MAX_AGE_SECONDS, SESSION_TOUCH_INTERVAL_MS } from '@/lib/auth/session-lifetime';
import { isUuid } from '@/lib/schema-fields';

/**
 * Server-side sessions (decision 0008). The cookie names a row here; a session is
 * current while the row has not ended, was seen within the idle limit and began
 * less than 8 hours ago. Ending the row ends the session at its next request,
 * whatever the cookie says.
 */


export type SessionCheck<Extra = never> =
  | { status: 'current'; idleExpiresAt: Date; extra?: Extra | null }
  /** Ended after the idle limit: the sign-in page says so. */
  | { status: 'timed-out' }
  /** Signed out, ended by a password change or an administrator, or never existed. */
  | { status: 'ended' };

/** Starts a session for a person who has just signed in (inside the sign-in's transaction); returns its id for the cookie. */
export async function startSession(userId: string, client: Tx | typeof db = db): Promise<string> {
  const id = randomUUID();
  await client.userSession.create({ data: { id, userId } });
  return id;
}

/**
 * Checks the session and, unless `touch` is false, records this request as
 * activity (at most once a minute, or now with `touch: 'always'`): one round trip either way. `also` is a
 * scalar subquery read in the same round trip, only for a current session
 * (lib/auth/current-user.ts reads the signed-in person this way).
 */
export async function checkSession<Extra = never>(
  sessionId: string,
  userId: string,
  { touch = true, now = new Date(), also }: { touch?: boolean | 'always'; now?: Date; also?: Prisma.Sql } = {},
): Promise<SessionCheck<Extra>> {
  if (!isUuid(sessionId) || !isUuid(userId)) return { status: 'ended' };
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS);
  const startedSince = new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000);
  // 'always': the person asked to stay signed in, so the session is extended now, however recently it was seen.
  const touchBefore = touch === 'always' ? now : touch ? new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS) : new Date(0);
  const extra = also ? Prisma.sql`CASE WHEN found.current THEN ${also} END` : Prisma.sql`NULL`;
  const rows = await db.$queryRaw<Array<{ lastSeenAt: Date | null; current: boolean; extra: Extra | null }>>`
    WITH found AS (
      SELECT id, "lastSeenAt", "endedAt" IS NULL AND "lastSeenAt" > ${idleSince} AND "createdAt" > ${startedSince} AS current
      FROM "UserSession" WHERE id = ${sessionId}::uuid AND "userId" = ${userId}::uuid
    ), touched AS (
      UPDATE "UserSession" AS s SET "lastSeenAt" = ${now}
      FROM found WHERE s.id = found.id AND found.current AND found."lastSeenAt" < ${touchBefore}
      RETURNING s."lastSeenAt"
    )
    SELECT COALESCE((SELECT "lastSeenAt" FROM touched), found."lastSeenAt") AS "lastSeenAt", found.current, ${extra} AS extra FROM found`;
  const row = rows[0];
  if (!row) return { status: 'ended' };
  if (!row.current) return (await endedByIdleness(sessionId, idleSince)) ? { status: 'timed-out' } : { status: 'ended' };
  return { status: 'current', idleExpiresAt: new Date((row.lastSeenAt ?? now).getTime() + SESSION_IDLE_MS), ...(also ? { extra: row.extra } : {}) };
}

/** True when the session lapsed for want of activity rather than being ended. */
async function endedByIdleness(sessionId: string, idleSince: Date): Promise<boolean> {
  const session = await db.userSession.findUnique({ where: { id: sessionId }, select: { endedAt: true, lastSeenAt: true } });
  return !!session && session.endedAt === null && session.lastSeenAt <= idleSince;
}

/** Ends one session (signing out). */
export async function endSession(sessionId: string, reason: SessionEndReason, client: Tx | typeof db = db): Promise<void> {
  if (!isUuid(sessionId)) return;
  await client.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date(), endedReason: reason } });
}

/** Ends every session of a person, except `keep` (the one making the change); returns how many ended. */
export async function endSessionsOf(client: Tx, who: string | readonly string[], reason: SessionEndReason, keep?: string): Promise<number> {
  const userIds = typeof who === 'string' ? [who] : [...who];
  if (userIds.length === 0) return 0;
  // The same row lock a sign-in holds while it starts a session (lib/auth/sign-in.ts): none slips in between. In id order, so two callers cannot deadlock.
  await client.$queryRaw`SELECT id FROM "User" WHERE id = ANY(${userIds}::uuid[]) ORDER BY id FOR UPDATE`;
  const { count } = await client.userSession.updateMany({
    where: { userId: { in: userIds }, endedAt: null, ...(keep && isUuid(keep) ? { id: { not: keep } } : {}) },
    data: { endedAt: new Date(), endedReason: reason },
  });
  return count;
}

/** Sessions of a person that could still be used: not ended, seen within the idle limit, under 8 hours old. */
export function activeSessionsWhere(userId: string, now = new Date()) {
  return {
    userId,
    endedAt: null,
    lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_MS) },
    createdAt: { gt: new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000) },
  };
}

/** How long ended or lapsed sessions are kept (for "where am I signed in" and investigations) before the nightly purge. */
export const ENDED_SESSIONS_KEPT_DAYS = 90;

/** The nightly purge (lib/jobs/schedules.ts): sessions that ended or lapsed long ago. Returns how many went. */
export async function purgeOldSessions(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - ENDED_SESSIONS_KEPT_DAYS * 24 * 60 * 60 * 1000);
  const { count } = await db.userSession.deleteMany({ where: { OR: [{ endedAt: { lt: before } }, { endedAt: null, lastSeenAt: { lt: before } }] } });
  return count;
}
