import { defineConfig } from '@playwright/test';

// Run through `npm run test:e2e` (scripts/e2e.mjs), which prepares a fresh database,
// builds the app and sets E2E_BASE_URL and the server's environment.
const port = Number(process.env.E2E_PORT ?? 3300);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
// A second server from the same build whose NEXTAUTH_URL says https, as in production
// behind TLS: tests/e2e/security.spec.ts checks its HSTS header and Secure cookies.
const httpsConfigPort = port + 1;
process.env.E2E_HTTPS_CONFIG_URL ??= `http://127.0.0.1:${httpsConfigPort}`;
// A third whose sessions end after 1 idle minute: tests/e2e/session-timeout.spec.ts waits for the warning.
const shortIdlePort = port + 2;
process.env.E2E_SHORT_IDLE_URL ??= `http://127.0.0.1:${shortIdlePort}`;
// A fourth with the organisation's identity provider configured, and that provider (a real
// OpenID provider, tests/support/oidc-provider.mjs) beside it: tests/e2e/identity-provider.spec.ts.
const identityProviderAppPort = port + 3;
const identityProviderPort = port + 4;
process.env.E2E_IDENTITY_PROVIDER_APP_URL ??= `http://127.0.0.1:${identityProviderAppPort}`;
process.env.E2E_IDENTITY_PROVIDER_URL ??= `http://127.0.0.1:${identityProviderPort}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download does not work offline.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: `node server.mjs -p ${port} -H 127.0.0.1`,
      url: `${baseURL}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `node server.mjs -p ${httpsConfigPort} -H 127.0.0.1`,
      url: `${process.env.E2E_HTTPS_CONFIG_URL}/sign-in`,
      env: { NEXTAUTH_URL: `https://127.0.0.1:${httpsConfigPort}` },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `node server.mjs -p ${shortIdlePort} -H 127.0.0.1`,
      url: `${process.env.E2E_SHORT_IDLE_URL}/sign-in`,
      env: { NEXTAUTH_URL: process.env.E2E_SHORT_IDLE_URL, SESSION_IDLE_MINUTES: '1' },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: 'node tests/support/oidc-provider.mjs',
      url: `${process.env.E2E_IDENTITY_PROVIDER_URL}/.well-known/openid-configuration`,
      env: { OIDC_TEST_PORT: String(identityProviderPort), OIDC_TEST_REDIRECT_URIS: `${process.env.E2E_IDENTITY_PROVIDER_APP_URL}/api/auth/callback/oidc` },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `node server.mjs -p ${identityProviderAppPort} -H 127.0.0.1`,
      url: `${process.env.E2E_IDENTITY_PROVIDER_APP_URL}/sign-in`,
      env: {
        NEXTAUTH_URL: process.env.E2E_IDENTITY_PROVIDER_APP_URL,
        OIDC_ISSUER: process.env.E2E_IDENTITY_PROVIDER_URL,
        // tests/support/oidc-provider.mjs TEST_CLIENT_ID and TEST_CLIENT_SECRET.
        OIDC_CLIENT_ID: 'peerroles',
        OIDC_CLIENT_SECRET: 'peerroles-test-client-secret-0123456789',
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
