'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { InvitationLink } from '@/components/people/invitation-link';
import { ORG_ROLE_OPTIONS } from '@/components/people/org-roles';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, TextInput } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { OrgRole } from '@/lib/generated/prisma/enums';
import { createPerson, updatePerson } from '@/lib/people/actions';
import { createPersonSchema, updatePersonSchema } from '@/lib/people/schemas';

type PersonField = 'name' | 'email' | 'jobTitle' | 'orgRole';

function PersonFields({
  register,
  fieldError,
  defaults,
  orgRoleHint,
}: {
  register: (name: PersonField) => UseFormRegisterReturn;
  fieldError: (name: PersonField) => string | undefined;
  defaults: { name: string; email: string; jobTitle: string; orgRole: OrgRole };
  orgRoleHint?: string;
}) {
  return (
    <>
      <TextInput id="name" label="Full name" autoComplete="off" spellCheck={false} defaultValue={defaults.name} error={fieldError('name')} {...register('name')} />
      <TextInput
        id="email"
        label="Email address"
        hint="Their work email address. They sign in with it."
        type="email"
        autoComplete="off"
        spellCheck={false}
        defaultValue={defaults.email}
        error={fieldError('email')}
        {...register('email')}
      />
      <TextInput
        id="jobTitle"
        label="Job title (optional)"
        hint="For example, Peer support worker or Community psychiatric nurse"
        autoComplete="off"
        defaultValue={defaults.jobTitle}
        error={fieldError('jobTitle')}
        {...register('jobTitle')}
      />
      <Radios
        name="orgRole"
        legend="Organisation role"
        hint={orgRoleHint ?? 'Their role in a team is set when you add them to the team.'}
        options={ORG_ROLE_OPTIONS}
        defaultValue={defaults.orgRole}
        error={fieldError('orgRole')}
        inputProps={register('orgRole')}
      />
    </>
  );
}

export function CreatePersonForm({ serverOrigin, children }: { serverOrigin: string; children?: ReactNode }) {
  const defaults = { name: '', email: '', jobTitle: '', orgRole: 'MEMBER' as OrgRole };
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: createPersonSchema,
    action: createPerson,
    defaultValues: defaults,
  });
  const added = result?.ok === true;
  const panelHeading = useRef<HTMLHeadingElement>(null);
  // The form is replaced by the result: move focus to its heading so it is announced.
  useEffect(() => {
    if (added) panelHeading.current?.focus();
  }, [added]);

  if (result?.ok) {
    // Shown in place rather than on a new page: the link exists only in this response.
    const name = form.getValues('name')?.trim();
    return (
      <>
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__heading" ref={panelHeading} tabIndex={-1}>{name ? `${name} has been added` : 'Person added'}</h1>
          <div className="nhsuk-panel__body">
            {result.data.invitationPath ? 'They cannot sign in until they set a password with the link below.' : 'They sign in with their organisation account: no password is needed.'}
          </div>
        </div>
        {result.data.invitationPath ? <InvitationLink path={result.data.invitationPath} serverOrigin={serverOrigin} personName={name || undefined} /> : null}
        <h2>What next</h2>
        <ul>
          <li>
            <Link href={`/people/${result.data.userId}`}>View {name ? `${name}’s` : 'their'} details</Link>
          </li>
          <li>
            <Link href="/teams">Add them to a team</Link> from the team’s page
          </li>
          <li>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load starts a fresh form and drops this link from memory */}
            <a href="/people/new">Add another person</a>
          </li>
        </ul>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {children}
      <form {...formProps}>
        <PersonFields register={(name) => form.register(name)} fieldError={fieldError} defaults={defaults} />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Add person</SubmitButton>
          <Link className="nhsuk-link" href="/people">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function EditPersonForm({
  person,
  isSelf,
  children,
}: {
  person: { id: string; name: string; email: string; jobTitle: string | null; orgRole: OrgRole; version: number };
  isSelf: boolean;
  children?: ReactNode;
}) {
  const router = useRouter();
  const defaults = { userId: person.id, version: person.version, name: person.name, email: person.email, jobTitle: person.jobTitle ?? '', orgRole: person.orgRole };
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: updatePersonSchema,
    action: updatePerson,
    defaultValues: defaults,
    onSuccess: (data) => router.push(`/people/${data.userId}?status=updated`),
  });

  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on).
    return (
      <>
        <h1>Details saved</h1>
        <p>
          <Link href={`/people/${person.id}?status=updated`}>Go to {person.name}’s details</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {children}
      <form {...formProps}>
        <input type="hidden" {...form.register('userId')} defaultValue={person.id} />
        <input type="hidden" {...form.register('version')} defaultValue={person.version} />
        <PersonFields
          register={(name) => form.register(name)}
          fieldError={fieldError}
          defaults={defaults}
          orgRoleHint={isSelf && person.orgRole === 'ADMIN' ? 'You cannot remove your own administrator role: ask another administrator.' : undefined}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Save changes</SubmitButton>
          <Link className="nhsuk-link" href={`/people/${person.id}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
