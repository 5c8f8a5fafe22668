import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Freshness } from '@/components/dashboards/freshness';
import { SignsSummary } from '@/components/dashboards/signs';
import { TableCsvLink, TeamTableView } from '@/components/dashboards/team-table';
import { teamTables } from '@/components/dashboards/team-tables';
import { entryPath } from '@/components/supervision/library-paths';
import { CheckInChart } from '@/components/supervision/check-in-chart';
import { quarterLabel } from '@/components/supervision/labels';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { PrintButton } from '@/components/ui/print-button';
import styles from '@/components/ui/print-view.module.css';
import { loadTeamView } from '@/lib/dashboards/load';
import { DASHBOARDS_PATH } from '@/lib/dashboards/paths';
import { CHECK_IN_QUESTIONS } from '@/lib/supervision/rules';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/labels';

export async function generateMetadata({ params }: { params: Promise<{ teamId: string }> }): Promise<Metadata> {
  const { view } = await loadTeamView((await params).teamId);
  return { title: view ? `${view.team.name} – Where things stand` : 'Page not found' };
}

/**
 * One team's four early-warning signs with the figures behind them, and
 * below them where the team's roles, recruitment, onboarding, supervision,
 * check-ins and library stand now, each part only to those who may see it:
 * for its managers, HR and administrators. Every table downloads as CSV, and
 * the page prints as the team's quarterly report.
 */
export default async function TeamDashboardPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { view } = await loadTeamView((await params).teamId);
  if (!view) notFound();
  const { team, signs, thresholds, computedAt, checkInsWithheld, detail, checkIns } = view;
  const tables = teamTables(view);
  const shownQuarters = (checkIns?.quarters ?? []).filter((row) => row.figure.shown).reverse();
  const withheldQuarters = (checkIns?.quarters ?? []).filter((row) => !row.figure.shown);
  const sections = [
    { id: 'signs', title: 'The four signs', shown: signs !== null },
    { id: 'roles', title: 'Roles', shown: tables.roles !== null },
    { id: 'recruitment', title: 'Recruitment', shown: tables.vacancies !== null },
    { id: 'onboarding', title: 'Onboarding and parity', shown: tables.onboarding !== null },
    { id: 'supervision', title: 'Supervision', shown: tables.supervision !== null },
    { id: 'check-ins', title: 'How supported peer workers feel', shown: tables['check-ins'] !== null },
    { id: 'library', title: 'Peer practice library', shown: true },
  ].filter((section) => section.shown);
  return (
    <div className={`${styles.printView} ${styles.wide}`}>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: DASHBOARDS_PATH, label: 'Where things stand' }]} />
      <h1>
        <span className="nhsuk-caption-l">{SERVICE_TYPE_LABELS[team.serviceType]}</span>
        {team.name}
      </h1>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <Freshness computedAt={computedAt} checkInsWithheld={checkInsWithheld} checkInsStale={view.checkInsStale} notYet="This team’s figures have not been counted yet: they are counted each night." />
          {team.archived ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>This team is archived: its signs are no longer counted, and the tables below show what it left.</p>
            </div>
          ) : (
            <p>The signs are as counted then; the tables below them are as things stand now.</p>
          )}
          <div className={styles.screenOnly}>
            <nav aria-label="On this page">
              <h2 className="nhsuk-heading-s">On this page</h2>
              <ul className="nhsuk-list">
                {sections.map((section) => (
                  <li key={section.id}>
                    <a href={`#${section.id}`}>{section.title}</a>
                  </li>
                ))}
              </ul>
            </nav>
            <PrintButton />
          </div>
        </div>
      </div>
      {signs ? (
        <section aria-labelledby="signs">
          <h2 id="signs">The four signs</h2>
          <SignsSummary signs={signs} thresholds={thresholds} headingLevel={3} />
          {tables.signs ? <TableCsvLink teamId={team.id} table={tables.signs} /> : null}
        </section>
      ) : null}
      {tables.roles ? (
        <section aria-labelledby="roles">
          <h2 id="roles">Roles</h2>
          <p>Contested activities are those a role’s expectations check found people disagree about; a role should not be agreed or recruited to until they are settled. Counted each night.</p>
          <TeamTableView teamId={team.id} table={tables.roles} />
        </section>
      ) : null}
      {tables.vacancies && tables.candidates ? (
        <section aria-labelledby="recruitment">
          <h2 id="recruitment">Recruitment</h2>
          <TeamTableView teamId={team.id} table={tables.vacancies} />
          <TeamTableView teamId={team.id} table={tables.candidates} />
        </section>
      ) : null}
      {tables.onboarding && tables.parity ? (
        <section aria-labelledby="onboarding">
          <h2 id="onboarding">Onboarding and parity</h2>
          <TeamTableView teamId={team.id} table={tables.onboarding} />
          <TeamTableView teamId={team.id} table={tables.parity} />
        </section>
      ) : null}
      {tables.supervision ? (
        <section aria-labelledby="supervision">
          <h2 id="supervision">Supervision</h2>
          <p>That supervision happens and when each type is next due: never what was said.</p>
          <TeamTableView teamId={team.id} table={tables.supervision} />
        </section>
      ) : null}
      {tables['check-ins'] && checkIns ? (
        <section aria-labelledby="check-ins">
          <h2 id="check-ins">How supported peer workers feel</h2>
          <p>
            Average answers from 1 (strongly disagree) to 5 (strongly agree), per quarter once it has ended. A quarter’s figures are shown only when at least {checkIns.threshold} different peer workers in the team answered, and not when they would let a withheld figure be worked out.
          </p>
          {shownQuarters.length > 0 ? (
            <CheckInChart
              id="team-check-ins"
              title={`${team.name}: average check-in answers by quarter`}
              what={['quarter', 'quarters']}
              note={withheldQuarters.length > 0 ? `Withheld, and left out of the chart: ${withheldQuarters.map((row) => quarterLabel(row.quarter)).join(', ')}.` : undefined}
              points={shownQuarters.map((row) => ({
                id: row.quarter,
                label: quarterLabel(row.quarter),
                longLabel: quarterLabel(row.quarter),
                answers: Object.fromEntries(CHECK_IN_QUESTIONS.map((question) => [question, row.figure.shown ? row.figure.averages[question] : 0])) as Record<(typeof CHECK_IN_QUESTIONS)[number], number>,
              }))}
            />
          ) : null}
          <TeamTableView teamId={team.id} table={tables['check-ins']} />
        </section>
      ) : null}
      <section aria-labelledby="library">
        <h2 id="library">Peer practice library</h2>
        {tables.library ? <TeamTableView teamId={team.id} table={tables.library} /> : null}
        {detail.library.newest.length > 0 ? (
          <>
            <h3>Newest entries</h3>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {detail.library.newest.map((entry) => (
                <li key={entry.id}>
                  <Link href={entryPath(entry.id)}>{entry.title}</Link>, published <DateTime value={entry.publishedAt} dateOnly /> ({entry.scope === 'TEAM' ? 'to the team' : 'to everyone in the organisation'})
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>No entries from this team’s peer workers have been published yet. A peer worker can propose one from a supervision session.</p>
        )}
      </section>
    </div>
  );
}
