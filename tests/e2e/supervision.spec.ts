import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, signOut, test } from './support';

/*
 * Workflow 6 in the browser: the demo's peer supervisor (Sophie Clarke)
 * records a peer supervision session with Jade Thompson, with private notes
 * and an agreed action; Jade reads the notes, co-signs the record and checks
 * in; their manager sees that the session happened and whether supervision is
 * on time or overdue, never the notes, and the team's check-in figures for the
 * last ended quarter (earlier ones withheld). Axe runs on every page visited.
 */

test.use({ actionTimeout: 15_000 });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const problem = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

async function fillDate(page: Page, group: string, date: Date) {
  const fields = page.getByRole('group', { name: group });
  await fields.getByRole('textbox', { name: 'Day' }).fill(String(date.getUTCDate()));
  await fields.getByRole('textbox', { name: 'Month' }).fill(String(date.getUTCMonth() + 1));
  await fields.getByRole('textbox', { name: 'Year' }).fill(String(date.getUTCFullYear()));
}

test('a supervisor records a session with an action; the peer worker co-signs and checks in; the manager sees it happened but not the notes', async ({ page }) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const note = `We talked about how Jade used her own story at the carers group, and what she keeps back (${stamp}).`;
  const action = `Jade to draft her own sharing guide (${stamp})`;
  const today = new Date();

  // ---- The peer supervisor records the session ----
  await signIn(page, 'sophie.clarke@peerroles.test');
  await page.getByRole('navigation', { name: /menu/i }).getByRole('link', { name: 'Supervision' }).click();
  await expect(h1(page)).toHaveText('Supervision');
  await expectAccessible(page);
  await page.getByRole('region', { name: /Supervision agreements/u }).getByRole('link', { name: /Jade Thompson/u }).first().click();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Record a session' }).or(page.getByRole('button', { name: 'Record a session' })).first().click();
  await expectAccessible(page);

  // Nothing is saved without notes.
  await fillDate(page, 'Date of the session', today);
  await page.getByLabel('How long it lasted, in minutes').fill('60');
  await page.getByLabel('Using lived experience in practice').check();
  await page.getByLabel('Sharing my story safely').check();
  await page.getByRole('button', { name: 'Save the record' }).click();
  await expect(problem(page)).toContainText('Enter your notes');
  await expectAccessible(page);
  await page.getByLabel('Notes', { exact: true }).fill(note);
  await page.getByRole('button', { name: 'Save the record' }).click();
  await expect(page).toHaveURL(/\/supervision\/sessions\/[0-9a-f-]{36}/u);
  await expect(page.getByRole('main')).toContainText(note);
  await expect(page.getByRole('main')).toContainText('Not yet co-signed');
  await expectAccessible(page);
  const sessionUrl = page.url().replace(/\?.*$/u, '');

  await page.getByLabel('What was agreed').fill(action);
  await page.getByRole('group', { name: 'Who will do it?' }).getByLabel(/Jade Thompson/u).check();
  const due = new Date(today.getTime() + 14 * 24 * 60 * 60 * 1000);
  await fillDate(page, 'When is it due?', due);
  await page.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.getByRole('main')).toContainText(action);
  await expectAccessible(page);
  await signOut(page);

  // ---- Jade reads it, co-signs and checks in ----
  await signIn(page, 'peer.cmht@peerroles.test');
  await page.goto(sessionUrl);
  await expectAccessible(page);
  await expect(page.getByRole('main')).toContainText(note);
  await expect(page.getByRole('main')).toContainText(action);
  await page.getByRole('button', { name: 'Co-sign: this is a fair record' }).click();
  await expect(page.getByRole('main')).not.toContainText('Not yet co-signed');
  await expect(page.getByRole('button', { name: 'Co-sign: this is a fair record' })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Check in: how supported do you feel?' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save my check-in' }).click();
  await expect(problem(page)).toBeVisible();
  for (const question of ['I feel supported', 'I am clear about my role', 'I am treated as an equal member of the team', 'My lived experience is valued', 'I can practise as a peer rather than as a junior clinician']) {
    await page.getByRole('group', { name: question }).getByLabel('4 – Agree').check();
  }
  await page.getByRole('button', { name: 'Save my check-in' }).click();
  await expect(page).toHaveURL(/\/supervision\/check-ins/u);
  await page.goto('/supervision/check-ins');
  await expect(h1(page)).toContainText('check-ins');
  await expectAccessible(page);
  await page.goto('/supervision/library');
  await expectAccessible(page);
  await signOut(page);

  // ---- The manager sees that it happened and what is due, never the notes ----
  await signIn(page, 'manager.cmht@peerroles.test');
  await page.goto('/supervision');
  await expectAccessible(page);
  const agreements = page.getByRole('region', { name: /Supervision agreements/u });
  await expect(agreements).toContainText('Jade Thompson');
  await expect(agreements).toContainText(/On time|Due soon|Overdue/u);
  await page.goto(sessionUrl);
  await expectAccessible(page);
  await expect(page.getByRole('main')).toContainText('Notes are private to the peer worker and the supervisor.');
  await expect(page.getByRole('main')).not.toContainText(String(stamp));
  await expect(page.getByRole('main')).toContainText('Using lived experience in practice');
  // Check-in figures: the last ended quarter, worked out by the seed as the nightly job does; five answered in the team,
  // so its row has averages. Jade's check-in just now is in the quarter in progress, which is not shown.
  await page.goto('/supervision/figures');
  await expectAccessible(page);
  await expect(page.getByRole('main')).toContainText('These figures were worked out on');
  const quarterTable = page.getByRole('table').first();
  const teamRow = quarterTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Northbrook Community Mental Health Team' }) });
  await expect(teamRow.getByRole('cell')).toHaveCount(5);
  await expect(teamRow.getByRole('cell').first()).toHaveText(/^[1-5]\.\d$/u);
  // An earlier quarter, chosen from the organisation's trend: too few answered, so withheld, and the page says why.
  await page.getByRole('table', { name: /by quarter/u }).getByRole('link').first().click();
  await expect(page).toHaveURL(/quarter=\d{4}-Q[1-4]/u);
  await expectAccessible(page);
  await expect(page.getByRole('table').first().getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Northbrook Community Mental Health Team' }) })).toContainText('Fewer than 5 peer workers answered');
  await signOut(page);
});
