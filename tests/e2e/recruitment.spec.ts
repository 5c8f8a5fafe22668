import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, signOut, test } from './support';

/*
 * Workflow 4 in the browser: HR builds a person specification from the
 * community team's agreed role, opens a vacancy, forms a panel and records a
 * candidate; the manager (chair) and a peer worker each declare conflicts and
 * score on their own; the matrix shows where they differ; the chair shortlists
 * and decides; HR hands the appointed candidate on to onboarding.
 */

// A step that cannot happen fails in seconds, not at the end of the test's five minutes.
test.use({ actionTimeout: 15_000 });

const LIVED = 'Personal lived experience of mental health difficulties and recovery, and willingness to use it to support others';
const VALUES = 'Commitment to hope, choice, mutuality and recovery-focused practice';

/** Follows a link (or a link styled as a button) and checks the page it reaches. */
async function go(page: Page, link: string | RegExp) {
  await page.getByRole('link', { name: link }).or(page.getByRole('button', { name: link })).first().click({ timeout: 15_000 });
  await expectAccessible(page);
}

const problem = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

/** Scores each criterion (by its wording) with a score and evidence, then submits. */
async function score(page: Page, stage: 'Shortlisting' | 'Interview', scores: Record<string, number>) {
  for (const [wording, value] of Object.entries(scores)) {
    const criterion = page.getByRole('group', { name: new RegExp(`^\\d+\\. ${wording.slice(0, 40)}`, 'u') });
    await criterion.getByRole('radio', { name: new RegExp(`^${value}:`, 'u') }).check();
    await criterion.getByLabel('Evidence for your score').fill(`Evidence for ${value}: what they said about ${wording.slice(0, 20)}`);
  }
  await page.getByRole('button', { name: 'Submit my scores' }).click();
  // The form gives way to what was submitted: final, with a way to correct it.
  await expect(page.getByRole('region', { name: `${stage} scores` }).getByRole('heading', { name: 'Your submitted scores' })).toBeVisible();
  await expectAccessible(page);
}

async function declareNoConflicts(page: Page, vacancyUrl: string) {
  await page.goto(vacancyUrl);
  await expectAccessible(page);
  await go(page, 'Declare conflicts of interest');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conflicts of interest');
  await page.getByRole('button', { name: 'I have declared every conflict of interest' }).click();
  await expect(page.getByRole('status')).toContainText('Your declarations are confirmed');
  await expectAccessible(page);
}

