import Link from 'next/link';
import { DueDate, TaskStatusTag } from '@/components/onboarding/task-status';
import { Table } from '@/components/ui/table';
import type { TaskSection, TaskStatus } from '@/lib/generated/prisma/enums';
import { SECTION_LABELS } from '@/lib/onboarding/labels';
import { taskPath } from '@/lib/onboarding/paths';

export interface OwedTaskRow {
  id: string;
  title: string;
  section: TaskSection;
  status: TaskStatus;
  dueOn: Date;
  overdue: boolean;
  /** Whose onboarding it is for; null for the person's own. */
  forName: string | null;
  teamName: string;
}

/** The onboarding tasks a person owes, soonest due first: what, for whom, when, and where it is up to. */
export function OwedTasksTable({ tasks, caption }: { tasks: readonly OwedTaskRow[]; caption: string }) {
  return (
    <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label={`${caption} (scrolls sideways on a small screen)`}>
      <Table
        caption={caption}
        captionHidden
        responsive
        firstCellIsHeader
        columns={[{ header: 'Task' }, { header: 'For' }, { header: 'Due' }, { header: 'Status' }]}
        rows={tasks.map((task) => ({
          key: task.id,
          cells: [
            <span key="task">
              <Link href={taskPath(task.id)}>{task.title}</Link>
              <br />
              <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">{SECTION_LABELS[task.section]}</span>
            </span>,
            task.forName ? `${task.forName}, ${task.teamName}` : `Your own onboarding, ${task.teamName}`,
            <DueDate key="due" dueOn={task.dueOn} overdue={task.overdue} dateOnly />,
            <TaskStatusTag key="status" status={task.status} />,
          ],
        }))}
      />
    </div>
  );
}
