/**
 * Pure rules of an expectations check: how far stakeholder groups agree on each
 * activity, when an activity is contested, and which check the agreement rule
 * reads. No database here: these are unit-tested on hand-made cases.
 */
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '@/lib/teams/rules';

export const EXPECTATION_ANSWERS = ['CORE', 'SOMETIMES', 'NOT_PART'] as const;
export type ExpectationAnswer = (typeof EXPECTATION_ANSWERS)[number];

/** Core = 2, sometimes = 1, not part of the role = 0. */
const POSITION: Record<ExpectationAnswer, number> = { CORE: 2, SOMETIMES: 1, NOT_PART: 0 };

export type AnswerCounts = Record<ExpectationAnswer, number>;

export interface GroupAnswers {
  group: StakeholderGroup;
  counts: AnswerCounts;
  total: number;
  /** Mean position, 0 (not part) to 2 (core). */
  position: number;
  /** What at least half the group said, if anything did. */
  leaning: ExpectationAnswer | null;
}

export interface ActivityConsensus {
  groups: GroupAnswers[];
  /** 0 to 100; null until at least two groups have answered. */
  agreementScore: number | null;
  contested: boolean;
}

/** Below this score an activity is contested even when no group is clear-cut. */
export const CONTESTED_BELOW = 50;

const NO_ANSWERS: AnswerCounts = { CORE: 0, SOMETIMES: 0, NOT_PART: 0 };

/** One group's position and leaning from how many gave each answer; null when nobody in it answered. */
function summariseGroup(group: StakeholderGroup, counts: AnswerCounts): GroupAnswers | null {
  const total = counts.CORE + counts.SOMETIMES + counts.NOT_PART;
  if (total === 0) return null;
  const position = EXPECTATION_ANSWERS.reduce((sum, answer) => sum + counts[answer] * POSITION[answer], 0) / total;
  const leaning = EXPECTATION_ANSWERS.find((answer) => counts[answer] * 2 >= total && counts[answer] * 2 > 0) ?? null;
  return { group, counts: { ...counts }, total, position, leaning };
}

export function groupAnswers(answers: ReadonlyArray<{ group: StakeholderGroup; answer: ExpectationAnswer }>): GroupAnswers[] {
  return STAKEHOLDER_GROUPS.flatMap((group) => {
    const counts: AnswerCounts = { ...NO_ANSWERS };
    for (const answer of answers) if (answer.group === group) counts[answer.answer] += 1;
    const summary = summariseGroup(group, counts);
    return summary ? [summary] : [];
  });
}

/**
 * Agreement is measured between groups, not individuals, so that five nurses do
 * not outvote one peer worker: each group's position is the mean of its answers,
 * and the score is 100 × (1 − spread / 2), where spread is the distance between
 * the most and least "core" groups. Every group the same: 100. One group
 * unanimously "core" and another unanimously "not part of it": 0.
 *
 * Contested: some group leans "core" while another leans "not part of it", or
 * the score is below CONTESTED_BELOW (groups more than one step apart on average).
 */
export function consensusOf(groups: ReadonlyArray<GroupAnswers>): Omit<ActivityConsensus, 'groups'> {
  if (groups.length < 2) return { agreementScore: null, contested: false };
  const positions = groups.map((group) => group.position);
  const spread = Math.max(...positions) - Math.min(...positions);
  const agreementScore = Math.round(100 * (1 - spread / 2));
  const opposed = groups.some((group) => group.leaning === 'CORE') && groups.some((group) => group.leaning === 'NOT_PART');
  return { agreementScore, contested: opposed || agreementScore < CONTESTED_BELOW };
}

export function activityConsensus(answers: ReadonlyArray<{ group: StakeholderGroup; answer: ExpectationAnswer }>): ActivityConsensus {
  const groups = groupAnswers(answers);
  return { groups, ...consensusOf(groups) };
}

/**
 * An expectations check has been run once people from at least two stakeholder
 * groups have answered it: only then can it compare groups and find contested
 * activities.
 */
export function checkHasRun(answeredGroups: Iterable<StakeholderGroup>): boolean {
  return new Set(answeredGroups).size >= 2;
}

export interface CheckForEvidence {
  closedAt: Date | null;
  /** The stakeholder group of each person who has submitted answers. */
  answeredGroups: ReadonlyArray<StakeholderGroup>;
}

/**
 * The one expectations check of a role that the agreement rule reads, from the
 * role's checks newest first: the latest CLOSED check that has been run. Only
 * when no closed check has been run does the latest run check that is still
 * open count (a role has at most one open check). A closed check's answers are
 * frozen, so an open check, whose first few answers could look alike, never
 * replaces what a closed one found: it counts once it is closed (by the
 * manager, or by sending another check). Null when no check has been run.
 */
export function countingCheck<T extends CheckForEvidence>(checksNewestFirst: ReadonlyArray<T>): T | null {
  const run = checksNewestFirst.filter((check) => checkHasRun(check.answeredGroups));
  return run.find((check) => check.closedAt !== null) ?? run.find((check) => check.closedAt === null) ?? null;
}
