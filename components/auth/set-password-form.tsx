'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { setPasswordFromInvitation } from '@/lib/account/actions';
import { setPasswordSchema } from '@/lib/account/schemas';
import { ErrorSummary } from '@/components/ui/error-summary';
import { PasswordInput } from '@/components/ui/password-input';
import { useActionForm } from '@/components/ui/use-action-form';

/** Sets a first password from a one-time link. Works as a plain form post too. `email` is null when the link cannot be used. */
export function SetPasswordForm({ token, email, passwordHint }: { token: string; email: string | null; passwordHint: ReactNode }) {
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: setPasswordSchema,
    action: setPasswordFromInvitation,
    defaultValues: { token, password: '', confirmPassword: '' },
  });

  if (result?.ok) {
    return (
      <>
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__heading">Your password has been set</h1>
          <div className="nhsuk-panel__body">You can now sign in with {result.data.email}</div>
        </div>
        <p>
          <Link href="/sign-in">Sign in to PeerRoles</Link>
        </p>
      </>
    );
  }

  if (email === null) {
    return (
      <>
        <h1>This link cannot be used</h1>
        <p>The link to set your password has expired or has already been used. Links work once, for 7 days.</p>
        <p>Ask an administrator to send you a new link.</p>
        <p>
          If you have already set your password, you can <Link href="/sign-in">sign in</Link>.
        </p>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={errorSummary} />
      <h1>Set your password</h1>
      <p>
        You are setting the password for <strong>{email}</strong>. You will use it with this email address to sign in to PeerRoles.
      </p>
      <form {...formProps}>
        <input type="hidden" defaultValue={token} {...form.register('token')} />
        {/* Tells password managers which account the new password belongs to. */}
        <input type="email" autoComplete="username" defaultValue={email} readOnly hidden aria-hidden="true" tabIndex={-1} />
        <PasswordInput id="password" label="Create a password" hint={passwordHint} autoComplete="new-password" error={fieldError('password')} {...form.register('password')} />
        <PasswordInput id="confirmPassword" label="Confirm your password" autoComplete="new-password" error={fieldError('confirmPassword')} {...form.register('confirmPassword')} />
        <button className="nhsuk-button" type="submit" disabled={pending}>
          Set password
        </button>
      </form>
    </>
  );
}
