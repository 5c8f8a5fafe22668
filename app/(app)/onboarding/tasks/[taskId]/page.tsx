import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DueDate, TaskStatusTag } from '@/components/onboarding/task-status';
import { ReassignTaskForm, TaskNoteForm, TaskStatusForm } from '@/components/onboarding/task-forms';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { DateTime } from '@/components/ui/date-time';
import { InsetText } from '@/components/ui/inset-text';
import { PageHeading } from '@/components/ui/page-heading';
import { SummaryList } from '@/components/ui/summary-list';
import { PLAN_REASON_LABELS, SECTION_LABELS } from '@/lib/onboarding/labels';
import { loadTask } from '@/lib/onboarding/load';
import { placementPath, taskPath } from '@/lib/onboarding/paths';
import { lookup, searchParam, type SearchParams } from '@/lib/search-params';

type Params = Promise<{ taskId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { view } = await loadTask((await params).taskId);
  return { title: view ? `${view.task.title} – Onboarding` : 'Page not found' };
}

const SAVED: Record<string, string> = {
  status: 'Status saved.',
  reassigned: 'Task given to someone else. They have been told by email.',
  note: 'Note saved. Only you can see it.',
};

/**
 * One task of an onboarding plan: what it is, who does it and by when. Its
 * owner or the team's manager moves it on; managers give it to someone else or
 * remove it; the peer worker keeps private notes on their own tasks.
 */
export default async function TaskPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { taskId } = await params;
  const { view } = await loadTask(taskId);
  if (!view) notFound();
  const { placement, task, canUpdate, canManage, notes, access } = view;
  const saved = lookup(SAVED, searchParam(await searchParams, 'saved'));
  const forWhom = access.isPeerWorker ? 'your onboarding' : `${placement.name}’s onboarding`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: 'Home' },
          { href: '/onboarding', label: 'Onboarding' },
          { href: placementPath(placement.id), label: access.isPeerWorker ? 'Your placement' : placement.name },
        ]}
      />
      <PageHeading caption={`${SECTION_LABELS[task.section]}, for ${forWhom}`}>{task.title}</PageHeading>
      {saved ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      {task.removedAt ? (
        <InsetText>
          <p>
            This task was removed from the plan{task.removedBy ? ` by ${task.removedBy}` : ''} on <DateTime value={task.removedAt} dateOnly />. It stays in the plan’s history.
          </p>
        </InsetText>
      ) : placement.endedAt ? (
        <InsetText>
          <p>The placement has ended: its tasks are kept as they were.</p>
        </InsetText>
      ) : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {task.description ? <p style={{ whiteSpace: 'pre-line' }}>{task.description}</p> : null}
          <SummaryList
            rows={[
              { key: 'Status', value: <TaskStatusTag status={task.status} /> },
              ...(task.status === 'CANNOT_START' && task.cannotStartReason ? [{ key: 'Why it cannot start yet', value: task.cannotStartReason }] : []),
              ...(task.status === 'COMPLETED' && task.completedAt
                ? [
                    {
                      key: 'Completed',
                      value: (
                        <>
                          <DateTime value={task.completedAt} dateOnly />
                          {task.completedBy ? ` by ${task.completedBy}` : null}
                        </>
                      ),
                    },
                  ]
                : []),
              { key: 'Due', value: <DueDate dueOn={task.dueOn} overdue={task.overdue} dateOnly /> },
              { key: 'Who does it', value: task.owner ? (task.ownsTask ? `You (${task.owner.name})` : task.owner.name) : 'Nobody yet: the team’s manager gives it to someone' },
              { key: 'Required', value: task.required ? 'Yes' : 'No, it is optional' },
              { key: 'Section', value: SECTION_LABELS[task.section] },
              { key: 'Part of', value: `${PLAN_REASON_LABELS[task.planReason]}: ${placement.roleTitle}, ${placement.teamName}` },
            ]}
          />

          {canUpdate ? (
            <section aria-labelledby="status-heading">
              <h2 id="status-heading">Update the status</h2>
              <TaskStatusForm key={task.version} taskId={task.id} version={task.version} status={task.status} cannotStartReason={task.cannotStartReason} />
            </section>
          ) : null}

          {canManage ? (
            <section aria-labelledby="reassign-heading">
              <h2 id="reassign-heading">Give the task to someone else</h2>
              <ReassignTaskForm key={task.version} taskId={task.id} version={task.version} />
              <p>
                <Link href={`${taskPath(task.id)}/remove`}>
                  Remove task<span className="nhsuk-u-visually-hidden">: {task.title}</span>
                </Link>
              </p>
            </section>
          ) : null}

          {notes ? (
            <section aria-labelledby="notes-heading">
              <h2 id="notes-heading">Your notes</h2>
              <p>Only you can see these notes. Your manager, HR and anyone else who sees the plan cannot.</p>
              {notes.length === 0 ? (
                <p>You have not written any notes on this task.</p>
              ) : (
                <ul className="nhsuk-list nhsuk-list--border">
                  {notes.map((note) => (
                    <li key={note.id}>
                      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">
                        <DateTime value={note.createdAt} />
                      </p>
                      <p className="nhsuk-u-margin-bottom-1" style={{ whiteSpace: 'pre-line' }}>
                        {note.text}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
              <TaskNoteForm key={notes.length} taskId={task.id} />
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
