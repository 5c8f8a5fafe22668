import Link from 'next/link';
import { Table } from '@/components/ui/table';
import type { TaskOwnerRole, TaskSection } from '@/lib/generated/prisma/enums';
import { OWNER_ROLE_LABELS, SECTION_LABELS } from '@/lib/onboarding/labels';
import { templatePath } from '@/lib/onboarding/paths';

export interface TemplateTaskRow {
  id: string;
  section: TaskSection;
  title: string;
  description: string;
  ownerRole: TaskOwnerRole;
  offsetDays: number;
  required: boolean;
}

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

/** "7 days before the start", "on the start date", "14 days after the start". */
export function describeOffset(offsetDays: number): string {
  if (offsetDays === 0) return 'On the start date';
  return offsetDays < 0 ? `${days(-offsetDays)} before the start` : `${days(offsetDays)} after the start`;
}

/**
 * A template's tasks, one table per section in the order plans show them:
 * what, who, when, and whether it is required; with links to change or remove
 * each while the template can still be changed.
 */
export function TemplateTaskTable({ templateId, tasks, editable }: { templateId: string; tasks: readonly TemplateTaskRow[]; editable: boolean }) {
  const sections = (Object.keys(SECTION_LABELS) as TaskSection[])
    .map((section) => ({ section, tasks: tasks.filter((task) => task.section === section).sort((a, b) => a.offsetDays - b.offsetDays) }))
    .filter((group) => group.tasks.length > 0);
  return (
    <>
      {sections.map((group) => (
        <section key={group.section} aria-labelledby={`section-${group.section}`}>
          <h3 id={`section-${group.section}`}>{SECTION_LABELS[group.section]}</h3>
          <div className="nhsuk-table-container" tabIndex={0} role="region" aria-label={`${SECTION_LABELS[group.section]}: tasks (scrolls sideways on a small screen)`}>
            <Table
              caption={`${SECTION_LABELS[group.section]}: tasks`}
              captionHidden
              firstCellIsHeader
              columns={[
                { header: 'Task', className: 'nhsuk-u-width-one-third' },
                { header: 'Who does it' },
                { header: 'When' },
                { header: 'Required or optional' },
                ...(editable ? [{ header: <span className="nhsuk-u-visually-hidden">Actions</span> }] : []),
              ]}
              rows={group.tasks.map((task) => ({
                key: task.id,
                cells: [
                  <span key="title">
                    {task.title}
                    {task.description ? <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-font-weight-normal nhsuk-u-margin-bottom-0">{task.description}</span> : null}
                  </span>,
                  OWNER_ROLE_LABELS[task.ownerRole],
                  describeOffset(task.offsetDays),
                  task.required ? 'Required' : 'Optional',
                  ...(editable
                    ? [
                        <ul className="nhsuk-list nhsuk-u-margin-bottom-0" key="actions">
                          <li>
                            <Link href={`${templatePath(templateId)}/tasks/${task.id}`}>
                              Change<span className="nhsuk-u-visually-hidden"> {task.title}</span>
                            </Link>
                          </li>
                          <li>
                            <Link href={`${templatePath(templateId)}/tasks/${task.id}/remove`}>
                              Remove<span className="nhsuk-u-visually-hidden"> {task.title}</span>
                            </Link>
                          </li>
                        </ul>,
                      ]
                    : []),
                ],
              }))}
            />
          </div>
        </section>
      ))}
    </>
  );
}
