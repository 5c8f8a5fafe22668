import type { ExpectationAnswer, StakeholderGroup } from '@/lib/generated/prisma/enums';
import { STAKEHOLDER_GROUPS } from '@/lib/roles/rules';
import { STAKEHOLDER_GROUP_LABELS } from '@/lib/roles/stakeholders';

/** Short forms for tables, where "Core part of the role" repeated in every cell would crowd the columns. */
export const SHORT_ANSWER_LABELS: Record<ExpectationAnswer, string> = {
  CORE: 'Core',
  SOMETIMES: 'Sometimes',
  NOT_PART: 'Not part',
};

const ANSWER_ORDER: ExpectationAnswer[] = ['CORE', 'SOMETIMES', 'NOT_PART'];

/** "Core 2, Sometimes 1": only the answers someone gave. */
export function answerCountsText(counts: Record<ExpectationAnswer, number>): string {
  return ANSWER_ORDER.filter((answer) => counts[answer] > 0)
    .map((answer) => `${SHORT_ANSWER_LABELS[answer]} ${counts[answer]}`)
    .join(', ');
}

export function agreementScoreText(score: number | null): string {
  return score === null ? 'Needs answers from 2 groups' : `${score} out of 100`;
}

/** One person in a group, for "Marcus Bennett (peer worker)". */
export const STAKEHOLDER_SINGULAR: Record<StakeholderGroup, string> = {
  MANAGER: 'manager',
  STAFF: 'non-peer staff',
  PEER_WORKER: 'peer worker',
  SERVICE_USER_REP: 'service-user representative',
  HR: 'HR',
};

/** Groups in the order the rules define them, with their labels. */
export const GROUPS_IN_ORDER = STAKEHOLDER_GROUPS.map((group) => ({ group, label: STAKEHOLDER_GROUP_LABELS[group] }));
