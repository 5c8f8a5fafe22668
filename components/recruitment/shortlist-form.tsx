'use client';

import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, Textarea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ShortlistOutcome } from '@/lib/generated/prisma/enums';
import { shortlistSchema } from '@/lib/recruitment/schemas';
import { shortlistCandidate } from '@/lib/recruitment/vacancy-actions';

/** HR or the chair records whether to invite the candidate to interview. */
export function ShortlistForm({ candidateId, current, guaranteedInterview }: { candidateId: string; current: ShortlistOutcome | null; guaranteedInterview: boolean }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending } = useActionForm({
    schema: shortlistSchema,
    action: shortlistCandidate,
    defaultValues: { candidateId, outcome: current ?? undefined, reason: '' },
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('candidateId')} defaultValue={candidateId} />
        <Radios
          name="outcome"
          legend="Invite them to interview?"
          options={[
            { value: 'INVITED', label: 'Yes, invite them to interview' },
            { value: 'NOT_INVITED', label: 'No', hint: guaranteedInterview ? 'They opted into the guaranteed interview scheme: if they meet every essential criterion, record why not.' : undefined },
          ]}
          defaultValue={current ?? undefined}
          error={fieldError('outcome')}
          inputProps={form.register('outcome')}
        />
        <Textarea id="reason" label="Reason (if not invited)" rows={3} error={fieldError('reason')} {...form.register('reason')} />
        <SubmitButton pending={pending}>Record the shortlisting decision</SubmitButton>
      </form>
    </>
  );
}
