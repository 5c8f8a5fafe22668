'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { updateMyNotificationPreference } from '@/lib/notifications/actions';
import { DELIVERY_CHOICES, KIND_CHOICES } from '@/lib/notifications/labels';
import { MUTABLE_KINDS, type MutableKind } from '@/lib/notifications/rules';
import { notificationPreferenceSchema } from '@/lib/notifications/schemas';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Checkboxes, Radios } from '@/components/ui/fields';
import { SavedBanner } from '@/components/ui/saved-banner';
import { useActionForm } from '@/components/ui/use-action-form';

/** My account: which requests to be emailed about, and each time or once a day. */
export function PreferenceForm({ delivery, emailed }: { delivery: 'EACH' | 'DAILY_DIGEST'; emailed: MutableKind[] }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: notificationPreferenceSchema,
    action: updateMyNotificationPreference,
    defaultValues: { delivery, emailed },
    onSuccess: () => router.push('/account?updated=notifications'),
  });

  if (result?.ok) {
    return (
      <SavedBanner heading="Your email notifications have been changed" href="/account">
        Go back to my account
      </SavedBanner>
    );
  }

  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <h1>Email notifications</h1>
      <p>PeerRoles emails you when someone needs something from you. The email says what it is about and links here: you sign in to read the rest.</p>
      <form {...formProps}>
        <Checkboxes
          name="emailed"
          legend="Email me when"
          hint="Untick what you do not want emailed. You still see every request on your Requests page."
          options={MUTABLE_KINDS.map((kind) => ({ value: kind, label: KIND_CHOICES[kind].label, hint: KIND_CHOICES[kind].hint }))}
          defaultValue={emailed}
          error={fieldError('emailed')}
          inputProps={form.register('emailed')}
        />
        <Radios
          name="delivery"
          legend="How do you want these emails?"
          options={(['EACH', 'DAILY_DIGEST'] as const).map((value) => ({ value, label: DELIVERY_CHOICES[value].label, hint: DELIVERY_CHOICES[value].hint }))}
          defaultValue={delivery}
          error={fieldError('delivery')}
          inputProps={form.register('delivery')}
        />
        <p className="nhsuk-body-s">Set-password links are always emailed: they are how you sign in.</p>
        <div className="nhsuk-button-group">
          <button className="nhsuk-button" type="submit" disabled={pending}>
            Save email notifications
          </button>
          <Link className="nhsuk-link" href="/account">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
