/**
 * Small numbers in an expectations check: what someone who may not see who
 * said what (everyone but the team's managers and administrators) is shown of
 * one activity. Pure, and unit-tested, including exhaustively on small teams
 * (tests/unit/small-numbers.test.ts).
 *
 * Most teams have one manager, one HR partner and one representative, so a
 * group total is often one person's answer. The rules, each decided from how
 * many people answered in each group (which the viewer can know anyway), never
 * from what the hidden people answered, so that hiding something says nothing:
 *
 * 1. A group is shown only when at least SMALL_GROUP_THRESHOLD people other than
 *    the viewer answered in it; otherwise it is listed with no counts, position
 *    or leaning. "Other than the viewer": they know their own answer, so in a
 *    group of 3 including them the counts would give the other 2 away.
 * 2. The agreement score compares only the groups shown. A score over every
 *    group, beside the groups shown, would give a hidden group's position away.
 * 3. The contested flag is the one from everyone's answers. It must be: it is
 *    what the manager settles and what the version page lists for the agreement
 *    rule, and a second flag here would leak by the difference between the two.
 *    Because it covers the hidden answers too, the figures shown beside it must
 *    not narrow those down to one person: the hidden answers must come from at
 *    least SMALL_GROUP_THRESHOLD other people, none of them in the viewer's own
 *    group (whose answers, less the viewer's own, the flag would pin down).
 *    Otherwise no group's figures are shown for the activity (the secondary
 *    suppression NHS Digital and the Office for National Statistics apply).
 * 4. With fewer than 2 answers from outside the viewer's group, even the flag,
 *    beside the viewer's own answer, could tell them how the other person
 *    answered: it is not shown on the check (nor how it was settled), nor on
 *    the version page (lib/expectations/contested.ts, evidenceAsSeenBy).
 *
 * These rules hold for one view of a set of answers. So nobody is shown this
 * view until the check has closed and its answers are frozen
 * (lib/expectations/queries.ts): while it is open, views beside different answers of
 * the viewer's own, or before and after someone else answers, would narrow
 * the hidden answers down between them.
 */
import { consensusOf, groupAnswers, type ExpectationAnswer, type GroupAnswers } from '@/lib/expectations/rules';
import { SMALL_GROUP_THRESHOLD } from '@/lib/small-numbers';
import { type StakeholderGroup } from '@/lib/teams/rules';

/** A group whose figures are not shown: only that some of its people answered. */
export interface WithheldGroup {
  group: StakeholderGroup;
  withheld: true;
}

export type ShownGroup = GroupAnswers | WithheldGroup;

export const isWithheld = (group: ShownGroup): group is WithheldGroup => 'withheld' in group;

export interface ParticipantConsensus {
  groups: ShownGroup[];
  /** Between the groups shown only; null when fewer than 2 groups are shown. */
  agreementScore: number | null;
  /** From everyone's answers: the flag the manager settles and the version page lists. Null when not shown (rule 4). */
  contested: boolean | null;
  /** No group's figures are shown for this activity (rule 3). */
  figuresWithheld: boolean;
}

export interface ViewerAnswer {
  group: StakeholderGroup;
  answer: ExpectationAnswer;
  /** The viewer's own answer. */
  mine: boolean;
}

/**
 * One activity as someone who may not see individual answers is shown it,
 * from every submitted answer about it (theirs marked `mine`). See the rules
 * at the top of this file.
 */
export function participantConsensus(answers: ReadonlyArray<ViewerAnswer>): ParticipantConsensus {
  const everyone = groupAnswers(answers);
  const myGroup = answers.find((answer) => answer.mine)?.group ?? null;
  const others = new Map<StakeholderGroup, number>();
  for (const answer of answers) if (!answer.mine) others.set(answer.group, (others.get(answer.group) ?? 0) + 1);
  const othersIn = (group: StakeholderGroup) => others.get(group) ?? 0;

  const shown = everyone.filter((group) => othersIn(group.group) >= SMALL_GROUP_THRESHOLD);
  const hidden = everyone.filter((group) => !shown.includes(group));
  const hiddenAnswers = hidden.reduce((sum, group) => sum + othersIn(group.group), 0);
  const myGroupHidden = hidden.some((group) => group.group === myGroup && othersIn(group.group) > 0);
  const figuresWithheld = (hiddenAnswers > 0 && hiddenAnswers < SMALL_GROUP_THRESHOLD) || myGroupHidden;
  const answersOutsideMyGroup = everyone.reduce((sum, group) => sum + (group.group === myGroup ? 0 : othersIn(group.group)), 0);

  const visible = figuresWithheld ? [] : shown;
  return {
    groups: everyone.map((group) => (visible.includes(group) ? group : { group: group.group, withheld: true as const })),
    agreementScore: consensusOf(visible).agreementScore,
    contested: answersOutsideMyGroup >= 2 ? consensusOf(everyone).contested : null,
    figuresWithheld,
  };
}
