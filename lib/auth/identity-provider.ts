import type { OAuthConfig } from 'next-auth/providers/oauth';

/**
 * The organisation's identity provider (OpenID Connect: Microsoft Entra ID for
 * NHSmail, or any other), configured by environment. Off unless OIDC_ISSUER,
 * OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set. Who may sign in through it
 * is decided in lib/auth/identity-provider-sign-in.ts.
 */

/** next-auth's provider id: the redirect URL to register is `<NEXTAUTH_URL>/api/auth/callback/oidc`. */
export const IDENTITY_PROVIDER_ID = 'oidc';

export const DEFAULT_IDENTITY_PROVIDER_LABEL = 'Sign in with your NHS account';

export interface IdentityProviderConfig {
  /** The issuer, without a trailing slash; its discovery document is at `/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The sign-in page's button. */
  label: string;
}

type Env = Record<string, string | undefined>;

export function identityProviderConfig(env: Env = process.env): IdentityProviderConfig | null {
  const issuer = env.OIDC_ISSUER?.trim().replace(/\/+$/u, '');
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, label: env.OIDC_BUTTON_LABEL?.trim() || DEFAULT_IDENTITY_PROVIDER_LABEL };
}

/** Whether this server signs people in through an identity provider at all (OIDC_* set). */
export const identityProviderConfigured = (env: Env = process.env) => identityProviderConfig(env) !== null;

/** The claims of a verified id_token that sign-in reads. */
export interface IdTokenClaims {
  iss: string;
  sub: string;
  email?: string;
  /** OpenID Connect's claim; some providers send it as a string. */
  email_verified?: boolean | string;
  /** Microsoft Entra ID's optional claim: the email's domain is verified by the tenant (Entra sends no email_verified). */
  xms_edov?: boolean | string;
  name?: string;
  given_name?: string;
  family_name?: string;
}

/**
 * next-auth's OAuth provider in OpenID Connect mode: the discovery document,
 * the authorization code flow with PKCE and state, and an id_token that must be
 * present and valid (signature, issuer, audience, expiry: openid-client checks
 * them). Only `sub` and `email` come out as the profile; sign-in reads the rest
 * of the claims itself.
 */
export function identityProvider(config: IdentityProviderConfig): OAuthConfig<IdTokenClaims> {
  return {
    id: IDENTITY_PROVIDER_ID,
    name: config.label,
    type: 'oauth',
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    checks: ['pkce', 'state'],
    idToken: true,
    client: { token_endpoint_auth_method: 'client_secret_basic' },
    profile(claims) {
      return { id: claims.sub, email: claims.email ?? null, name: null, image: null };
    },
  };
}
