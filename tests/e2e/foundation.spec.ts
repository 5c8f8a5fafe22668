import { expect, expectAccessible, signIn, signOut, test } from './support';

test.describe('foundation', () => {
  test('an admin creates a team, adds a member, sees it in the audit log and signs out', async ({ page }) => {
    const teamName = `Westfield crisis team ${Date.now()}`;
    await signIn(page, 'admin@peerroles.test');
    await expectAccessible(page);

    await page.getByRole('navigation', { name: /menu/i }).getByRole('link', { name: 'Teams' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Teams');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Create a team' }).click();
    await expectAccessible(page);
    // Submitting empty shows the error summary and field errors.
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Enter a team name');
    await expectAccessible(page);

    await page.getByLabel('Team name').fill(teamName);
    await page.getByLabel('Crisis and home treatment').check();
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect(page).toHaveURL(/\/teams\/[0-9a-f-]{36}(\?|$)/u);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(teamName);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Add a member' }).first().click();
    await expectAccessible(page);
    const person = page.getByLabel('Person');
    const optionLabel = (await person.locator('option').nth(1).textContent()) ?? '';
    await person.selectOption({ index: 1 });
    await page.getByLabel('Peer worker').check();
    await page.getByRole('button', { name: 'Add to team' }).click();
    await expect(page).toHaveURL(/\/teams\/[0-9a-f-]{36}\?added=/u);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(teamName);
    const memberName = optionLabel.split(' – ')[0];
    await expect(page.getByRole('main')).toContainText(memberName);
    await expectAccessible(page);

    await page.goto('/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(`Created team ${teamName}`);
    await expect(page.getByRole('main')).toContainText(`Added ${memberName} to ${teamName}`);
    await expectAccessible(page);

    await signOut(page);
    await page.goto('/teams');
    await expect(page).toHaveURL(/\/sign-in/u);
  });

  test('a staff member is refused the admin pages', async ({ page }) => {
    await signIn(page, 'staff.cmht@peerroles.test');
    await expect(page.getByRole('navigation', { name: /menu/i }).getByRole('link', { name: 'People' })).toHaveCount(0);
    for (const path of ['/people', '/people/new', '/audit', '/teams/new']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to view this page');
      await expectAccessible(page);
    }
    await signOut(page);
  });

  test('signed-out requests are sent to sign in and reveal nothing', async ({ page, request }) => {
    for (const path of ['/', '/teams', '/people', '/audit', '/account']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in/u);
    }
    await expectAccessible(page);
    const response = await request.get('/people', { maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(response.status());
    expect(await response.text()).not.toContain('@peerroles.test');
  });
});
