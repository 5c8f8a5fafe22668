'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { DateInput } from '@/components/ui/date-input';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, Select, Textarea, TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { TaskSection, TaskStatus } from '@/lib/generated/prisma/enums';
import { SECTION_LABELS, TASK_STATUS_LABELS } from '@/lib/onboarding/labels';
import { placementPath, taskPath } from '@/lib/onboarding/paths';
import { addTaskSchema, reassignTaskSchema, taskNoteSchema, taskStatusSchema } from '@/lib/onboarding/schemas';
import { addTask, addTaskNote, reassignTask, updateTaskStatus } from '@/lib/onboarding/task-actions';

/*
 * The forms on a task's page and the "add a task" page. Those that leave the
 * person on the same page are keyed by the task's version by the page, so that
 * after a change they start again from what was saved.
 */

const STATUS_HINTS: Partial<Record<TaskStatus, string>> = {
  COMPLETED: 'Done. The plan counts it as completed.',
  CANNOT_START: 'Something has to happen first: say what below.',
};

/** Its owner or the team's manager moves a task on. Without JavaScript the reason box is always there: it is read only for "Cannot start yet". */
export function TaskStatusForm({ taskId, version, status, cannotStartReason }: { taskId: string; version: number; status: TaskStatus; cannotStartReason: string | null }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: taskStatusSchema,
    action: updateTaskStatus,
    defaultValues: { taskId, version, status, cannotStartReason: cannotStartReason ?? '' },
    onSuccess: (data) => {
      router.push(`${taskPath(data.taskId)}?saved=status`);
      router.refresh();
    },
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Status saved" href={taskPath(taskId)}>
        See the task
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('taskId')} defaultValue={taskId} />
        <input type="hidden" {...form.register('version')} defaultValue={version} />
        <Radios
          name="status"
          legend="Where is this task up to?"
          options={(Object.keys(TASK_STATUS_LABELS) as TaskStatus[]).map((value) => ({ value, label: TASK_STATUS_LABELS[value], hint: STATUS_HINTS[value] }))}
          defaultValue={status}
          error={fieldError('status')}
          inputProps={form.register('status')}
        />
        <Textarea
          id="cannotStartReason"
          label="If it cannot start yet, why not?"
          hint="For example, waiting for an IT account or a training date. Everyone who sees the plan reads this."
          rows={3}
          defaultValue={cannotStartReason ?? ''}
          error={fieldError('cannotStartReason')}
          {...form.register('cannotStartReason')}
        />
        <SubmitButton pending={pending}>Save the status</SubmitButton>
      </form>
    </>
  );
}

/** A manager gives the task to someone else in the team, or to HR. */
export function ReassignTaskForm({ taskId, version }: { taskId: string; version: number }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: reassignTaskSchema,
    action: reassignTask,
    defaultValues: { taskId, version, ownerEmail: '' },
    onSuccess: (data) => {
      router.push(`${taskPath(data.taskId)}?saved=reassigned`);
      router.refresh();
    },
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Task given to someone else" href={taskPath(taskId)}>
        See the task
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('taskId')} defaultValue={taskId} />
        <input type="hidden" {...form.register('version')} defaultValue={version} />
        <TextInput
          id="ownerEmail"
          label="Email address of who should do it"
          hint="A member of the team, or someone in HR. They are told by email."
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={fieldError('ownerEmail')}
          {...form.register('ownerEmail')}
        />
        <SubmitButton pending={pending} variant="secondary">
          Give the task to them
        </SubmitButton>
      </form>
    </>
  );
}

/** The peer worker's private note on their own task. */
export function TaskNoteForm({ taskId }: { taskId: string }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: taskNoteSchema,
    action: addTaskNote,
    defaultValues: { taskId, text: '' },
    onSuccess: (data) => {
      form.reset({ taskId, text: '' });
      router.push(`${taskPath(data.taskId)}?saved=note`);
      router.refresh();
    },
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Note saved" href={taskPath(taskId)}>
        See your notes
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('taskId')} defaultValue={taskId} />
        <Textarea id="text" label="Add a note" hint="Only you can see your notes: not your manager, HR or anyone else." rows={4} error={fieldError('text')} {...form.register('text')} />
        <SubmitButton pending={pending} variant="secondary">
          Save the note
        </SubmitButton>
      </form>
    </>
  );
}

/** A manager adds a task to the plan the peer worker is working through now. */
export function AddTaskForm({ placementId }: { placementId: string }) {
  const router = useRouter();
  const back = placementPath(placementId);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: addTaskSchema,
    action: addTask,
    defaultValues: { placementId, section: undefined, title: '', description: '', ownerEmail: '', dueOn: { day: '', month: '', year: '' }, required: 'yes' } as never,
    onSuccess: (data) => {
      router.push(`${placementPath(data.placementId)}?saved=task-added`);
      router.refresh();
    },
    anchor: (path) => (path.startsWith('dueOn') ? 'dueOn-day' : path),
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Task added" href={back}>
        Go back to the placement
      </SavedBanner>
    );
  }
  const register = (name: string) => form.register(name as never);
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...register('placementId')} defaultValue={placementId} />
        <Select
          id="section"
          label="Section of the plan"
          placeholder="Select a section"
          options={(Object.keys(SECTION_LABELS) as TaskSection[]).map((section) => ({ value: section, label: SECTION_LABELS[section] }))}
          defaultValue=""
          error={fieldError('section')}
          {...register('section')}
        />
        <TextInput id="title" label="The task" hint="Start with what to do, like “Book a place on the WRAP course”." error={fieldError('title')} {...register('title')} />
        <Textarea id="description" label="More detail (optional)" rows={3} error={fieldError('description')} {...register('description')} />
        <TextInput
          id="ownerEmail"
          label="Email address of who does it"
          hint="A member of the team (the peer worker included), or someone in HR. They are told by email."
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={fieldError('ownerEmail')}
          {...register('ownerEmail')}
        />
        <DateInput name="dueOn" legend="Due date" hint="For example, 14 1 2027" error={fieldError('dueOn')} register={(part) => register(`dueOn.${part}`) as UseFormRegisterReturn} />
        <Radios
          name="required"
          legend="Does it have to be done?"
          inline
          options={[
            { value: 'yes', label: 'Yes, it is required' },
            { value: 'no', label: 'No, it is optional' },
          ]}
          defaultValue="yes"
          error={fieldError('required')}
          inputProps={register('required')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Add the task</SubmitButton>
          <Link className="nhsuk-link" href={back}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
