import type { Metadata } from 'next';
import Link from 'next/link';
import { AgreementsTable } from '@/components/supervision/agreements-table';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { InsetText } from '@/components/ui/inset-text';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { can, teamsGranting } from '@/lib/permissions';
import { searchParam, type SearchParams } from '@/lib/search-params';
import { loadSupervision } from '@/lib/supervision/load';
import { CHECK_INS_PATH, FIGURES_PATH, LIBRARY_PATH, SUPERVISION_PATH } from '@/lib/supervision/paths';

export const metadata: Metadata = { title: 'Supervision' };

/**
 * Supervision: the agreements a person may open (their own, those they
 * supervise or line manage, their teams' for managers, every one for HR and
 * administrators), each type on time, due soon or overdue; placements still
 * without an agreement for the managers who set them up; and the way to the
 * library, the person's own check-ins and the check-in figures.
 */
export default async function SupervisionPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const page = parsePage(searchParam(await searchParams, 'page'));
  const { user, agreements, waiting } = await loadSupervision(page);
  const figureTeams = teamsGranting(user, 'supervision.figures.view');
  const seesFigures = figureTeams === 'ALL' || figureTeams.length > 0;
  const isPeerWorker = user.memberships.some((membership) => membership.role === 'PEER_WORKER') || agreements.items.some((agreement) => agreement.isOwn);
  const manages = teamsGranting(user, 'supervision.agreement.manage');
  const setsUp = manages === 'ALL' || manages.length > 0 || waiting.length > 0;
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
      <h1>Supervision</h1>
      <p>Supervision that grows peer practice: who supervises each peer worker and how often, records of sessions that both people sign, how supported peer workers feel, and a library of what peers have learned.</p>
      <ul className="nhsuk-list">
        <li>
          <Link href={LIBRARY_PATH}>Peer practice library</Link>
        </li>
        {isPeerWorker ? (
          <li>
            <Link href={CHECK_INS_PATH}>My check-ins</Link>
          </li>
        ) : null}
        {seesFigures ? (
          <li>
            <Link href={FIGURES_PATH}>Check-in figures{figureTeams === 'ALL' ? '' : ' for your teams'}</Link>
          </li>
        ) : null}
        {can(user, 'supervision.settings.manage') ? (
          <li>
            <Link href="/settings/supervision">Supervision settings</Link>
          </li>
        ) : null}
      </ul>

      {setsUp ? (
        <section aria-labelledby="without-agreement">
          <h2 id="without-agreement">Placements without supervision</h2>
          {waiting.length === 0 ? (
            <p>Every current placement in your teams has a supervision agreement.</p>
          ) : (
            <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label="Placements without supervision (scrolls sideways on a small screen)">
              <Table
                caption="Current placements with no supervision agreement yet"
                captionHidden
                responsive
                firstCellIsHeader
                columns={[{ header: 'Peer worker' }, { header: 'Team' }, { header: 'Role' }, { header: 'Started' }, { header: 'Action' }]}
                rows={waiting.map((placement) => ({
                  key: placement.id,
                  cells: [
                    placement.name,
                    placement.teamName,
                    placement.roleTitle,
                    <DateTime key="start" value={placement.startDate} dateOnly />,
                    <Link key="set-up" href={`${SUPERVISION_PATH}/agreements/new?placementId=${placement.id}`}>
                      Set up supervision<span className="nhsuk-u-visually-hidden"> for {placement.name}</span>
                    </Link>,
                  ],
                }))}
              />
            </div>
          )}
        </section>
      ) : null}

      <section aria-labelledby="agreements">
        <h2 id="agreements">Agreements</h2>
        {agreements.total === 0 ? (
          <InsetText>
            <p>
              {setsUp
                ? 'No supervision agreements yet. Set one up for each peer worker placed in your teams.'
                : 'You have no supervision agreements to see. Yours appears here once your manager sets it up, and so does anyone’s you supervise.'}
            </p>
          </InsetText>
        ) : (
          <>
            <ResultCount page={agreements.page} total={agreements.total} pageSize={PAGE_SIZE} noun={['agreement', 'agreements']} />
            <AgreementsTable agreements={agreements.items} />
            <Pagination page={agreements.page} pageCount={agreements.pageCount} basePath={SUPERVISION_PATH} label="Agreements, pages" />
          </>
        )}
      </section>
    </>
  );
}
