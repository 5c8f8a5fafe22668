import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/load';
import { can } from '@/lib/permissions';
import { getNotificationSettings } from '@/lib/notifications/load';
import { searchParam, type SearchParams as Query } from '@/lib/search-params';
import { NotificationSettingsForm } from '@/components/notifications/settings-form';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { NotificationBanner } from '@/components/ui/notification-banner';

export const metadata: Metadata = { title: 'Reminders and emails' };

export default async function NotificationSettingsPage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = await requirePermission('notifications.manage');
  const settings = await getNotificationSettings();
  const updated = searchParam(await searchParams, 'updated') === '1';
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/settings', label: 'Settings' }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {updated ? (
            <NotificationBanner success>
              <p className="nhsuk-notification-banner__heading">Reminder settings saved</p>
            </NotificationBanner>
          ) : null}
          <h1>Reminders and emails</h1>
          <p>
            People are emailed when they are asked to review a role or answer an expectations check, about concerns on roles they review or manage, when a role they manage is agreed, and with their set-password links. Each person chooses what they are emailed about on My account.
          </p>
          <NotificationSettingsForm reminderWorkingDays={settings.reminderWorkingDays} version={settings.version} />
          <h2>What was sent</h2>
          <ul className="nhsuk-list">
            <li>
              <Link href="/settings/outbox">Emails kept in the outbox</Link> (when no mail server is set up)
            </li>
            {can(user, 'jobs.manage') ? (
              <li>
                <Link href="/settings/jobs">Failed background jobs</Link>, such as emails the mail server would not take
              </li>
            ) : null}
          </ul>
        </div>
      </div>
    </>
  );
}
