'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { updateNotificationSettings } from '@/lib/notifications/actions';
import { notificationSettingsSchema } from '@/lib/notifications/schemas';
import { ErrorSummary } from '@/components/ui/error-summary';
import { TextInput } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { useActionForm } from '@/components/ui/use-action-form';

/** One question: after how many working days people are reminded. */
export function NotificationSettingsForm({ reminderWorkingDays, version }: { reminderWorkingDays: number; version: number }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: notificationSettingsSchema,
    action: updateNotificationSettings,
    defaultValues: { reminderWorkingDays, version },
    onSuccess: () => router.push('/settings/notifications?updated=1'),
  });

  if (result?.ok) {
    return (
      <SavedBanner heading="Reminder settings saved" href="/settings/notifications">
        Continue
      </SavedBanner>
    );
  }

  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <form {...formProps}>
        <input type="hidden" defaultValue={version} {...form.register('version')} />
        <TextInput
          id="reminderWorkingDays"
          label="After how many working days should people be reminded?"
          hint="A reminder goes to anyone whose review or expectations check has waited this long, and again each time as long again passes. The team's managers are told who has not responded after twice as long. From 1 to 20; Monday to Friday count."
          inputMode="numeric"
          width={2}
          defaultValue={String(reminderWorkingDays)}
          error={fieldError('reminderWorkingDays')}
          {...form.register('reminderWorkingDays')}
        />
        <div className="nhsuk-button-group">
          <button className="nhsuk-button" type="submit" disabled={pending}>
            Save reminder settings
          </button>
          <Link className="nhsuk-link" href="/settings">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
