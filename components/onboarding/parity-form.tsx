'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Textarea } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { placementPath } from '@/lib/onboarding/paths';
import { acceptParityIssue } from '@/lib/onboarding/placement-actions';
import { acceptParitySchema } from '@/lib/onboarding/schemas';

/** A manager or the line manager accepts a parity issue with a reason: it holds while the facts stay the same. */
export function AcceptParityForm({ placementId, issueKey }: { placementId: string; issueKey: string }) {
  const router = useRouter();
  const back = placementPath(placementId);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: acceptParitySchema,
    action: acceptParityIssue,
    defaultValues: { placementId, key: issueKey, reason: '' },
    onSuccess: (data) => {
      router.push(`${placementPath(data.placementId)}?saved=parity`);
      router.refresh();
    },
  });
  if (result?.ok) {
    return (
      <SavedBanner heading="Parity issue accepted" href={back}>
        Go back to the placement
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('placementId')} defaultValue={placementId} />
        <input type="hidden" {...form.register('key')} defaultValue={issueKey} />
        <Textarea
          id="reason"
          label="Why is this accepted?"
          hint="For example, what the peer worker agreed to and why. The peer worker and the team’s managers can read it."
          rows={5}
          error={fieldError('reason')}
          {...form.register('reason')}
        />
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Accept the issue</SubmitButton>
          <Link className="nhsuk-link" href={back}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
