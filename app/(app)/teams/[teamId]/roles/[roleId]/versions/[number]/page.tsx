import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { AgreementRecord, OutstandingRequirements } from '@/components/agreement/agreement-record';
import { ContestedActivities } from '@/components/roles/contested-activities';
import { ConcernList } from '@/components/agreement/concern-list';
import { plural, REVIEWING_AS, STAKEHOLDER_GROUP_SINGULAR, versionStatusLabel, VERSION_STATUS } from '@/components/roles/labels';
import { loadVersion } from '@/lib/agreement/load';
import { checkPath, comparePath, rolePath, versionPath } from '@/components/roles/paths';
import { RoleBreadcrumbs } from '@/components/roles/role-breadcrumbs';
import { RoleDescription } from '@/components/roles/role-content';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { Table } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { can } from '@/lib/permissions';
import { PageHeading } from '@/components/ui/page-heading';
import { lookup, searchParam } from '@/lib/search-params';

type Params = Promise<{ teamId: string; roleId: string; number: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, roleId, number } = await params;
  const { access, version } = await loadVersion(teamId, roleId, number);
  if (!access || !version) return { title: 'Page not found' };
  return { title: `Version ${version.number} – ${access.role.title}` };
}

export default async function VersionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { teamId, roleId, number } = await params;
  const query = await searchParams;
  const { user, access, version } = await loadVersion(teamId, roleId, number);
  if (!access || !version) notFound();
  const { role } = access;

  const page = versionPath(teamId, roleId, version.number);
  const inReview = version.status === 'IN_REVIEW';
  const archived = role.team.archivedAt !== null;
  const myInvitation = version.reviewers.find((reviewer) => reviewer.userId === user.id) ?? null;
  const myAgreement = version.agreements.find((agreement) => agreement.userId === user.id) ?? null;
  const mayReview = myInvitation !== null && inReview && !archived;
  const mayInvite = access.canDraft && inReview && !archived;
  const managesConcerns = can(user, 'role.concern.resolve', { teamId: role.teamId });
  const { previous, newer } = version.neighbours;
  const openBySection = new Map<string, number>();
  for (const concern of version.concerns) if (concern.status === 'OPEN') openBySection.set(concern.section, (openBySection.get(concern.section) ?? 0) + 1);
  const count = typeof query.count === 'string' && /^\d+$/u.test(query.count) ? Number(query.count) : null;

  const banners: Record<string, { heading: string; body?: ReactNode }> = {
    submitted: {
      heading: `Version ${version.number} submitted for agreement`,
      body: mayInvite ? (
        <p>
          Next, <Link className="nhsuk-notification-banner__link" href={`${page}/reviewers`}>invite reviewers</Link> from each group that must agree it.
        </p>
      ) : undefined,
    },
    invited: { heading: count ? `${plural(count, 'reviewer')} invited` : 'Reviewers invited', body: <p>They will see this version in their list of requests.</p> },
    agreed: { heading: `You agreed version ${version.number}` },
    'agreed-final': { heading: `You agreed version ${version.number}`, body: <p>Every group that must agree it has now agreed: version {version.number} is the agreed description.</p> },
    'concern-raised': { heading: 'Concern raised', body: <p>The manager and the other reviewers can now see it and reply.</p> },
    replied: { heading: 'Reply sent' },
    'concern-resolved': { heading: 'Concern resolved' },
  };
  const banner = lookup(banners, searchParam(query, 'status'));

  return (
    <>
      <RoleBreadcrumbs user={user} access={access} />
      {banner ? (
        <NotificationBanner type="success" heading={banner.heading}>
          {banner.body}
        </NotificationBanner>
      ) : null}

      <PageHeading caption={role.title}>
        Version {version.number}
      </PageHeading>

      <p>
        <Tag colour={VERSION_STATUS[version.status].colour}>{versionStatusLabel(version.status, version.agreedAt)}</Tag>
      </p>
      <p>
        Submitted by {version.submittedBy.name} on <DateTime value={version.submittedAt} dateOnly />.
        {version.agreedAt ? (
          <>
            {' '}
            Agreed on <DateTime value={version.agreedAt} dateOnly />.
          </>
        ) : null}
        {version.status === 'SUPERSEDED' && newer ? (
          <>
            {' '}
            Replaced by <Link href={versionPath(teamId, roleId, newer.number)}>version {newer.number}</Link>.
          </>
        ) : null}
      </p>

      {mayReview ? (
        <div className="nhsuk-card nhsuk-card--feature" id="your-review">
          <div className="nhsuk-card__content nhsuk-card__content--feature">
            <h2 className="nhsuk-card__heading nhsuk-card__heading--feature">Your review</h2>
            {myAgreement ? (
              <p>
                You agreed this version on <DateTime value={myAgreement.createdAt} dateOnly />. You can still raise a concern while it is in review.
              </p>
            ) : (
              <p>
                You have been asked to review this version {REVIEWING_AS[myInvitation.group]}. Read the description below, then agree it or raise a concern about a section.
              </p>
            )}
            <div className="nhsuk-button-group nhsuk-u-margin-bottom-0">
              {myAgreement ? null : <ButtonLink href={`${page}/agree`}>Agree this version</ButtonLink>}
              <ButtonLink href={`${page}/concerns/new`} variant="secondary">
                Raise a concern
              </ButtonLink>
            </div>
          </div>
        </div>
      ) : null}

      <ul className="nhsuk-list">
        <li>
          <Link href={`${page}/print`}>Print this version{version.status === 'AGREED' ? '' : ' (marked as not agreed)'}</Link>
        </li>
        {previous ? (
          <li>
            <Link href={comparePath(teamId, roleId, previous.number, version.number)}>Compare with version {previous.number}</Link>
          </li>
        ) : null}
        <li>
          <Link href={rolePath(teamId, roleId)}>All versions of this role</Link>
        </li>
      </ul>

      <section aria-labelledby="agreement">
        <h2 id="agreement">Agreement</h2>
        {inReview ? (
          <OutstandingRequirements agreement={version.agreement} />
        ) : version.status === 'AGREED' ? (
          <p>Everyone the team&apos;s agreement policy requires has agreed this version, and no concern is open.</p>
        ) : version.agreedAt ? (
          <p>This version was agreed, and has since been replaced by a later agreed version.</p>
        ) : (
          <p>This version was replaced by a later one before it was agreed.</p>
        )}
        <AgreementRecord agreements={version.agreements} />

        {inReview && version.expectations ? (
          <ContestedActivities
            evidence={version.expectations}
            requireSettled={version.expectationsRules.requireContestedSettled}
            checkHref={version.maySeeCheck && version.expectations.check ? checkPath(teamId, roleId, version.expectations.check.id) : null}
            versionHref=""
          />
        ) : null}

        {access.canDraft ? (
          <>
            <h3>Reviewers</h3>
            {version.reviewers.length === 0 ? (
              <p className="nhsuk-u-secondary-text-colour">{inReview ? 'Nobody has been invited to review this version yet.' : 'Nobody was invited to review this version.'}</p>
            ) : (
              <Table
                caption="Reviewers invited to this version"
                captionHidden
                responsive
                firstCellIsHeader
                columns={[{ header: 'Name' }, { header: 'Group' }, { header: 'Status' }]}
                rows={[...version.reviewers].sort((a, b) => a.user.name.localeCompare(b.user.name, 'en-GB')).map((reviewer) => {
                  const agreed = version.agreements.some((agreement) => agreement.userId === reviewer.userId);
                  return {
                    key: reviewer.userId,
                    cells: [reviewer.user.name, STAKEHOLDER_GROUP_SINGULAR[reviewer.group], agreed ? <Tag key="s" colour="green">Agreed</Tag> : <Tag key="s" colour="grey">Not agreed yet</Tag>],
                  };
                })}
              />
            )}
            {mayInvite ? (
              <ButtonLink href={`${page}/reviewers`} variant={version.reviewers.length === 0 ? 'primary' : 'secondary'}>
                Invite reviewers
              </ButtonLink>
            ) : null}
          </>
        ) : null}
      </section>

      <RoleDescription
        content={version.content}
        afterHeading={(key) => {
          const open = openBySection.get(key) ?? 0;
          if (open === 0 && !mayReview) return null;
          return (
            <p className="nhsuk-body-s">
              {open > 0 ? (
                <a href="#concerns" className="nhsuk-u-margin-right-4">
                  {plural(open, 'open concern')}
                </a>
              ) : null}
              {mayReview ? (
                <Link href={`${page}/concerns/new?section=${key}`}>
                  Raise a concern<span className="nhsuk-u-visually-hidden"> about this section</span>
                </Link>
              ) : null}
            </p>
          );
        }}
      />

      {version.involved ? (
        <section aria-labelledby="concerns">
          <h2 id="concerns">Concerns</h2>
          <ConcernList
            concerns={version.concerns}
            concernHref={(concernId, action) => `${page}/concerns/${concernId}${action === 'resolve' ? '/resolve' : ''}`}
            mayReply={!archived}
            mayResolve={(concern) => !archived && (concern.raisedById === user.id || managesConcerns)}
          />
        </section>
      ) : null}
    </>
  );
}
