import type { db, Tx } from '@/lib/db';
import type { ExpectationAnswer, StakeholderGroup } from '@/lib/generated/prisma/enums';
import { activityConsensus, countingCheck } from '@/lib/expectations/rules';
import { type AgreementState } from '@/lib/agreement/rules';
import { participantConsensus } from '@/lib/expectations/small-numbers';

type Client = Tx | typeof db;

interface Answer {
  activityId: string;
  answer: ExpectationAnswer;
  participant: { group: StakeholderGroup; userId: string };
  activity: { name: string; sortOrder: number };
}

const RESOLUTION_SELECT = { activityId: true, outcome: true, section: true, note: true, updatedAt: true, resolvedBy: { select: { name: true } } } as const;

/**
 * Every submitted answer of one check, by activity, with the group and person
 * who gave it, and how each contested activity was settled: one query.
 */
async function answersAndSettlements(client: Client, checkId: string) {
  const check = await client.expectationCheck.findUnique({
    where: { id: checkId },
    select: {
      resolutions: { select: RESOLUTION_SELECT },
      participants: {
        where: { submittedAt: { not: null } },
        select: { group: true, userId: true, responses: { select: { activityId: true, answer: true, activity: { select: { name: true, sortOrder: true } } } } },
      },
    },
  });
  const byActivity = new Map<string, Answer[]>();
  for (const participant of check?.participants ?? []) {
    for (const response of participant.responses) {
      const answers = byActivity.get(response.activityId) ?? [];
      answers.push({ activityId: response.activityId, answer: response.answer, participant: { group: participant.group, userId: participant.userId }, activity: response.activity });
      byActivity.set(response.activityId, answers);
    }
  }
  return { byActivity, resolutions: check?.resolutions ?? [] };
}

/**
 * The answers behind an evidence's counting check, read once per evidence: the
 * version page shows the evidence as one person may see it (evidenceAsSeenBy)
 * from the same answers the agreement rule read, without reading them again.
 */
const answersBehind = new WeakMap<object, Map<string, Answer[]>>();

