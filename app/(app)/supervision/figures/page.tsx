import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { QuarterFiguresTable } from '@/components/supervision/figures-table';
import { quarterLabel } from '@/components/supervision/labels';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { Pagination } from '@/components/ui/pagination';
import { parsePage } from '@/lib/pagination';
import { searchParam, type SearchParams } from '@/lib/search-params';
import { loadCheckInFigures } from '@/lib/supervision/load';
import { FIGURES_PATH, SUPERVISION_PATH } from '@/lib/supervision/paths';
import { CHECK_IN_QUESTIONS, CHECK_IN_WORDING } from '@/lib/supervision/rules';

export const metadata: Metadata = { title: 'Check-in figures – Supervision' };

/**
 * How supported peer workers feel, as averages per question per ended calendar
 * quarter (worked out each night by the supervision.figures job, and saying
 * when): the organisation's and the teams' the person may see (their own
 * teams for managers, every team for HR and administrators). Below the
 * small-numbers threshold a figure is withheld and the page says why; a
 * figure that would let a withheld one be worked out is withheld too. There
 * is deliberately no filter, date range or breakdown.
 */
export default async function CheckInFiguresPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const page = parsePage(searchParam(await searchParams, 'page'));
  const { figures } = await loadCheckInFigures(page);
  if (!figures) notFound();
  const { quarters, threshold, seesEveryTeam, current, workedOutAt, waitingFor } = figures;
  const answeredThemselves = quarters.items.some((quarter) => quarter.countsOthersOnly);
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: SUPERVISION_PATH, label: 'Supervision' }]} />
      <h1>Check-in figures</h1>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p>Peer workers say how much they agree with five statements, from 1 (strongly disagree) to 5 (strongly agree). These are the average answers for each calendar quarter, for the whole organisation and {seesEveryTeam ? 'each team' : 'your teams'}.</p>
          <p>
            A quarter’s figures are shown once it has ended, so that they do not change as each person answers. {quarterLabel(current)} will be shown from the night after it ends.
          </p>
          <p>
            A figure is shown only when at least {threshold} different peer workers answered in the quarter, so that nobody’s answers can be picked out. A figure that would let a withheld one be worked out from the others is withheld too.
          </p>
          {answeredThemselves ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>You checked in yourself in a quarter shown here. For you, that quarter’s figures count only the other peer workers’ answers, so a figure others see may be withheld from you.</p>
            </div>
          ) : null}
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">The five statements</span>
            </summary>
            <div className="nhsuk-details__text">
              <ol>
                {CHECK_IN_QUESTIONS.map((question) => (
                  <li key={question}>{CHECK_IN_WORDING[question]}</li>
                ))}
              </ol>
            </div>
          </details>
        </div>
      </div>
      {waitingFor ? (
        <p>
          <strong>{quarterLabel(waitingFor)}</strong> has ended; its figures are worked out tonight.
        </p>
      ) : null}
      {quarters.total === 0 ? (
        <p>{waitingFor ? 'No figures have been worked out yet.' : 'No quarter with check-ins has ended yet. Figures appear here once one has.'}</p>
      ) : (
        <>
          {workedOutAt ? (
            <p className="nhsuk-body-s">
              These figures were worked out on <DateTime value={workedOutAt} />.
            </p>
          ) : null}
          {quarters.items.map((quarter) => (
            <QuarterFiguresTable key={quarter.quarter} quarter={quarter.quarter} organisation={quarter.organisation} teams={quarter.teams} threshold={threshold} stale={quarter.stale} countsOthersOnly={quarter.countsOthersOnly} />
          ))}
          <Pagination page={quarters.page} pageCount={quarters.pageCount} basePath={FIGURES_PATH} label="Quarters, pages" />
        </>
      )}
    </>
  );
}
