/**
 * What the sign-in page says when sign-in through the identity provider (or a
 * password where the provider is required) is refused: next-auth sends the
 * person to /sign-in?error=<code>. Each says only what the person needs to act
 * on; none says whether some other account exists. Browser-safe (no imports).
 */
export const IDENTITY_PROVIDER_ERRORS = {
  IdentityProviderUnknownPerson:
    'You cannot sign in to PeerRoles with this account yet. Ask an administrator to add you, with the email address of your organisation account.',
  IdentityProviderUnverifiedEmail:
    'Your organisation account did not confirm your email address, so PeerRoles cannot tell who you are. Ask your IT service desk to confirm it, or ask an administrator for help.',
  IdentityProviderDisabled: 'Your PeerRoles account has been disabled. Ask an administrator if you need it again.',
  IdentityProviderLocked: 'Sign-in to your account is paused after too many failed attempts. Try again in 15 minutes, or ask an administrator to unlock it.',
  IdentityProviderOtherAccount:
    'This is not the organisation account linked to your PeerRoles account. Sign in with the account you used before, or ask an administrator.',
  IdentityProviderRequired: 'Your organisation asks you to sign in with your organisation account. Use the button on this page.',
} as const;

export type IdentityProviderErrorCode = keyof typeof IDENTITY_PROVIDER_ERRORS;

/** next-auth's own codes for a provider that failed (discovery, the callback, a bad state or token). */
export const IDENTITY_PROVIDER_FAILED = 'Sign-in with your organisation account did not work. Try again. If it keeps happening, tell an administrator.';

const PROVIDER_FAILURES = new Set(['OAuthSignin', 'OAuthCallback', 'OAuthCreateAccount', 'OAuthAccountNotLinked', 'Callback', 'AccessDenied', 'Verification']);

/** The message for next-auth's ?error= code, when it is one of sign-in-through-the-provider's; otherwise undefined. */
export function identityProviderErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (Object.hasOwn(IDENTITY_PROVIDER_ERRORS, code)) return IDENTITY_PROVIDER_ERRORS[code as IdentityProviderErrorCode];
  return PROVIDER_FAILURES.has(code) ? IDENTITY_PROVIDER_FAILED : undefined;
}
