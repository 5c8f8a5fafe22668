'use client';

import type { ReactNode } from 'react';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { placementPath, taskPath } from '@/lib/onboarding/paths';
import { endPlacement } from '@/lib/onboarding/placement-actions';
import { endPlacementSchema, removeTaskSchema } from '@/lib/onboarding/schemas';
import { removeTask } from '@/lib/onboarding/task-actions';

/* Onboarding's confirmation pages: each posts ids and a version, and works without JavaScript. */

export function EndPlacementForm({ placementId, version, children }: { placementId: string; version: number; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={endPlacementSchema}
      action={endPlacement}
      values={{ placementId, version }}
      label="End the placement"
      variant="warning"
      successHref={(data) => `${placementPath(data.placementId)}?saved=ended`}
      successMessage="Placement ended"
      cancel={{ href: placementPath(placementId), label: 'Keep it going' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}

export function RemoveTaskForm({ taskId, version, children }: { taskId: string; version: number; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={removeTaskSchema}
      action={removeTask}
      values={{ taskId, version }}
      label="Remove the task"
      variant="warning"
      successHref={(data) => `${placementPath(data.placementId)}?saved=task-removed`}
      successMessage="Task removed"
      cancel={{ href: taskPath(taskId), label: 'Keep it' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}
