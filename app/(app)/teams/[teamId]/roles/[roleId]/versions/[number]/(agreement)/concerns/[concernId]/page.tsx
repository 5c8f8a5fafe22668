import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConcernThread } from '@/components/agreement/concern-list';
import { loadVersion } from '@/lib/agreement/load';
import { versionPath } from '@/components/roles/paths';
import { ReplyToConcernForm } from '@/components/agreement/review-forms';
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
  return { title: `Concern about ${sectionTitle(concern.section)} – ${access.role.title}` };
}

export default async function ConcernPage({ params }: { params: Params }) {
  const { teamId, roleId, number, concernId } = await params;
  const { user, access, version } = await loadVersion(teamId, roleId, number);
  const concern = version?.concerns.find((item) => item.id === concernId);
  if (!access || !version || !concern) notFound();
  const page = versionPath(teamId, roleId, version.number);
  const open = concern.status === 'OPEN' && !access.role.team.archivedAt;
  const mayResolve = open && (concern.raisedById === user.id || can(user, 'role.concern.resolve', { teamId }));

  return (
    <>
      <BackLink href={`${page}#concern-${concern.id}`}>Back to version {version.number}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading caption={<>{access.role.title}, version {version.number}</>}>
            Concern about {sectionTitle(concern.section)}
          </PageHeading>
          <ConcernThread concern={concern} headingLevel={2} linkSection={false} />
          <p>
            <Link href={`${page}#section-${concern.section}`}>Read the {sectionTitle(concern.section).toLowerCase()} section</Link>
          </p>
          {open ? <ReplyToConcernForm version={{ teamId, roleId, number: version.number, versionId: version.id }} concernId={concern.id} /> : null}
          {mayResolve ? (
            <p>
              <Link href={`${page}/concerns/${concern.id}/resolve`}>Resolve this concern</Link>
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}
