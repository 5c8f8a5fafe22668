import { Client } from 'pg';
import { expect, expectAccessible, expectAccessibleWithoutJavaScript, test } from './support';
import type { Page } from '@playwright/test';

// Sign-in through the organisation's identity provider: the app server from
// playwright.config.ts that has OIDC_* set, and a real OpenID provider
// (tests/support/oidc-provider.mjs) whose development login page takes an
// account's id as the login. axe runs on every PeerRoles page; the provider's
// own login page is not ours (a trust's is Microsoft's).
const APP = process.env.E2E_IDENTITY_PROVIDER_APP_URL as string;
const PROVIDER = process.env.E2E_IDENTITY_PROVIDER_URL as string;
const BUTTON = 'Sign in with your NHS account';

test.beforeAll(async () => {
  // A person an administrator added and later disabled (the demo has nobody disabled).
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "User" (id, email, name, "disabledAt", "updatedAt") VALUES (gen_random_uuid(), 'disabled.person@peerroles.test', 'Dee Disabled', now(), now()) ON CONFLICT (email) DO NOTHING`,
    );
  } finally {
    await client.end();
  }
});

/** From PeerRoles' sign-in page, through the provider's login page as `account`, and back. */
async function signInThroughProvider(page: Page, account: string, { accessible = expectAccessible } = {}) {
  await page.goto(`${APP}/sign-in`);
  await accessible(page);
  await page.getByRole('button', { name: BUTTON }).click();
  await expect(page).toHaveURL(new RegExp(`^${PROVIDER}/interaction/`, 'u'));
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await expect(page).toHaveURL(new RegExp(`^${APP}/`, 'u'));
}

async function expectRefused(page: Page, message: RegExp) {
  await expect(page).toHaveURL(/\/sign-in\?error=IdentityProvider/u);
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(message);
  await expectAccessible(page);
}

test('a person an administrator has added gets in, and signing out of PeerRoles ends that session', async ({ page, browser }) => {
  await signInThroughProvider(page, 'known-person');
  await expect(page).not.toHaveURL(/\/sign-in/u);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectAccessible(page);
  const sessionCookie = (await page.context().cookies(APP)).find((cookie) => cookie.name === 'next-auth.session-token');
  expect(sessionCookie).toBeDefined();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/u);
  await expectAccessible(page);

  // A copy of the old cookie, in another browser, gets nowhere: the session ended on the server.
  const other = await browser.newContext();
  try {
    await other.addCookies([sessionCookie!]);
    const copy = await other.newPage();
    await copy.goto(`${APP}/`);
    await expect(copy).toHaveURL(/\/sign-in/u);
    await expectAccessible(copy);
  } finally {
    await other.close();
  }
});

test('someone nobody has added is refused with a clear message', async ({ page }) => {
  await signInThroughProvider(page, 'unknown-person');
  await expectRefused(page, /cannot sign in to PeerRoles with this account yet\. Ask an administrator to add you/u);
});

test('an email the provider has not verified is refused, even a known person’s', async ({ page }) => {
  await signInThroughProvider(page, 'unverified-email');
  await expectRefused(page, /did not confirm your email address/u);
});

test('a disabled person is refused', async ({ page }) => {
  await signInThroughProvider(page, 'disabled-person');
  await expectRefused(page, /Your PeerRoles account has been disabled/u);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the button is a plain form post, and a known person gets in', async ({ page }) => {
    await signInThroughProvider(page, 'known-person', { accessible: expectAccessibleWithoutJavaScript });
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectAccessibleWithoutJavaScript(page);
  });
});
