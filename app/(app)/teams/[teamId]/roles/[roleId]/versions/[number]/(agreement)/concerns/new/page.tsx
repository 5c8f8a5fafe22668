import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadVersion } from '@/lib/agreement/load';
import { versionPath } from '@/components/roles/paths';
import { RaiseConcernForm } from '@/components/agreement/review-forms';
import { BackLink } from '@/components/ui/back-link';
import { ROLE_SECTION_KEYS } from '@/lib/roles/rules';
import { PageHeading } from '@/components/ui/page-heading';

type Params = Promise<{ teamId: string; roleId: string; number: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { teamId, roleId, number } = await params;
  const { access, version } = await loadVersion(teamId, roleId, number);
  if (!access || !version) return { title: 'Page not found' };
  return { title: `Raise a concern about version ${version.number} – ${access.role.title}` };
}

export default async function RaiseConcernPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { teamId, roleId, number } = await params;
  const { section } = await searchParams;
  const { user, access, version } = await loadVersion(teamId, roleId, number);
  if (!access || !version) notFound();
  if (!version.reviewers.some((reviewer) => reviewer.userId === user.id)) notFound();
  const page = versionPath(teamId, roleId, version.number);
  const chosen = typeof section === 'string' && (ROLE_SECTION_KEYS as string[]).includes(section) ? section : '';

  return (
    <>
      <BackLink href={page}>Back to version {version.number}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {version.status !== 'IN_REVIEW' || access.role.team.archivedAt ? (
            <>
              <h1>Version {version.number} is no longer in review</h1>
              <p>
                Concerns can only be raised while a version is in review. <Link href={page}>Return to version {version.number}</Link>.
              </p>
            </>
          ) : (
            <RaiseConcernForm version={{ teamId, roleId, number: version.number, versionId: version.id }} section={chosen}>
              <PageHeading caption={<>{access.role.title}, version {version.number}</>}>
                Raise a concern
              </PageHeading>
              <p>The version cannot be agreed while a concern is open. The person who raised it, or the team manager, resolves it once it is settled.</p>
            </RaiseConcernForm>
          )}
        </div>
      </div>
    </>
  );
}
