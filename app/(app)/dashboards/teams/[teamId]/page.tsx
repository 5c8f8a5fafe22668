import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Freshness } from '@/components/dashboards/freshness';
import { SignsSummary } from '@/components/dashboards/signs';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
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
          <Freshness computedAt={computedAt} checkInsWithheld={checkInsWithheld} notYet="This team’s figures have not been counted yet: they are counted each night." />
        </div>
      </div>
      {signs ? <SignsSummary signs={signs} thresholds={thresholds} /> : null}
    </>
  );
}
