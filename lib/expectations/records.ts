import { ActionError, MESSAGES } from '@/lib/action-error';
import type { Tx } from '@/lib/db';
import { activeTeam } from '@/lib/teams/gate';

/**
 * The opening steps every action on one expectations check shares: check it
 * exists and that its team is active. An archived team takes no answers and
 * no settling of contested activities, as it takes no drafting or reviews
 * (tests/integration/archived-team.test.ts). The locks each action needs come
 * after, in the order the agreement rule requires (lockVersionsInReview first).
 */
export async function openCheck(tx: Tx, checkId: string) {
  const check = await tx.expectationCheck.findUnique({ where: { id: checkId }, select: { id: true, roleId: true, role: { select: { teamId: true, title: true } } } });
  if (!check) throw new ActionError('NOT_FOUND', MESSAGES.NOT_FOUND);
  await activeTeam(tx, check.role.teamId);
  return { id: check.id, roleId: check.roleId, teamId: check.role.teamId, roleTitle: check.role.title };
}

/**
 * Locks an expectations check's row against closing for the rest of the
 * transaction, and returns when it closed (null while open). Answers share the
 * lock with each other; closing waits for them (see lockOpenChecks), and an
 * answer that comes after a close sees it closed. Take it after
 * lockVersionsInReview, as closing does, so that the two cannot deadlock.
 */
export async function lockCheckForAnswers(tx: Tx, checkId: string): Promise<{ closedAt: Date | null } | null> {
  const rows = await tx.$queryRaw<Array<{ closedAt: Date | null }>>`SELECT "closedAt" FROM "ExpectationCheck" WHERE "id" = ${checkId}::uuid FOR SHARE`;
  return rows[0] ?? null;
}

/**
 * Locks the open expectations checks about to be closed (one by id, or a
 * role's), waiting for answers being saved to them, and returns their ids.
 * Closing then stamps `closedAt` after every answer it kept: a closed check's
 * answers all predate its closing. After lockVersionsInReview, as answering.
 */
export async function lockOpenChecks(tx: Tx, where: { checkId: string } | { roleId: string }): Promise<string[]> {
  const rows =
    'checkId' in where
      ? await tx.$queryRaw<Array<{ id: string }>>`SELECT "id"::text AS "id" FROM "ExpectationCheck" WHERE "id" = ${where.checkId}::uuid AND "closedAt" IS NULL FOR UPDATE`
      : await tx.$queryRaw<Array<{ id: string }>>`SELECT "id"::text AS "id" FROM "ExpectationCheck" WHERE "roleId" = ${where.roleId}::uuid AND "closedAt" IS NULL ORDER BY "id" FOR UPDATE`;
  return rows.map((row) => row.id);
}
