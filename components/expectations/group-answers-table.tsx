import { FIGURES_WITHHELD_TEXT, STAKEHOLDER_SINGULAR, withheldGroupText } from '@/components/expectations/labels';
import { Table } from '@/components/ui/table';
import type { ExpectationAnswer, StakeholderGroup } from '@/lib/generated/prisma/enums';
import { type GroupAnswers } from '@/lib/expectations/rules';
import { STAKEHOLDER_GROUPS } from '@/lib/teams/rules';
import { ANSWER_LABELS } from '@/lib/expectations/schemas';
import { isWithheld, type ShownGroup } from '@/lib/expectations/small-numbers';
import { STAKEHOLDER_GROUP_LABELS } from '@/lib/teams/labels';

/**
 * How each stakeholder group answered one activity: a row per group whose
 * answers may be shown, then the groups that answered but are too small to show
 * (the query has already left their figures out).
 */
export function GroupAnswersTable({
  groups,
  caption,
  figuresWithheld = false,
  yourGroup = null,
}: {
  groups: ShownGroup[];
  caption: string;
  /** None of this activity's figures may be shown (lib/expectations/small-numbers.ts, rule 3). */
  figuresWithheld?: boolean;
  /** The viewer's own group, when they answered. */
  yourGroup?: StakeholderGroup | null;
}) {
  if (groups.length === 0) return <p className="nhsuk-u-secondary-text-colour">Nobody has answered about this activity yet.</p>;
  if (figuresWithheld) return <p>{FIGURES_WITHHELD_TEXT}</p>;
  const shown = groups.filter((group): group is GroupAnswers => !isWithheld(group));
  const withheld = groups.filter(isWithheld);
  return (
    <>
      {shown.length > 0 ? (
        <Table
          caption={caption}
          captionSize="s"
          responsive
          firstCellIsHeader
          columns={[
            { header: 'Group' },
            { header: ANSWER_LABELS.CORE, numeric: true },
            { header: ANSWER_LABELS.SOMETIMES, numeric: true },
            { header: ANSWER_LABELS.NOT_PART, numeric: true },
          ]}
          rows={shown.map((group) => ({
            key: group.group,
            cells: [STAKEHOLDER_GROUP_LABELS[group.group], group.counts.CORE, group.counts.SOMETIMES, group.counts.NOT_PART],
          }))}
        />
      ) : null}
      {withheld.length > 0 ? (
        <>
          <p className="nhsuk-u-margin-bottom-2">{shown.length > 0 ? 'Not shown, to protect people in small groups:' : 'No group is shown, to protect people in small groups:'}</p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {withheld.map((group) => (
              <li key={group.group}>
                {STAKEHOLDER_GROUP_LABELS[group.group]}: {withheldGroupText(group.group === yourGroup).toLowerCase()}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export interface IndividualAnswer {
  name: string;
  group: StakeholderGroup;
  answer: ExpectationAnswer;
}

/** Who said what, for the team's managers only (the query withholds it from everyone else). */
export function IndividualAnswers({ answers, activityName, compact = false }: { answers: IndividualAnswer[]; activityName: string; compact?: boolean }) {
  if (answers.length === 0) return null;
  const sorted = [...answers].sort((a, b) => STAKEHOLDER_GROUPS.indexOf(a.group) - STAKEHOLDER_GROUPS.indexOf(b.group) || a.name.localeCompare(b.name, 'en-GB'));
  return (
    <details className={`nhsuk-details${compact ? ' nhsuk-u-font-size-16 nhsuk-u-font-weight-normal nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0' : ''}`}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {compact ? 'Who said what' : `Individual answers (${answers.length})`}
          <span className="nhsuk-u-visually-hidden"> about {activityName}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <p className="nhsuk-body-s">Only the team&apos;s managers can see who said what. Everyone else sees the totals by group.</p>
        <ul className="nhsuk-list">
          {sorted.map((answer, index) => (
            <li key={index}>
              {answer.name} ({STAKEHOLDER_SINGULAR[answer.group]}): <strong>{ANSWER_LABELS[answer.answer]}</strong>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
