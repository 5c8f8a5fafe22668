import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { SIGN_IN_FAILED } from '@/components/auth/sign-in-schema';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  if (await getCurrentUser()) redirect('/');
  const params = await searchParams;
  // next-auth sends errors here (pages.error); none of them may say more than the generic message.
  const error = first(params.error);
  const initialError = !error ? undefined : error === 'CredentialsSignin' ? SIGN_IN_FAILED : 'Sign-in is not working at the moment. Try again later.';
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <SignInForm redirectTo={safeCallbackUrl(first(params.callbackUrl))} initialError={initialError} />
      </div>
    </div>
  );
}
