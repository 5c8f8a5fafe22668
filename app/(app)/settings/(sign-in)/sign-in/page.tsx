import type { Metadata } from 'next';
import { SignInSettingsForm } from '@/components/auth/sign-in-settings-form';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { identityProviderConfig } from '@/lib/auth/identity-provider';
import { requirePermission } from '@/lib/auth/load';
import { getSignInSettings } from '@/lib/auth/sign-in-settings';

export const metadata: Metadata = { title: 'Sign-in settings' };

/** Administrators: whether the organisation's identity provider is required, and which email domains may join through it. */
export default async function SignInSettingsPage() {
  await requirePermission('signIn.settings.manage');
  const settings = await getSignInSettings();
  const provider = identityProviderConfig();
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/settings', label: 'Settings' }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Sign-in settings</h1>
          {provider ? (
            <p>
              People can sign in with their organisation account at <strong>{provider.issuer}</strong> (the sign-in page’s “{provider.label}” button). They get in
              only if an administrator has added them, or their email’s domain is listed below.
            </p>
          ) : (
            <div className="nhsuk-warning-callout">
              <h2 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>No identity provider is set up
                </span>
              </h2>
              <p>This server has no OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (see the README). Until it has, everyone signs in with a password, whatever is chosen here.</p>
            </div>
          )}
          <SignInSettingsForm required={settings.identityProviderRequired} domains={settings.allowedEmailDomains} version={settings.version} />
        </div>
      </div>
    </>
  );
}
