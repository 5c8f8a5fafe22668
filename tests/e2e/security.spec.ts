import type { APIResponse, Page, Response } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, expectAccessibleWithoutJavaScript, signIn, test } from './support';

// Issue 6: headers and cookies for a service on the public internet, the bad
// input a scanner (Wapiti) sends, and signing in without JavaScript.
// Every test here also fails on a Content-Security-Policy violation (./support).
// Failed sign-ins count towards the per-address lockout (5 in 15 minutes) that
// every test file shares: this file makes one.

const ADMIN = 'admin@peerroles.test';
const FAILED_MESSAGE = 'Enter a correct email address and password';
const HTTPS_CONFIG_URL = process.env.E2E_HTTPS_CONFIG_URL ?? 'http://127.0.0.1:3301';

/** The policy's directives, each with its sources. */
function directives(policy: string | undefined): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (name) parsed.set(name.toLowerCase(), sources);
  }
  return parsed;
}

function nonceOf(policy: string | undefined): string {
  const source = directives(policy).get('script-src')?.find((value) => value.startsWith("'nonce-"));
  expect(source, 'script-src has a nonce').toBeTruthy();
  return source!.slice("'nonce-".length, -1);
}

/** Page responses and API responses both have headers(). */
function expectStrictPolicy(response: { headers(): Record<string, string> } | null | undefined): string {
  const policy = response?.headers()['content-security-policy'];
  const parsed = directives(policy);
  expect(parsed.get('script-src')).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'"]));
  expect(parsed.get('script-src')).not.toContain("'unsafe-inline'");
  expect(parsed.get('script-src')).not.toContain("'unsafe-eval'");
  expect(parsed.get('style-src')).not.toContain("'unsafe-inline'");
  expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
  expect(parsed.get('object-src')).toEqual(["'none'"]);
  expect(parsed.get('base-uri')).toEqual(["'none'"]);
  expect(parsed.get('form-action')).toEqual(["'self'"]);
  expect(response?.headers()['x-frame-options']).toBe('DENY');
  return nonceOf(policy);
}

/** Every script in the served HTML carries the request's nonce (scripts Next adds later are trusted through 'strict-dynamic'). */
async function expectScriptsCarry(response: Response | APIResponse | null, nonce: string): Promise<void> {
  const html = (await response?.text()) ?? '';
  const scripts = html.match(/<script\b[^>]*>/gu) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
}

