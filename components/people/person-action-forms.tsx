'use client';

import type { ReactNode } from 'react';
import { InvitationLink } from '@/components/people/invitation-link';
import { ActionButtonForm } from '@/components/ui/action-button-form';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { disablePerson, enablePerson, endPersonSessions, issueInvitation, unlockSignIn } from '@/lib/people/actions';
import { disablePersonSchema, issueInvitationSchema, personOnlySchema } from '@/lib/people/schemas';

export function DisablePersonForm({ userId, version, children }: { userId: string; version: number; children?: ReactNode }) {
  return (
    <ActionButtonForm
      schema={disablePersonSchema}
      action={disablePerson}
      values={{ userId, version }}
      label="Disable account"
      variant="warning"
      successHref={() => `/people/${userId}?status=disabled`}
      successMessage="Account disabled"
      cancel={{ href: `/people/${userId}`, label: 'Cancel' }}
      standalone
    >
      {children}
    </ActionButtonForm>
  );
}

export function EnablePersonForm({ userId, version }: { userId: string; version: number }) {
  return (
    <ActionButtonForm
      schema={disablePersonSchema}
      action={enablePerson}
      values={{ userId, version }}
      label="Re-enable account"
      variant="secondary"
      successHref={() => `/people/${userId}?status=enabled`}
      successMessage="Account re-enabled"
    />
  );
}

export function UnlockSignInForm({ userId }: { userId: string }) {
  return (
    <ActionButtonForm
      schema={personOnlySchema}
      action={unlockSignIn}
      values={{ userId }}
      label="Unlock sign-in"
      variant="secondary"
      successHref={() => `/people/${userId}?status=unlocked`}
      successMessage="Sign-in unlocked"
    />
  );
}

export function EndPersonSessionsForm({ userId }: { userId: string }) {
  return (
    <ActionButtonForm
      schema={personOnlySchema}
      action={endPersonSessions}
      values={{ userId }}
      label="Sign this person out everywhere"
      variant="secondary"
      successHref={() => `/people/${userId}?status=signed-out`}
      successMessage="Signed out everywhere"
    />
  );
}

/** Creates a new one-time link and shows it here, once. */
export function IssueInvitationForm({ userId, personName, serverOrigin, label }: { userId: string; personName: string; serverOrigin: string; label: string }) {
  const { form, formProps, errorSummary, pending, result } = useActionForm({
    schema: issueInvitationSchema,
    action: issueInvitation,
    defaultValues: { userId },
  });
  if (result?.ok) return <InvitationLink path={result.data.invitationPath} serverOrigin={serverOrigin} personName={personName} heading="New set-password link" focusOnMount />;
  return (
    <>
      <ErrorSummary errors={errorSummary.map((error) => ({ message: error.message }))} />
      <form {...formProps}>
        <input type="hidden" {...form.register('userId')} defaultValue={userId} />
        <SubmitButton pending={pending} variant="secondary">
          {label}
        </SubmitButton>
      </form>
    </>
  );
}
