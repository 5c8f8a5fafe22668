'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { changeMyPassword } from '@/lib/account/actions';
import { changePasswordSchema } from '@/lib/account/schemas';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SavedBanner } from '@/components/ui/saved-banner';
import { PasswordInput } from '@/components/ui/password-input';
import { useActionForm } from '@/components/ui/use-action-form';

export function PasswordForm({ email, passwordHint }: { email: string; passwordHint: ReactNode }) {
  const router = useRouter();
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: changePasswordSchema,
    action: changeMyPassword,
    defaultValues: { currentPassword: '', password: '', confirmPassword: '' },
    onSuccess: () => router.push('/account?updated=password'),
  });

  if (result?.ok) {
    return (
      <SavedBanner heading="Your password has been changed" href="/account">
        Go back to my account
      </SavedBanner>
    );
  }

  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <h1>Change your password</h1>
      <form {...formProps}>
        {/* Tells password managers which account the new password belongs to. */}
        <input type="email" autoComplete="username" defaultValue={email} readOnly hidden aria-hidden="true" tabIndex={-1} />
        <PasswordInput id="currentPassword" label="Current password" autoComplete="current-password" error={fieldError('currentPassword')} {...form.register('currentPassword')} />
        <PasswordInput id="password" label="New password" hint={passwordHint} autoComplete="new-password" error={fieldError('password')} {...form.register('password')} />
        <PasswordInput id="confirmPassword" label="Confirm your new password" autoComplete="new-password" error={fieldError('confirmPassword')} {...form.register('confirmPassword')} />
        <div className="nhsuk-button-group">
          <button className="nhsuk-button" type="submit" disabled={pending}>
            Change password
          </button>
          <Link className="nhsuk-link" href="/account">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
