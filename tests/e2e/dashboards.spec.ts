import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, signOut, test } from './support';

/*
 * Workflow 7 in the browser: HR reads where things stand across the
 * organisation (the four early-warning signs, each with the figures behind it
 * and what they count), sorts the teams by a sign, downloads the teams as CSV
 * and opens one team; a team's manager reaches only their own team; an
 * administrator's thresholds page. Axe runs on every page visited.
 */

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const CMHT = 'Northbrook Community Mental Health Team';

test('HR reads the early-warning signs for the organisation, sorts the teams, downloads them and opens a team; a manager sees only their team', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'hr@peerroles.test');
  await page.getByRole('link', { name: 'Where things stand' }).first().click();
  await expect(h1(page)).toHaveText('Where things stand');
  await expectAccessible(page);
  await expect(page.getByRole('main')).toContainText('Counted on');
  // Each sign has its level in words and the figures behind it, with what each counts.
  for (const sign of ['Expectations differ', 'Arrangements keep peer workers lower', 'Supervision protects boundaries instead of growing practice', 'No shared view of peer practice']) {
    await expect(page.getByRole('heading', { level: 3, name: new RegExp(`^${sign}`, 'u') })).toContainText(/Red|Amber|Green|Nothing to measure/u);
  }
  await expect(page.getByRole('main')).toContainText('Of the supervision sessions held in the last 12 months, the share that were peer supervision');
  // The chart of teams at each level, with its title and description, and its figures in a table after it.
  await expect(page.getByRole('img', { name: 'How many teams are red, amber and green on each sign' })).toBeVisible();
  const levels = page.getByRole('table', { name: 'Teams at each level, by sign' });
  await expect(levels.getByRole('row')).toHaveCount(5);
  await expect(levels.getByRole('row').filter({ hasText: 'Expectations differ' })).toContainText(/\d/u);

  // Sorted by a sign, worst first, through the column header.
  const teams = page.getByRole('table', { name: /The four signs for each team/u });
  await teams.getByRole('link', { name: 'Arrangements', exact: true }).click();
  await expect(page).toHaveURL(/sort=ARRANGEMENTS/u);
  await expectAccessible(page);
  await expect(page.getByRole('table', { name: /The four signs for each team/u }).getByRole('link', { name: /^Arrangements/u })).toHaveAttribute('aria-current', 'true');

  // The teams as CSV: a BOM, the header, the CMHT's row with its levels in words.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download every team’s signs and figures/u }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('"Team","Service type","Expectations differ"');
  expect(csv).toMatch(new RegExp(`"${CMHT}","Community mental health team","(Red|Amber|Green|Nothing to measure)"`, 'u'));

  // The quarterly report, ready to print.
  await page.goto('/dashboards');
  await page.getByRole('link', { name: /The quarterly report, to print/u }).click();
  await expect(h1(page)).toContainText('Quarterly report');
  await expectAccessible(page);
  await expect(page.getByRole('heading', { name: 'Teams that need attention' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'How many teams are red, amber and green on each sign' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Menu' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.goto('/dashboards');

  // One team's page.
  await page.getByRole('link', { name: CMHT }).click();
  await expect(h1(page)).toContainText(CMHT);
  await expectAccessible(page);
  await expect(page.getByRole('main')).toContainText('Open parity issues');
  await signOut(page);

  // The CMHT's manager: their team, not the organisation.
  await signIn(page, 'manager.cmht@peerroles.test');
  await page.goto('/dashboards');
  await expect(h1(page)).toHaveText('Where things stand');
  await expectAccessible(page);
  await expect(page.getByRole('main')).not.toContainText('By service type');
  await page.getByRole('link', { name: CMHT }).click();
  await expect(h1(page)).toContainText(CMHT);
  await expectAccessible(page);
  // Below the signs, where the team stands now: each part a table, each table a CSV.
  const main = page.getByRole('main');
  await expect(main.getByRole('table', { name: 'Roles by stage' })).toContainText('Agreed (version');
  await expect(main.getByRole('table', { name: 'Vacancies by status' }).getByRole('row').filter({ hasText: 'Interviewing' })).toContainText('1');
  const onboarding = main.getByRole('table', { name: 'Onboarding progress per placement' });
  await expect(onboarding.getByRole('row').filter({ hasText: 'Jade Thompson' })).toBeVisible();
  await expect(main.getByRole('table', { name: 'Open parity issues' })).toContainText('A team meeting on a day they do not work');
  await expect(main.getByRole('table', { name: 'Supervision per peer worker and type' }).getByRole('row').filter({ hasText: 'Leon Walsh' })).toContainText('Overdue');
  // Last quarter's check-in averages are shown (five answered): a chart with its figures in the table beside it.
  await expect(page.getByRole('img', { name: new RegExp(`${CMHT}: average check-in answers by quarter`, 'u') })).toBeVisible();
  await expect(main.getByRole('table', { name: 'Check-in averages by quarter' }).getByRole('row').nth(1)).toContainText(/\d\.\d/u);
  const onboardingCsv = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download ‘Onboarding progress per placement’ (CSV)' }).click();
  const onboardingFile = readFileSync(await (await onboardingCsv).path(), 'utf8');
  expect(onboardingFile.charCodeAt(0)).toBe(0xfeff);
  expect(onboardingFile).toContain('"Peer worker","Started","Contract"');
  expect(onboardingFile).toMatch(/"Jade Thompson","\d{4}-\d{2}-\d{2}","Fixed-term"/u);
  // It prints as the team's report: no site header, breadcrumbs or print button on paper.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print this page' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  const csvForManager = await page.request.get('/dashboards/teams.csv');
  expect(csvForManager.status()).toBe(404);
  await signOut(page);
});

test('an administrator sets where a figure turns amber and red; a threshold the wrong way round is refused', async ({ page }) => {
  await signIn(page, 'admin@peerroles.test');
  await page.goto('/settings/dashboards');
  await expect(h1(page)).toHaveText('Early-warning signs');
  await expectAccessible(page);
  const parity = page.getByRole('group', { name: 'Open parity issues' });
  await parity.getByLabel('Amber at or above').fill('3');
  await parity.getByLabel('Red at or above').fill('2');
  await page.getByRole('button', { name: 'Save the thresholds' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Open parity issues: red must be the same as amber or higher');
  await expectAccessible(page);
  await parity.getByLabel('Red at or above').fill('5');
  await page.getByRole('button', { name: 'Save the thresholds' }).click();
  await expect(page.getByRole('status')).toContainText('Thresholds saved');
  await page.goto('/dashboards');
  await expect(page.getByRole('main')).toContainText('Amber from 3, red from 5');
  await signOut(page);
});

test('a manager’s work list leads to what needs them, and back', async ({ page }) => {
  await signIn(page, 'manager.cmht@peerroles.test');
  await expect(page.getByRole('heading', { name: 'What needs you now' })).toBeVisible();
  await expectAccessible(page);
  const list = page.getByRole('table', { name: /What needs you now/u });
  // In the demo: Leon's peer supervision is overdue and Jade's placement has parity issues open.
  await expect(list).toContainText('Supervision overdue');
  await expect(list).toContainText('Leon Walsh');
  const parity = list.getByRole('row').filter({ hasText: 'Parity issues open' }).first();
  await expect(parity).toContainText('Jade Thompson');
  await parity.getByRole('link', { name: 'Jade Thompson' }).click();
  await expect(page).toHaveURL(/\/onboarding\/placements\//u);
  await expectAccessible(page);
  await expect(page.getByRole('main')).toContainText(/parity/iu);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'What needs you now' })).toBeVisible();
  await signOut(page);
});
