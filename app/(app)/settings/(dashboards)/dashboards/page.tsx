import type { Metadata } from 'next';
import { DashboardSettingsForm } from '@/components/dashboards/settings-form';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { requirePermission } from '@/lib/auth/load';
import { loadDashboardSettings } from '@/lib/dashboards/load';

export const metadata: Metadata = { title: 'Early-warning signs – Settings' };

/** Administrators: where each of the early-warning figures turns amber and red. */
export default async function DashboardSettingsPage() {
  await requirePermission('dashboards.settings.manage');
  const settings = await loadDashboardSettings();
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/settings', label: 'Settings' }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Early-warning signs</h1>
          <p>Each sign on “Where things stand” is as bad as its worst figure. Set where each figure turns amber and where it turns red; the pages show the change at once.</p>
          <DashboardSettingsForm thresholds={settings.thresholds} version={settings.version} />
        </div>
      </div>
    </>
  );
}
