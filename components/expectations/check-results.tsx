import Link from 'next/link';
import { GroupAnswersTable, IndividualAnswers } from '@/components/expectations/group-answers-table';
import { agreementScoreText, answerCountsText, GROUPS_IN_ORDER, SHORT_ANSWER_LABELS, STAKEHOLDER_SINGULAR, withheldGroupText, FIGURES_WITHHELD_NOTE } from '@/components/expectations/labels';
import { sectionPath } from '@/components/roles/paths';
import type { CheckActivity, LoadedCheck } from '@/lib/expectations/load';
import { DateTime } from '@/components/ui/date-time';
import { SummaryList } from '@/components/ui/summary-list';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { sectionTitle } from '@/lib/roles/rules';
import type { StakeholderGroup } from '@/lib/generated/prisma/enums';
import { CONTESTED_BELOW } from '@/lib/expectations/rules';
import { SMALL_GROUP_THRESHOLD } from '@/lib/small-numbers';
import { ANSWER_LABELS, OUTCOME_LABELS } from '@/lib/expectations/schemas';
import { isWithheld } from '@/lib/expectations/small-numbers';

interface ResultsProps {
  check: LoadedCheck;
  teamId: string;
  roleId: string;
  /** The team's managers and admins: settle contested activities, see who has answered. */
  canDraft: boolean;
}

const activityAnchor = (activityId: string) => `activity-${activityId}`;

function ContestedTags({ activity }: { activity: CheckActivity }) {
  return (
    <>
      <Tag colour="red">Contested</Tag>
      {activity.resolution ? (
        <>
          {' '}
          <Tag colour="green">Settled</Tag>
        </>
      ) : null}
    </>
  );
}

function Resolution({ activity, teamId, roleId, canDraft }: { activity: CheckActivity; teamId: string; roleId: string; canDraft: boolean }) {
  const { resolution } = activity;
  if (!resolution) {
    return <p>{canDraft ? 'You have not recorded how this was settled yet.' : 'The manager has not recorded how this was settled yet.'}</p>;
  }
  return (
    <SummaryList
      rows={[
        { key: 'Decision', value: OUTCOME_LABELS[resolution.outcome] },
        {
          key: 'Section of the description',
          value: canDraft ? <Link href={sectionPath(teamId, roleId, resolution.section)}>{sectionTitle(resolution.section)}</Link> : sectionTitle(resolution.section),
        },
        { key: 'What was decided', value: <span style={{ whiteSpace: 'pre-line' }}>{resolution.note}</span> },
        {
          key: 'Recorded by',
          value: (
            <>
              {resolution.resolvedBy.name}, <DateTime value={resolution.updatedAt} />
            </>
          ),
        },
      ]}
    />
  );
}

