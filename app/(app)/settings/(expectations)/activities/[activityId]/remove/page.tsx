import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RemoveActivityForm } from '@/components/expectations/activity-forms';
import { organisationActivities } from '@/lib/expectations/queries';
import { RemoveActivityConsequences } from '@/components/expectations/remove-activity-consequences';
import { BackLink } from '@/components/ui/back-link';
import { getCurrentUser, requirePermission } from '@/lib/auth/load';
import { can } from '@/lib/permissions';

type Params = Promise<{ activityId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { activityId } = await params;
  if (!can(await getCurrentUser(), 'activity.manage')) return { title: 'You do not have permission to view this page' };
  const activity = (await organisationActivities()).find((row) => row.id === activityId);
  return { title: activity ? `Remove “${activity.name}” from the catalogue` : 'Page not found' };
}

export default async function RemoveOrganisationActivityPage({ params }: { params: Params }) {
  const { activityId } = await params;
  await requirePermission('activity.manage');
  const activity = (await organisationActivities()).find((row) => row.id === activityId);
  if (!activity) notFound();

  return (
    <>
      <BackLink href="/settings/activities">Back to the activity catalogue</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <RemoveActivityForm activityId={activity.id} listHref="/settings/activities">
            <h1>Are you sure you want to remove “{activity.name}” from the catalogue?</h1>
            <RemoveActivityConsequences scope="every team" />
          </RemoveActivityForm>
        </div>
      </div>
    </>
  );
}
