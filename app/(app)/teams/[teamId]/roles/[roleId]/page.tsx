import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { plural, versionStatusLabel, VERSION_STATUS } from '@/components/roles/labels';
import { loadRole } from '@/lib/roles/load';
import { checkPath, comparePath, newCheckPath, rolePath, versionPath } from '@/components/roles/paths';
import { RoleBreadcrumbs } from '@/components/roles/role-breadcrumbs';
import { RoleTaskList } from '@/components/roles/role-task-list';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { REQUIRED_FOR_SUBMISSION, ROLE_SECTION_KEYS, sectionTitle } from '@/lib/roles/rules';
import { getRoleOverview } from '@/lib/roles/queries';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string; roleId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, roleId } = await params;
  const { access } = await loadRole(teamId, roleId);
  return { title: access ? `${access.role.title} – ${access.role.team.name}` : 'Page not found' };
}

export default async function RoleOverviewPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { teamId, roleId } = await params;
  const query = await searchParams;
  const { user, access } = await loadRole(teamId, roleId);
  if (!access) notFound();
  const { role } = access;
  const overview = await getRoleOverview(access);
  const archived = role.team.archivedAt !== null;
  const editable = access.canDraft && !archived;

  const latest = overview.versions[0] ?? null;
  const agreed = overview.versions.find((version) => version.status === 'AGREED') ?? null;
  const inReview = overview.versions.find((version) => version.status === 'IN_REVIEW') ?? null;
  const completedRequired = overview.sections.filter((section) => section.complete && REQUIRED_FOR_SUBMISSION.includes(section.key)).length;
  const savedSection = typeof query.saved === 'string' && (ROLE_SECTION_KEYS as string[]).includes(query.saved) ? query.saved : null;

  return (
    <>
      <RoleBreadcrumbs user={user} access={access} includeRole={false} />

      {query.status === 'created' ? (
        <NotificationBanner type="success" heading="Role description started">
          <p>It starts from your organisation&apos;s template. Go through each section below, then check and submit it for agreement.</p>
        </NotificationBanner>
      ) : savedSection ? (
        <NotificationBanner type="success" heading={`“${sectionTitle(savedSection)}” saved`}>
          {role.draftChanged && completedRequired === REQUIRED_FOR_SUBMISSION.length ? (
            <p>
              When you have finished editing, <Link className="nhsuk-notification-banner__link" href={`${rolePath(teamId, roleId)}/submit`}>check and submit the description</Link>.
            </p>
          ) : null}
        </NotificationBanner>
      ) : null}

      {archived ? (
        <NotificationBanner heading="This team is archived">
          <p>Its roles can be read but not changed. An administrator can restore the team.</p>
        </NotificationBanner>
      ) : null}

      <PageHeading caption={role.team.name}>
        {role.title}
      </PageHeading>

      <p>
        {agreed ? (
          <>
            <Tag colour="green">Agreed</Tag> <Link href={versionPath(teamId, roleId, agreed.number)}>Version {agreed.number}</Link> is the agreed description
            {agreed.agreedAt ? (
              <>
                {' '}
                (since <DateTime value={agreed.agreedAt} dateOnly />)
              </>
            ) : null}
            .
          </>
        ) : (
          <>No version of this role has been agreed yet.</>
        )}
        {inReview ? (
          <>
            {' '}
            <Link href={versionPath(teamId, roleId, inReview.number)}>Version {inReview.number}</Link> is in review:{' '}
            {inReview._count.reviewers === 0
              ? 'nobody has been invited to review it yet.'
              : `${inReview._count.agreements} of ${plural(inReview._count.reviewers, 'reviewer')} ${inReview._count.agreements === 1 ? 'has' : 'have'} agreed it.`}
            {editable && inReview._count.reviewers === 0 ? (
              <>
                {' '}
                <Link href={`${versionPath(teamId, roleId, inReview.number)}/reviewers`}>Invite reviewers</Link>
              </>
            ) : null}
          </>
        ) : null}
      </p>

      {access.canDraft ? (
        <section aria-labelledby="draft-heading">
          <h2 id="draft-heading">Draft</h2>
          {!role.draftChanged && latest ? (
            <p>
              The draft is the same as version {latest.number}. {editable ? 'Change a section to start the next version.' : null}
            </p>
          ) : (
            <p>
              {latest ? `The draft has changes that are not yet in a version. ` : 'Nothing has been submitted yet. '}
              You have completed {completedRequired} of {REQUIRED_FOR_SUBMISSION.length} required sections.
            </p>
          )}
          <RoleTaskList teamId={teamId} roleId={roleId} sections={overview.sections} editable={editable} />
          {editable && role.draftChanged ? <ButtonLink href={`${rolePath(teamId, roleId)}/submit`}>Check and submit</ButtonLink> : null}
        </section>
      ) : null}

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        {overview.versions.length === 0 ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>{access.canDraft ? 'No version has been submitted yet. Submitting the draft freezes it as version 1 and starts agreement.' : 'There are no versions for you to read yet.'}</p>
          </div>
        ) : (
          <>
            <Table
              caption="Versions of this role description"
              captionHidden
              responsive
              firstCellIsHeader
              columns={[{ header: 'Version' }, { header: 'Status' }, { header: 'Submitted' }, { header: 'Agreed' }, { header: <span className="nhsuk-u-visually-hidden">Compare</span>, mobileHeader: '' }]}
              rows={overview.versions.map((version, index) => {
                const previous = overview.versions[index + 1];
                return {
                  key: version.id,
                  cells: [
                    <Link key="view" href={versionPath(teamId, roleId, version.number)}>
                      Version {version.number}
                    </Link>,
                    <span key="status">
                      <Tag colour={VERSION_STATUS[version.status].colour}>{versionStatusLabel(version.status, version.agreedAt)}</Tag>
                      {version.status === 'IN_REVIEW' ? (
                        <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">
                          {version._count.reviewers === 0 ? 'No reviewers invited yet' : `${version._count.agreements} of ${plural(version._count.reviewers, 'reviewer')} agreed`}
                        </span>
                      ) : null}
                    </span>,
                    <span key="submitted">
                      <DateTime value={version.submittedAt} dateOnly />
                      <span className="nhsuk-u-display-block nhsuk-body-s nhsuk-u-margin-bottom-0">by {version.submittedBy.name}</span>
                    </span>,
                    version.agreedAt ? <DateTime key="agreed" value={version.agreedAt} dateOnly /> : <span key="agreed" className="nhsuk-u-secondary-text-colour">Not agreed</span>,
                    previous ? (
                      <Link key="compare" href={comparePath(teamId, roleId, previous.number, version.number)}>
                        Compare with version {previous.number}
                      </Link>
                    ) : (
                      <span key="compare" className="nhsuk-u-secondary-text-colour">First version</span>
                    ),
                  ],
                };
              })}
            />
            {overview.versions.length > 2 ? (
              <p>
                <Link href={comparePath(teamId, roleId)}>Compare any two versions</Link>
              </p>
            ) : null}
          </>
        )}
      </section>

      {access.canDraft || overview.checks.length > 0 ? (
        <section aria-labelledby="checks-heading">
          <h2 id="checks-heading">Expectations checks</h2>
          {access.canDraft ? (
            <p>Before the role is agreed, ask the people who will work with the peer worker which activities they expect to be part of it. The results show where groups disagree, so you can settle it in the description.</p>
          ) : null}
          {overview.checks.length === 0 ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>No expectations check has been sent for this role yet.</p>
            </div>
          ) : (
            <Table
              caption="Expectations checks"
              captionHidden
              responsive
              firstCellIsHeader
              columns={[{ header: 'Sent' }, { header: 'Answers' }, { header: 'Status' }]}
              rows={overview.checks.map((check) => ({
                key: check.id,
                cells: [
                  <Link key="sent" href={checkPath(teamId, roleId, check.id)}>
                    Check sent <DateTime value={check.createdAt} dateOnly />
                  </Link>,
                  `${check.answered} of ${check.invited} answered`,
                  check.closedAt ? (
                    <Tag key="status" colour="grey">
                      Closed
                    </Tag>
                  ) : (
                    <Tag key="status" colour="blue">
                      Open
                    </Tag>
                  ),
                ],
              }))}
            />
          )}
          {editable ? (
            <ButtonLink href={newCheckPath(teamId, roleId)} variant="secondary">
              Send an expectations check
            </ButtonLink>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
