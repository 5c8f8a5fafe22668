import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { ConcernThread } from '@/components/agreement/concern-list';
import { loadVersion } from '@/lib/agreement/load';
import { versionPath } from '@/components/roles/paths';
import { ResolveConcernForm } from '@/components/agreement/review-forms';
import { BackLink } from '@/components/ui/back-link';
import { can } from '@/lib/permissions';
import { sectionTitle } from '@/lib/roles/rules';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string; roleId: string; number: string; concernId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, roleId, number, concernId } = await params;
  const { access, version } = await loadVersion(teamId, roleId, number);
  const concern = version?.concerns.find((item) => item.id === concernId);
  if (!access || !version || !concern) return { title: 'Page not found' };
  return { title: `Resolve the concern about ${sectionTitle(concern.section)} – ${access.role.title}` };
}

export default async function ResolveConcernPage({ params }: { params: Params }) {
  const { teamId, roleId, number, concernId } = await params;
  const { user, access, version } = await loadVersion(teamId, roleId, number);
  const concern = version?.concerns.find((item) => item.id === concernId);
  if (!access || !version || !concern) notFound();
  const ownConcern = concern.raisedById === user.id;
  if (!ownConcern && !can(user, 'role.concern.resolve', { teamId })) forbidden();
  const page = versionPath(teamId, roleId, version.number);

  return (
    <>
      <BackLink href={`${page}#concern-${concern.id}`}>Back to version {version.number}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {concern.status !== 'OPEN' || access.role.team.archivedAt ? (
            <>
              <h1>{concern.status !== 'OPEN' ? 'This concern has already been resolved' : 'This concern cannot be resolved'}</h1>
              <ConcernThread concern={concern} headingLevel={2} linkSection={false} />
              <p>
                <Link href={page}>Return to version {version.number}</Link>
              </p>
            </>
          ) : (
            <ResolveConcernForm version={{ teamId, roleId, number: version.number, versionId: version.id }} concernId={concern.id} ownConcern={ownConcern}>
              <PageHeading caption={<>{access.role.title}, version {version.number}</>}>
                Resolve the concern about {sectionTitle(concern.section)}
              </PageHeading>
              <div className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <ConcernThread concern={concern} headingLevel={2} linkSection={false} />
              </div>
              <p>Resolving closes the concern: nobody can reply to it afterwards. {version.status === 'IN_REVIEW' ? 'Once every concern is resolved and every required group has agreed, the version is agreed.' : null}</p>
            </ResolveConcernForm>
          )}
        </div>
      </div>
    </>
  );
}
