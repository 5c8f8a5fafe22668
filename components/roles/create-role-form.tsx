'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { rolePath } from '@/components/roles/paths';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { createRole } from '@/lib/roles/actions';
import { createRoleSchema } from '@/lib/roles/schemas';

export function CreateRoleForm({ teamId, teamName, children }: { teamId: string; teamName: string; children?: ReactNode }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: createRoleSchema,
    action: createRole,
    defaultValues: { teamId, title: '' },
    onSuccess: (data) => router.push(`${rolePath(data.teamId, data.roleId)}?status=created`),
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Role description started" href={`${rolePath(result.data.teamId, result.data.roleId)}?status=created`}>
        Go to the role description
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('teamId')} defaultValue={teamId} />
        <TextInput
          id="title"
          label="What is the role called?"
          labelIsPageHeading
          hint={`The job title for ${teamName}, for example Peer Support Worker or Senior Peer Support Worker. You cannot change it later.`}
          autoComplete="off"
          spellCheck
          error={fieldError('title')}
          {...form.register('title')}
        />
        {children}
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Create role description</SubmitButton>
          <Link className="nhsuk-link" href={`/teams/${teamId}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
