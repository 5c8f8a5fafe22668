import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/load';
import { getEmailPreference } from '@/lib/notifications/load';
import { MUTABLE_KINDS } from '@/lib/notifications/rules';
import { PreferenceForm } from '@/components/notifications/preference-form';
import { BackLink } from '@/components/ui/back-link';

export const metadata: Metadata = { title: 'Email notifications' };

export default async function NotificationPreferencePage() {
  const user = await requirePermission('account.update');
  const preference = await getEmailPreference(user.id);
  return (
    <>
      <BackLink href="/account">Back to my account</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PreferenceForm delivery={preference.delivery} emailed={MUTABLE_KINDS.filter((kind) => !preference.mutedKinds.includes(kind))} />
        </div>
      </div>
    </>
  );
}
