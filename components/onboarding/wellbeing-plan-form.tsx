'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { WELLBEING_QUESTIONS, type WellbeingAnswers } from '@/components/onboarding/wellbeing-plan-view';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Textarea } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { wellbeingPlanSchema } from '@/lib/onboarding/schemas';
import { saveWellbeingPlan } from '@/lib/onboarding/wellbeing-actions';

/**
 * The signed-in person's own wellbeing plan: four questions, each optional.
 * The version the page showed goes with it, so a save from an older tab is
 * refused rather than overwriting a newer plan.
 */
export function WellbeingPlanForm({ plan }: { plan: (WellbeingAnswers & { version: number }) | null }) {
  const router = useRouter();
  const version = plan?.version;
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: wellbeingPlanSchema,
    action: saveWellbeingPlan,
    defaultValues: { version, ...Object.fromEntries(WELLBEING_QUESTIONS.map(({ field }) => [field, plan?.[field] ?? ''])) } as never,
    onSuccess: () => router.refresh(),
  });
  // After a save the page reloads with the plan's new version: the next save must carry it.
  useEffect(() => {
    if (version !== undefined) form.setValue('version' as never, version as never);
  }, [form, version]);
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {result?.ok ? (
        <div className="nhsuk-inset-text" role="status">
          <p>Your wellbeing plan is saved.</p>
        </div>
      ) : null}
      <form {...formProps}>
        {version !== undefined ? <input type="hidden" {...form.register('version')} defaultValue={version} /> : null}
        {WELLBEING_QUESTIONS.map(({ field, question, hint }) => (
          <Textarea key={field} id={field} label={question} hint={hint} rows={5} defaultValue={plan?.[field] ?? ''} error={fieldError(field)} {...form.register(field)} />
        ))}
        <SubmitButton pending={pending}>Save my wellbeing plan</SubmitButton>
      </form>
    </>
  );
}
