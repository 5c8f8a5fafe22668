'use client';

import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, Textarea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { RecruitmentOutcome } from '@/lib/generated/prisma/enums';
import { decideCandidate } from '@/lib/recruitment/decision-actions';
import { OUTCOME_LABELS } from '@/lib/recruitment/labels';
import { decideSchema } from '@/lib/recruitment/schemas';

/** The decision on an interviewed candidate, with a rationale that refers to the criteria. */
export function DecisionForm({ candidateId, version, meetsEveryEssential }: { candidateId: string; version: number; meetsEveryEssential: boolean }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending } = useActionForm({
    schema: decideSchema,
    action: decideCandidate,
    defaultValues: { candidateId, version, rationale: '', essentialJustification: '' },
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('candidateId')} defaultValue={candidateId} />
        <input type="hidden" {...form.register('version')} defaultValue={version} />
        <Radios
          name="outcome"
          legend="Decision"
          options={(Object.keys(OUTCOME_LABELS) as RecruitmentOutcome[]).map((outcome) => ({ value: outcome, label: OUTCOME_LABELS[outcome] }))}
          error={fieldError('outcome')}
          inputProps={form.register('outcome')}
        />
        <Textarea id="rationale" label="Rationale" hint="Refer to the criteria: what the candidate showed, and where they fell short." rows={5} error={fieldError('rationale')} {...form.register('rationale')} />
        {meetsEveryEssential ? null : (
          <Textarea
            id="essentialJustification"
            label="Why appoint someone who did not meet every essential criterion?"
            hint="Needed only if you appoint them. The panel’s mean score fell below the threshold on at least one essential criterion."
            rows={4}
            error={fieldError('essentialJustification')}
            {...form.register('essentialJustification')}
          />
        )}
        <SubmitButton pending={pending}>Record the decision</SubmitButton>
      </form>
    </>
  );
}
