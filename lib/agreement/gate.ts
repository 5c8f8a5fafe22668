/*
 * What other workflows may take from agreement: the version lock and the
 * re-judging of versions in review after a change to what the agreement rule
 * reads (expectations answers and settled activities), and the reviews a
 * person has still to do, and what the dashboards count of agreed roles.
 */
import type { db, Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
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

/** Work list rows: the reviews this person has still to do (REVIEW), and the open concerns on versions in review of roles in teams they manage (CONCERN). */
export function agreementWorkSql(userId: string, managedTeamIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT 'REVIEW' AS kind, v.id::text AS ref, r.id::text AS parent, t.id::text AS "teamId", v.number::text AS extra, r.title, t.name AS team, i."createdAt" AS at
    FROM "ReviewInvitation" i JOIN "RoleVersion" v ON v.id = i."versionId" AND v.status = 'IN_REVIEW' JOIN "Role" r ON r.id = v."roleId" JOIN "Team" t ON t.id = r."teamId"
    WHERE i."userId" = ${userId}::uuid AND NOT EXISTS (SELECT 1 FROM "Agreement" a WHERE a."versionId" = v.id AND a."userId" = ${userId}::uuid)
    UNION ALL
    SELECT 'CONCERN', c.id::text, r.id::text, t.id::text, v.number::text, r.title, t.name, c."createdAt"
    FROM "Concern" c JOIN "RoleVersion" v ON v.id = c."versionId" AND v.status = 'IN_REVIEW' JOIN "Role" r ON r.id = v."roleId" JOIN "Team" t ON t.id = r."teamId"
    WHERE c.status = 'OPEN' AND t.id = ANY(${[...managedTeamIds]}::uuid[])`;
}
