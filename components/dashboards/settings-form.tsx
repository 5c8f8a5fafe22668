'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextInput } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { saveDashboardSettings } from '@/lib/dashboards/actions';
import { dashboardSettingsSchema } from '@/lib/dashboards/schemas';
import { INDICATOR_KEYS, INDICATORS, SIGN_TITLES, SIGNS, type Thresholds } from '@/lib/dashboards/signals';

const UNIT_HINTS = { COUNT: 'A whole number.', PERCENT: 'A percentage, from 0 to 100.', SCORE: 'An average answer, from 1 to 5.' } as const;

/** Where each early-warning figure turns amber and red, grouped by sign. */
export function DashboardSettingsForm({ thresholds, version }: { thresholds: Thresholds; version: number }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: dashboardSettingsSchema,
    action: saveDashboardSettings,
    defaultValues: { version: version || undefined, thresholds } as never,
    onSuccess: () => router.refresh(),
  });
  // After a save the page reloads with the settings' new version: the next save must carry it.
  useEffect(() => {
    if (version) form.setValue('version' as never, version as never);
  }, [form, version]);
  return (
    <>
      <ErrorSummary errors={errorSummary} />
      {result?.ok ? (
        <div className="nhsuk-inset-text" role="status">
          <p>Thresholds saved. The signs show them at once.</p>
        </div>
      ) : null}
      <form {...formProps}>
        {version ? <input type="hidden" {...form.register('version')} defaultValue={version} /> : null}
        {SIGNS.map((sign) => (
          <fieldset key={sign} className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              <h2 className="nhsuk-fieldset__heading">{SIGN_TITLES[sign]}</h2>
            </legend>
            {INDICATOR_KEYS.filter((key) => INDICATORS[key].sign === sign).map((key) => {
              const indicator = INDICATORS[key];
              const worse = indicator.direction === 'HIGHER_IS_WORSE' ? 'at or above' : 'at or below';
              return (
                <fieldset key={key} className="nhsuk-fieldset" aria-describedby={`${key}-definition`}>
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{indicator.label}</legend>
                  <p className="nhsuk-hint" id={`${key}-definition`}>
                    {indicator.definition} {UNIT_HINTS[indicator.unit]}
                  </p>
                  <TextInput
                    id={`thresholds.${key}.amber`}
                    label={`Amber ${worse}`}
                    width={4}
                    inputMode="decimal"
                    defaultValue={thresholds[key].amber}
                    error={fieldError(`thresholds.${key}.amber`)}
                    {...form.register(`thresholds.${key}.amber` as never)}
                  />
                  <TextInput
                    id={`thresholds.${key}.red`}
                    label={`Red ${worse}`}
                    width={4}
                    inputMode="decimal"
                    defaultValue={thresholds[key].red}
                    error={fieldError(`thresholds.${key}.red`)}
                    {...form.register(`thresholds.${key}.red` as never)}
                  />
                </fieldset>
              );
            })}
          </fieldset>
        ))}
        <SubmitButton pending={pending}>Save the thresholds</SubmitButton>
      </form>
    </>
  );
}
