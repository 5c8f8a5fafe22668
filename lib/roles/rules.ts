/**
 * Pure rules for agreeing a peer worker role: how far stakeholder groups agree
 * on each activity, when an activity is contested, and when a version is Agreed.
 * No database here: these are unit-tested on hand-made cases.
 */

export const STAKEHOLDER_GROUPS = ['MANAGER', 'STAFF', 'PEER_WORKER', 'SERVICE_USER_REP', 'HR'] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const EXPECTATION_ANSWERS = ['CORE', 'SOMETIMES', 'NOT_PART'] as const;
export type ExpectationAnswer = (typeof EXPECTATION_ANSWERS)[number];

/** Core = 2, sometimes = 1, not part of the role = 0. */
const POSITION: Record<ExpectationAnswer, number> = { CORE: 2, SOMETIMES: 1, NOT_PART: 0 };

export interface GroupAnswers {
  group: StakeholderGroup;
  counts: Record<ExpectationAnswer, number>;
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

export function groupAnswers(answers: ReadonlyArray<{ group: StakeholderGroup; answer: ExpectationAnswer }>): GroupAnswers[] {
  return STAKEHOLDER_GROUPS.flatMap((group) => {
    const mine = answers.filter((answer) => answer.group === group);
    if (mine.length === 0) return [];
    const counts: Record<ExpectationAnswer, number> = { CORE: 0, SOMETIMES: 0, NOT_PART: 0 };
    for (const { answer } of mine) counts[answer] += 1;
    const position = mine.reduce((sum, { answer }) => sum + POSITION[answer], 0) / mine.length;
    const leaning = EXPECTATION_ANSWERS.find((answer) => counts[answer] * 2 >= mine.length && counts[answer] * 2 > 0) ?? null;
    return [{ group, counts, total: mine.length, position, leaning }];
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
export function activityConsensus(answers: ReadonlyArray<{ group: StakeholderGroup; answer: ExpectationAnswer }>): ActivityConsensus {
  const groups = groupAnswers(answers);
  if (groups.length < 2) return { groups, agreementScore: null, contested: false };
  const positions = groups.map((group) => group.position);
  const spread = Math.max(...positions) - Math.min(...positions);
  const agreementScore = Math.round(100 * (1 - spread / 2));
  const opposed = groups.some((group) => group.leaning === 'CORE') && groups.some((group) => group.leaning === 'NOT_PART');
  return { groups, agreementScore, contested: opposed || agreementScore < CONTESTED_BELOW };
}

export interface AgreementRequirement {
  group: StakeholderGroup | 'PEER_OR_REP';
  minimum: number;
}

export interface AgreementState {
  status: 'AGREED' | 'IN_REVIEW';
  /** Requirements not yet met, with how many more agreements each needs. */
  outstanding: Array<AgreementRequirement & { have: number }>;
  openConcerns: number;
}

/**
 * A version is Agreed when every required group has at least its minimum number
 * of agreements and no concern is open. `PEER_OR_REP` counts agreements from peer
 * workers and service-user representatives together.
 */
export function agreementStatus(
  requirements: ReadonlyArray<AgreementRequirement>,
  agreements: ReadonlyArray<{ group: StakeholderGroup }>,
  openConcerns: number,
): AgreementState {
  const outstanding = requirements.flatMap((requirement) => {
    const have = agreements.filter((agreement) =>
      requirement.group === 'PEER_OR_REP' ? agreement.group === 'PEER_WORKER' || agreement.group === 'SERVICE_USER_REP' : agreement.group === requirement.group,
    ).length;
    return have >= requirement.minimum ? [] : [{ ...requirement, have }];
  });
  return { status: outstanding.length === 0 && openConcerns === 0 ? 'AGREED' : 'IN_REVIEW', outstanding, openConcerns };
}

/** The default agreement policy: the manager, a non-peer staff member, a peer worker or service-user representative, and HR. */
export const DEFAULT_AGREEMENT_POLICY: AgreementRequirement[] = [
  { group: 'MANAGER', minimum: 1 },
  { group: 'STAFF', minimum: 1 },
  { group: 'PEER_OR_REP', minimum: 1 },
  { group: 'HR', minimum: 1 },
];
