#!/usr/bin/env node
// A real OpenID Connect provider on localhost for the tests (the `oidc-provider`
// package, the certified implementation): PeerRoles is registered as a client
// and the accounts below can sign in. Its own development login page takes an
// account's id as the login and any password, and consent is granted without
// asking, as a trust's provider does for an app it has approved.
//
//   node tests/support/oidc-provider.mjs    (OIDC_TEST_PORT, default 0: any free port)
//
// prints one JSON line, {"issuer": "http://127.0.0.1:<port>"}, once it listens.
// OIDC_TEST_REDIRECT_URIS: the client's redirect URLs, comma-separated
// (`<NEXTAUTH_URL>/api/auth/callback/oidc`).
import Provider from 'oidc-provider';

export const TEST_CLIENT_ID = 'peerroles';
export const TEST_CLIENT_SECRET = 'peerroles-test-client-secret-0123456789';

/** The provider's accounts, by the login typed on its page (the id_token's `sub`). */
export const TEST_ACCOUNTS = {
  // Demo people (prisma/seed.ts) and the people the integration tests add.
  'known-person': { email: 'peer.cmht@peerroles.test', email_verified: true, name: 'Jade Thompson' },
  'unverified-email': { email: 'hr@peerroles.test', email_verified: false, name: 'Unverified' },
  'unknown-person': { email: 'stranger@elsewhere.test', email_verified: true, name: 'Sam Stranger' },
  'disabled-person': { email: 'disabled.person@peerroles.test', email_verified: true, name: 'Dee Disabled' },
  // Someone else at the provider who now has the known person's email (the email changed hands there).
  'other-account': { email: 'peer.cmht@peerroles.test', email_verified: true, name: 'Another Jade' },
  'newcomer': { email: 'new.starter@allowed.nhs.test', email_verified: true, given_name: 'Nia', family_name: 'Newcomer' },
  // Microsoft Entra ID sends no email_verified; its optional xms_edov claim says the domain is verified.
  'entra-person': { email: 'Entra.Person@PeerRoles.test', xms_edov: true, name: 'Erin Entra' },
  'representative': { email: 'rep@peerroles.test', email_verified: true, name: 'Representative' },
  // No email claim at all.
  'no-email': { name: 'Nobody' },
};

export async function startTestIdentityProvider({ port = 0, redirectUris = [] } = {}) {
  const { createServer } = await import('node:http');
  const server = createServer();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx, id) {
      const account = Object.hasOwn(TEST_ACCOUNTS, id) ? TEST_ACCOUNTS[id] : undefined;
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'], profile: ['name', 'given_name', 'family_name'] },
    // The claims go in the id_token itself (PeerRoles reads only the id_token).
    conformIdTokenClaims: false,
    pkce: { methods: ['S256'], required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['peerroles-test-identity-provider-cookie-key'] },
    // Consent is the trust's, given once for the app: never asked.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = `<!DOCTYPE html><html lang="en"><head><title>Identity provider error</title></head><body><h1>Identity provider error</h1><p>${String(out.error).replace(/[<>&"]/g, '')}</p></body></html>`;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    stop: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const redirectUris = (process.env.OIDC_TEST_REDIRECT_URIS ?? '').split(',').map((uri) => uri.trim()).filter(Boolean);
  const { issuer, stop } = await startTestIdentityProvider({ port: Number(process.env.OIDC_TEST_PORT ?? 0), redirectUris });
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void stop().then(() => process.exit(0)));
}
