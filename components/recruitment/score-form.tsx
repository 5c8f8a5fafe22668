'use client';

import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Radios, Textarea } from '@/components/ui/fields';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ScoringStage } from '@/lib/generated/prisma/enums';
import { saveScores } from '@/lib/recruitment/panel-actions';
import { saveScoresSchema } from '@/lib/recruitment/schemas';

export interface ScoreFormCriterion {
  id: string;
  wording: string;
  essential: boolean;
  weight: number;
  descriptors: string[];
  questions: string[];
}

/**
 * One member's scores for one candidate at one stage. "Save as draft" keeps
 * them private to the member; "Submit" makes them final and visible to the
 * panel once everyone has submitted.
 */
export function ScoreForm({ candidateId, stage, criteria, draft }: { candidateId: string; stage: ScoringStage; criteria: readonly ScoreFormCriterion[]; draft: ReadonlyMap<string, { score: number; evidence: string | null }> }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: saveScoresSchema,
    action: saveScores,
    defaultValues: {
      candidateId,
      stage,
      scores: Object.fromEntries(criteria.map((criterion) => [criterion.id, { score: draft.get(criterion.id)?.score?.toString() ?? '', evidence: draft.get(criterion.id)?.evidence ?? '' }])),
      intent: 'save',
    } as never,
    onSuccess: () => router.refresh(),
    anchor: (path) => {
      const [, criterionId, part] = path.split('.');
      return criterionId ? (part === 'evidence' ? `evidence-${criterionId}` : `score-${criterionId}`) : path;
    },
  });
  const saved = result?.ok ? (result.data.submitted ? 'Your scores are submitted.' : 'Your draft is saved. Only you can see it.') : null;
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {saved ? (
        <div className="nhsuk-inset-text" role="status">
          <p>{saved}</p>
        </div>
      ) : null}
      <form {...formProps}>
        <input type="hidden" {...form.register('candidateId')} defaultValue={candidateId} />
        <input type="hidden" {...form.register('stage')} defaultValue={stage} />
        {criteria.map((criterion, index) => (
          <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6" key={criterion.id}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              {index + 1}. {criterion.wording}
            </legend>
            <p className="nhsuk-body-s">
              {criterion.essential ? 'Essential' : 'Desirable'}
              {criterion.weight > 1 ? `, weight ${criterion.weight}` : ''}
            </p>
            <Radios
              name={`score-${criterion.id}`}
              legend="Your score"
              options={criterion.descriptors.map((descriptor, score) => ({ value: String(score), label: `${score}: ${descriptor}` }))}
              defaultValue={draft.get(criterion.id)?.score?.toString()}
              error={fieldError(`scores.${criterion.id}.score`)}
              inputProps={{ ...form.register(`scores.${criterion.id}.score` as never), name: `scores.${criterion.id}.score` }}
            />
            <Textarea
              id={`evidence-${criterion.id}`}
              label="Evidence for your score"
              hint="What the candidate wrote or said that supports it. The candidate can ask to see this."
              rows={3}
              error={fieldError(`scores.${criterion.id}.evidence`)}
              {...form.register(`scores.${criterion.id}.evidence` as never)}
            />
          </fieldset>
        ))}
        <div className="nhsuk-button-group">
          <button className="nhsuk-button nhsuk-button--secondary" type="submit" name="intent" value="save" disabled={pending} onClick={() => form.setValue('intent' as never, 'save' as never)}>
            Save as draft
          </button>
          <button className="nhsuk-button" type="submit" name="intent" value="submit" disabled={pending} onClick={() => form.setValue('intent' as never, 'submit' as never)}>
            Submit my scores
          </button>
        </div>
      </form>
    </>
  );
}
