'use client';

import { signIn } from 'next-auth/react';
import type { ActionResult } from '@/lib/action';
import { ErrorSummary } from '@/components/ui/error-summary';
import { NotificationBanner } from '@/components/ui/notification-banner';
import { TextInput } from '@/components/ui/fields';
import { PasswordInput } from '@/components/ui/password-input';
import { useActionForm } from '@/components/ui/use-action-form';
import { useErrorTitle } from '@/components/ui/use-error-title';
import { SIGN_IN_FAILED, signInSchema } from '@/lib/auth/schemas';
import { IDENTITY_PROVIDER_ERRORS } from '@/lib/auth/identity-provider-messages';

/** next-auth's credentials callback: the form's plain post, the same request next-auth/react makes. */
const CREDENTIALS_CALLBACK = '/api/auth/callback/credentials';

/**
 * Runs in the browser: next-auth's credentials sign-in, shaped as an action
 * result so the form is the same as every other form. Every failure (wrong
 * password, unknown email, lockout, network) gets the same message.
 */
async function signInWithPassword(_previous: ActionResult<null> | null, input: unknown): Promise<ActionResult<null>> {
  const parsed = signInSchema.safeParse(input);
  const failed: ActionResult<null> = { ok: false, code: 'UNAUTHENTICATED', error: SIGN_IN_FAILED, fieldErrors: { email: [SIGN_IN_FAILED] } };
  if (!parsed.success) return failed;
  try {
    const response = await signIn('credentials', { redirect: false, email: parsed.data.email, password: parsed.data.password });
    // The right password, but the organisation asks for its identity provider (said only to someone who knows the password).
    if (response?.error === 'IdentityProviderRequired') return { ok: false, code: 'FORBIDDEN', error: IDENTITY_PROVIDER_ERRORS.IdentityProviderRequired };
    return response?.ok && !response.error ? { ok: true, data: null } : failed;
  } catch {
    return failed;
  }
}

/**
 * Without JavaScript the form is a plain post to next-auth's credentials
 * callback (the hidden CSRF token and callbackUrl are what next-auth's own sign-in
 * page sends); a failure comes back as the page's initialError. With JavaScript
 * the same fields are checked here first and sent without leaving the page.
 */
export function SignInForm({
  redirectTo,
  csrfToken,
  initialEmail = '',
  initialError,
  notice,
  identityProvider,
}: {
  redirectTo: string;
  csrfToken?: string;
  initialEmail?: string;
  initialError?: string;
  /** Why the person is here, e.g. signed out after a while without activity. */
  notice?: string;
  /** The organisation's identity provider: its button's label and next-auth's sign-in address for it. */
  identityProvider?: { label: string; action: string };
}) {
  const { form, formProps, fieldError, errorSummary, pending, result } = useActionForm({
    schema: signInSchema,
    action: signInWithPassword,
    defaultValues: { email: initialEmail, password: '' },
    // A full page load, so the header and every cached page are rendered for the signed-in person.
    onSuccess: () => window.location.assign(redirectTo),
  });
  // An error next-auth sent here before this form was used: only a failed sign-in points at the email field.
  const initialFieldError = !result && initialError === SIGN_IN_FAILED ? initialError : undefined;
  const errors = errorSummary.length > 0 || result ? errorSummary : initialError ? [{ field: initialFieldError ? 'email' : undefined, message: initialError }] : [];
  useErrorTitle(errors.length > 0);
  const signingIn = pending || result?.ok === true;

  return (
    <>
      <ErrorSummary errors={errors} />
      {notice ? <NotificationBanner heading={notice} /> : null}
      <h1>Sign in to PeerRoles</h1>
      {identityProvider ? (
        <>
          {/* A plain post with next-auth's CSRF token: next-auth answers with a redirect to the provider, with or without JavaScript. */}
          <form action={identityProvider.action} method="post">
            {csrfToken ? <input type="hidden" name="csrfToken" value={csrfToken} /> : null}
            <input type="hidden" name="callbackUrl" value={redirectTo} />
            <button className="nhsuk-button" type="submit">
              {identityProvider.label}
            </button>
          </form>
          <h2 className="nhsuk-heading-m">Or sign in with a password</h2>
          <p>Service-user representatives and people without an organisation account sign in with their email address and password.</p>
        </>
      ) : null}
      <form action={CREDENTIALS_CALLBACK} method="post" noValidate onSubmit={formProps.onSubmit}>
        {csrfToken ? <input type="hidden" name="csrfToken" value={csrfToken} /> : null}
        <input type="hidden" name="callbackUrl" value={redirectTo} />
        <TextInput
          id="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          error={fieldError('email') ?? initialFieldError}
          // In the server-rendered HTML too, for a failed attempt without JavaScript.
          defaultValue={initialEmail}
          {...form.register('email')}
        />
        <PasswordInput id="password" label="Password" autoComplete="current-password" error={fieldError('password')} {...form.register('password')} />
        <button className="nhsuk-button" type="submit" disabled={signingIn}>
          Sign in
        </button>
      </form>
      <p>If you do not have a password yet, or have forgotten it, ask an administrator for a link to set one.</p>
    </>
  );
}
