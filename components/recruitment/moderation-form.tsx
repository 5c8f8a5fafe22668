'use client';

import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Select, Textarea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ScoringStage } from '@/lib/generated/prisma/enums';
import { addModerationNote } from '@/lib/recruitment/panel-actions';
import { moderationNoteSchema } from '@/lib/recruitment/schemas';

/** What the panel agreed when it discussed a candidate's scores, optionally about one criterion. */
export function ModerationForm({ candidateId, stage, criteria }: { candidateId: string; stage: ScoringStage; criteria: ReadonlyArray<{ id: string; wording: string; divergent: boolean }> }) {
  const router = useRouter();
  const prefix = `moderation-${stage.toLowerCase()}`;
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: moderationNoteSchema,
    action: addModerationNote,
    defaultValues: { candidateId, stage, criterionId: '', text: '' },
    onSuccess: () => {
      form.reset({ candidateId, stage, criterionId: '', text: '' });
      router.refresh();
    },
    anchor: (path) => `${prefix}-${path}`,
  });
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {result?.ok ? (
        <div className="nhsuk-inset-text" role="status">
          <p>Moderation note recorded.</p>
        </div>
      ) : null}
      <form {...formProps}>
        <input type="hidden" {...form.register('candidateId')} defaultValue={candidateId} />
        <input type="hidden" {...form.register('stage')} defaultValue={stage} />
        <Select
          id={`${prefix}-criterionId`}
          label="About which criterion? (optional)"
          placeholder="The candidate as a whole"
          options={criteria.map((criterion) => ({ value: criterion.id, label: `${criterion.divergent ? 'To discuss: ' : ''}${criterion.wording}` }))}
          defaultValue=""
          error={fieldError('criterionId')}
          {...form.register('criterionId')}
        />
        <Textarea id={`${prefix}-text`} label="What the panel agreed" rows={4} error={fieldError('text')} {...form.register('text')} />
        <SubmitButton pending={pending} variant="secondary">
          Record what the panel agreed
        </SubmitButton>
      </form>
    </>
  );
}
