import type { Metadata } from 'next';
import { RecruitmentSettingsForm } from '@/components/recruitment/settings-form';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { requirePermission } from '@/lib/auth/load';
import { loadRecruitmentRules } from '@/lib/recruitment/load';

export const metadata: Metadata = { title: 'Recruitment settings' };

export default async function RecruitmentSettingsPage() {
  await requirePermission('recruitment.settings.manage');
  const rules = await loadRecruitmentRules();
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/settings', label: 'Settings' }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Recruitment settings</h1>
          <p>Who must sit on every recruitment panel, and how long candidates’ personal data is kept. Administrators set these rules but do not see candidates.</p>
          <RecruitmentSettingsForm rules={rules} />
        </div>
      </div>
    </>
  );
}
