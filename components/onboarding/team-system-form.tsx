'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Select, TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { teamArrangementsPath } from '@/lib/onboarding/paths';
import { addSystemAccessSchema } from '@/lib/onboarding/schemas';
import { addSystemAccess } from '@/lib/onboarding/team-actions';

/**
 * Records that a member of the team has a system (email, the records system, a
 * shared drive). The names already recorded in the organisation are offered as
 * suggestions, so the same system is spelled the same way and parity can compare it.
 */
export function TeamSystemForm({ teamId, members, knownSystems, userId = '' }: { teamId: string; members: ReadonlyArray<{ id: string; label: string }>; knownSystems: readonly string[]; userId?: string }) {
  const router = useRouter();
  const back = teamArrangementsPath(teamId);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: addSystemAccessSchema,
    action: addSystemAccess,
    defaultValues: { teamId, userId, system: '' } as never,
    onSuccess: () => {
      router.push(`${back}?saved=system`);
      router.refresh();
    },
  });
  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on): a banner, since the page keeps its own heading.
    return (
      <SavedBanner heading="System access recorded" href={back}>
        Go back to the team’s meetings and systems
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('teamId')} defaultValue={teamId} />
        <Select id="userId" label="Team member" placeholder="Select a member of the team" options={members.map((member) => ({ value: member.id, label: member.label }))} defaultValue={userId} error={fieldError('userId')} {...form.register('userId')} />
        <TextInput
          id="system"
          label="System"
          hint={knownSystems.length > 0 ? 'Start typing to choose a system already recorded, so it is spelled the same way for everyone. Or type a new one.' : 'For example, “NHS email” or “RiO (electronic patient record)”.'}
          list={knownSystems.length > 0 ? 'known-systems' : undefined}
          autoComplete="off"
          error={fieldError('system')}
          {...form.register('system')}
        />
        {knownSystems.length > 0 ? (
          <datalist id="known-systems">
            {knownSystems.map((system) => (
              <option key={system} value={system} />
            ))}
          </datalist>
        ) : null}
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Record system access</SubmitButton>
          <Link className="nhsuk-link" href={back}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
