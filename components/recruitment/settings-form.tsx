'use client';

import { useRouter } from 'next/navigation';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextInput } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import type { RecruitmentRules } from '@/lib/recruitment/settings';
import { recruitmentSettingsSchema } from '@/lib/recruitment/schemas';
import { updateRecruitmentSettings } from '@/lib/recruitment/settings-actions';

/** The organisation's panel composition rule and how long candidates' data is kept. */
export function RecruitmentSettingsForm({ rules }: { rules: RecruitmentRules }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: recruitmentSettingsSchema,
    action: updateRecruitmentSettings,
    defaultValues: { version: rules.version || undefined, minScorers: rules.minScorers, minLivedExperience: rules.minLivedExperience, minHrOrManager: rules.minHrOrManager, retentionMonths: rules.retentionMonths } as never,
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {result?.ok ? (
        <div className="nhsuk-inset-text" role="status">
          <p>Recruitment settings saved.</p>
        </div>
      ) : null}
      <form {...formProps}>
        {rules.version ? <input type="hidden" {...form.register('version')} defaultValue={rules.version} /> : null}
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Every panel, at each stage, needs at least</legend>
          <TextInput id="minScorers" label="Scorers" width={2} inputMode="numeric" error={fieldError('minScorers')} {...form.register('minScorers')} />
          <TextInput id="minLivedExperience" label="Members with lived experience" hint="A peer worker or a service-user representative." width={2} inputMode="numeric" error={fieldError('minLivedExperience')} {...form.register('minLivedExperience')} />
          <TextInput id="minHrOrManager" label="Members from HR or a team’s management" width={2} inputMode="numeric" error={fieldError('minHrOrManager')} {...form.register('minHrOrManager')} />
        </fieldset>
        <TextInput id="retentionMonths" label="Months to keep candidates’ personal data after a vacancy is decided" hint="Then names, contact details, answers, adjustments and evidence notes are deleted; an anonymised record stays for statistics." width={2} inputMode="numeric" error={fieldError('retentionMonths')} {...form.register('retentionMonths')} />
        <SubmitButton pending={pending}>Save recruitment settings</SubmitButton>
      </form>
    </>
  );
}
