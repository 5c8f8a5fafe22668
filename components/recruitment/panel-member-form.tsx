'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SavedBanner } from '@/components/ui/saved-banner';
import { Checkboxes, Radios, TextInput } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { vacancyPath } from '@/lib/recruitment/paths';
import { addPanelMemberSchema } from '@/lib/recruitment/schemas';
import { addPanelMember } from '@/lib/recruitment/vacancy-actions';

/** HR adds a person to the panel by their email address, as chair or member, for one or both stages. */
export function PanelMemberForm({ vacancyId, hasChair }: { vacancyId: string; hasChair: boolean }) {
  const router = useRouter();
  const back = vacancyPath(vacancyId);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: addPanelMemberSchema,
    action: addPanelMember,
    defaultValues: { vacancyId, email: '', role: hasChair ? 'MEMBER' : undefined, stages: ['SHORTLISTING', 'INTERVIEW'] } as never,
    onSuccess: () => {
      router.push(`${back}?saved=panel`);
      router.refresh();
    },
  });
  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on): a banner, since the page keeps its own heading.
    return (
      <SavedBanner heading="Panel member added" href={back}>
        Go back to the vacancy
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('vacancyId')} defaultValue={vacancyId} />
        <TextInput id="email" label="Their email address" hint="They need a PeerRoles account: staff, peer workers and service-user representatives all can." type="email" autoComplete="off" spellCheck={false} error={fieldError('email')} {...form.register('email')} />
        <Radios
          name="role"
          legend="Their place on the panel"
          options={[
            { value: 'CHAIR', label: 'Chair', hint: hasChair ? 'This panel already has a chair.' : 'Sees every member’s conflict declarations and records decisions with HR.' },
            { value: 'MEMBER', label: 'Member' },
          ]}
          defaultValue={hasChair ? 'MEMBER' : undefined}
          error={fieldError('role')}
          inputProps={form.register('role')}
        />
        <Checkboxes
          name="stages"
          legend="Which stages do they score?"
          hint="The same people shortlisting and interviewing is fairer: the page warns when they differ."
          options={[
            { value: 'SHORTLISTING', label: 'Shortlisting (anonymised applications)' },
            { value: 'INTERVIEW', label: 'Interview' },
          ]}
          defaultValue={['SHORTLISTING', 'INTERVIEW']}
          error={fieldError('stages')}
          inputProps={form.register('stages')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Add to the panel</SubmitButton>
          <Link className="nhsuk-link" href={back}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
