import type { Metadata } from 'next';
import { AddActivityForm } from '@/components/expectations/activity-forms';
import { BackLink } from '@/components/ui/back-link';
import { requirePermission } from '@/lib/auth/load';

export const metadata: Metadata = { title: 'Add an activity to the catalogue' };

export default async function AddOrganisationActivityPage() {
  await requirePermission('activity.manage');
  return (
    <>
      <BackLink href="/settings/activities">Back to the activity catalogue</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <AddActivityForm teamId={null} listHref="/settings/activities">
            <h1>Add an activity to the catalogue</h1>
            <p>Every team&apos;s expectations checks will ask about it, including checks that are open now: people who have already answered are asked about it if they change their answers.</p>
          </AddActivityForm>
        </div>
      </div>
    </>
  );
}