function contestedFrom({ byActivity, resolutions }: Awaited<ReturnType<typeof answersAndSettlements>>) {
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
 * The contested activities of one expectations check, worked out from
 * everyone's submitted answers (as the manager sees them), each with how it
 * was settled, if it was. In the catalogue's order. Names activities only:
 * nothing here says who answered what. This is what the agreement rule reads;
 * what someone who may not see individual answers is shown of it is
 * `evidenceAsSeenBy`.
 */
export async function contestedActivities(client: Client, checkId: string) {
  return contestedFrom(await answersAndSettlements(client, checkId));
}

/**
 * Why some of a check's contested activities are not listed for someone who
 * may not see individual answers: the check is still open (nothing of its
 * results is shown until it closes), or, once closed, whether some activities
 * are contested is withheld by the small-numbers rules (lib/expectations/small-numbers.ts).
 * `unsettled` says whether any of those withheld is still to be settled: never
 * how many, nor which.
 */
export type ContestedWithheld = { reason: 'CHECK_OPEN' } | { reason: 'SMALL_NUMBERS'; unsettled: boolean };

/**
 * What the agreement rule takes from a role's expectations checks: the check
 * that counts (see countingCheck in lib/expectations/rules.ts: the latest closed check
 * that was run, or before any has closed the open one once run) with its
 * contested activities, and the newest check after it, if any (still open, or
 * closed before it was run). `withheld` is null: this is the whole list, as
 * the manager sees it.
 */
export async function expectationsEvidence(client: Client, roleId: string) {
  const checks = await client.expectationCheck.findMany({
    where: { roleId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, createdAt: true, closedAt: true, participants: { where: { submittedAt: { not: null } }, select: { group: true }, distinct: ['group'] } },
  });
  const counting = countingCheck(checks.map((check) => ({ ...check, answeredGroups: check.participants.map((participant) => participant.group) })));
  // Newest first: any check before the counting one is newer than it.
  const countingIndex = counting ? checks.findIndex((check) => check.id === counting.id) : checks.length;
  const newer = countingIndex > 0 ? checks[0] : null;
  const read = counting ? await answersAndSettlements(client, counting.id) : null;
  const check =
    counting && read ? { id: counting.id, createdAt: counting.createdAt, closedAt: counting.closedAt, contested: contestedFrom(read), withheld: null as ContestedWithheld | null } : null;
  if (check && read) answersBehind.set(check, read.byActivity);
  return { check, newerCheck: newer ? { id: newer.id, createdAt: newer.createdAt, closedAt: newer.closedAt } : null };
}

export type ExpectationsEvidence = Awaited<ReturnType<typeof expectationsEvidence>>;

/**
 * The expectations evidence as someone who may not see individual answers
 * (everyone but the team's managers and administrators) is shown it on the
 * version and agree pages. They are shown only the contested activities whose
 * flag they may see on the check itself: the check has closed (its answers are
 * frozen, so they see one view of it, ever) and the small-numbers rules give a
 * flag for that activity from their point of view (their own answers marked
 * `mine`; a reviewer who did not take part has none). The rest are not named,
 * and not counted: only whether any of them is still to be settled, and while
 * the check is open not even that, since it would change as answers change.
 * The agreement rule itself still reads everyone's answers.
 */
export async function evidenceAsSeenBy(client: Client, evidence: ExpectationsEvidence, userId: string): Promise<ExpectationsEvidence> {
  const { check } = evidence;
  if (!check) return evidence;
  if (check.closedAt === null) return { ...evidence, check: { ...check, contested: [], withheld: { reason: 'CHECK_OPEN' } } };
  const byActivity = answersBehind.get(check) ?? (await answersAndSettlements(client, check.id)).byActivity;
  const flagHidden = new Set(
    [...byActivity]
      .filter(([, answers]) => participantConsensus(answers.map((answer) => ({ group: answer.participant.group, answer: answer.answer, mine: answer.participant.userId === userId }))).contested === null)
      .map(([activityId]) => activityId),
  );
  if (flagHidden.size === 0) return evidence;
  return {
    ...evidence,
    check: {
      ...check,
      contested: check.contested.filter((activity) => !flagHidden.has(activity.activityId)),
      withheld: { reason: 'SMALL_NUMBERS', unsettled: check.contested.some((activity) => flagHidden.has(activity.activityId) && !activity.settled) },
    },
  };
}

/**
 * Contested activities this person is not shown that the agreement still
 * waits for: 'CHECK_OPEN' while the counting check is open (whatever its
 * answers), 'UNSETTLED' when some withheld by the small-numbers rules are not
 * settled yet; null when nothing is withheld or the policy does not ask for
 * them to be settled.
 */
export type ContestedNotShown = 'CHECK_OPEN' | 'UNSETTLED' | null;

/**
 * The agreement state as this person is shown it: the unsettled contested
 * activities they may see of `shown` (from evidenceAsSeenBy), and whether
 * others they may not see are outstanding. The status itself is unchanged.
 */
export function agreementAsSeen(state: AgreementState, shown: ExpectationsEvidence | null, requireContestedSettled: boolean): AgreementState & { contestedNotShown: ContestedNotShown } {
  const withheld = shown?.check?.withheld ?? null;
  if (!withheld || !requireContestedSettled) return { ...state, contestedNotShown: null };
  const listed = new Set(shown?.check?.contested.map((activity) => activity.activityId));
  return {
    ...state,
    unsettledContested: state.unsettledContested.filter((activity) => listed.has(activity.activityId)),
    contestedNotShown: withheld.reason === 'CHECK_OPEN' ? 'CHECK_OPEN' : withheld.unsettled ? 'UNSETTLED' : null,
  };
}
