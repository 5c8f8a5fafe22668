import type { ExpectationAnswer, StakeholderGroup } from '@/lib/generated/prisma/enums';
import { SMALL_GROUP_THRESHOLD } from '@/lib/small-numbers';
import { STAKEHOLDER_GROUPS } from '@/lib/teams/rules';
import { STAKEHOLDER_GROUP_LABELS } from '@/lib/teams/labels';

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

/**
 * The agreement score, or why there is none. `smallNumbers`: the viewer sees the
 * small-numbers view (lib/expectations/small-numbers.ts), where the score compares only
 * the groups shown.
 */
export function agreementScoreText(score: number | null, smallNumbers = false, figuresWithheld = false): string {
  if (score !== null) return `${score} out of 100`;
  if (figuresWithheld) return 'Not shown';
  return smallNumbers ? `Not shown: it needs 2 groups with at least ${SMALL_GROUP_THRESHOLD} answers each` : 'Needs answers from 2 groups';
}

/** Why a group's answers are not shown to someone who may not see who said what. */
export function withheldGroupText(yourGroup: boolean): string {
  return yourGroup ? `Fewer than ${SMALL_GROUP_THRESHOLD} people besides you answered in your group` : `Fewer than ${SMALL_GROUP_THRESHOLD} people in this group answered`;
}

/** Why none of an activity's figures are shown (lib/expectations/small-numbers.ts, rule 3). */
export const FIGURES_WITHHELD_TEXT =
  'The figures for this activity are not shown: with so few people in some groups, they and whether the activity is contested would let someone work out how one person answered.';

/** The same, under a table where some rows say "Not shown". */
export const FIGURES_WITHHELD_NOTE =
  '“Not shown” means that, with so few people in some groups, the figures for that activity and whether it is contested would let someone work out how one person answered.';

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