function ContestedActivity({
  activity,
  teamId,
  roleId,
  canDraft,
  checkPath,
  myAnswer,
  smallNumbers,
  yourGroup,
}: {
  activity: CheckActivity;
  teamId: string;
  roleId: string;
  canDraft: boolean;
  checkPath: string;
  myAnswer: string | undefined;
  smallNumbers: boolean;
  yourGroup: StakeholderGroup | null;
}) {
  return (
    <section className="nhsuk-card" id={activityAnchor(activity.id)} aria-labelledby={`${activityAnchor(activity.id)}-heading`}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading" id={`${activityAnchor(activity.id)}-heading`}>
          {activity.name}
          {activity.archivedAt ? <span className="nhsuk-caption-m">Since removed from the catalogue</span> : null}
        </h3>
        <p>
          <ContestedTags activity={activity} />
        </p>
        {activity.description ? <p className="nhsuk-u-secondary-text-colour">{activity.description}</p> : null}
        <GroupAnswersTable groups={activity.groups} caption={`How each group answered about ${activity.name}`} figuresWithheld={activity.figuresWithheld} yourGroup={yourGroup} />
        <p>
          <strong>{smallNumbers ? 'Agreement between the groups shown' : 'Agreement score'}:</strong> {agreementScoreText(activity.agreementScore, smallNumbers, activity.figuresWithheld)}
          {myAnswer ? (
            <>
              <br />
              <strong>Your answer:</strong> {ANSWER_LABELS[myAnswer as keyof typeof ANSWER_LABELS] ?? myAnswer}
            </>
          ) : null}
        </p>
        {activity.individual ? <IndividualAnswers answers={activity.individual} activityName={activity.name} /> : null}
        <h4 className="nhsuk-heading-s">How it was settled</h4>
        <Resolution activity={activity} teamId={teamId} roleId={roleId} canDraft={canDraft} />
        {canDraft ? (
          <p className="nhsuk-u-margin-bottom-0">
            <Link href={`${checkPath}/activities/${activity.id}`}>
              {activity.resolution ? 'Change how this was settled' : 'Record how this was settled'}
              <span className="nhsuk-u-visually-hidden">: {activity.name}</span>
            </Link>
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** The activities that are not contested: one row each, a column per group that answered. */
function ActivitiesTable({
  activities,
  groups,
  myAnswers,
  caption,
  smallNumbers,
  yourGroup,
}: {
  activities: CheckActivity[];
  groups: typeof GROUPS_IN_ORDER;
  myAnswers: Record<string, string> | null;
  caption: string;
  smallNumbers: boolean;
  yourGroup: StakeholderGroup | null;
}) {
  return (
    <Table
      caption={caption}
      captionHidden
      responsive
      firstCellIsHeader
      columns={[
        { header: 'Activity', className: 'nhsuk-u-width-one-quarter' },
        ...groups.map(({ label }) => ({ header: label })),
        ...(myAnswers ? [{ header: 'Your answer' }] : []),
        { header: 'Agreement' },
      ]}
      rows={activities.map((activity) => ({
        key: activity.id,
        cells: [
          <span key="name" id={activityAnchor(activity.id)}>
            {activity.name}
            {activity.archivedAt ? <span className="nhsuk-u-secondary-text-colour"> (since removed from the catalogue)</span> : null}
            {activity.individual ? <IndividualAnswers answers={activity.individual} activityName={activity.name} compact /> : null}
          </span>,
          ...groups.map(({ group }) => {
            const answers = activity.groups.find((row) => row.group === group);
            if (!answers) return <span key={group} className="nhsuk-u-secondary-text-colour">No answers</span>;
            if (activity.figuresWithheld) return <span key={group} className="nhsuk-u-secondary-text-colour">Not shown</span>;
            if (isWithheld(answers)) return <span key={group} className="nhsuk-u-secondary-text-colour">{withheldGroupText(group === yourGroup)}</span>;
            return answerCountsText(answers.counts);
          }),
          ...(myAnswers ? [myAnswers[activity.id] ? SHORT_ANSWER_LABELS[myAnswers[activity.id] as keyof typeof SHORT_ANSWER_LABELS] : <span className="nhsuk-u-secondary-text-colour">Not answered</span>] : []),
          agreementScoreText(activity.agreementScore, smallNumbers, activity.figuresWithheld),
        ],
      }))}
    />
  );
}

/** Results of an expectations check: contested activities first, then every other activity by group. */
export function CheckResults({ check, teamId, roleId, canDraft }: ResultsProps) {
  const checkPath = `/teams/${teamId}/roles/${roleId}/expectations/${check.id}`;
  const contested = check.activities.filter((activity) => activity.contested);
  const unsettled = contested.filter((activity) => !activity.resolution);
  const orderedContested = [...unsettled, ...contested.filter((activity) => activity.resolution)];
  // Lowest agreement first: the activities closest to being contested are the next to look at.
  const others = check.activities
    .filter((activity) => !activity.contested)
    .map((activity, index) => ({ activity, index }))
    .sort((a, b) => (a.activity.agreementScore ?? 101) - (b.activity.agreementScore ?? 101) || a.index - b.index)
    .map(({ activity }) => activity);
  // Those still to answer first: they are the ones to chase.
  const participants = [...check.participants].sort((a, b) => Number(a.submittedAt !== null) - Number(b.submittedAt !== null));
  const answeredGroups = GROUPS_IN_ORDER.filter(({ group }) => check.activities.some((activity) => activity.groups.some((answers) => answers.group === group)));
  const myAnswers = check.me?.submittedAt ? check.me.answers : null;
  const yourGroup = check.me?.submittedAt ? check.me.group : null;
  const { smallNumbers } = check;
  const anyFiguresWithheld = others.some((activity) => activity.figuresWithheld);
  // Small-numbers rule 4: too few answers from outside the viewer's group to say what is contested.
  const flagsHidden = check.activities.some((activity) => activity.contested === null && activity.groups.length > 0);

  return (
    <>
      <h2>Summary</h2>
      {check.counts.answered === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{check.closedAt ? 'Nobody answered before the check closed.' : 'Nobody has answered yet. Results appear here as people answer.'}</p>
        </div>
      ) : (
        <>
          <ul className="nhsuk-list nhsuk-list--bullet">
            <li>
              {check.counts.answered} of {check.counts.invited} {check.counts.invited === 1 ? 'person has' : 'people have'} answered
              {canDraft ? (
                <>
                  {' '}
                  (<Link href="#participants">see who</Link>)
                </>
              ) : null}
            </li>
            {contested.length > 0 || !flagsHidden ? (
              <li>
                {contested.length === 0
                  ? 'No activities are contested'
                  : `${contested.length} ${contested.length === 1 ? 'activity is' : 'activities are'} contested: ${contested.length - unsettled.length} settled, ${unsettled.length} still to settle`}
              </li>
            ) : null}
            {flagsHidden ? <li>Whether an activity is contested is shown once at least 2 people outside your group have answered about it</li> : null}
          </ul>
          {answeredGroups.length < 2 ? (
            <p>Agreement scores and contested activities appear once people from at least 2 groups have answered.</p>
          ) : null}
        </>
      )}

      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How the agreement score works</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>Each group counts once, however many people are in it, so that five nurses do not outvote one peer worker.</p>
          <p>
            Each group&apos;s answers are averaged: core part of the role counts 2, sometimes 1, not part of the role 0. The score compares the 2 groups furthest apart: 100 means every
            group answered the same on average, 0 means one group said core and another said not part of the role.
          </p>
          <p>
            An activity is contested when one group mostly says core while another mostly says not part of the role, or when its score is below {CONTESTED_BELOW}. Settle each
            contested activity in the role description before the role is agreed.
          </p>
          {smallNumbers ? (
            <>
              <h3 className="nhsuk-heading-s">What you see, and why</h3>
              <p>
                Only the team&apos;s managers see who said what. You see how each group answered, except a group where fewer than {SMALL_GROUP_THRESHOLD} people answered,
                not counting you (you know your own answer, so the rest of a group that small would show how each of the others answered). The agreement score you see
                compares only the groups shown.
              </p>
              <p>
                Whether an activity is contested is worked out from everyone&apos;s answers, because that is what the manager settles and what reviewers see when they agree
                the role. So that it cannot give a small group&apos;s answers away, none of an activity&apos;s figures are shown when the answers not shown come from fewer than{' '}
                {SMALL_GROUP_THRESHOLD} people, or include people in your own group; and whether it is contested is shown only once at least 2 people outside your group have
                answered.
              </p>
              <p>
                You see the results only once the check has closed and nobody can change their answers: results that changed with each new or changed answer would show how
                someone answered.
              </p>
            </>
          ) : (
            <p>
              Everyone else who took part sees the results only once the check has closed: how each group answered, except a group where fewer than {SMALL_GROUP_THRESHOLD}{' '}
              people besides them answered, and an agreement score over the groups they can see. When that would let them work out a small group&apos;s answers, they see none
              of an activity&apos;s figures. They never see who said what.
            </p>
          )}
        </div>
      </details>

      {check.counts.answered === 0 ? null : contested.length > 0 ? (
        <>
          <h2 id="contested">
            Contested activities <span className="nhsuk-u-secondary-text-colour">({contested.length})</span>
          </h2>
          <p>These are the activities where groups expect different things of the role{canDraft ? '. Record how each one was settled in the role description.' : '.'}</p>
          {orderedContested.map((activity) => (
            <ContestedActivity
              key={activity.id}
              activity={activity}
              teamId={teamId}
              roleId={roleId}
              canDraft={canDraft}
              checkPath={checkPath}
              myAnswer={myAnswers?.[activity.id]}
              smallNumbers={smallNumbers}
              yourGroup={yourGroup}
            />
          ))}
        </>
      ) : null}

      {check.counts.answered === 0 ? null : (
        <>
          <h2 id="other-activities">
            {contested.length > 0 ? 'Other activities' : 'All activities'} <span className="nhsuk-u-secondary-text-colour">({others.length})</span>
          </h2>
          {others.length === 0 ? (
            <p>Every activity is contested.</p>
          ) : (
            <>
              <p>Lowest agreement first.</p>
              <ActivitiesTable
                activities={others}
                groups={answeredGroups}
                myAnswers={myAnswers}
                caption={contested.length > 0 ? 'How each group answered about the activities that are not contested' : 'How each group answered about each activity'}
                smallNumbers={smallNumbers}
                yourGroup={yourGroup}
              />
              {anyFiguresWithheld ? <p className="nhsuk-body-s">{FIGURES_WITHHELD_NOTE}</p> : null}
            </>
          )}
        </>
      )}

      {canDraft ? (
        <>
          <h2 id="participants">
            Who has answered{' '}
            <span className="nhsuk-u-secondary-text-colour">
              ({check.counts.answered} of {check.counts.invited})
            </span>
          </h2>
          <Table
            caption="Who has answered"
            captionHidden
            responsive
            firstCellIsHeader
            columns={[{ header: 'Name' }, { header: 'Group' }, { header: 'Answered' }]}
            rows={participants.map((participant) => ({
              key: participant.id,
              cells: [
                participant.user.name,
                STAKEHOLDER_SINGULAR[participant.group][0].toUpperCase() + STAKEHOLDER_SINGULAR[participant.group].slice(1),
                participant.submittedAt ? <DateTime key="when" value={participant.submittedAt} /> : <Tag colour="grey">Not yet</Tag>,
              ],
            }))}
          />
        </>
      ) : null}
    </>
  );
}
