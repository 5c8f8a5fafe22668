import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { OpenVacancyForm } from '@/components/recruitment/vacancy-form';
import { BackLink } from '@/components/ui/back-link';
import { can } from '@/lib/permissions';
import { loadSpecification } from '@/lib/recruitment/load';
import { specificationPath } from '@/lib/recruitment/paths';
import { searchParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Open a vacancy' };

export default async function NewVacancyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const specificationId = searchParam(await searchParams, 'specification');
  const { user, specification: detail } = await loadSpecification(specificationId);
  if (!can(user, 'recruitment.vacancy.manage')) forbidden();
  if (!detail) notFound();
  const { specification, check } = detail;
  return (
    <>
      <BackLink href={specificationPath(specification.id)}>Back to {specification.title}</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">
            {specification.team.name}: {specification.roleVersion.role.title}, agreed version {specification.roleVersion.number}
          </span>
          <h1>Open a vacancy</h1>
          {check.problems.length > 0 ? (
            <p>
              The person specification is not ready yet: <Link href={specificationPath(specification.id)}>see what it needs</Link>.
            </p>
          ) : (
            <>
              <p>The vacancy keeps this agreed version of the role, even if the role changes later.</p>
              <OpenVacancyForm specificationId={specification.id} defaultTitle={specification.roleVersion.role.title} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
