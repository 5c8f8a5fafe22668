import type { Metadata } from 'next';
import Link from 'next/link';
import { REVIEWING_AS } from '@/components/roles/labels';
import { checkPath, versionPath } from '@/components/roles/paths';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/load';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { listPendingRequests } from '@/lib/requests/queries';
import { searchParam } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Your requests' };

/** What other people have asked this person to do: role versions to review, expectations checks to answer. */
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RequestsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const query = await searchParams;
  const asked = { reviews: parsePage(searchParam(query, 'reviews')), checks: parsePage(searchParam(query, 'checks')) };
  const { reviews, checks, pages } = await listPendingRequests(user, asked);
  const total = pages.reviews.total + pages.checks.total;
  /** Each list pages on its own, keeping where the other one is. */
  const pageLink = (list: 'reviews' | 'checks') => (n: number) => {
    const kept = new URLSearchParams(Object.entries({ ...asked, [list]: n }).filter(([, page]) => page > 1).map(([name, page]) => [name, String(page)]));
    return kept.size > 0 ? `/requests?${kept}` : '/requests';
  };

  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
      <h1>Your requests</h1>
      {total === 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>You have nothing to do here. When someone asks you to review a peer worker role or to answer an expectations check, it will appear on this page.</p>
        </div>
      ) : (
        <p>
          {total === 1 ? 'You have 1 request' : `You have ${total} requests`}, oldest first.
        </p>
      )}

      {total > 0 ? (
        <>
          <section aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">Roles to review ({pages.reviews.total})</h2>
            {pages.reviews.total === 0 ? (
              <p className="nhsuk-u-secondary-text-colour">No roles are waiting for your review.</p>
            ) : (
              <>
                <p>Read each version, then agree it or raise a concern about a section. A role cannot be recruited to until it is agreed.</p>
                <ResultCount page={pages.reviews.page} total={pages.reviews.total} pageSize={PAGE_SIZE} noun={['role', 'roles']} />
                <Table
                  caption="Roles to review"
                  captionHidden
                  responsive
                  firstCellIsHeader
                  columns={[{ header: 'Role' }, { header: 'Team' }, { header: 'You review it' }, { header: 'Asked on' }]}
                  rows={reviews.map((review) => {
                    const role = review.version.role;
                    return {
                      key: `${role.id}-${review.version.number}`,
                      cells: [
                        <Link key="role" href={versionPath(role.teamId, role.id, review.version.number)}>
                          {role.title}, version {review.version.number}
                        </Link>,
                        role.team.name,
                        REVIEWING_AS[review.group],
                        <DateTime key="asked" value={review.createdAt} dateOnly />,
                      ],
                    };
                  })}
                />
                <Pagination page={pages.reviews.page} pageCount={pages.reviews.pageCount} href={pageLink('reviews')} label="Roles to review, pages" />
              </>
            )}
          </section>

          <section aria-labelledby="checks-heading">
            <h2 id="checks-heading">Expectations checks to answer ({pages.checks.total})</h2>
            {pages.checks.total === 0 ? (
              <p className="nhsuk-u-secondary-text-colour">No expectations checks are waiting for your answers.</p>
            ) : (
              <>
                <p>Say which activities you expect a peer worker in the role to do. It takes a few minutes.</p>
                <ResultCount page={pages.checks.page} total={pages.checks.total} pageSize={PAGE_SIZE} noun={['check', 'checks']} />
                <Table
                  caption="Expectations checks to answer"
                  captionHidden
                  responsive
                  firstCellIsHeader
                  columns={[{ header: 'Role' }, { header: 'Team' }, { header: 'Sent on' }]}
                  rows={checks.map(({ check }) => ({
                    key: check.id,
                    cells: [
                      <Link key="role" href={checkPath(check.role.teamId, check.role.id, check.id)}>
                        {check.role.title}
                        <span className="nhsuk-u-visually-hidden">: answer the expectations check</span>
                      </Link>,
                      check.role.team.name,
                      <DateTime key="sent" value={check.createdAt} dateOnly />,
                    ],
                  }))}
                />
                <Pagination page={pages.checks.page} pageCount={pages.checks.pageCount} href={pageLink('checks')} label="Expectations checks to answer, pages" />
              </>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
