/*
 * What other workflows may take from expectations checks: what the agreement
 * rule reads of a role's checks (the contested activities, and what each
 * person may be shown of them), a role's checks for its overview, and the
 * checks a person has still to answer.
 */
import type { db, Tx } from '@/lib/db';
import { expectationsEvidence } from '@/lib/expectations/contested';
import { Prisma } from '@/lib/generated/prisma/client';

export { agreementAsSeen, evidenceAsSeenBy, expectationsEvidence, type ContestedNotShown, type ContestedWithheld, type ExpectationsEvidence } from '@/lib/expectations/contested';
export { checkAnswersWaiting, checksOfRole, pendingCheckCountSql, pendingChecks } from '@/lib/expectations/queries';

/**
 * For each team, the ids of its roles in review or recruited to whose counting
 * expectations check has contested activities not yet settled (the
 * dashboards' "expectations differ" sign): judged exactly as the agreement
 * rule judges them, a role at a time (a nightly job's work, not a page's).
 */
export async function unsettledContestedByTeam(client: Tx | typeof db): Promise<Map<string, string[]>> {
  const roles = await client.role.findMany({
    where: { team: { archivedAt: null }, versions: { some: { OR: [{ status: 'IN_REVIEW' }, { vacancies: { some: {} } }] } } },
    orderBy: { id: 'asc' },
    select: { id: true, teamId: true },
  });
  const byTeam = new Map<string, string[]>();
  for (const role of roles) {
    const { check } = await expectationsEvidence(client, role.id);
    if (check?.contested.some((activity) => !activity.settled)) byTeam.set(role.teamId, [...(byTeam.get(role.teamId) ?? []), role.id]);
  }
  return byTeam;
}

/** Work list rows: the expectations checks this person has still to answer (CHECK). */
export function expectationsWorkSql(userId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT 'CHECK' AS kind, c.id::text AS ref, r.id::text AS parent, t.id::text AS "teamId", NULL::text AS extra, r.title, t.name AS team, c."createdAt" AS at
    FROM "ExpectationParticipant" p JOIN "ExpectationCheck" c ON c.id = p."checkId" AND c."closedAt" IS NULL JOIN "Role" r ON r.id = c."roleId" JOIN "Team" t ON t.id = r."teamId"
    WHERE p."userId" = ${userId}::uuid AND p."submittedAt" IS NULL`;
}
