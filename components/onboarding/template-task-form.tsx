'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, Textarea, TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { TaskOwnerRole, TaskSection } from '@/lib/generated/prisma/enums';
import { OWNER_ROLE_LABELS, SECTION_LABELS } from '@/lib/onboarding/labels';
import { templatePath } from '@/lib/onboarding/paths';
import { saveTemplateTaskSchema } from '@/lib/onboarding/schemas';
import { saveTemplateTask } from '@/lib/onboarding/template-actions';

/** Who each kind of owner turns out to be when a plan starts (lib/onboarding/records.ts taskOwners). */
const OWNER_ROLE_HINTS: Record<TaskOwnerRole, string> = {
  MANAGER: 'The peer worker’s line manager, or the team’s manager if no line manager is named.',
  PEER_WORKER: 'The peer worker themselves.',
  HR: 'The HR colleague who made the appointment. If there was none, the manager chooses someone.',
  SUPERVISOR: 'The peer supervisor, or the line manager if no peer supervisor is named.',
  IT_ADMIN: 'Given to the manager at first, who can pass it to someone in IT or admin.',
};

export interface TemplateTaskValues {
  id: string;
  section: TaskSection;
  title: string;
  description: string;
  ownerRole: TaskOwnerRole;
  offsetDays: number;
  required: boolean;
}

/** Adds a task to a template, or changes one: section, what to do, who does it, when, and whether it is required. */
export function TemplateTaskForm({ templateId, version, task }: { templateId: string; version: number; task?: TemplateTaskValues }) {
  const router = useRouter();
  const back = templatePath(templateId);
  const required = task ? (task.required ? 'yes' : 'no') : undefined;
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: saveTemplateTaskSchema,
    action: saveTemplateTask,
    defaultValues: {
      templateId,
      templateTaskId: task?.id,
      version,
      section: task?.section,
      title: task?.title ?? '',
      description: task?.description ?? '',
      ownerRole: task?.ownerRole,
      offsetDays: task ? String(task.offsetDays) : '',
      required,
    } as never,
    onSuccess: (data) => {
      router.push(`${templatePath(data.templateId)}?saved=task`);
      router.refresh();
    },
  });
  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on): a banner, since the page keeps its own heading.
    return (
      <SavedBanner heading={task ? 'Task saved' : 'Task added'} href={back}>
        Go back to the template
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('templateId')} defaultValue={templateId} />
        {task ? <input type="hidden" {...form.register('templateTaskId')} defaultValue={task.id} /> : null}
        <input type="hidden" {...form.register('version')} defaultValue={version} />
        <Radios
          name="section"
          legend="Section"
          hint="Plans show their tasks in these sections, in this order."
          options={(Object.keys(SECTION_LABELS) as TaskSection[]).map((section) => ({ value: section, label: SECTION_LABELS[section] }))}
          defaultValue={task?.section}
          error={fieldError('section')}
          inputProps={form.register('section')}
        />
        <TextInput id="title" label="Task" hint="Say what needs doing, starting with a verb, like “Set up an NHS email account”." defaultValue={task?.title ?? ''} error={fieldError('title')} {...form.register('title')} />
        <Textarea id="description" label="Description (optional)" hint="Anything that helps the person doing it: who to ask, what good looks like, links to guidance." rows={4} defaultValue={task?.description ?? ''} error={fieldError('description')} {...form.register('description')} />
        <Radios
          name="ownerRole"
          legend="Who does it?"
          options={(Object.keys(OWNER_ROLE_LABELS) as TaskOwnerRole[]).map((ownerRole) => ({ value: ownerRole, label: OWNER_ROLE_LABELS[ownerRole], hint: OWNER_ROLE_HINTS[ownerRole] }))}
          defaultValue={task?.ownerRole}
          error={fieldError('ownerRole')}
          inputProps={form.register('ownerRole')}
        />
        <TextInput
          id="offsetDays"
          label="When is it due, in days from the start date?"
          hint="Use a minus sign for days before the start date, like -7. Use 0 for the start date itself, and 14 for two weeks after it."
          width={3}
          spellCheck={false}
          defaultValue={task ? String(task.offsetDays) : ''}
          error={fieldError('offsetDays')}
          {...form.register('offsetDays')}
        />
        <Radios
          name="required"
          legend="Is the task required?"
          hint="Optional tasks are shown in the plan but can be left undone, like a course that suits some peer workers and not others."
          inline
          options={[
            { value: 'yes', label: 'Yes, required' },
            { value: 'no', label: 'No, optional' },
          ]}
          defaultValue={required}
          error={fieldError('required')}
          inputProps={form.register('required')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>{task ? 'Save the task' : 'Add the task'}</SubmitButton>
          <Link className="nhsuk-link" href={back}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
