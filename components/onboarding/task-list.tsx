import Link from 'next/link';
import { DueDate, TaskStatusTag } from '@/components/onboarding/task-status';
import type { TaskSection, TaskStatus } from '@/lib/generated/prisma/enums';
import { SECTION_LABELS } from '@/lib/onboarding/labels';
import { taskPath } from '@/lib/onboarding/paths';

export interface TaskListItem {
  id: string;
  section: TaskSection;
  title: string;
  status: TaskStatus;
  cannotStartReason: string | null;
  dueOn: Date;
  required: boolean;
  owner: string | null;
  overdue: boolean;
}

const SECTIONS = Object.keys(SECTION_LABELS) as TaskSection[];

const STATUS_CLASSES: Partial<Record<TaskStatus, string>> = { COMPLETED: ' nhsuk-task-list__status--completed', CANNOT_START: ' nhsuk-task-list__status--cannot-start-yet' };

/**
 * A plan as the NHS "complete multiple tasks" pattern: a heading per section,
 * in the plan's order, and each task a link with who does it, when it is due,
 * and its status. `idPrefix` keeps ids apart when a page shows several plans.
 */
export function OnboardingTaskList({ tasks, headingLevel = 2, idPrefix }: { tasks: readonly TaskListItem[]; headingLevel?: 2 | 3 | 4; idPrefix: string }) {
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2];
  return (
    <>
      {SECTIONS.map((section) => {
        const inSection = tasks.filter((task) => task.section === section);
        if (inSection.length === 0) return null;
        return (
          <section key={section} aria-labelledby={`${idPrefix}-${section}`}>
            <Heading id={`${idPrefix}-${section}`} className={headingLevel === 4 ? 'nhsuk-heading-xs' : headingLevel === 3 ? 'nhsuk-heading-s' : 'nhsuk-heading-m'}>
              {SECTION_LABELS[section]}
            </Heading>
            <ul className="nhsuk-task-list">
              {inSection.map((task) => {
                const hintId = `${idPrefix}-${task.id}-hint`;
                const statusId = `${idPrefix}-${task.id}-status`;
                return (
                  <li className="nhsuk-task-list__item nhsuk-task-list__item--with-link" key={task.id}>
                    <div className="nhsuk-task-list__name-and-hint">
                      <Link className="nhsuk-link nhsuk-task-list__link" href={taskPath(task.id)} aria-describedby={`${hintId} ${statusId}`}>
                        {task.title}
                      </Link>
                      <div className="nhsuk-task-list__hint" id={hintId}>
                        {task.owner ?? 'Nobody yet: the manager assigns it'}
                        {' · '}
                        <DueDate dueOn={task.dueOn} overdue={task.overdue} />
                        {task.required ? null : ' · Optional'}
                        {task.status === 'CANNOT_START' && task.cannotStartReason ? (
                          <>
                            <br />
                            Cannot start yet: {task.cannotStartReason}
                          </>
                        ) : null}
                      </div>
                    </div>
                    <div className={`nhsuk-task-list__status${STATUS_CLASSES[task.status] ?? ''}`} id={statusId}>
                      <TaskStatusTag status={task.status} />
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