async function csrfToken(page: Page): Promise<string> {
  const response = await page.request.get('/api/auth/csrf');
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

test.describe('headers for the public internet', () => {
  test('pages carry a nonce-based Content-Security-Policy that Next applies to its scripts', async ({ page }) => {
    const response = await page.goto('/sign-in');
    const nonce = expectStrictPolicy(response);
    await expectScriptsCarry(response, nonce);
    await expectAccessible(page);
    // A fresh nonce on every request.
    const again = await page.request.get('/sign-in');
    expect(nonceOf(again.headers()['content-security-policy'])).not.toBe(nonce);
    // Plain http here: no HSTS (browsers ignore it over http; the https server below sends it).
    expect(response?.headers()['strict-transport-security']).toBeUndefined();
  });

  test('signed-in pages, the 404 page and the 403 page carry it too', async ({ page }) => {
    await signIn(page, ADMIN);
    for (const [path, status] of [
      ['/', 200],
      ['/teams', 200],
      ['/no-such-page', 404],
      // A record that does not exist: the page calls notFound().
      ['/teams/00000000-0000-4000-8000-000000000000', 404],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(status);
      await expectScriptsCarry(response, expectStrictPolicy(response));
      if (status === 404) await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      await expectAccessible(page);
    }
  });

  test('over https: HSTS, upgrade-insecure-requests and __Host-/__Secure- cookies', async ({ playwright }) => {
    // The second test server has NEXTAUTH_URL=https://...; requests reach it over http, as from a TLS proxy.
    const request = await playwright.request.newContext({ baseURL: HTTPS_CONFIG_URL });
    try {
      const signInPage = await request.get('/sign-in');
      expect(signInPage.status()).toBe(200);
      expect(signInPage.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
      expect(directives(signInPage.headers()['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
      const csrfCookie = signInPage.headersArray().find((header) => header.name.toLowerCase() === 'set-cookie' && header.value.startsWith('__Host-next-auth.csrf-token='));
      expect(csrfCookie?.value).toMatch(/; Secure/iu);
      expect(csrfCookie?.value).toMatch(/; HttpOnly/iu);
      expect(csrfCookie?.value).toMatch(/; Path=\//iu);
      // Secure cookies are not sent back over plain http: hand them over as a browser behind TLS would.
      const cookie = csrfCookie!.value.split(';')[0];
      const token = decodeURIComponent(cookie.split('=')[1]).split('|')[0];
      const signedIn = await request.post('/api/auth/callback/credentials', {
        form: { csrfToken: token, callbackUrl: '/', email: ADMIN, password: DEMO_PASSWORD },
        headers: { cookie },
        maxRedirects: 0,
      });
      expect(signedIn.status()).toBe(302);
      const sessionCookie = signedIn.headersArray().find((header) => header.name.toLowerCase() === 'set-cookie' && header.value.startsWith('__Secure-next-auth.session-token='));
      expect(sessionCookie?.value).toMatch(/; Secure/iu);
      expect(sessionCookie?.value).toMatch(/; HttpOnly/iu);
    } finally {
      await request.dispose();
    }
  });
});

test.describe('bad input answers 400 or 404, never 500', () => {
  test('signed out', async ({ request }) => {
    expect((await request.get('/teams/%ZZ', { maxRedirects: 0 })).status()).toBe(400);
    expect((await request.get('/sign-in?callbackUrl=%2Fteams%00', { maxRedirects: 0 })).status()).toBe(400);
    expect((await request.get('/api/auth/callback/credentials', { maxRedirects: 0 })).status()).toBe(404);
  });

  test('signed in, including a sign-out post with a callbackUrl next-auth cannot parse', async ({ page }) => {
    await signIn(page, ADMIN);
    for (const path of ['/teams/%ZZ', '/teams?q=%2Fe%00', '/people?q=%2Fe%00&status=active']) {
      expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(400);
    }
    const token = await csrfToken(page);
    for (const callbackUrl of [';env;', '/etc/passwd\u0000', '";exit(md5(\'w4p1t1_md5\'));//']) {
      const response = await page.request.post('/api/auth/signout', { form: { csrfToken: token, callbackUrl }, maxRedirects: 0 });
      expect(response.status(), callbackUrl).toBe(400);
    }
    // A form posted from another site (cross-site request forgery) is refused plainly; Next would answer 500.
    const forged = await page.request.post('/teams/new', { form: { name: 'Forged team' }, headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    // A callback-url cookie next-auth cannot parse is dropped instead of failing every page.
    await page.context().addCookies([{ name: 'next-auth.callback-url', value: encodeURIComponent(';env;'), url: page.url() }]);
    const home = await page.goto('/');
    expect(home?.status()).toBe(200);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('sign-in page notices', () => {
  test('says why the person was signed out, without an error summary', async ({ page }) => {
    await page.goto('/sign-in?reason=timeout');
    await expect(page.getByRole('region', { name: 'Important' })).toContainText(
      'You were signed out because you had not done anything for a while. Anything you had not saved was not saved.',
    );
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toHaveCount(0);
    await expect(page).toHaveTitle(/^Sign in/u);
    await expectAccessible(page);

    await page.goto('/sign-in?reason=ended&error=CredentialsSignin');
    await expect(page.getByRole('region', { name: 'Important' })).toContainText('You were signed out. Sign in again to continue.');
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(FAILED_MESSAGE);
    await expectAccessible(page);
  });
});

test.describe('the sign-in page when already signed in', () => {
  test('sends the person where they were heading, and never off the site', async ({ page }) => {
    await signIn(page, 'manager.cmht@peerroles.test');
    await page.goto('/sign-in?callbackUrl=%2Faccount');
    await expect(page).toHaveURL(/\/account$/u);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account');
    await page.goto('/sign-in?callbackUrl=%2F%2Fevil.example%2Faccount');
    await expect(page).toHaveURL((url) => url.pathname === '/' && url.hostname !== 'evil.example');
    await expectAccessible(page);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a failed sign-in shows the error summary and keeps the email and the way back; then signing in returns there', async ({ page }) => {
    await page.goto('/teams?archived=1');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteams%3Farchived%3D1$/u);
    await expectAccessibleWithoutJavaScript(page);

    await page.getByLabel('Email address').fill(ADMIN);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/sign-in\?.*error=CredentialsSignin/u);
    await expect(page).toHaveTitle(/^Error: Sign in/u);
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(FAILED_MESSAGE);
    await expect(page.getByLabel('Email address')).toHaveValue(ADMIN);
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
    await expectAccessibleWithoutJavaScript(page);

    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/teams\?archived=1$/u);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archived teams');
    await expectAccessibleWithoutJavaScript(page);

    // An unknown address renders the 404 page in the HTML itself.
    const missing = await page.goto('/no-such-page');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expectAccessibleWithoutJavaScript(page);

    // Signing out works as a plain form post too.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/u);
    await expect(page.getByLabel('Email address')).toHaveValue('');
    await expectAccessibleWithoutJavaScript(page);
  });
});

test.describe('the violation check itself', () => {
  test('a blocked resource is reported to the test', async ({ page, cspViolations }) => {
    await page.goto('/sign-in');
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'https://example.invalid/tracker.png';
      image.alt = '';
      document.body.append(image);
    });
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    expect(cspViolations.join('\n')).toContain('img-src');
    // Seen and expected: do not fail this test for it.
    cspViolations.splice(0);
  });
});
