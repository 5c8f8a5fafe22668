/**
 * Pure rules for agreeing a peer worker role: how far stakeholder groups agree
 * on each activity, when an activity is contested, and when a version is Agreed.
 * No database here: these are unit-tested on hand-made cases.
 */

export const STAKEHOLDER_GROUPS = ['MANAGER', 'STAFF', 'PEER_WORKER', 'SERVICE_USER_REP', 'HR'] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const EXPECTATION_ANSWERS = ['CORE', 'SOMETIMES', 'NOT_PART'] as const;
export type ExpectationAnswer = (typeof EXPECTATION_ANSWERS)[number];

/**
 * The one small-numbers threshold. Any figure that aggregates people's answers,
 * shown to someone who may not see the individual answers, is withheld when it
 * is made of fewer than this many other people's answers (the Office for
 * National Statistics and NHS Digital suppress small counts the same way).
 * Every later view that aggregates people's answers (check-ins, team views)
 * must reuse this constant, never a number of its own, and never go below it.
 * lib/roles/small-numbers.ts applies it to expectations checks.
 */
export const SMALL_GROUP_THRESHOLD = 3;

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

export interface AgreementRequirement {
  group: StakeholderGroup | 'PEER_OR_REP';
  minimum: number;
}

/** A team's agreement policy: who must agree, and what the expectations check must show first. */
export interface AgreementPolicy {
  requirements: ReadonlyArray<AgreementRequirement>;
  /** An expectations check of the role must have been run (answered by people from at least 2 groups). */
  requireExpectationsCheck: boolean;
  /** Every contested activity of the role's counting check (see countingCheck) must have been settled. */
  requireContestedSettled: boolean;
}

export interface ContestedActivityState {
  activityId: string;
  name: string;
  settled: boolean;
}

/** Where a version's review stands: the inputs of the agreement rule. */
export interface VersionReview {
  agreements: ReadonlyArray<{ group: StakeholderGroup }>;
  openConcerns: number;
  /** The role's counting expectations check (see countingCheck), with its contested activities from everyone's answers; null when none has been run. */
  latestCheck: { contested: ReadonlyArray<ContestedActivityState> } | null;
}

export interface AgreementState {
  status: 'AGREED' | 'IN_REVIEW';
  /** Requirements not yet met, with how many more agreements each needs. */
  outstanding: Array<AgreementRequirement & { have: number }>;
  openConcerns: number;
  /** The policy asks for an expectations check and none has been run. */
  expectationsCheckMissing: boolean;
  /** Contested activities of the counting check still to be settled, when the policy asks for each to be settled. */
  unsettledContested: ContestedActivityState[];
}

/**
 * A version is Agreed when every required group has at least its minimum number
 * of agreements, no concern is open, and what the team's policy asks of the
 * expectations check holds: a check has been run (when required) and every
 * contested activity of the role's counting check (the latest closed check that
 * was run, or before any has closed the open one once run: see countingCheck)
 * has been settled (when required; on by default). The contested activities come
 * from everyone's answers, whoever is looking: the rule is the same for all;
 * only what each person is shown of them differs (lib/roles/contested.ts).
 * `PEER_OR_REP` counts agreements from peer workers and service-user
 * representatives together.
 */
export function agreementStatus(policy: AgreementPolicy, review: VersionReview): AgreementState {
  const outstanding = policy.requirements.flatMap((requirement) => {
    const have = review.agreements.filter((agreement) =>
      requirement.group === 'PEER_OR_REP' ? agreement.group === 'PEER_WORKER' || agreement.group === 'SERVICE_USER_REP' : agreement.group === requirement.group,
    ).length;
    return have >= requirement.minimum ? [] : [{ ...requirement, have }];
  });
  const expectationsCheckMissing = policy.requireExpectationsCheck && review.latestCheck === null;
  const unsettledContested = policy.requireContestedSettled ? (review.latestCheck?.contested ?? []).filter((activity) => !activity.settled) : [];
  const agreed = outstanding.length === 0 && review.openConcerns === 0 && !expectationsCheckMissing && unsettledContested.length === 0;
  return { status: agreed ? 'AGREED' : 'IN_REVIEW', outstanding, openConcerns: review.openConcerns, expectationsCheckMissing, unsettledContested };
}

/** The default agreement policy: the manager, a non-peer staff member, a peer worker or service-user representative, and HR. */
export const DEFAULT_AGREEMENT_POLICY: AgreementRequirement[] = [
  { group: 'MANAGER', minimum: 1 },
  { group: 'STAFF', minimum: 1 },
  { group: 'PEER_OR_REP', minimum: 1 },
  { group: 'HR', minimum: 1 },
];

/** What the policy asks of the expectations check by default (the Team columns' defaults). */
export const DEFAULT_EXPECTATIONS_RULES = { requireExpectationsCheck: false, requireContestedSettled: true } as const;
