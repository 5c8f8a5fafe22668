'use client';

import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Select, Textarea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { correctScore } from '@/lib/recruitment/panel-actions';
import { correctScoreSchema } from '@/lib/recruitment/schemas';

/** A member corrects one of their submitted scores: a new entry with a reason; the original stays in the record. */
export function CorrectionForm({ scoreId, descriptors }: { scoreId: string; descriptors: readonly string[] }) {
  const router = useRouter();
  const prefix = `correct-${scoreId}`;
  const { form, formProps, fieldError, errorSummary, pending } = useActionForm({
    schema: correctScoreSchema,
    action: correctScore,
    defaultValues: { scoreId, score: '' as never, evidence: '', reason: '' },
    onSuccess: () => router.refresh(),
    anchor: (path) => `${prefix}-${path}`,
  });
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('scoreId')} defaultValue={scoreId} />
        <Select
          id={`${prefix}-score`}
          label="Corrected score"
          placeholder="Select a score"
          options={descriptors.map((descriptor, score) => ({ value: String(score), label: `${score}: ${descriptor}` }))}
          defaultValue=""
          error={fieldError('score')}
          {...form.register('score')}
        />
        <Textarea id={`${prefix}-evidence`} label="Evidence (optional)" rows={2} error={fieldError('evidence')} {...form.register('evidence')} />
        <Textarea id={`${prefix}-reason`} label="Why you are correcting it" hint="Both scores stay in the record, with this reason." rows={2} error={fieldError('reason')} {...form.register('reason')} />
        <SubmitButton pending={pending} variant="secondary">
          Record the correction
        </SubmitButton>
      </form>
    </>
  );
}
