import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, signOut, test } from './support';

/*
 * Workflow 5 in the browser: the community team's manager starts the placement
 * waiting from recruitment (Elliot Shaw, appointed in the demo) from the default
 * template, working Tuesday to Thursday; the team's main meeting is on a Monday,
 * so a parity issue shows, and the manager accepts it with a reason. The demo
 * peer worker completes one of her own tasks and keeps a private note on it,
 * which her manager does not see. Axe runs on every page visited.
 */

test.use({ actionTimeout: 15_000 });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const problem = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

async function go(page: Page, link: string | RegExp) {
  await page.getByRole('link', { name: link }).or(page.getByRole('button', { name: link })).first().click({ timeout: 15_000 });
  await expectAccessible(page);
}

test('a manager starts a placement from a template; a parity issue shows and is accepted; the peer worker completes a task', async ({ page }) => {
  test.setTimeout(300_000);
  const stamp = Date.now();

  // ---- The manager starts the placement waiting from recruitment ----
  await signIn(page, 'manager.cmht@peerroles.test');
  await page.getByRole('navigation', { name: /menu/i }).getByRole('link', { name: 'Onboarding' }).click();
  await expect(h1(page)).toHaveText('Onboarding');
  await expectAccessible(page);
  await expect(page.getByRole('region', { name: 'Waiting to start', exact: true })).toContainText('Elliot Shaw');
  await go(page, 'Start placement for Elliot Shaw');
  await expect(h1(page)).toHaveText('Start a placement');

  // Bad input is refused with the error summary, and nothing is written.
  await page.getByLabel('Hours per week').fill('90');
  await page.getByRole('button', { name: 'Start the placement' }).click();
  await expect(problem(page)).toContainText('Hours per week must be 48 or fewer');
  await expectAccessible(page);

  await page.getByRole('textbox', { name: 'Day' }).fill('11');
  await page.getByRole('textbox', { name: 'Month' }).fill('1');
  await page.getByRole('textbox', { name: 'Year' }).fill('2027');
  await page.getByLabel('Permanent').check();
  await page.getByLabel('Hours per week').fill('22.5');
  const days = page.getByRole('group', { name: 'Which days do they work?' });
  for (const day of ['Monday', 'Friday', 'Saturday', 'Sunday']) await days.getByLabel(day).uncheck();
  for (const day of ['Tuesday', 'Wednesday', 'Thursday']) await days.getByLabel(day).check();
  await page.getByLabel('Peer supervisor’s email address (optional)').fill('peer.cmht@peerroles.test');
  await page.getByRole('button', { name: 'Start the placement' }).click();
  await expect(page).toHaveURL(/\/onboarding\/placements\/[0-9a-f-]{36}/u);
  await expect(h1(page)).toContainText('Elliot Shaw');
  await expectAccessible(page);
  const placementUrl = page.url().replace(/\?.*$/u, '');

  // The plan: the default template's sections and tasks, none started.
  const plan = page.getByRole('region', { name: 'Onboarding plan' }).or(page.locator('section[aria-labelledby="plan"]'));
  await expect(plan).toContainText('Prepare the team before the start date');
  await expect(plan).toContainText('Not yet started');

  // Parity: the team's main meeting is on a Monday, a day Elliot does not work.
  const parity = page.locator('section[aria-labelledby="parity"]');
  await expect(parity).toContainText('main decision-making meeting is on Mondays');
  await parity.getByRole('link', { name: /Accept with a reason.*main decision-making meeting/u }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Accept the issue' }).click();
  await expect(problem(page)).toContainText('Enter why this is accepted');
  await page.getByLabel('Why is this accepted?').fill(`Elliot joins the Monday meeting by video on his development day, agreed with him (${stamp}).`);
  await page.getByRole('button', { name: 'Accept the issue' }).click();
  await expect(page).toHaveURL(new RegExp(`^${placementUrl.replace(/[.?]/gu, '\\$&')}`, 'u'));
  await expect(parity.getByRole('link', { name: /main decision-making meeting/u })).toHaveCount(0);
  await expect(parity.getByRole('heading', { name: 'Accepted' })).toBeVisible();
  await expect(parity).toContainText(`agreed with him (${stamp})`);
  await expectAccessible(page);

  // The team's meetings and systems, which parity compares with.
  await page.goto('/onboarding');
  await go(page, /Team meetings and systems: Northbrook/u);
  await expect(page.getByRole('main')).toContainText('Team meeting (MDT)');
  await signOut(page);

  // ---- The peer worker completes one of her tasks and keeps a private note ----
  await signIn(page, 'peer.cmht@peerroles.test');
  await expect(page.getByRole('heading', { name: 'What needs you now' })).toBeVisible();
  await expect(page.getByRole('table', { name: /What needs you now/u })).toContainText('Onboarding task');
  await expectAccessible(page);
  await go(page, /See all your onboarding tasks/u);
  await expect(h1(page)).toHaveText('Your onboarding tasks');
  // Her own tasks (she also supervises Elliot now, and owes his supervision tasks).
  const firstTask = page.getByRole('row').filter({ hasText: 'Your own onboarding' }).first().getByRole('link');
  const taskTitle = (await firstTask.innerText()).trim();
  await firstTask.click();
  await expectAccessible(page);
  await expect(h1(page)).toContainText(taskTitle);
  const taskUrl = page.url();

  const note = `Booked with the trainer; bring my own laptop (${stamp})`;
  await page.getByLabel('Add a note').fill(note);
  await page.getByRole('button', { name: 'Save the note' }).click();
  await expect(page.getByRole('main')).toContainText('Note saved. Only you can see it.');
  await expect(page.getByRole('main')).toContainText(note);
  await page.getByRole('group', { name: 'Where is this task up to?' }).getByLabel('Completed').check();
  await page.getByRole('button', { name: 'Save the status' }).click();
  // The radio's own label says "Completed" too: wait for the saved page itself.
  await expect(page.getByRole('main')).toContainText('Status saved.');
  await expect(page.getByRole('main')).toContainText('Completed');
  await expectAccessible(page);

  // Her own placement shows her parity issues too.
  await page.goto('/onboarding');
  await expectAccessible(page);
  await page.goto('/onboarding/wellbeing');
  await expect(h1(page)).toHaveText('My wellbeing plan');
  await expectAccessible(page);
  await signOut(page);

  // ---- Her manager sees the task completed, and never her note ----
  await signIn(page, 'manager.cmht@peerroles.test');
  await page.goto(taskUrl);
  await expectAccessible(page);
  await expect(page.getByRole('main')).toContainText('Completed');
  await expect(page.getByRole('main')).not.toContainText(String(stamp));
  await expect(page.getByLabel('Add a note')).toHaveCount(0);
  await signOut(page);

  // ---- An administrator keeps the templates ----
  await signIn(page, 'admin@peerroles.test');
  await page.goto('/onboarding/templates');
  await expect(h1(page)).toHaveText('Onboarding templates');
  await expectAccessible(page);
  await go(page, 'Peer worker onboarding (default)');
  await expect(page.getByRole('main')).toContainText('Talk with the team about what peer support is, and is not');
  await signOut(page);
});
