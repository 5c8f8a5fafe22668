/*
 * What other workflows may take from agreement: the version lock and the
 * re-judging of versions in review after a change to what the agreement rule
 * reads (expectations answers and settled activities), and the reviews a
 * person has still to do, and what the dashboards count of agreed roles.
 */
import type { db, Tx } from '@/lib/db';
export { lockVersionsInReview, nowAgreed, refreshVersionsInReview, type NowAgreed } from '@/lib/agreement/status';
export { pendingReviewCountSql, pendingReviews, reviewsWaiting } from '@/lib/agreement/queries';

/**
 * For each team, its roles with an agreed version, and how many of those
 * versions no peer worker agreed to (the dashboards' "no shared view of peer
 * practice" sign). Counts only.
 */
export async function agreedRolesByTeam(client: Tx | typeof db): Promise<Map<string, { agreedRoles: number; withoutPeerWorker: number }>> {
  const rows = await client.$queryRaw<Array<{ teamId: string; agreedRoles: number; withoutPeerWorker: number }>>`
    SELECT r."teamId"::text AS "teamId", count(*)::int AS "agreedRoles",
      (count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "Agreement" g WHERE g."versionId" = v.id AND g."group" = 'PEER_WORKER')))::int AS "withoutPeerWorker"
    FROM "RoleVersion" v JOIN "Role" r ON r.id = v."roleId"
    WHERE v.status = 'AGREED'
    GROUP BY r."teamId"`;
  return new Map(rows.map((row) => [row.teamId, { agreedRoles: row.agreedRoles, withoutPeerWorker: row.withoutPeerWorker }]));
}
