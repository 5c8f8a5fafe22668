import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { entryPath } from '@/components/supervision/library-paths';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';
import { loadProposals } from '@/lib/supervision/load';
import { LIBRARY_PATH, SUPERVISION_PATH } from '@/lib/supervision/paths';

export const metadata: Metadata = { title: 'Proposals waiting for review – Peer practice library' };

const SAVED: Record<string, string> = {
  approved: 'Entry approved and published.',
  declined: 'Entry declined. It is not published.',
};

/** For peer supervisors: library proposals waiting for review (never their own), oldest first. */
export default async function ReviewProposalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const page = parsePage(searchParam(query, 'page'));
  const { proposals } = await loadProposals(page);
  if (!proposals) notFound();
  const saved = lookup(SAVED, searchParam(query, 'saved'));
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: 'Home' },
          { href: SUPERVISION_PATH, label: 'Supervision' },
          { href: LIBRARY_PATH, label: 'Peer practice library' },
        ]}
      />
      <h1>Proposals waiting for review</h1>
      {saved ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      <p>As a peer supervisor you check that each proposed reflection identifies nobody before it is published. You do not review your own.</p>
      {proposals.total === 0 ? (
        <p>Nothing is waiting for review.</p>
      ) : (
        <>
          <ResultCount page={proposals.page} total={proposals.total} pageSize={PAGE_SIZE} noun={['proposal', 'proposals']} />
          <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label="Proposals waiting for review (scrolls sideways on a small screen)">
            <Table
              caption="Proposals waiting for review, oldest first"
              captionHidden
              responsive
              firstCellIsHeader
              columns={[{ header: 'Title' }, { header: 'For' }, { header: 'Proposed' }]}
              rows={proposals.items.map((proposal) => ({
                key: proposal.id,
                cells: [
                  <Link key="title" href={entryPath(proposal.id)}>
                    {proposal.title}
                  </Link>,
                  proposal.scope === 'TEAM' ? `${proposal.teamName} (team)` : 'Everyone in the organisation',
                  <DateTime key="proposed" value={proposal.createdAt} dateOnly />,
                ],
              }))}
            />
          </div>
          <Pagination page={proposals.page} pageCount={proposals.pageCount} basePath={`${LIBRARY_PATH}/review`} label="Proposals, pages" />
        </>
      )}
    </>
  );
}
