'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Textarea, TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { archiveActivity, createActivity } from '@/lib/expectations/catalogue-actions';
import { archiveActivitySchema, createActivitySchema } from '@/lib/expectations/schemas';

/** Adds an activity to the organisation's catalogue (no team) or to one team's. */
export function AddActivityForm({ teamId, listHref, children }: { teamId: string | null; listHref: string; children?: ReactNode }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: createActivitySchema,
    action: createActivity,
    defaultValues: { teamId: teamId ?? '', name: '', description: '' },
    onSuccess: (data) => router.push(`${listHref}?added=${data.activityId}`),
  });

  if (result?.ok) {
    return (
      <SavedBanner heading="Activity added" href={`${listHref}?added=${result.data.activityId}`}>
        Go back to the activities
      </SavedBanner>
    );
  }

  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {children}
      <form {...formProps}>
        <input type="hidden" {...form.register('teamId')} defaultValue={teamId ?? ''} />
        <TextInput
          id="name"
          label="Activity"
          hint="Say what the peer worker would do, in a few words, for example: Supporting people at their first appointment"
          autoComplete="off"
          defaultValue=""
          error={fieldError('name')}
          {...form.register('name')}
        />
        <Textarea
          id="description"
          label="Description (optional)"
          hint="Shown under the activity, to help people answer. Up to 500 characters."
          rows={3}
          defaultValue=""
          error={fieldError('description')}
          {...form.register('description')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Add activity</SubmitButton>
          <Link className="nhsuk-link" href={listHref}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function RemoveActivityForm({ activityId, listHref, children }: { activityId: string; listHref: string; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={archiveActivitySchema}
      action={archiveActivity}
      values={{ activityId }}
      label="Remove activity"
      variant="warning"
      successHref={() => `${listHref}?status=removed`}
      successMessage="Activity removed"
      cancel={{ href: listHref, label: 'Cancel' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}
