import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusTag } from '@/components/recruitment/status-tag';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/load';
import { buildsSpecifications } from '@/lib/recruitment/access';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { can } from '@/lib/permissions';
import { PANEL_ROLE_LABELS, REACH_LABELS } from '@/lib/recruitment/labels';
import { vacancyPath } from '@/lib/recruitment/paths';
import { listVacancies } from '@/lib/recruitment/queries';
import { searchParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Recruitment' };

/** The vacancies a person may see: every one for HR, their teams' for managers, the ones they sit on for panel members. */
export default async function RecruitmentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const page = parsePage(searchParam(await searchParams, 'page'));
  const vacancies = await listVacancies(user, page);
  const buildsAny = buildsSpecifications(user);
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
      <h1>Recruitment</h1>
      <p>Recruit peer workers against a role the team has agreed: a person specification from the agreed version, a panel with lived experience, and scores each member gives on their own.</p>
      {buildsAny || can(user, 'recruitment.vacancy.manage') ? (
        <ul className="nhsuk-list">
          {buildsAny ? (
            <li>
              <Link href="/recruitment/specifications">Person specifications and interview packs</Link>
            </li>
          ) : null}
          {can(user, 'recruitment.vacancy.manage') ? (
            <li>
              <Link href="/recruitment/retention">Candidates’ data due for deletion</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <h2>Vacancies</h2>
      {vacancies.total === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            {can(user, 'recruitment.vacancy.manage')
              ? 'No vacancies yet. Open one from a person specification that is ready.'
              : 'You have no vacancies to see. When HR adds you to a recruitment panel, or your team recruits, the vacancy appears here.'}
          </p>
        </div>
      ) : (
        <>
          <ResultCount page={vacancies.page} total={vacancies.total} pageSize={PAGE_SIZE} noun={['vacancy', 'vacancies']} />
          <Table
            caption="Vacancies"
            captionHidden
            responsive
            firstCellIsHeader
            columns={[{ header: 'Vacancy' }, { header: 'Team' }, { header: 'Status' }, { header: 'Closing date' }, { header: 'Candidates reached by' }, { header: 'Candidates', numeric: true }, { header: 'Your part' }]}
            rows={vacancies.items.map((vacancy) => ({
              key: vacancy.id,
              cells: [
                <Link key="title" href={vacancyPath(vacancy.id)}>
                  {vacancy.title}
                </Link>,
                vacancy.team.name,
                <StatusTag key="status" status={vacancy.status} />,
                <DateTime key="closing" value={vacancy.closingDate} dateOnly />,
                REACH_LABELS[vacancy.reach],
                String(vacancy._count.candidates),
                vacancy.panel[0] ? `Panel ${PANEL_ROLE_LABELS[vacancy.panel[0].role].toLowerCase()}` : '',
              ],
            }))}
          />
          <Pagination page={vacancies.page} pageCount={vacancies.pageCount} basePath="/recruitment" label="Vacancies, pages" />
        </>
      )}
    </>
  );
}
