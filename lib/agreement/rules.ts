/**
 * The pure agreement rule: when a version of a role is Agreed, and what each
 * person is shown of why it is not yet. No database here: unit-tested on
 * hand-made cases.
 */
import type { StakeholderGroup } from '@/lib/teams/rules';

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
 * only what each person is shown of them differs (lib/expectations/contested.ts).
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
