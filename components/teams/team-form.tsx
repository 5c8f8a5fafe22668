'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, Textarea, TextInput } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ServiceType } from '@/lib/generated/prisma/enums';
import { createTeam, updateTeam } from '@/lib/teams/actions';
import { createTeamSchema, updateTeamSchema } from '@/lib/teams/schemas';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/labels';

const serviceTypeOptions = Object.entries(SERVICE_TYPE_LABELS).map(([value, label]) => ({ value, label }));

type TeamField = 'name' | 'serviceType' | 'description';

function TeamFields({
  register,
  fieldError,
  defaults,
}: {
  register: (name: TeamField) => UseFormRegisterReturn;
  fieldError: (name: TeamField) => string | undefined;
  defaults: { name: string; serviceType?: ServiceType; description: string };
}) {
  return (
    <>
      <TextInput id="name" label="Team name" hint="Use the name colleagues know it by, for example North Leeds Community Mental Health Team" autoComplete="off" spellCheck={false} defaultValue={defaults.name} error={fieldError('name')} {...register('name')} />
      <Radios name="serviceType" legend="Service type" options={serviceTypeOptions} defaultValue={defaults.serviceType} error={fieldError('serviceType')} inputProps={register('serviceType')} />
      <Textarea id="description" label="Description (optional)" hint="What the team does and who it works with. Up to 2,000 characters." defaultValue={defaults.description} error={fieldError('description')} {...register('description')} />
    </>
  );
}

/** Seen without JavaScript (with it, the router has already moved on to the team page). */
function SavedWithoutScript({ href, message }: { href: string; message: string }) {
  return (
    <>
      <h1>{message}</h1>
      <p>
        <Link href={href}>Go to the team</Link>
      </p>
    </>
  );
}

export function CreateTeamForm({ children }: { children?: ReactNode }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: createTeamSchema,
    action: createTeam,
    defaultValues: { name: '', description: '' },
    onSuccess: (data) => router.push(`/teams/${data.teamId}?status=created`),
  });
  if (result?.ok) return <SavedWithoutScript href={`/teams/${result.data.teamId}?status=created`} message="Team created" />;
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {children}
      <form {...formProps}>
        <TeamFields register={(name) => form.register(name)} fieldError={fieldError} defaults={{ name: '', description: '' }} />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Create team</SubmitButton>
          <Link className="nhsuk-link" href="/teams">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

export function EditTeamForm({
  team,
  children,
}: {
  team: { id: string; name: string; serviceType: ServiceType; description: string; version: number };
  children?: ReactNode;
}) {
  const router = useRouter();
  const defaults = { teamId: team.id, version: team.version, name: team.name, serviceType: team.serviceType, description: team.description };
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: updateTeamSchema,
    action: updateTeam,
    defaultValues: defaults,
    onSuccess: (data) => router.push(`/teams/${data.teamId}?status=updated`),
  });
  if (result?.ok) return <SavedWithoutScript href={`/teams/${team.id}?status=updated`} message="Team details saved" />;
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {children}
      <form {...formProps}>
        <input type="hidden" {...form.register('teamId')} defaultValue={team.id} />
        <input type="hidden" {...form.register('version')} defaultValue={team.version} />
        <TeamFields register={(name) => form.register(name)} fieldError={fieldError} defaults={defaults} />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Save changes</SubmitButton>
          <Link className="nhsuk-link" href={`/teams/${team.id}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
