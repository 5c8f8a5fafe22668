'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { TEAM_ROLE_HINTS } from '@/components/teams/team-roles';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, Select } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { TeamRole } from '@/lib/generated/prisma/enums';
import { addTeamMember } from '@/lib/teams/actions';
import { addMemberSchema } from '@/lib/teams/schemas';
import { TEAM_ROLE_LABELS } from '@/lib/teams/labels';

const roleOptions = (Object.keys(TEAM_ROLE_LABELS) as TeamRole[]).map((role) => ({ value: role, label: TEAM_ROLE_LABELS[role], hint: TEAM_ROLE_HINTS[role] }));

export function AddMemberForm({
  teamId,
  people,
  children,
}: {
  teamId: string;
  people: ReadonlyArray<{ id: string; name: string; email: string; jobTitle: string | null }>;
  children?: ReactNode;
}) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: addMemberSchema,
    action: addTeamMember,
    defaultValues: { teamId, userId: '' },
    onSuccess: (data) => router.push(`/teams/${data.teamId}?added=${data.membershipId}`),
  });
  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on to the team page).
    return (
      <>
        <h1>Member added</h1>
        <p>
          <Link href={`/teams/${teamId}?added=${result.data.membershipId}`}>Go to the team</Link>
        </p>
      </>
    );
  }
  // Job title and email tell apart two people with the same name.
  const options = people.map((person) => ({
    value: person.id,
    label: [person.name, person.jobTitle, person.email].filter(Boolean).join(' – '),
  }));
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {children}
      <form {...formProps}>
        <input type="hidden" {...form.register('teamId')} defaultValue={teamId} />
        <Select
          id="userId"
          label="Person"
          hint="Only people with an active account who are not already in this team are listed. Start typing a name to jump to it."
          placeholder="Select a person"
          options={options}
          defaultValue=""
          error={fieldError('userId')}
          {...form.register('userId')}
        />
        <Radios name="role" legend="Their role in this team" options={roleOptions} error={fieldError('role')} inputProps={form.register('role')} />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Add to team</SubmitButton>
          <Link className="nhsuk-link" href={`/teams/${teamId}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
