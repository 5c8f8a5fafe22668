'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SavedBanner } from '@/components/ui/saved-banner';
import { Checkboxes, Radios, Textarea, TextInput } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { AssessmentMethod, CriterionCategory } from '@/lib/generated/prisma/enums';
import { CATEGORY_LABELS, METHOD_LABELS } from '@/lib/recruitment/labels';
import { specificationPath } from '@/lib/recruitment/paths';
import { QUESTION_BANK } from '@/lib/recruitment/question-bank';
import { DEFAULT_DESCRIPTORS } from '@/lib/recruitment/rules';
import { saveCriterionSchema } from '@/lib/recruitment/schemas';
import { saveCriterion } from '@/lib/recruitment/specification-actions';

export interface CriterionValues {
  id: string;
  category: CriterionCategory;
  wording: string;
  essential: boolean;
  assessedBy: AssessmentMethod[];
  weight: number;
  descriptors: string[];
  questions: string[];
}

const CATEGORY_HINTS: Record<CriterionCategory, string> = {
  LIVED_EXPERIENCE: 'What the person brings from their own experience of mental health difficulties and recovery.',
  VALUES: 'Hope, choice, mutuality, recovery: how they work with people.',
  SKILLS_KNOWLEDGE: 'What they know and can do, learned in any setting.',
  PRACTICAL: 'Records, organisation, travel and the other practical parts of the job.',
};

/** Adds or changes one criterion: category, wording, essential or desirable, where it is assessed, weight, what each score means, and interview questions. */
export function CriterionForm({ specificationId, version, criterion }: { specificationId: string; version: number; criterion?: CriterionValues }) {
  const router = useRouter();
  const back = specificationPath(specificationId);
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: saveCriterionSchema,
    action: saveCriterion,
    defaultValues: {
      specificationId,
      criterionId: criterion?.id,
      version,
      category: criterion?.category,
      wording: criterion?.wording ?? '',
      essential: criterion ? (criterion.essential ? 'yes' : 'no') : undefined,
      assessedBy: criterion?.assessedBy ?? [],
      weight: criterion?.weight ?? 1,
      descriptors: Object.fromEntries((criterion?.descriptors ?? DEFAULT_DESCRIPTORS).map((text, score) => [score, text])) as never,
      questions: criterion?.questions.join('\n') ?? '',
    } as never,
    onSuccess: () => {
      router.push(`${back}?saved=criterion`);
      router.refresh();
    },
    anchor: (path) => path.replace(/\./gu, '-'),
  });
  if (result?.ok) {
    // Seen without JavaScript (with it, the router has already moved on): a banner, since the page keeps its own heading.
    return (
      <SavedBanner heading="Criterion saved" href={back}>
        Go back to the person specification
      </SavedBanner>
    );
  }
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" {...form.register('specificationId')} defaultValue={specificationId} />
        {criterion ? <input type="hidden" {...form.register('criterionId')} defaultValue={criterion.id} /> : null}
        <input type="hidden" {...form.register('version')} defaultValue={version} />
        <Radios
          name="category"
          legend="Category"
          options={(Object.keys(CATEGORY_LABELS) as CriterionCategory[]).map((category) => ({ value: category, label: CATEGORY_LABELS[category], hint: CATEGORY_HINTS[category] }))}
          defaultValue={criterion?.category}
          error={fieldError('category')}
          inputProps={form.register('category')}
        />
        <Textarea id="wording" label="The criterion" hint="Say what the person must bring, in words a candidate would understand." rows={3} error={fieldError('wording')} {...form.register('wording')} />
        <Radios
          name="essential"
          legend="Is it essential or desirable?"
          inline
          options={[
            { value: 'yes', label: 'Essential' },
            { value: 'no', label: 'Desirable' },
          ]}
          defaultValue={criterion ? (criterion.essential ? 'yes' : 'no') : undefined}
          error={fieldError('essential')}
          inputProps={form.register('essential')}
        />
        <Checkboxes
          name="assessedBy"
          legend="Where is it assessed?"
          hint="Select all that apply. Application answers are scored at shortlisting; interview and task at the interview stage."
          options={(Object.keys(METHOD_LABELS) as AssessmentMethod[]).map((method) => ({ value: method, label: METHOD_LABELS[method] }))}
          defaultValue={criterion?.assessedBy}
          error={fieldError('assessedBy')}
          inputProps={form.register('assessedBy')}
        />
        <TextInput id="weight" label="Weight" hint="From 1 to 5. Most criteria weigh 1; give more weight to what matters most in the role." width={2} inputMode="numeric" error={fieldError('weight')} {...form.register('weight')} />
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What each score means</legend>
          <div className="nhsuk-hint">Panel members read these beside each score, so that a 2 means the same to everyone.</div>
          {[0, 1, 2, 3, 4].map((score) => (
            <TextInput key={score} id={`descriptors-${score}`} label={`Score ${score}`} error={fieldError(`descriptors.${score}`)} {...form.register(`descriptors.${score}` as never)} />
          ))}
        </fieldset>
        <Textarea
          id="questions"
          label="Interview questions"
          hint="One per line. They go into the printable interview pack."
          rows={5}
          error={fieldError('questions')}
          {...form.register('questions')}
        />
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Questions from the question bank</span>
          </summary>
          <div className="nhsuk-details__text">
            {(Object.keys(QUESTION_BANK) as CriterionCategory[]).map((category) => (
              <div key={category}>
                <h3 className="nhsuk-heading-xs">{CATEGORY_LABELS[category]}</h3>
                <ul>
                  {QUESTION_BANK[category].map((question) => (
                    <li key={question}>{question}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </details>
        <div className="nhsuk-button-group">
          <SubmitButton pending={pending}>Save criterion</SubmitButton>
          <Link className="nhsuk-link" href={back}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
