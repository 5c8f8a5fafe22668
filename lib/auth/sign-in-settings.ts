import { db, type Tx } from '@/lib/db';

/** Settings → Sign-in. */
export const SIGN_IN_SETTINGS_PATH = '/settings/sign-in';

/** How people sign in (prisma/schema/sign-in.prisma SignInSettings); no row means the defaults. */
export interface SignInSettingsValues {
  identityProviderRequired: boolean;
  /** Lower-cased email domains whose people are added, with no roles, when they first sign in through the provider. */
  allowedEmailDomains: string[];
  /** 0 before anyone has saved them. */
  version: number;
}

export async function getSignInSettings(client: Tx | typeof db = db): Promise<SignInSettingsValues> {
  const row = await client.signInSettings.findUnique({ where: { id: 1 }, select: { identityProviderRequired: true, allowedEmailDomains: true, version: true } });
  return row ?? { identityProviderRequired: false, allowedEmailDomains: [], version: 0 };
}

/**
 * Whether the organisation requires its identity provider: passwords then work
 * only for service-user representatives, and nobody else needs a set-password link.
 */
export async function identityProviderRequired(client: Tx | typeof db = db): Promise<boolean> {
  return (await getSignInSettings(client)).identityProviderRequired;
}

/** Service-user representatives are external (no trust account), so they keep their passwords whatever the setting says. */
export function keepsPassword(orgRole: string): boolean {
  return orgRole === 'SERVICE_USER_REP';
}

/** The part of a (lower-cased) email after its last @. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}
