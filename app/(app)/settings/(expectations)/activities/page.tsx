import type { Metadata } from 'next';
import { organisationActivities } from '@/lib/expectations/queries';
import { ActivityTable } from '@/components/expectations/activity-table';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { ButtonLink } from '@/components/ui/button-link';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { SavedBanner } from '@/components/ui/saved-banner';
import { requirePermission } from '@/lib/auth/load';

export const metadata: Metadata = { title: 'Activity catalogue' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ActivityCataloguePage({ searchParams }: { searchParams: SearchParams }) {
  // No team in the scope: only those who may manage activities everywhere (administrators).
  await requirePermission('activity.manage');
  const query = await searchParams;
  const activities = await organisationActivities();
  const added = typeof query.added === 'string' ? activities.find((activity) => activity.id === query.added) : undefined;

  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: 'Home' },
          { href: '/settings', label: 'Settings' },
        ]}
      />
      {added ? (
        <SavedBanner heading={`“${added.name}” added to the catalogue`} href="/settings/activities/new">
          Add another activity
        </SavedBanner>
      ) : query.status === 'removed' ? (
        <NotificationBanner type="success" heading="Activity removed from the catalogue" />
      ) : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Activity catalogue</h1>
          <p>
            Every expectations check asks about these activities: whether each is a core part of the peer worker role, something the peer worker does sometimes, or not part of
            the role. Teams can add activities of their own.
          </p>
          <ButtonLink href="/settings/activities/new">Add an activity</ButtonLink>
        </div>
      </div>
      <ActivityTable
        activities={activities}
        caption={`The organisation's activities (${activities.length})`}
        removeHref={(activityId) => `/settings/activities/${activityId}/remove`}
        empty="There are no activities in the catalogue. Add some before anyone sends an expectations check: a check with no activities asks nothing."
        highlight={added?.id}
      />
    </>
  );
}
