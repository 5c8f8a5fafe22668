import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/load';
import { originOf, safeCallbackUrl } from '@/lib/auth/callback-url';
import { authCookieNames, csrfTokenFromCookie } from '@/lib/auth/cookies';
import { SIGN_IN_FAILED, SIGN_IN_NOTICES } from '@/lib/auth/schemas';
import { identityProviderConfig, IDENTITY_PROVIDER_ID } from '@/lib/auth/identity-provider';
import { identityProviderErrorMessage } from '@/lib/auth/identity-provider-messages';
import { SignInForm } from '@/components/auth/sign-in-form';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** NHS pattern: a page showing errors has a title starting "Error: " (also without JavaScript). */
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  return { title: first((await searchParams).error) ? 'Error: Sign in' : 'Sign in' };
}

/**
 * The sign-in form posts straight to next-auth's credentials callback, with or
 * without JavaScript. A failed attempt comes back here as ?error=CredentialsSignin
 * (pages.error) with the callbackUrl next-auth kept in its cookie; the proxy has
 * set next-auth's CSRF cookie on this request and kept the email typed in a
 * failed attempt without JavaScript.
 */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl), originOf(process.env.NEXTAUTH_URL));
  // Someone already signed in goes where they were heading.
  if (await getCurrentUser()) redirect(callbackUrl);
  const jar = await cookies();
  const names = authCookieNames();
  // next-auth sends errors here (pages.error); none of them may say more than the generic message.
  const error = first(params.error);
  const failed = error === 'CredentialsSignin';
  const initialError = !error
    ? undefined
    : failed
      ? SIGN_IN_FAILED
      : (identityProviderErrorMessage(error) ?? 'Sign-in is not working at the moment. Try again later.');
  // The organisation's identity provider, when configured: a plain form post to next-auth, which sends the browser there.
  const provider = identityProviderConfig();
  const typedEmail = failed ? jar.get(names.signInEmail)?.value : undefined;
  const reason = first(params.reason);
  const notice = reason === 'timeout' || reason === 'ended' ? SIGN_IN_NOTICES[reason] : undefined;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <SignInForm
          redirectTo={callbackUrl}
          csrfToken={csrfTokenFromCookie(jar.get(names.csrfToken)?.value)}
          initialEmail={typedEmail ?? ''}
          initialError={initialError}
          notice={notice}
          identityProvider={provider ? { label: provider.label, action: `/api/auth/signin/${IDENTITY_PROVIDER_ID}` } : undefined}
        />
      </div>
    </div>
  );
}
