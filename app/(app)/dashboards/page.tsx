import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Freshness } from '@/components/dashboards/freshness';
import { LevelsChart } from '@/components/dashboards/levels-chart';
import { SignsSummary, SignsTable } from '@/components/dashboards/signs';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Pagination } from '@/components/ui/pagination';
import { teamSortSchema } from '@/lib/dashboards/schemas';
import { loadDashboardTeams, loadOrganisationView } from '@/lib/dashboards/load';
import { DASHBOARDS_PATH, LEVELS_CSV_PATH, REPORT_PATH, SERVICE_TYPES_CSV_PATH, teamDashboardPath, TEAMS_CSV_PATH } from '@/lib/dashboards/paths';
import { SIGN_TITLES } from '@/lib/dashboards/signals';
import { parsePage } from '@/lib/pagination';
import { searchParam, type SearchParams } from '@/lib/search-params';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/labels';

export const metadata: Metadata = { title: 'Where things stand' };

const sortHref = (sort: string) => (sort === 'name' ? DASHBOARDS_PATH : `${DASHBOARDS_PATH}?sort=${sort}`);

/** Why these four: the research's early-warning signs, in a sentence each a manager can act on. */
function AboutTheSigns() {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">What the four signs are</span>
      </summary>
      <div className="nhsuk-details__text">
        <p>Research with peer workers and their teams found four things that warn a peer worker role is not going as it should:</p>
        <ul>
          <li>
            <strong>{SIGN_TITLES.EXPECTATIONS}</strong>: people hold different views of what the role is, and nobody settles them.
          </li>
          <li>
            <strong>{SIGN_TITLES.ARRANGEMENTS}</strong>: contracts, hours and meetings that leave peer workers outside the team’s decisions.
          </li>
          <li>
            <strong>{SIGN_TITLES.SUPERVISION}</strong>: supervision about what peer workers must not do, rather than about growing their practice.
          </li>
          <li>
            <strong>{SIGN_TITLES.SHARED_VIEW}</strong>: peer workers unsure of their role, and no shared account of what peer practice is.
          </li>
        </ul>
        <p>Each sign is as bad as its worst figure. An administrator sets where each figure turns amber and red.</p>
      </div>
    </details>
  );
}

/**
 * Where things stand (workflow 7): for HR and administrators the organisation's
 * four early-warning signs, each service type's and every team's, sortable by
 * each sign; for a team's managers, a link to each of their teams.
 */
export default async function DashboardsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const sort = teamSortSchema.parse(searchParam(params, 'sort'));
  const page = parsePage(searchParam(params, 'page'));
  const { view } = await loadOrganisationView(sort, page);
  if (!view) {
    const { teams } = await loadDashboardTeams();
    if (teams.length === 0) notFound();
    return (
      <>
        <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
        <h1>Where things stand</h1>
        <AboutTheSigns />
        <p>Choose one of your teams.</p>
        <ul className="nhsuk-list">
          {teams.map((team) => (
            <li key={team.id}>
              <Link href={teamDashboardPath(team.id)}>{team.name}</Link>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const { organisation, serviceTypes, teams, thresholds, computedAt, checkInsWithheld } = view;
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
      <h1>Where things stand</h1>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p>The four early-warning signs for the whole organisation, each service type and each team, with the figures behind them.</p>
          <AboutTheSigns />
          <Freshness computedAt={computedAt} checkInsWithheld={checkInsWithheld} checkInsStale={view.checkInsStale} notYet="The figures have not been counted yet: they are counted each night." />
          {computedAt ? (
            <p>
              <Link href={REPORT_PATH}>The quarterly report, to print for a board or steering group</Link>
            </p>
          ) : null}
        </div>
      </div>
      {computedAt ? (
        <>
          <h2>Teams at a glance</h2>
          <LevelsChart distribution={view.distribution} id="levels" />
          <p className="nhsuk-body-s">
            <a href={LEVELS_CSV_PATH} download>
              Download how many teams are at each level (CSV)
            </a>
          </p>
          <h2>The whole organisation</h2>
          <SignsSummary signs={organisation.signs} thresholds={thresholds} headingLevel={3} />
          <h2>By service type</h2>
          <SignsTable
            caption="The four signs by service type"
            firstColumn="Service type"
            rows={serviceTypes.map((row) => ({ key: row.serviceType, name: SERVICE_TYPE_LABELS[row.serviceType], detail: `${row.teams} ${row.teams === 1 ? 'team' : 'teams'}`, signs: row.signs }))}
          />
          <p className="nhsuk-body-s">
            <a href={SERVICE_TYPES_CSV_PATH} download>
              Download the organisation’s and each service type’s signs and figures (CSV)
            </a>
          </p>
          <h2 id="teams">Teams</h2>
          <p>Choose a sign’s column to sort the teams by it, worst first: Expectations, Arrangements, Supervision and Shared view are the four signs above, in that order.</p>
          <SignsTable
            caption={`The four signs for each team${teams.pageCount > 1 ? `, page ${teams.page} of ${teams.pageCount}` : ''}`}
            firstColumn="Team"
            sortHref={sortHref}
            sortedBy={view.sort}
            rows={teams.items.map((team) => ({ key: team.id, name: <Link href={teamDashboardPath(team.id)}>{team.name}</Link>, detail: SERVICE_TYPE_LABELS[team.serviceType], signs: team.signs }))}
          />
          <Pagination page={teams.page} pageCount={teams.pageCount} basePath={DASHBOARDS_PATH} params={{ sort: view.sort === 'name' ? undefined : view.sort }} label="Teams, pages" />
          <p>
            <a href={`${TEAMS_CSV_PATH}${view.sort === 'name' ? '' : `?sort=${view.sort}`}`} download>
              Download every team’s signs and figures (CSV)
            </a>
          </p>
        </>
      ) : null}
    </>
  );
}
