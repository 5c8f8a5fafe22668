import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

export const DEMO_PASSWORD = 'demo-password-2026';

/**
 * Content-Security-Policy violations Chromium reported, per page. Chromium logs
 * each one as a console error ("Refused to ... because it violates the
 * following Content Security Policy directive"), with or without JavaScript;
 * with JavaScript the page's `securitypolicyviolation` events are logged too.
 */
const cspViolations = new WeakMap<Page, string[]>();

const VIOLATION_MARKER = 'peerroles-csp-violation:';

/** Starts recording CSP violations on this page (once per page); returns the list, which grows. */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const existing = cspViolations.get(page);
  if (existing) return existing;
  const seen: string[] = [];
  cspViolations.set(page, seen);
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(VIOLATION_MARKER) || (message.type() === 'error' && /Content[ -]Security[ -]Policy/iu.test(text))) {
      seen.push(`${page.url()}: ${text}`);
    }
  });
  // Runs before the page's own scripts and is not subject to its policy.
  await page.addInitScript((marker) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`${marker} ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
    });
  }, VIOLATION_MARKER);
  return seen;
}

/** The violations recorded so far on this page. */
export function cspViolationsOn(page: Page): string[] {
  return cspViolations.get(page) ?? [];
}

/**
 * Playwright's `test`, with every test failing when the page reported a
 * Content-Security-Policy violation. Spec files import `test` from here.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const seen = await watchCspViolations(page);
      await use(seen);
      expect(seen, 'Content-Security-Policy violations reported by the browser').toEqual([]);
    },
    { auto: true },
  ],
});

/** Fails on any serious or critical WCAG 2.2 AA violation on the page as it is now, or any CSP violation so far. */
export async function expectAccessible(page: Page): Promise<void> {
  // After a client-side navigation, a page whose title names a record has an empty
  // title for a moment: wait for the real one, or axe reports document-title.
  await page.waitForLoadState('load');
  await expect(page).toHaveTitle(/PeerRoles/u);
  const analyse = async () => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  let blocking = await analyse();
  // A navigation a click started may land while axe reads the page (the check above saw the old page's title):
  // then the new page is read again once its title has arrived, as a person would see it.
  for (let attempt = 0; attempt < 3 && blocking.some((violation) => violation.id === 'document-title'); attempt += 1) {
    await expect(page).toHaveTitle(/PeerRoles/u);
    blocking = await analyse();
  }
  expect(
    blocking.map((violation) => `${violation.id} (${violation.impact}) on ${page.url()}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  expect(cspViolationsOn(page), 'Content-Security-Policy violations reported by the browser').toEqual([]);
}

/**
 * expectAccessible for a page in a context with JavaScript turned off, where axe
 * cannot run: the same HTML, served at the same address to a second page whose
 * script requests are refused, so axe sees what the person without JavaScript sees.
 */
export async function expectAccessibleWithoutJavaScript(page: Page): Promise<void> {
  await expect(page).toHaveTitle(/PeerRoles/u);
  expect(cspViolationsOn(page), 'Content-Security-Policy violations reported by the browser').toEqual([]);
  const html = await page.content();
  const url = page.url();
  const browser = page.context().browser();
  if (!browser) throw new Error('expectAccessibleWithoutJavaScript needs a page from a browser context');
  // Explicitly: inside a test, newContext() starts from the test's options (javaScriptEnabled: false).
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route('**/*', (route) => {
      const request = route.request();
      if (request.url() === url && request.resourceType() === 'document') return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
      return request.resourceType() === 'script' ? route.abort() : route.continue();
    });
    await copy.goto(url);
    await expectAccessible(copy);
  } finally {
    await context.close();
  }
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  // Specs that use @playwright/test's own `test` still get the CSP check, from here on.
  await watchCspViolations(page);
  await page.goto('/sign-in');
  await expectAccessible(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/u);
}

export async function signOut(page: Page): Promise<void> {
  // Exactly: My account also has "Sign out of all other sessions" when the person is signed in elsewhere.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/u);
}
