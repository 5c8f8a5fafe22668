import type { Metadata } from 'next';
import { SupervisionSettingsForm } from '@/components/supervision/settings-form';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { requirePermission } from '@/lib/auth/load';
import { loadSupervisionSettings } from '@/lib/supervision/load';

export const metadata: Metadata = { title: 'Supervision settings' };

/** Administrators: the smallest group of peer workers whose check-in figures are shown (never below the shared minimum). */
export default async function SupervisionSettingsPage() {
  await requirePermission('supervision.settings.manage');
  const settings = await loadSupervisionSettings();
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/settings', label: 'Settings' }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Supervision settings</h1>
          <p>Managers, HR and administrators see how supported peer workers feel only as averages for a team or the organisation, by calendar quarter. A figure made of too few people’s answers could give someone’s answers away, so it is withheld.</p>
          <SupervisionSettingsForm threshold={settings.threshold} version={settings.version} />
        </div>
      </div>
    </>
  );
}
