'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { WELLBEING_PATH } from '@/lib/onboarding/paths';
import { shareWellbeingSchema } from '@/lib/onboarding/schemas';
import { shareWellbeingPlan } from '@/lib/onboarding/wellbeing-actions';

/** Shares the signed-in person's own wellbeing plan with someone, by their email address. */
export function WellbeingShareForm() {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: shareWellbeingSchema,
    action: shareWellbeingPlan,
    defaultValues: { email: '' } as never,
    onSuccess: () => {
      router.push(`${WELLBEING_PATH}?saved=shared`);
      router.refresh();
    },
  });
  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on): a banner, since the page keeps its own heading.
    return (
      <SavedBanner heading="Your wellbeing plan is shared" href={WELLBEING_PATH}>
        Go back to your wellbeing plan
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <TextInput
          id="email"
          label="Their email address"
          hint="They need a PeerRoles account. They can read your plan until you stop sharing it."
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={fieldError('email')}
          {...form.register('email')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Share my wellbeing plan</SubmitButton>
          <Link className="nhsuk-link" href={WELLBEING_PATH}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
