import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OrganisationTrendTable, QuarterFiguresTable } from '@/components/supervision/figures-table';
import { quarterLabel } from '@/components/supervision/labels';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { Pagination } from '@/components/ui/pagination';
import { parsePage } from '@/lib/pagination';
import { searchParam, type SearchParams } from '@/lib/search-params';
import { loadCheckInFigures } from '@/lib/supervision/load';
import { FIGURES_PATH, SUPERVISION_PATH } from '@/lib/supervision/paths';
import { TEAMS_PER_PAGE } from '@/lib/supervision/queries';
import { CHECK_IN_QUESTIONS, CHECK_IN_WORDING } from '@/lib/supervision/rules';

export const metadata: Metadata = { title: 'Check-in figures – Supervision' };

const quarterHref = (quarter: string) => `${FIGURES_PATH}?quarter=${quarter}`;

/**
 * How supported peer workers feel, as averages per question per ended
 * calendar quarter (worked out each night by the supervision.figures job, and
 * saying when): the organisation's quarter by quarter, and for one quarter the
 * teams' the person may see (their own teams for managers, every team for HR
 * and administrators), a page at a time. Below the small-numbers threshold a
 * figure is withheld and the page says why; a figure that would let a
 * withheld one be worked out is withheld too. There is deliberately no
 * filter, date range or breakdown.
 */
export default async function CheckInFiguresPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const page = parsePage(searchParam(params, 'page'));
  const { figures } = await loadCheckInFigures(searchParam(params, 'quarter') || null, page);
  if (!figures) notFound();
  const { threshold, seesEveryTeam, current, workedOutAt, waitingFor, trend, selected } = figures;
  const answeredThemselves = trend.some((quarter) => quarter.countsOthersOnly) || Boolean(selected?.countsOthersOnly);
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
          {waitingFor ? (
            <p>
              <strong>{quarterLabel(waitingFor)}</strong> has ended; its figures are worked out tonight.
            </p>
          ) : null}
          {workedOutAt ? (
            <p className="nhsuk-body-s">
              These figures were worked out on <DateTime value={workedOutAt} />.
            </p>
          ) : null}
        </div>
      </div>
      {selected === null ? (
        <p>{waitingFor ? 'No figures have been worked out yet.' : 'No quarter with check-ins has ended yet. Figures appear here once one has.'}</p>
      ) : (
        <>
          <QuarterFiguresTable
            quarter={selected.quarter}
            organisation={selected.organisation}
            teams={selected.teams.items}
            threshold={threshold}
            stale={selected.stale}
            countsOthersOnly={selected.countsOthersOnly}
            teamsCaption={selected.teams.pageCount > 1 ? `teams ${(selected.teams.page - 1) * TEAMS_PER_PAGE + 1} to ${(selected.teams.page - 1) * TEAMS_PER_PAGE + selected.teams.items.length} of ${selected.teams.total}` : null}
          />
          {seesEveryTeam && selected.teams.total === 0 ? <p>No team had any check-ins in this quarter.</p> : null}
          <Pagination page={selected.teams.page} pageCount={selected.teams.pageCount} basePath={FIGURES_PATH} params={{ quarter: selected.quarter }} label={`Teams in ${quarterLabel(selected.quarter)}, pages`} />
          {trend.length > 1 ? (
            <>
              <h2>The whole organisation, quarter by quarter</h2>
              <p>Choose a quarter to see its teams.</p>
              <OrganisationTrendTable quarters={trend} threshold={threshold} selected={selected.quarter} hrefOf={quarterHref} />
            </>
          ) : null}
          {trend.length > 0 && !trend.some((quarter) => quarter.quarter === selected.quarter) ? (
            <p>
              <Link href={FIGURES_PATH}>See the latest quarter</Link>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
