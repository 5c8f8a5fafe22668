import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/load';
import { getOutbox } from '@/lib/notifications/load';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { searchParam, type SearchParams as Query } from '@/lib/search-params';
import { OutboxEmail } from '@/components/notifications/outbox-email';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { InsetText } from '@/components/ui/inset-text';
import { Pagination, ResultCount } from '@/components/ui/pagination';

export const metadata: Metadata = { title: 'Email outbox' };

/** The demo outbox: with no SMTP_URL, emails are kept here instead of sent, so administrators see what would have gone. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requirePermission('notifications.manage');
  const page = parsePage(searchParam(await searchParams, 'page'));
  const outbox = await getOutbox(page);
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/settings', label: 'Settings' }, { href: '/settings/notifications', label: 'Reminders and emails' }]} />
      <h1>Email outbox</h1>
      {outbox.mode === 'smtp' ? (
        <InsetText>
          <p>A mail server is set up (SMTP_URL), so emails are sent, not kept here. Anything below was kept before it was set up.</p>
        </InsetText>
      ) : (
        <p>No mail server is set up (SMTP_URL), so PeerRoles keeps the emails it would have sent here. Newest first.</p>
      )}
      {outbox.total === 0 ? (
        <p>No emails yet. They appear here a few seconds after someone is invited to review a role, asked to answer an expectations check, or given a set-password link.</p>
      ) : (
        <>
          <ResultCount page={outbox.page} total={outbox.total} pageSize={PAGE_SIZE} noun={['email', 'emails']} moreThan={outbox.moreThanCounted} />
          <ul className="nhsuk-list">
            {outbox.items.map((email) => (
              <OutboxEmail key={email.id} email={email} />
            ))}
          </ul>
          <Pagination page={outbox.page} pageCount={outbox.pageCount} basePath="/settings/outbox" label="Outbox pages" />
        </>
      )}
    </>
  );
}