test('HR builds a person specification, opens a vacancy and forms a panel; two members score; the matrix and decision follow', async ({ page }) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const title = `Peer support worker, e2e ${stamp}`;
  const candidateName = `Robin Testcandidate ${stamp}`;

  // ---- HR: the person specification ----
  await signIn(page, 'hr@peerroles.test');
  await page.getByRole('navigation', { name: /menu/i }).getByRole('link', { name: 'Recruitment' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recruitment');
  await expectAccessible(page);
  await go(page, 'Person specifications');
  await go(page, 'Start a person specification');
  await page.getByRole('button', { name: 'Start the person specification' }).click();
  await expect(problem(page)).toContainText('Select a role');
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Peer support worker – Northbrook Community Mental Health Team' });
  await page.getByLabel('Title').fill(`Spec ${stamp}`);
  await page.getByRole('button', { name: 'Start the person specification' }).click();
  await expect(page).toHaveURL(/\/recruitment\/specifications\/[0-9a-f-]{36}$/u);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Spec ${stamp}`);
  await expect(page.getByRole('main')).toContainText('Ready');
  await expectAccessible(page);

  // A criterion making a clinical qualification essential is allowed, with a warning.
  await go(page, 'Add a criterion');
  await page.getByRole('button', { name: 'Save criterion' }).click();
  await expect(problem(page)).toContainText('Select a category');
  await expectAccessible(page);
  await page.getByLabel('Skills and knowledge').check();
  await page.getByLabel('The criterion').fill('Registered mental health nurse (RMN)');
  await page.getByLabel('Essential', { exact: true }).check();
  await page.getByLabel('Interview', { exact: true }).check();
  await page.getByRole('button', { name: 'Save criterion' }).click();
  await expect(page.getByRole('status')).toContainText('Criterion saved');
  await expect(page.getByRole('main')).toContainText('makes a clinical qualification essential');
  await expectAccessible(page);
  await go(page, /^Remove Registered mental health nurse/u);
  await page.getByRole('button', { name: 'Remove the criterion' }).click();
  await expect(page.getByRole('status')).toContainText('Criterion removed');
  await expect(page.getByRole('main')).not.toContainText('makes a clinical qualification essential');

  await go(page, 'Print the interview pack');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Interview pack');
  await page.goBack();

  // ---- HR: the vacancy, its panel and a candidate ----
  await go(page, 'Open a vacancy');
  await page.getByLabel('Vacancy title').fill(title);
  await page.getByLabel('Day').fill('31');
  await page.getByLabel('Month').fill('12');
  await page.getByLabel('Year').fill('2099');
  await page.getByLabel('Open advert').check();
  await page.getByRole('button', { name: 'Open the vacancy' }).click();
  await expect(page).toHaveURL(/\/recruitment\/vacancies\/[0-9a-f-]{36}$/u);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expectAccessible(page);
  const vacancyUrl = page.url();

  await go(page, 'Add a panel member');
  await page.getByLabel('Their email address').fill('manager.cmht@peerroles.test');
  await page.getByLabel('Chair', { exact: true }).check();
  await page.getByRole('button', { name: 'Add to the panel' }).click();
  await expect(page.getByRole('status')).toContainText('Panel member added');
  // One scorer, none with lived experience: the panel breaks the rule, and the page says so.
  await expect(page.getByRole('main')).toContainText('needs at least 1 member with lived experience');
  await go(page, 'Add a panel member');
  await page.getByLabel('Their email address').fill('peer.cmht@peerroles.test');
  await page.getByRole('button', { name: 'Add to the panel' }).click();
  await expect(page.getByRole('status')).toContainText('Panel member added');
  await expect(page.getByRole('main')).not.toContainText('needs at least');
  await expectAccessible(page);

  await go(page, 'Record a candidate');
  await page.getByLabel('Full name').fill(candidateName);
  await page.getByLabel('Email address').fill(`robin.${stamp}@example.test`);
  await page.getByLabel(LIVED).fill('I have lived with bipolar disorder for fifteen years and volunteer with a peer support group in Eastfield.');
  await page.getByLabel(VALUES).fill('Hope matters most: I try to hold it for people when they cannot.');
  await page.getByRole('button', { name: 'Record the candidate' }).click();
  await expect(page).toHaveURL(/\/candidates\/[0-9a-f-]{36}\?saved=candidate$/u);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(candidateName);
  await expectAccessible(page);

  await page.goto(vacancyUrl);
  await page.getByRole('button', { name: 'Mark as open for applications' }).click();
  await expect(page.getByRole('status')).toContainText('The vacancy has moved on');
  await page.getByRole('button', { name: 'Start shortlisting' }).click();
  await expect(page.getByRole('status')).toContainText('The vacancy has moved on');
  await expect(page.getByRole('main')).toContainText('Shortlisting');
  await expectAccessible(page);
  await signOut(page);

  // ---- The chair and the peer worker score on their own ----
  for (const [email, scores] of [
    ['manager.cmht@peerroles.test', { [LIVED]: 3, [VALUES]: 1 }],
    ['peer.cmht@peerroles.test', { [LIVED]: 4, [VALUES]: 3 }],
  ] as const) {
    await signIn(page, email);
    await declareNoConflicts(page, vacancyUrl);
    await page.goto(vacancyUrl);
    // At shortlisting the panel sees a number and the application, never the name.
    await go(page, 'Candidate 1');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Candidate 1');
    await expect(page.getByRole('main')).not.toContainText(candidateName);
    await expect(page.getByRole('main')).toContainText('Nobody sees anyone’s scores until everyone has');
    await score(page, 'Shortlisting', scores);
    await signOut(page);
  }

  // ---- The chair sees the matrix and shortlists ----
  await signIn(page, 'manager.cmht@peerroles.test');
  await page.goto(vacancyUrl);
  await go(page, 'Candidate 1');
  const matrix = page.getByRole('table', { name: /Shortlisting scores, every member/u });
  await expect(matrix).toContainText('Claire Whitfield');
  await expect(matrix).toContainText('Jade Thompson');
  await expect(matrix).toContainText('Differ by 2: discuss');
  await page.getByLabel('What the panel agreed').fill('We discussed values: the answer is brief but sincere; we agreed to explore it at interview.');
  await page.getByRole('button', { name: 'Record what the panel agreed' }).click();
  await expect(page.getByRole('main')).toContainText('we agreed to explore it at interview');
  await page.getByLabel('Yes, invite them to interview').check();
  await page.getByRole('button', { name: 'Record the shortlisting decision' }).click();
  await expect(page.getByRole('main')).toContainText('Invited to interview');
  await expectAccessible(page);
  await signOut(page);

  // ---- HR moves to interview; both score; the chair decides; HR hands on ----
  await signIn(page, 'hr@peerroles.test');
  await page.goto(vacancyUrl);
  await page.getByRole('button', { name: 'Move to interview' }).click();
  await expect(page.getByRole('status')).toContainText('The vacancy has moved on');
  await signOut(page);
  for (const [email, scores] of [
    ['manager.cmht@peerroles.test', { [LIVED]: 3, [VALUES]: 3 }],
    ['peer.cmht@peerroles.test', { [LIVED]: 4, [VALUES]: 3 }],
  ] as const) {
    await signIn(page, email);
    await page.goto(vacancyUrl);
    // From the interview stage the panel sees the name.
    await go(page, candidateName);
    await score(page, 'Interview', scores);
    await signOut(page);
  }
  await signIn(page, 'manager.cmht@peerroles.test');
  await page.goto(vacancyUrl);
  await go(page, candidateName);
  await expect(page.getByRole('table', { name: /Interview scores, every member/u })).toContainText('Meets every essential criterion');
  await page.getByLabel('Appointed', { exact: true }).check();
  await page.getByLabel('Rationale').fill('Strong lived experience and values, shown in both the application and the interview.');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('main')).toContainText('Strong lived experience and values');
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, 'hr@peerroles.test');
  await page.goto(vacancyUrl);
  await page.getByRole('button', { name: 'Record that the vacancy is decided' }).click();
  await expect(page.getByRole('status')).toContainText('The vacancy has moved on');
  await go(page, candidateName);
  await page.getByRole('button', { name: 'Hand on to onboarding' }).click();
  await expect(page.getByRole('status')).toContainText('Handed on to onboarding');
  await expectAccessible(page);
  await page.goto(vacancyUrl);
  await go(page, 'The complete scoring record');
  await expect(page.getByRole('main')).toContainText('Moderation note');
  await expect(page.getByRole('main')).toContainText('Decision: Appointed');
  await signOut(page);
});

test('an administrator sets the panel rule but sees no candidates; a member of one panel cannot open another vacancy', async ({ page }) => {
  await signIn(page, 'admin@peerroles.test');
  await page.goto('/settings/recruitment');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recruitment settings');
  await expectAccessible(page);
  await page.getByLabel('Scorers').fill('0');
  await page.getByRole('button', { name: 'Save recruitment settings' }).click();
  await expect(problem(page)).toContainText('Enter the number of scorers from 1 to 10');
  await expectAccessible(page);
  const response = await page.goto('/recruitment/retention');
  expect(response?.status()).toBe(403);
  await page.goto('/recruitment');
  await expect(page.getByRole('main')).not.toContainText('Bethany Hall');
  await signOut(page);

  // The staff member sits on no panel: the demo vacancy is not found for them.
  await signIn(page, 'hr@peerroles.test');
  await page.goto('/recruitment');
  await page.getByRole('link', { name: 'Peer Support Worker, Northbrook CMHT' }).click();
  await expect(page).toHaveURL(/\/recruitment\/vacancies\/[0-9a-f-]{36}$/u);
  const vacancyUrl = page.url();
  await signOut(page);
  await signIn(page, 'staff.cmht@peerroles.test');
  const refused = await page.goto(vacancyUrl);
  expect(refused?.status()).toBe(404);
  await expectAccessible(page);
  await signOut(page);
});
