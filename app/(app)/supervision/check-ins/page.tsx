import type { Metadata } from 'next';
import { CheckInChart, checkInPoints } from '@/components/supervision/check-in-chart';
import { TYPE_LABELS } from '@/components/supervision/labels';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { DateTime } from '@/components/ui/date-time';
import { InsetText } from '@/components/ui/inset-text';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { Table } from '@/components/ui/table';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';
import { loadOwnCheckIns } from '@/lib/supervision/load';
import { CHECK_INS_PATH, SUPERVISION_PATH } from '@/lib/supervision/paths';
import { CHECK_IN_QUESTIONS, CHECK_IN_WORDING } from '@/lib/supervision/rules';

export const metadata: Metadata = { title: 'My check-ins – Supervision' };

const SAVED: Record<string, string> = { 'checked-in': 'Check-in saved. Thank you.' };

/**
 * A peer worker's own check-ins: how supported they feel, over time, as a
 * chart and the table of the same answers. Only they see their answers;
 * managers see team figures only when enough peer workers answered.
 */
export default async function CheckInsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const page = parsePage(searchParam(query, 'page'));
  const { checkIns, trend, mayCheckIn } = await loadOwnCheckIns(page);
  const saved = lookup(SAVED, searchParam(query, 'saved'));
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: SUPERVISION_PATH, label: 'Supervision' }]} />
      <h1>My check-ins</h1>
      {saved ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      <p>Every so often, with a supervision session or on its own, say how supported you feel. Only you see your answers. Your team’s and the organisation’s averages are shown to managers and HR only when enough peer workers answered that nobody can be picked out.</p>
      {mayCheckIn ? <ButtonLink href={`${CHECK_INS_PATH}/new`}>Check in now</ButtonLink> : <InsetText><p>Check-ins are for peer workers with a current placement.</p></InsetText>}

      {checkIns.total === 0 ? (
        <p>You have not checked in yet.</p>
      ) : (
        <>
          {page === 1 ? (
            <section aria-labelledby="trend">
              <h2 id="trend">How it has changed</h2>
              {trend.length < checkIns.total ? <p>The chart shows your latest {trend.length} check-ins.</p> : null}
              <CheckInChart points={checkInPoints(trend)} id="check-in-trend" />
            </section>
          ) : null}
          <section aria-labelledby="answers">
            <h2 id="answers">Your answers</h2>
            <p className="nhsuk-body-s">From 1 (strongly disagree) to 5 (strongly agree).</p>
            <ResultCount page={checkIns.page} total={checkIns.total} pageSize={PAGE_SIZE} noun={['check-in', 'check-ins']} />
            <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label="Your check-in answers (scrolls sideways on a small screen)">
              <Table
                caption="Your check-in answers, newest first"
                captionHidden
                responsive
                firstCellIsHeader
                columns={[{ header: 'Date' }, ...CHECK_IN_QUESTIONS.map((question) => ({ header: CHECK_IN_WORDING[question], numeric: true })), { header: 'With a session' }]}
                rows={checkIns.items.map((checkIn) => ({
                  key: checkIn.id,
                  cells: [
                    <DateTime key="date" value={checkIn.answeredAt} dateOnly />,
                    ...CHECK_IN_QUESTIONS.map((question) => String(checkIn.answers[question])),
                    checkIn.session ? (
                      <span key="session">
                        {TYPE_LABELS[checkIn.session.type]}, <DateTime value={checkIn.session.heldOn} dateOnly />
                      </span>
                    ) : (
                      'No'
                    ),
                  ],
                }))}
              />
            </div>
            <Pagination page={checkIns.page} pageCount={checkIns.pageCount} basePath={CHECK_INS_PATH} label="Check-ins, pages" />
          </section>
        </>
      )}
    </>
  );
}
