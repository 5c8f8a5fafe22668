import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { QuarterFiguresTable } from '@/components/supervision/figures-table';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Pagination } from '@/components/ui/pagination';
import { parsePage } from '@/lib/pagination';
import { searchParam, type SearchParams } from '@/lib/search-params';
import { loadCheckInFigures } from '@/lib/supervision/load';
import { SUPERVISION_PATH } from '@/lib/supervision/paths';
import { CHECK_IN_QUESTIONS, CHECK_IN_WORDING } from '@/lib/supervision/rules';

export const metadata: Metadata = { title: 'Check-in figures – Supervision' };

/**
 * How supported peer workers feel, as averages per question per calendar
 * quarter: the organisation's and the teams' the person may see (their own
 * teams for managers, every team for HR and administrators). Below the
 * small-numbers threshold a figure is withheld and the page says why; a
 * figure that would let a withheld one be worked out is withheld too. There
 * is deliberately no filter, date range or breakdown.
 */
export default async function CheckInFiguresPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const page = parsePage(searchParam(await searchParams, 'page'));
  const { figures } = await loadCheckInFigures(page);
  if (!figures) notFound();
  const { quarters, threshold, seesEveryTeam } = figures;
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: SUPERVISION_PATH, label: 'Supervision' }]} />
      <h1>Check-in figures</h1>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p>Peer workers say how much they agree with five statements, from 1 (strongly disagree) to 5 (strongly agree). These are the average answers for each calendar quarter, for the whole organisation and {seesEveryTeam ? 'each team' : 'your teams'}.</p>
          <p>
            A figure is shown only when at least {threshold} different peer workers answered in the quarter, so that nobody’s answers can be picked out. A figure that would let a withheld one be worked out from the others is withheld too.
          </p>
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
      {quarters.total === 0 ? (
        <p>No peer worker has checked in yet.</p>
      ) : (
        <>
          {quarters.items.map((quarter) => (
            <QuarterFiguresTable key={quarter.quarter} quarter={quarter.quarter} organisation={quarter.organisation} teams={quarter.teams} threshold={threshold} />
          ))}
          <Pagination page={quarters.page} pageCount={quarters.pageCount} basePath={`${SUPERVISION_PATH}/figures`} label="Quarters, pages" />
        </>
      )}
    </>
  );
}
