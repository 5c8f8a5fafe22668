import Link from 'next/link';
import { sectionAnchor } from '@/components/roles/role-content';
import { DateTime } from '@/components/ui/date-time';
import { SummaryList } from '@/components/ui/summary-list';
import { Tag } from '@/components/ui/tag';
import { sectionTitle } from '@/lib/roles/content';
import type { ExpectationsEvidence } from '@/lib/roles/contested';
import { OUTCOME_LABELS } from '@/lib/roles/schemas';

export const CONTESTED_ANCHOR = 'contested-activities';

const plural = (count: number) => (count === 1 ? '1 contested activity' : `${count} contested activities`);

/**
 * What the role's expectations check found for reviewers to weigh before they
 * agree: its contested activities (names only, never who said what) and how the
 * manager settled each one, with a link to the section of the description that
 * says so.
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

  return (
    <>
      <Heading id={CONTESTED_ANCHOR}>Contested activities</Heading>
      {!check ? (
        <p>
          {newerCheck ? (
            <>
              The expectations check sent on <DateTime value={newerCheck.createdAt} dateOnly /> has not been answered by people from at least 2 groups yet, so it cannot show
              where groups expect different things.
            </>
          ) : (
            'No expectations check has been sent for this role, so nobody has been asked which activities they expect to be part of it.'
          )}
        </p>
      ) : (
        <>
          <p>
            The expectations check sent on <DateTime value={check.createdAt} dateOnly />{' '}
            {check.contested.length === 0
              ? 'found no contested activities: the groups broadly agreed about every activity.'
              : `found ${plural(check.contested.length)}, where groups expect different things of the role: ${check.contested.length - unsettled} settled, ${unsettled} still to settle.`}
            {check.contested.length > 0
              ? requireSettled
                ? " The team's agreement policy asks for each one to be settled before the version is agreed."
                : " The team's agreement policy does not require them to be settled before the version is agreed."
              : null}
            {checkHref ? (
              <>
                {' '}
                <Link href={checkHref}>See the expectations check</Link>
              </>
            ) : null}
          </p>
          {newerCheck ? (
            <p className="nhsuk-body-s">
              A newer check, sent on <DateTime value={newerCheck.createdAt} dateOnly />, has not been answered by people from at least 2 groups yet: until it has, this one stands.
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
