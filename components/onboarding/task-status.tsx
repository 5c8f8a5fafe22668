import { formatDate } from '@/components/ui/date-time';
import { Tag, type TagColour } from '@/components/ui/tag';
import type { TaskStatus } from '@/lib/generated/prisma/enums';
import { TASK_STATUS_LABELS } from '@/lib/onboarding/labels';

/*
 * The NHS "complete multiple tasks" statuses: a tag for work still to do,
 * plain text once completed (less to catch the eye), grey text when it cannot
 * start yet. An overdue task also carries a red "Overdue" tag.
 */

const COLOURS: Partial<Record<TaskStatus, TagColour>> = { NOT_STARTED: 'blue', IN_PROGRESS: 'aqua-green' };

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const colour = COLOURS[status];
  if (colour) return <Tag colour={colour}>{TASK_STATUS_LABELS[status]}</Tag>;
  return <span className={status === 'CANNOT_START' ? 'nhsuk-u-secondary-text-colour' : undefined}>{TASK_STATUS_LABELS[status]}</span>;
}

export function OverdueTag() {
  return <Tag colour="red">Overdue</Tag>;
}

/** "Due 3 March 2027" (or the date alone, under a "Due" heading), with the Overdue tag when it has passed. */
export function DueDate({ dueOn, overdue, dateOnly = false }: { dueOn: Date; overdue: boolean; dateOnly?: boolean }) {
  return (
    <>
      {overdue ? (
        <>
          <OverdueTag />{' '}
        </>
      ) : null}
      {dateOnly ? formatDate(dueOn) : `Due ${formatDate(dueOn)}`}
    </>
  );
}
