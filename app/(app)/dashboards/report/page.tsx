import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LevelsChart } from '@/components/dashboards/levels-chart';
import { SignsSummary, SignsTable } from '@/components/dashboards/signs';
import { quarterLabel } from '@/components/supervision/labels';
import { BackLink } from '@/components/ui/back-link';
import { DateTime } from '@/components/ui/date-time';
import { PrintButton } from '@/components/ui/print-button';
import styles from '@/components/ui/print-view.module.css';
import { loadOrganisationReport } from '@/lib/dashboards/load';
import { DASHBOARDS_PATH, teamDashboardPath } from '@/lib/dashboards/paths';
import { ATTENTION_TEAMS } from '@/lib/dashboards/queries';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/labels';

export const metadata: Metadata = { title: 'Quarterly report – Where things stand' };

/**
 * Where things stand, for a board or a steering group: the four
 * early-warning signs across the organisation, each service type, and the
 * teams that need attention most, with what every figure counts. Prints to A4
 * without the site's header, links or buttons.
 */
export default async function OrganisationReportPage() {
  const { report } = await loadOrganisationReport();
  if (!report) notFound();
  const { computedAt, checkInQuarter, organisation, serviceTypes, distribution, attention, thresholds, checkInsWithheld } = report;
  return (
    <div className={styles.printView}>
      <div className={styles.screenOnly}>
        <BackLink href={DASHBOARDS_PATH}>Back to where things stand</BackLink>
      </div>
      <h1>
        <span className="nhsuk-caption-l">Peer worker roles: where things stand</span>
        Quarterly report{checkInQuarter ? `, ${quarterLabel(checkInQuarter)}` : ''}
      </h1>
      {computedAt ? (
        <p>
          Figures counted on <DateTime value={computedAt} />, over the 12 months before (check-in averages for the last quarter that has ended). Each sign is as bad as its worst figure; the thresholds are the organisation’s own.
        </p>
      ) : (
        <p>The figures have not been counted yet: they are counted each night.</p>
      )}
      {checkInsWithheld ? <p>You checked in yourself in the quarter the check-in averages are from, so they are left out of this copy.</p> : null}
      {!checkInsWithheld && report.checkInsStale ? <p>The small-numbers threshold has changed since the figures were counted, so the check-in averages are left out until they are counted again tonight.</p> : null}
      <div className={styles.screenOnly}>
        <PrintButton />
      </div>
      {computedAt ? (
        <>
          <section aria-labelledby="glance">
            <h2 id="glance">Teams at a glance</h2>
            <LevelsChart distribution={distribution} id="report-levels" />
          </section>
          <section aria-labelledby="organisation">
            <h2 id="organisation">The whole organisation</h2>
            <SignsSummary signs={organisation.signs} thresholds={thresholds} headingLevel={3} />
          </section>
          <section aria-labelledby="service-types">
            <h2 id="service-types">By service type</h2>
            <SignsTable
              caption="The four signs by service type"
              firstColumn="Service type"
              rows={serviceTypes.map((row) => ({ key: row.serviceType, name: SERVICE_TYPE_LABELS[row.serviceType], detail: `${row.teams} ${row.teams === 1 ? 'team' : 'teams'}`, signs: row.signs }))}
            />
          </section>
          <section aria-labelledby="attention">
            <h2 id="attention">Teams that need attention</h2>
            {attention.length === 0 ? (
              <p>No team is red on any sign.</p>
            ) : (
              <>
                <p>Teams red on at least one sign, worst first across the four signs{attention.length === ATTENTION_TEAMS ? `; the ${ATTENTION_TEAMS} worst are listed` : ''}.</p>
                <SignsTable
                  caption="Teams red on at least one sign"
                  firstColumn="Team"
                  rows={attention.map((team) => ({ key: team.id, name: <Link href={teamDashboardPath(team.id)}>{team.name}</Link>, detail: SERVICE_TYPE_LABELS[team.serviceType], signs: team.signs }))}
                />
              </>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
