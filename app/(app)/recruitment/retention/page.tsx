import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { InsetText } from '@/components/ui/inset-text';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/load';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { candidateLabel } from '@/lib/recruitment/labels';
import { candidatePath, vacancyPath } from '@/lib/recruitment/paths';
import { retentionOverview } from '@/lib/recruitment/retention';
import { searchParam, type SearchParams as Query } from '@/lib/search-params';

const TITLE = 'Candidates’ data due for deletion';

export const metadata: Metadata = { title: TITLE };

/** HR's view of the retention rule: whose personal data will be deleted, and when. */
export default async function RetentionPage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = await requirePermission('recruitment.vacancy.manage');
  const page = parsePage(searchParam(await searchParams, 'page'));
  const overview = await retentionOverview(user, page);
  if (!overview) forbidden();
  const { retentionMonths, purges } = overview;
  const months = `${retentionMonths} month${retentionMonths === 1 ? '' : 's'}`;

  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/recruitment', label: 'Recruitment' }]} />
      <h1>{TITLE}</h1>
      <p>
        A candidate’s name, contact details, application answers, reasonable adjustments and everything the panel wrote about them (evidence, notes, reasons and the decision’s rationale) are deleted {months} after their vacancy’s decision. Administrators set this period in the
        recruitment settings.
      </p>
      <p>
        What stays, without anything that identifies them, is what the organisation needs for its statistics: their candidate number, scores, how far they got, the outcome, whether they applied under the guaranteed interview scheme, and how the vacancy reached its candidates.
        Deletion runs every night, so each candidate’s data goes in the night after the date shown.
      </p>

      <h2 className="nhsuk-heading-m">Due for deletion, soonest first</h2>
      {purges.total === 0 ? (
        <InsetText>
          <p>No candidate’s personal data is waiting to be deleted. Candidates are listed here once their vacancy has been decided.</p>
        </InsetText>
      ) : purges.items.length === 0 ? (
        <p>
          There is no page {page} of this list. <Link href="/recruitment/retention">Go to the first page</Link>.
        </p>
      ) : (
        <>
          <ResultCount page={purges.page} total={purges.total} pageSize={PAGE_SIZE} noun={['candidate', 'candidates']} />
          <Table
            caption="Candidates whose personal data will be deleted, soonest first"
            captionHidden
            responsive
            columns={[{ header: 'Vacancy' }, { header: 'Team' }, { header: 'Candidate' }, { header: 'Due for deletion' }]}
            rows={purges.items.map((purge) => ({
              key: purge.candidateId,
              cells: [
                <Link href={vacancyPath(purge.vacancyId)} key="vacancy">
                  {purge.vacancyTitle}
                </Link>,
                purge.teamName,
                <Link href={candidatePath(purge.vacancyId, purge.candidateId)} key="candidate">
                  {candidateLabel(purge.number)}
                  <span className="nhsuk-u-visually-hidden"> for {purge.vacancyTitle}</span>
                </Link>,
                purge.due ? 'At the next nightly run' : <DateTime value={purge.retainUntil} dateOnly key="date" />,
              ],
            }))}
          />
          <Pagination page={purges.page} pageCount={purges.pageCount} basePath="/recruitment/retention" label="Candidates due for deletion pages" />
        </>
      )}
    </>
  );
}
