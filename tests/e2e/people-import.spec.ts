import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, signOut, test } from './support';

/*
 * Issue 14 §3 in the browser: an administrator uploads a staff list whose
 * name heading PeerRoles does not recognise, says which column is which, sees
 * in the preview that one row names a team that does not exist (and that
 * nothing has changed), uploads the corrected file, confirms, and finds the
 * new person. Axe runs on every page visited.
 */

test.use({ actionTimeout: 15_000 });

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

async function uploadFile(page: Page, name: string, content: string) {
  await page.getByLabel('Upload a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await page.getByRole('button', { name: 'Check the file' }).click();
}

test('an administrator maps the columns, sees each row’s outcome, fixes the file and imports it', async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const newEmail = `imported.${stamp}@peerroles.test`;
  // The second person's team: one that does not exist, then (fixed) none, so the demo's teams stay as the other browser tests expect.
  const file = (team: string, role: string) => `Staff member,Work email,Job title,Department,Role in team\r\nImported Person ${stamp},${newEmail},Peer support worker,,\r\nWrong Team ${stamp},wrong.${stamp}@peerroles.test,Nurse,${team},${role}\r\n`;

  await signIn(page, 'admin@peerroles.test');
  await page.goto('/people');
  await page.getByRole('button', { name: 'Import people and teams' }).click();
  await expect(h1(page)).toHaveText('Import people and teams');
  await expectAccessible(page);

  // A file that is not CSV is refused with the error summary.
  await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'staff.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('spreadsheet workbook, not CSV');
  await expectAccessible(page);

  // A file over the 10 MB limit reaches the action (Next's own limit is raised for it) and is refused by size.
  await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'everyone.csv', mimeType: 'text/csv', buffer: Buffer.alloc(11 * 1024 * 1024, 'a') });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('The file is 11.0 MB: it must be 10.0 MB or smaller');

  // "Staff member" is not a heading PeerRoles knows: choose the name column by hand.
  await uploadFile(page, 'staff.csv', file('No Such Team', 'Staff'));
  await expect(h1(page)).toHaveText('Choose which column holds what');
  await expectAccessible(page);
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('1');
  await page.getByLabel('Name', { exact: true }).selectOption({ label: 'Column 1: Staff member' });
  await page.getByRole('button', { name: 'Save and check what will change' }).click();

  // The preview: one row to add, one with a problem and why; no way to import until it is fixed.
  await expect(h1(page)).toHaveText('Check what will change');
  await expectAccessible(page);
  await expect(page.getByText('1 row has a problem')).toBeVisible();
  const problems = page.getByRole('table', { name: /^Problems: rows 1 to 1 of 1/u });
  await expect(problems).toContainText('There is no team called “No Such Team”');
  await expect(page.getByRole('button', { name: 'Import' })).toHaveCount(0);
  await page.getByRole('link', { name: 'All rows' }).click();
  await expect(page.getByRole('table', { name: /^All rows: rows 1 to 2 of 2/u }).getByRole('row').filter({ hasText: newEmail })).toContainText('Add');
  await expectAccessible(page);

  // The corrected file, its name heading one PeerRoles knows.
  await page.getByRole('link', { name: 'Upload the corrected file' }).click();
  await uploadFile(page, 'staff-fixed.csv', file('', '').replace('Staff member', 'Name'));
  await expect(h1(page)).toHaveText('Check what will change');
  await expect(page.getByText('rows have a problem')).toHaveCount(0);
  await expectAccessible(page);
  const summary = page.locator('.nhsuk-summary-list').nth(1);
  await expect(summary).toContainText('Add');
  await expect(summary).toContainText('2 people');
  // People missing from the file stay unless ticked.
  await expect(page.getByLabel(/^Disable the .* missing from the file$/u)).not.toBeChecked();
  await page.getByRole('button', { name: 'Import' }).click();

  await expect(h1(page)).toHaveText('Import complete');
  await expectAccessible(page);
  await expect(page.locator('.nhsuk-summary-list')).toContainText('2 people');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download what happened to each row (CSV)' }).click();
  const result = await (await download).createReadStream();
  let text = '';
  for await (const chunk of result) text += chunk;
  expect(text).toContain(`"Imported Person ${stamp}","${newEmail}","","Add",""`);

  // The new person is on the people list, with their set-password link waiting.
  await page.goto(`/people?q=${encodeURIComponent(newEmail)}`);
  await expect(page.getByRole('table', { name: 'Active accounts' })).toContainText(`Imported Person ${stamp}`);
  await expectAccessible(page);
  // Signed out, so the administrator's later browser tests find no other session of theirs.
  await signOut(page);
});
