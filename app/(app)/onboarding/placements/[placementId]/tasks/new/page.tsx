import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AddTaskForm } from '@/components/onboarding/task-forms';
import { BackLink } from '@/components/ui/back-link';
import { PageHeading } from '@/components/ui/page-heading';
import { loadManagedPlacement } from '@/lib/onboarding/load';
import { placementPath } from '@/lib/onboarding/paths';

export const metadata: Metadata = { title: 'Add a task' };

export default async function AddTaskPage({ params }: { params: Promise<{ placementId: string }> }) {
  const { placementId } = await params;
  const { managed } = await loadManagedPlacement(placementId);
  if (!managed || managed.placement.endedAt) notFound();
  const { placement } = managed;
  return (
    <>
      <BackLink href={placementPath(placement.id)}>Back to {placement.name}’s placement</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading caption={`${placement.name}, ${placement.teamName}`}>Add a task</PageHeading>
          <p>The task joins the plan {placement.name} is working through now.</p>
          <AddTaskForm placementId={placement.id} />
        </div>
      </div>
    </>
  );
}
