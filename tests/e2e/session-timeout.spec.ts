// Issue 6, part 3 in the browser: the timeout warning (GOV.UK/NHS pattern) and
// sessions ending on the server. The warning runs against a server from the same
// build with SESSION_IDLE_MINUTES=1 (playwright.config.ts), so it appears after 30
// seconds without a request and the session ends 30 seconds later: the test
// waits for what the person would wait for, with no fixed sleeps.
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test } from './support';

const shortIdleURL = process.env.E2E_SHORT_IDLE_URL ?? '';

test.describe('the timeout warning', () => {
  test.use({ baseURL: shortIdleURL });
  test.setTimeout(180_000);

  test('warns before the idle limit, keeps the person signed in, and afterwards says they were signed out', async ({ page }) => {
    expect(shortIdleURL, 'the short-idle server from playwright.config.ts must be running').not.toBe('');
    await signIn(page, 'manager.cmht@peerroles.test');
    await page.goto('/account');
    const warning = page.getByRole('dialog', { name: 'You are about to be signed out' });
    await expect(warning).toBeVisible({ timeout: 60_000 });
    await expect(warning).toContainText('we will sign you out in');
    await expect(page.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
    await expectAccessible(page);

    // Staying signed in extends the session on the server.
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(warning).toBeHidden();
    await page.goto('/account');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');

    // Left alone: warned again, then signed out, with work on the page said to be unsaved.
    await expect(warning).toBeVisible({ timeout: 60_000 });
    const signedOut = page.getByRole('dialog', { name: 'You have been signed out' });
    await expect(signedOut).toBeVisible({ timeout: 60_000 });
    await expect(signedOut).toContainText('has not been saved');
    await expectAccessible(page);

    await signedOut.getByRole('link', { name: 'Sign in again' }).click();
    await expect(page).toHaveURL(/\/sign-in\?/u);
    await expect(page.getByText('You were signed out because you had not done anything for a while')).toBeVisible();
    await expectAccessible(page);
    // Signing in again goes back to the page they were on.
    await page.getByLabel('Email address').fill('manager.cmht@peerroles.test');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/account$/u);
  });
});

test.describe('sessions end on the server', () => {
  test('a copy of the session cookie stops working after sign-out, and "sign out of all other sessions" ends the others', async ({ browser, page }) => {
    await signIn(page, 'staff.cmht@peerroles.test');
    const cookies = await page.context().cookies();

    // A second browser with a copy of the cookie: signed in.
    const copy = await browser.newContext();
    await copy.addCookies(cookies);
    const copied = await copy.newPage();
    await copied.goto('/account');
    await expect(copied.getByRole('heading', { level: 1 })).toHaveText('My account');

    // A third, signed in separately, is listed on My account and can be signed out from the first.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, 'staff.cmht@peerroles.test');
    await page.goto('/account');
    await expect(page.getByRole('main')).toContainText('You are also signed in on');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sign out of all other sessions' }).click();
    await expect(page.getByRole('main')).toContainText('You are not signed in anywhere else');
    await otherPage.goto('/account');
    await expect(otherPage).toHaveURL(/\/sign-in\?reason=ended/u);
    await expect(otherPage.getByText('You were signed out. Sign in again to continue.')).toBeVisible();

    // Signing out ends the session the copy shares, too.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/u);
    await copied.goto('/account');
    await expect(copied).toHaveURL(/\/sign-in/u);
    await copy.close();
    await other.close();
  });
});
