import type { db, Tx } from '@/lib/db';
import { activityConsensus, checkHasRun } from '@/lib/roles/rules';

type Client = Tx | typeof db;

/**
 * The contested activities of one expectations check, worked out from
 * everyone's submitted answers (as the manager sees them), each with how it
 * was settled, if it was. In the catalogue's order. Names activities only:
 * nothing here says who answered what.
 */
export async function contestedActivities(client: Client, checkId: string) {
  const [responses, resolutions] = await Promise.all([
    client.expectationResponse.findMany({
      where: { participant: { checkId, submittedAt: { not: null } } },
      select: { activityId: true, answer: true, participant: { select: { group: true } }, activity: { select: { name: true, sortOrder: true } } },
    }),
    client.contestedResolution.findMany({
      where: { checkId },
      select: { activityId: true, outcome: true, section: true, note: true, updatedAt: true, resolvedBy: { select: { name: true } } },
    }),
  ]);
  const byActivity = new Map<string, typeof responses>();
  for (const response of responses) byActivity.set(response.activityId, [...(byActivity.get(response.activityId) ?? []), response]);
  return [...byActivity.values()]
    .filter((answers) => activityConsensus(answers.map((answer) => ({ group: answer.participant.group, answer: answer.answer }))).contested)
    .map((answers) => answers[0])
    .sort((a, b) => a.activity.sortOrder - b.activity.sortOrder || a.activity.name.localeCompare(b.activity.name, 'en-GB'))
    .map(({ activityId, activity }) => {
      const resolution = resolutions.find((row) => row.activityId === activityId) ?? null;
      return { activityId, name: activity.name, settled: resolution !== null, resolution };
    });
}

/**
 * What the agreement rule takes from a role's expectations checks: its latest
 * run check (answered by people from at least 2 groups; see checkHasRun) with
 * its contested activities, and any newer check still waiting for answers.
 * Sending a new check does not wipe out what the previous one found until the
 * new one has been run.
 */
export async function expectationsEvidence(client: Client, roleId: string) {
  const checks = await client.expectationCheck.findMany({
    where: { roleId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, createdAt: true, closedAt: true, participants: { where: { submittedAt: { not: null } }, select: { group: true }, distinct: ['group'] } },
  });
  const runIndex = checks.findIndex((check) => checkHasRun(check.participants.map((participant) => participant.group)));
  const run = runIndex === -1 ? null : checks[runIndex];
  const newer = runIndex === -1 ? (checks[0] ?? null) : runIndex > 0 ? checks[0] : null;
  return {
    check: run ? { id: run.id, createdAt: run.createdAt, closedAt: run.closedAt, contested: await contestedActivities(client, run.id) } : null,
    newerCheck: newer ? { id: newer.id, createdAt: newer.createdAt } : null,
  };
}

export type ExpectationsEvidence = Awaited<ReturnType<typeof expectationsEvidence>>;
