import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RemoveTaskForm } from '@/components/onboarding/button-forms';
import { BackLink } from '@/components/ui/back-link';
import { loadTask } from '@/lib/onboarding/load';
import { placementPath, taskPath } from '@/lib/onboarding/paths';

export const metadata: Metadata = { title: 'Remove a task' };

export default async function RemoveTaskPage({ params }: { params: Promise<{ taskId: string }> }) {
  const { taskId } = await params;
  const { view } = await loadTask(taskId);
  if (!view?.access.canManage) notFound();
  const { task, placement, access } = view;
  return (
    <>
      <BackLink href={taskPath(task.id)}>Back to the task</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {task.removedAt ? (
            // Just removed without JavaScript, or an old link.
            <>
              <h1>“{task.title}” has been removed from the plan</h1>
              <p>
                It stays in the plan’s history. <Link href={placementPath(placement.id)}>Go back to the placement</Link>.
              </p>
            </>
          ) : !view.canManage ? (
            <>
              <h1>This placement has ended</h1>
              <p>Its plan is kept as it was: tasks can no longer be removed.</p>
            </>
          ) : (
            <RemoveTaskForm taskId={task.id} version={task.version}>
              <h1>Remove “{task.title}” from {access.isPeerWorker ? 'your' : `${placement.name}’s`} plan?</h1>
              <p>It stays in the plan’s history, with who removed it and when. {task.owner ? `${task.owner.name} no longer owes it.` : null}</p>
            </RemoveTaskForm>
          )}
        </div>
      </div>
    </>
  );
}
