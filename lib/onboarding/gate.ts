/*
 * What other workflows may take from onboarding: today, what the dashboards'
 * nightly job measures of placements (lib/dashboards/measures.ts). Nothing
 * here is server-only: scripts and jobs import gates.
 */
import type { db, Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

export { onboardingOfTeam, openParityByPlacement, placementMeasuresByTeam, type PlacementProgress, type TeamPlacementMeasures } from '@/lib/onboarding/records';
export { placementPath, taskPath } from '@/lib/onboarding/paths';

/**
 * For each team, its peer workers (active members with the peer worker role)
 * and how many have no current placement in the team on a role that has an
 * agreed version: employed on a role nobody agreed, or not placed at all.
 */
export async function peerWorkersByTeam(client: Tx | typeof db): Promise<Map<string, { peerWorkers: number; withoutAgreedRole: number }>> {
  const rows = await client.$queryRaw<Array<{ teamId: string; peerWorkers: number; withoutAgreedRole: number }>>`
    SELECT m."teamId"::text AS "teamId", count(*)::int AS "peerWorkers",
      (count(*) FILTER (WHERE NOT EXISTS (
        SELECT 1 FROM "Placement" p JOIN "RoleVersion" v ON v.id = p."roleVersionId"
        WHERE p."userId" = m."userId" AND p."teamId" = m."teamId" AND p."endedAt" IS NULL
          AND EXISTS (SELECT 1 FROM "RoleVersion" agreed WHERE agreed."roleId" = v."roleId" AND agreed.status = 'AGREED')
      )))::int AS "withoutAgreedRole"
    FROM "TeamMembership" m JOIN "User" u ON u.id = m."userId"
    WHERE m.role = 'PEER_WORKER' AND u."disabledAt" IS NULL
    GROUP BY m."teamId"`;
  return new Map(rows.map((row) => [row.teamId, { peerWorkers: row.peerWorkers, withoutAgreedRole: row.withoutAgreedRole }]));
}

/** Work list rows: the onboarding tasks this person owes, not yet done or removed (TASK), due on their due date. */
export function onboardingWorkSql(userId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT 'TASK' AS kind, k.id::text AS ref, p.id::text AS parent, t.id::text AS "teamId", u.name AS extra, k.title, t.name AS team, k."dueOn"::timestamp AS at
    FROM "OnboardingTask" k JOIN "OnboardingPlan" n ON n.id = k."planId" JOIN "Placement" p ON p.id = n."placementId" JOIN "Team" t ON t.id = p."teamId" JOIN "User" u ON u.id = p."userId"
    WHERE k."ownerId" = ${userId}::uuid AND k.status <> 'COMPLETED' AND k."removedAt" IS NULL AND p."endedAt" IS NULL`;
}
