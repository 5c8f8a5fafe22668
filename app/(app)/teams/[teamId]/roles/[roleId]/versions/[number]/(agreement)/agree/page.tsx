import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ContestedActivities, CONTESTED_ANCHOR } from '@/components/roles/contested-activities';
import { REVIEWING_AS } from '@/components/roles/labels';
import { loadVersion } from '@/lib/agreement/load';
import { checkPath, versionPath } from '@/components/roles/paths';
import { AgreeVersionForm } from '@/components/agreement/review-forms';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string; roleId: string; number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, roleId, number } = await params;
  const { access, version } = await loadVersion(teamId, roleId, number);
  if (!access || !version) return { title: 'Page not found' };
  return { title: `Agree version ${version.number} – ${access.role.title}` };
}

export default async function AgreeVersionPage({ params }: { params: Params }) {
  const { teamId, roleId, number } = await params;
  const { user, access, version } = await loadVersion(teamId, roleId, number);
  if (!access || !version) notFound();
  const invitation = version.reviewers.find((reviewer) => reviewer.userId === user.id);
  if (!invitation) notFound();
  const page = versionPath(teamId, roleId, version.number);
  const agreement = version.agreements.find((item) => item.userId === user.id);
  const openConcerns = version.concerns.filter((concern) => concern.status === 'OPEN').length;
  const unsettled = version.agreement.unsettledContested.length;
  const notShown = version.agreement.contestedNotShown;

  let body;
  if (agreement) {
    body = (
      <>
        <h1>You have already agreed version {version.number}</h1>
        <p>
          You agreed it on <DateTime value={agreement.createdAt} dateOnly />. <Link href={page}>Return to version {version.number}</Link>.
        </p>
      </>
    );
  } else if (version.status !== 'IN_REVIEW' || access.role.team.archivedAt) {
    body = (
      <>
        <h1>Version {version.number} is no longer in review</h1>
        <p>
          It cannot be agreed any more. <Link href={page}>Return to version {version.number}</Link>.
        </p>
      </>
    );
  } else {
    body = (
      <AgreeVersionForm version={{ teamId, roleId, number: version.number, versionId: version.id }}>
        <PageHeading caption={access.role.title}>
          Are you sure you want to agree version {version.number}?
        </PageHeading>
        <p>You are agreeing it {REVIEWING_AS[invitation.group]}. Your name, your group and the date are recorded on the version and printed with it.</p>
        <div className="nhsuk-card nhsuk-card--warning">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading">You cannot undo this</h2>
            <p>Once you agree, your agreement stays on this version. If anything in the description worries you, <Link href={`${page}/concerns/new`}>raise a concern</Link> instead.</p>
          </div>
        </div>
        {openConcerns > 0 ? (
          <p>
            There {openConcerns === 1 ? 'is 1 open concern' : `are ${openConcerns} open concerns`} on this version. <Link href={`${page}#concerns`}>Read {openConcerns === 1 ? 'it' : 'them'}</Link> before you agree.
          </p>
        ) : null}
        {unsettled > 0 ? (
          <p>
            {unsettled === 1 ? 'A contested activity has' : `${unsettled} contested activities have`} not been settled yet: the version cannot be Agreed until the manager records how{' '}
            {unsettled === 1 ? 'it was' : 'each was'} settled, even once everyone has agreed. <a href={`#${CONTESTED_ANCHOR}`}>See the contested activities</a>
          </p>
        ) : null}
        {notShown === 'UNSETTLED' ? (
          <p>
            {unsettled > 0 ? 'Other activities' : 'Some activities'} in the expectations check are still to be settled by the team&apos;s manager: the version cannot be Agreed
            until they are, even once everyone has agreed. <a href={`#${CONTESTED_ANCHOR}`}>See the contested activities</a>
          </p>
        ) : notShown === 'CHECK_OPEN' ? (
          <p>
            The expectations check is still open: the version cannot be Agreed while any activity it finds contested is unsettled, even once everyone has agreed.{' '}
            <a href={`#${CONTESTED_ANCHOR}`}>See the contested activities</a>
          </p>
        ) : null}
        {version.expectations ? (
          <ContestedActivities
            evidence={version.expectations}
            requireSettled={version.expectationsRules.requireContestedSettled}
            checkHref={version.maySeeCheck && version.expectations.check ? checkPath(teamId, roleId, version.expectations.check.id) : null}
            versionHref={page}
            headingLevel={2}
          />
        ) : null}
      </AgreeVersionForm>
    );
  }

  return (
    <>
      <BackLink href={page}>Back to version {version.number}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">{body}</div>
      </div>
    </>
  );
}
