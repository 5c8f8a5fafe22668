import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/load';
import { buildsSpecifications } from '@/lib/recruitment/access';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { specificationPath } from '@/lib/recruitment/paths';
import { listSpecifications } from '@/lib/recruitment/queries';
import { searchParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Person specifications' };

export default async function SpecificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const builds = buildsSpecifications(user);
  if (!builds) forbidden();
  const specifications = await listSpecifications(user, parsePage(searchParam(await searchParams, 'page')));
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/recruitment', label: 'Recruitment' }]} />
      <h1>Person specifications</h1>
      <p>A person specification says what a peer worker in a role must bring, and how the panel assesses it. It is built from the role’s agreed version.</p>
      <ButtonLink href="/recruitment/specifications/new">Start a person specification</ButtonLink>
      {specifications.total === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>No person specifications yet. Start one from a role whose description has been agreed.</p>
        </div>
      ) : (
        <>
          <ResultCount page={specifications.page} total={specifications.total} pageSize={PAGE_SIZE} noun={['person specification', 'person specifications']} />
          <Table
            caption="Person specifications"
            captionHidden
            responsive
            firstCellIsHeader
            columns={[{ header: 'Title' }, { header: 'Role' }, { header: 'Team' }, { header: 'Vacancies', numeric: true }, { header: 'Started' }]}
            rows={specifications.items.map((specification) => ({
              key: specification.id,
              cells: [
                <Link key="title" href={specificationPath(specification.id)}>
                  {specification.title}
                </Link>,
                `${specification.roleVersion.role.title}, version ${specification.roleVersion.number}`,
                specification.team.name,
                String(specification._count.vacancies),
                <DateTime key="created" value={specification.createdAt} dateOnly />,
              ],
            }))}
          />
          <Pagination page={specifications.page} pageCount={specifications.pageCount} basePath="/recruitment/specifications" label="Person specifications, pages" />
        </>
      )}
    </>
  );
}
