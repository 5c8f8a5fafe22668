import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SignsSummary } from '@/components/dashboards/signs';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { PageHeading } from '@/components/ui/page-heading';
import { loadTeamView } from '@/lib/dashboards/load';
import { DASHBOARDS_PATH } from '@/lib/dashboards/paths';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/labels';

export async function generateMetadata({ params }: { params: Promise<{ teamId: string }> }): Promise<Metadata> {
  const { view } = await loadTeamView((await params).teamId);
  return { title: view ? `${view.team.name} – Where things stand` : 'Page not found' };
}

/** One team's four early-warning signs, with the figures behind them: for its managers, HR and administrators. */
export default async function TeamDashboardPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { view } = await loadTeamView((await params).teamId);
  if (!view) notFound();
  const { team, signs, thresholds, computedAt, checkInsWithheld } = view;
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: DASHBOARDS_PATH, label: 'Where things stand' }]} />
      <PageHeading caption={SERVICE_TYPE_LABELS[team.serviceType]}>{team.name}</PageHeading>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {computedAt ? (
            <p className="nhsuk-body-s">
              Counted on <DateTime value={computedAt} />. The figures are counted again each night.
            </p>
          ) : (
            <p>This team’s figures have not been counted yet: they are counted each night.</p>
          )}
          {checkInsWithheld ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>You checked in yourself in the quarter the check-in averages are from, so they are not shown to you.</p>
            </div>
          ) : null}
        </div>
      </div>
      {signs ? <SignsSummary signs={signs} thresholds={thresholds} /> : null}
    </>
  );
}
