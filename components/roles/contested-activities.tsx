import Link from 'next/link';
import { sectionAnchor } from '@/components/roles/role-content';
import { DateTime } from '@/components/ui/date-time';
import { SummaryList } from '@/components/ui/summary-list';
import { Tag } from '@/components/ui/tag';
import { sectionTitle } from '@/lib/roles/rules';
import type { ExpectationsEvidence } from '@/lib/expectations/contested';
import { OUTCOME_LABELS } from '@/lib/expectations/schemas';

export const CONTESTED_ANCHOR = 'contested-activities';

const plural = (count: number) => (count === 1 ? '1 contested activity' : `${count} contested activities`);

/** A check the agreement rule does not read (yet), newer than the one it does, or the only one. */
function NotRunYet({ check }: { check: { createdAt: Date; closedAt: Date | null } }) {
  return check.closedAt ? (
    <>
      The expectations check sent on <DateTime value={check.createdAt} dateOnly /> closed before people from at least 2 groups had answered it, so it cannot show where
      groups expect different things.
    </>
  ) : (
    <>
      The expectations check sent on <DateTime value={check.createdAt} dateOnly /> has not been answered by people from at least 2 groups yet, so it cannot show where groups
      expect different things.
    </>
  );
}

/**
 * What the role's expectations check found for reviewers to weigh before they
 * agree: its contested activities (names only, never who said what) and how the
 * manager settled each one, with a link to the section of the description that
 * says so. For someone who may not see individual answers the query has left
 * out what they may not be shown (lib/expectations/contested.ts, evidenceAsSeenBy):
 * everything while the check is open, and the activities whose flag the
 * small-numbers rules withhold; this says so without naming or counting them.
 */
export function ContestedActivities({
  evidence,
  requireSettled,
  checkHref,
  versionHref,
  headingLevel = 3,
}: {
  evidence: ExpectationsEvidence;
  /** The team's policy asks for every contested activity to be settled before agreement. */
  requireSettled: boolean;
  /** The check's page, for those who may open it. */
  checkHref: string | null;
  /** The version's page, for links to its sections (empty on the version page itself). */
  versionHref: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const Item = `h${headingLevel + 1}` as 'h3' | 'h4';
  const { check, newerCheck } = evidence;
  const unsettled = check?.contested.filter((activity) => !activity.settled).length ?? 0;
  const withheld = check?.withheld ?? null;
  const seeCheck = checkHref ? (
    <>
      {' '}
      <Link href={checkHref}>See the expectations check</Link>
    </>
  ) : null;
  const policy =
    requireSettled
      ? " The team's agreement policy asks for each one to be settled before the version is agreed."
      : " The team's agreement policy does not require them to be settled before the version is agreed.";

  return (
    <>
      <Heading id={CONTESTED_ANCHOR}>Contested activities</Heading>
      {!check ? (
        <p>{newerCheck ? <NotRunYet check={newerCheck} /> : 'No expectations check has been sent for this role, so nobody has been asked which activities they expect to be part of it.'}</p>
      ) : withheld?.reason === 'CHECK_OPEN' ? (
        <p>
          The expectations check sent on <DateTime value={check.createdAt} dateOnly /> is still open. Which activities it finds contested, where groups expect different
          things of the role, is shown once the team&apos;s manager closes it.
          {requireSettled ? " The team's agreement policy asks for each one to be settled before the version is agreed." : null}
          {seeCheck}
        </p>
      ) : (
        <>
          <p>
            The expectations check sent on <DateTime value={check.createdAt} dateOnly />{' '}
            {withheld
              ? check.contested.length === 0
                ? 'found no contested activities that can be shown to you.'
                : `found ${plural(check.contested.length)} that can be shown to you, where groups expect different things of the role: ${check.contested.length - unsettled} settled, ${unsettled} still to settle.`
              : check.contested.length === 0
                ? 'found no contested activities: the groups broadly agreed about every activity.'
                : `found ${plural(check.contested.length)}, where groups expect different things of the role: ${check.contested.length - unsettled} settled, ${unsettled} still to settle.`}
            {check.contested.length > 0 ? policy : null}
            {seeCheck}
          </p>
          {withheld ? (
            <p>
              With so few people answering in some groups, whether some other activities are contested is not shown to you: it could show how one person answered.
              {withheld.unsettled ? " Some activities in the expectations check are still to be settled by the team's manager." : null}
            </p>
          ) : null}
          {newerCheck ? (
            <p className="nhsuk-body-s">
              A newer check, sent on <DateTime value={newerCheck.createdAt} dateOnly />,{' '}
              {newerCheck.closedAt ? 'closed before people from at least 2 groups had answered it, so this one stands.' : 'is still open: until it closes, this one stands.'}
            </p>
          ) : null}
          {check.contested.map((activity) => (
            <div key={activity.activityId} className="nhsuk-u-margin-bottom-5">
              <Item className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
                {activity.name}{' '}
                {activity.resolution ? <Tag colour="green">Settled</Tag> : <Tag colour="red">Not settled yet</Tag>}
              </Item>
              {activity.resolution ? (
                <SummaryList
                  rows={[
                    { key: 'Decision', value: OUTCOME_LABELS[activity.resolution.outcome] },
                    {
                      key: 'Section of the description',
                      value: versionHref ? (
                        <Link href={`${versionHref}#${sectionAnchor(activity.resolution.section)}`}>{sectionTitle(activity.resolution.section)}</Link>
                      ) : (
                        <a href={`#${sectionAnchor(activity.resolution.section)}`}>{sectionTitle(activity.resolution.section)}</a>
                      ),
                    },
                    { key: 'What was decided', value: <span style={{ whiteSpace: 'pre-line' }}>{activity.resolution.note}</span> },
                    {
                      key: 'Recorded by',
                      value: (
                        <>
                          {activity.resolution.resolvedBy.name}, <DateTime value={activity.resolution.updatedAt} />
                        </>
                      ),
                    },
                  ]}
                />
              ) : (
                <p>The manager has not recorded how this was settled yet.</p>
              )}
            </div>
          ))}
        </>
      )}
    </>
  );
}
