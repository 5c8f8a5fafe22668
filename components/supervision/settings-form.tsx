'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextInput } from '@/components/ui/fields';
import { SubmitButton } from '@/components/ui/submit-button';
import { useActionForm } from '@/components/ui/use-action-form';
import { CHECK_IN_MINIMUM } from '@/lib/supervision/rules';
import { supervisionSettingsSchema } from '@/lib/supervision/schemas';
import { saveSupervisionSettings } from '@/lib/supervision/settings-actions';

/** The smallest group of peer workers whose check-in figures are shown: never below the shared minimum. */
export function SupervisionSettingsForm({ threshold, version }: { threshold: number; version: number }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: supervisionSettingsSchema,
    action: saveSupervisionSettings,
    defaultValues: { version: version || undefined, smallNumbersThreshold: threshold } as never,
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
          <p>Supervision settings saved.</p>
        </div>
      ) : null}
      <form {...formProps}>
        {version ? <input type="hidden" {...form.register('version')} defaultValue={version} /> : null}
        <TextInput
          id="smallNumbersThreshold"
          label="Smallest number of peer workers whose check-in figures are shown"
          hint={`A team’s or the organisation’s averages for a quarter are withheld unless at least this many different peer workers answered. It cannot be lower than ${CHECK_IN_MINIMUM}.`}
          width={2}
          inputMode="numeric"
          defaultValue={threshold}
          error={fieldError('smallNumbersThreshold')}
          {...form.register('smallNumbersThreshold')}
        />
        <SubmitButton pending={pending}>Save supervision settings</SubmitButton>
      </form>
    </>
  );
}
