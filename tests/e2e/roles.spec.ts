import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn, signOut } from './support';

// One role, from draft to Agreed, through the UI: issue 3's end-to-end journey.
// The steps are serial tests sharing the role they create (a unique title, so the
// seeded roles and foundation.spec.ts are untouched); each signs in as whoever
// acts in it, and axe checks every page visited.

const TEAM = 'Northbrook Community Mental Health Team';
const MANAGER = { email: 'manager.cmht@peerroles.test', name: 'Claire Whitfield' };
const STAFF = { email: 'staff.cmht@peerroles.test', name: 'Daniel Okoro' };
const PEER = { email: 'peer.cmht@peerroles.test', name: 'Jade Thompson' };
const HR = { email: 'hr@peerroles.test', name: 'Priya Patel' };
const ADMIN = { email: 'admin@peerroles.test', name: 'Sarah Mitchell' };
// Manager of another demo team (Riverside EIP). The seed gives her no password:
// the administrator issues her a set-password link during the test.
const OTHER_TEAM_MANAGER = { email: 'helen.price@peerroles.test', name: 'Helen Price', password: 'riverside kettle lantern 2026' };

const CONTESTED = 'Writing in clinical records';
const ROLE_TITLE = `Peer support worker (carers) ${Date.now()}`;
const RESPONSIBILITIES = [
  'Offer one-to-one peer support to carers of people using the team',
  'Co-facilitate the carers’ support group with the family worker',
  'Help carers find community and carers’ organisations that suit them',
];
const RECORDS_LINE = 'Write brief notes of peer support contacts in the records system, agreed with the person; never clinical assessments';
const CONCERN = 'Peer supervision every 4 weeks is not enough in the first months: could it be every 2 weeks until the end of probation?';

/** Addresses found along the way, for later steps and the probes; how many requests wait for the peer worker. */
const found = { role: '', check: '', peerWaiting: -1 };

// Each step signs in several people (argon2 hashing is deliberately slow): more than the default minute.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu' });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
/** The number of waiting requests the header shows beside "Requests" (0 when it shows none). */
async function waitingCount(page: Page): Promise<number> {
  const text = await menu(page).getByRole('link', { name: /^Requests/u }).innerText();
  const match = text.match(/\d+/u);
  return match ? Number(match[0]) : 0;
}
/** A success banner (role="alert"; Next's route announcer is an alert too, so match by text). */
const banner = (page: Page, text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });

/** From the home page, through Teams, to the role's page. */
async function openRole(page: Page): Promise<void> {
  await menu(page).getByRole('link', { name: 'Teams' }).click();
  await page.getByRole('link', { name: TEAM }).click();
  await expect(h1(page)).toContainText(TEAM);
  await page.getByRole('link', { name: ROLE_TITLE }).click();
  await expect(h1(page)).toContainText(ROLE_TITLE);
  await expectAccessible(page);
}

/** From the home page, through Requests, to version 2 for review. */
async function openReviewRequest(page: Page): Promise<void> {
  await menu(page).getByRole('link', { name: 'Requests' }).click();
  await expect(h1(page)).toHaveText('Your requests');
  await expectAccessible(page);
  await page.getByRole('link', { name: `${ROLE_TITLE}, version 2` }).click();
  await expect(h1(page)).toContainText('Version 2');
  await expect(page.getByRole('heading', { name: 'Your review' })).toBeVisible();
  await expectAccessible(page);
}

/** Agrees version 2 from its page, as the person signed in. */
async function agreeVersion2(page: Page, finalBanner = false): Promise<void> {
  await page.getByRole('button', { name: 'Agree this version' }).click();
  await expect(h1(page)).toContainText('Are you sure you want to agree version 2?');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Yes, I agree this version' }).click();
  await expect(page).toHaveURL(/\/versions\/2\?status=agreed/u);
  await expect(banner(page, 'You agreed version 2')).toBeVisible();
  if (finalBanner) await expect(banner(page, 'Every group that must agree it has now agreed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Agree this version' })).toHaveCount(0);
  await expectAccessible(page);
}

/**
 * Answers the expectations check on the questionnaire page: "Sometimes" for every
 * activity, except `recordsAnswer` for writing in clinical records.
 */
async function answerCheck(page: Page, recordsAnswer: 'Core part of the role' | 'Sometimes' | 'Not part of the role'): Promise<void> {
  await expect(h1(page)).toContainText('What do you expect of this role?');
  await expectAccessible(page);
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Send your answers' }) });
  const sometimes = form.getByLabel('Sometimes', { exact: true });
  expect(await sometimes.count()).toBeGreaterThan(20);
  for (const radio of await sometimes.all()) await radio.check();
  await form.getByRole('group', { name: CONTESTED, exact: true }).getByLabel(recordsAnswer, { exact: true }).check();
  await page.getByRole('button', { name: 'Send your answers' }).click();
  await expect(page).toHaveURL(/\/expectations\/[0-9a-f-]{36}\?status=answered/u);
  await expect(banner(page, 'Thank you: your answers have been saved')).toBeVisible();
  await expect(h1(page)).toContainText('Expectations check');
}

test.describe('a role from draft to Agreed', () => {
  test('the manager drafts the role and submits version 1', async ({ page }) => {
    await signIn(page, MANAGER.email);
    await expectAccessible(page);
    await menu(page).getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('link', { name: TEAM }).click();
    await expect(h1(page)).toContainText(TEAM);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Create a role description' }).click();
    await expect(page.getByLabel('What is the role called?')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create role description' }).click();
    await expect(banner(page, 'There is a problem')).toContainText('Enter a title for the role');
    await expectAccessible(page);
    await page.getByLabel('What is the role called?').fill(ROLE_TITLE);
    await page.getByRole('button', { name: 'Create role description' }).click();

    await expect(page).toHaveURL(/\/roles\/[0-9a-f-]{36}\?status=created/u);
    found.role = new URL(page.url()).pathname;
    await expect(banner(page, 'Role description started')).toBeVisible();
    await expect(h1(page)).toContainText(ROLE_TITLE);
    // The template fills most sections; two required ones are left to the manager.
    await expect(page.getByRole('main')).toContainText('You have completed 4 of 6 required sections');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Check and submit' }).click();
    await expect(h1(page)).toContainText('Check the role description before you submit it');
    const cannotSubmit = page.locator('.nhsuk-card--warning');
    await expect(cannotSubmit).toContainText('You cannot submit yet');
    await expect(page.getByRole('button', { name: /^Submit version/u })).toHaveCount(0);
    await expectAccessible(page);

    await cannotSubmit.getByRole('link', { name: 'Key responsibilities', exact: true }).click();
    const responsibilities = page.getByRole('textbox', { name: /Key responsibilities/u });
    await expect(responsibilities).toBeVisible();
    await expectAccessible(page);
    await responsibilities.fill(RESPONSIBILITIES.join('\n'));
    await page.getByRole('button', { name: 'Save and return' }).click();
    await expect(banner(page, '“Key responsibilities” saved')).toBeVisible();
    await expect(h1(page)).toContainText(ROLE_TITLE);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Working arrangements', exact: true }).click();
    await expect(h1(page)).toContainText('Working arrangements');
    await expectAccessible(page);
    await page.getByLabel('Permanent', { exact: true }).check();
    await page.getByLabel('Hours per week').fill('22.5');
    for (const day of ['Monday', 'Tuesday', 'Thursday']) await page.getByLabel(day, { exact: true }).check();
    await page.getByLabel('Pay band (optional)').fill('Band 3 (Agenda for Change)');
    await page.getByRole('button', { name: 'Save and return' }).click();
    await expect(banner(page, '“Working arrangements” saved')).toBeVisible();
    await expect(page.getByRole('main')).toContainText('You have completed 6 of 6 required sections');
    await expectAccessible(page);

    await banner(page, '“Working arrangements” saved').getByRole('link', { name: 'check and submit the description' }).click();
    await expect(h1(page)).toContainText('Check the role description before you submit it');
    await expect(page.getByRole('main')).toContainText(RESPONSIBILITIES[0]);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Submit version 1 for agreement' }).click();

    await expect(page).toHaveURL(/\/versions\/1\?status=submitted/u);
    await expect(banner(page, 'Version 1 submitted for agreement')).toBeVisible();
    await expect(h1(page)).toContainText('Version 1');
    await expect(page.getByRole('main')).toContainText('In review');
    await expectAccessible(page);
    await signOut(page);
  });

  test('three people answer the expectations check; only the manager sees the results while it is open', async ({ page }) => {
    await signIn(page, MANAGER.email);
    await openRole(page);
    await page.getByRole('button', { name: 'Send an expectations check' }).click();
    await expect(h1(page)).toContainText('Send an expectations check');
    await expectAccessible(page);
    for (const person of [MANAGER, STAFF, PEER]) await page.getByLabel(person.name, { exact: true }).check();
    await page.getByRole('button', { name: 'Send the expectations check' }).click();
    await expect(page).toHaveURL(/\/expectations\/[0-9a-f-]{36}\?status=sent/u);
    found.check = new URL(page.url()).pathname;

    // The manager asked herself too, so she answers first.
    await answerCheck(page, 'Sometimes');
    await expect(page.getByRole('main')).toContainText('1 of 3 people have answered');
    await expectAccessible(page);
    await signOut(page);

    // Non-peer staff: writing in clinical records is not part of a peer worker's role.
    await signIn(page, STAFF.email);
    await menu(page).getByRole('link', { name: 'Requests' }).click();
    await expect(h1(page)).toHaveText('Your requests');
    await expectAccessible(page);
    await page.getByRole('region', { name: /^Expectations checks to answer/u }).getByRole('link', { name: ROLE_TITLE }).click();
    await answerCheck(page, 'Not part of the role');
    await expect(page.getByRole('main')).toContainText('2 of 3 people have answered');
    await expectAccessible(page);
    await signOut(page);

    // The peer worker: it is core. The header counts the check among what waits for them.
    await signIn(page, PEER.email);
    const waitingWithCheck = await waitingCount(page);
    expect(waitingWithCheck).toBeGreaterThanOrEqual(1);
    await menu(page).getByRole('link', { name: 'Requests' }).click();
    await expect(h1(page)).toHaveText('Your requests');
    await page.getByRole('region', { name: /^Expectations checks to answer/u }).getByRole('link', { name: ROLE_TITLE }).click();
    await answerCheck(page, 'Core part of the role');
    await expect(page.getByRole('main')).toContainText('3 of 3 people have answered');
    // Still open: the peer worker sees their own answers and when the results will be shared, nothing of the others'.
    await expect(page.getByRole('main')).toContainText(`The results will be shared with everyone who took part when ${MANAGER.name} closes the check.`);
    await expect(page.getByRole('table', { name: 'Your answers' })).toContainText(CONTESTED);
    await expect(page.getByRole('heading', { name: /^Contested activities/u })).toHaveCount(0);
    await expectAccessible(page);
    // Answered: one fewer waiting (the header is drawn afresh on a full page load).
    await page.goto('/requests');
    await expect.poll(() => waitingCount(page)).toBe(waitingWithCheck - 1);
    found.peerWaiting = waitingWithCheck - 1;
    await signOut(page);
  });

  test('the manager closes the check, settles the contested activity in the description and submits version 2 for review', async ({ page }) => {
    await signIn(page, MANAGER.email);
    await openRole(page);
    await page.getByRole('link', { name: /^Check sent/u }).click();
    await expect(page).toHaveURL(new RegExp(`${found.check}$`, 'u'));
    await expect(h1(page)).toContainText('Expectations check');
    await expect(page.getByRole('main')).toContainText('1 activity is contested: 0 settled, 1 still to settle');
    await expectAccessible(page);

    // Everyone has answered: the manager closes the check, sharing the results with them and freezing their answers.
    await expect(page.getByRole('main')).toContainText('When you close the check, everyone who took part can see the results');
    await page.getByRole('button', { name: 'Close the check and share the results' }).click();
    await expect(page).toHaveURL(/\?status=closed/u);
    await expect(banner(page, 'Expectations check closed')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Close the check and share the results' })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: new RegExp(`^Record how this was settled\\s*: ${CONTESTED}$`, 'u') }).click();
    await expect(h1(page)).toContainText('How was this settled?');
    await expect(h1(page)).toContainText(CONTESTED);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save decision' }).click();
    await expect(banner(page, 'There is a problem')).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Clarified in the description').check();
    await page.getByLabel('Which section of the role description says so?').selectOption({ label: 'Key responsibilities' });
    await page.getByLabel('What was decided').fill('Peer workers write brief notes of their contacts, agreed with the person, as colleagues do; they do not write clinical assessments.');
    await page.getByRole('button', { name: 'Save decision' }).click();

    await expect(page).toHaveURL(/\?status=settled/u);
    const settled = banner(page, `You recorded how “${CONTESTED}” was settled`);
    await expect(settled).toBeVisible();
    await expect(page.getByRole('main')).toContainText('1 activity is contested: 1 settled, 0 still to settle');
    await expectAccessible(page);

    // Write the decision into the description, then submit it as version 2.
    await settled.getByRole('link', { name: 'edit “Key responsibilities” in the draft' }).click();
    const responsibilities = page.getByRole('textbox', { name: /Key responsibilities/u });
    await expect(responsibilities).toHaveValue(RESPONSIBILITIES.join('\n'));
    await expectAccessible(page);
    await responsibilities.fill([...RESPONSIBILITIES, RECORDS_LINE].join('\n'));
    await page.getByRole('button', { name: 'Save and return' }).click();
    const saved = banner(page, '“Key responsibilities” saved');
    await expect(saved).toBeVisible();
    await expectAccessible(page);
    await saved.getByRole('link', { name: 'check and submit the description' }).click();
    await expect(h1(page)).toContainText('Check the role description before you submit it');
    await expect(page.getByRole('main')).toContainText(RECORDS_LINE);
    await expect(page.getByRole('main')).toContainText('Version 1 is still in review. It will be replaced by version 2');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Submit version 2 for agreement' }).click();
    await expect(page).toHaveURL(/\/versions\/2\?status=submitted/u);
    const submitted = banner(page, 'Version 2 submitted for agreement');
    await expect(submitted).toBeVisible();
    await expectAccessible(page);

    // Reviewers from every group the default policy needs: manager, non-peer staff, peer worker, HR.
    await submitted.getByRole('link', { name: 'invite reviewers' }).click();
    await expect(h1(page)).toContainText('Invite reviewers');
    await expectAccessible(page);
    for (const person of [MANAGER, STAFF, PEER, HR]) await page.getByLabel(person.name, { exact: true }).check();
    await page.getByRole('button', { name: 'Invite selected reviewers' }).click();
    await expect(page).toHaveURL(/\/versions\/2\?status=invited/u);
    await expect(banner(page, '4 reviewers invited')).toBeVisible();
    const reviewers = page.getByRole('table', { name: 'Reviewers invited to this version' });
    for (const person of [MANAGER, STAFF, PEER, HR]) await expect(reviewers).toContainText(person.name);
    await expectAccessible(page);
    await signOut(page);
  });

  test('the demo outbox shows the emails to the invited reviewers', async ({ page }) => {
    await signIn(page, ADMIN.email);
    await menu(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Reminders and emails' }).click();
    await expect(h1(page)).toHaveText('Reminders and emails');
    await expect(page.getByLabel('After how many working days should people be reminded?')).toHaveValue('3');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Emails kept in the outbox' }).click();
    await expect(h1(page)).toHaveText('Email outbox');
    // The worker sends within seconds of the invitation: the manager invited herself, so three emails, not four.
    const subject = `Please review: ${ROLE_TITLE} (${TEAM})`;
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('heading', { name: subject })).toHaveCount(3);
    }).toPass({ timeout: 30_000 });
    const toStaff = page.getByRole('listitem').filter({ hasText: `To ${STAFF.email}` }).filter({ has: page.getByRole('heading', { name: subject }) });
    await toStaff.getByText('Read the email').click();
    await expect(toStaff).toContainText(/\/teams\/[0-9a-f-]{36}\/roles\/[0-9a-f-]{36}\/versions\/2/u);
    await expect(toStaff).not.toContainText(RECORDS_LINE);
    await expectAccessible(page);

    await menu(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Failed background jobs' }).click();
    await expect(h1(page)).toHaveText('Failed background jobs');
    await expect(page.getByRole('main')).toContainText('No failed jobs');
    await expectAccessible(page);

    // Anyone chooses their own emails on My account.
    await menu(page).getByRole('link', { name: 'My account' }).click();
    await page.getByRole('link', { name: 'Change email notifications' }).click();
    await expect(h1(page)).toHaveText('Email notifications');
    await expectAccessible(page);
    await page.getByLabel('One summary a day').check();
    await page.getByLabel('A role I manage is agreed').uncheck();
    await page.getByRole('button', { name: 'Save email notifications' }).click();
    await expect(banner(page, 'Your email notifications have been changed')).toBeVisible();
    // Sixteen kinds a person can switch off since supervision’s three (lib/notifications/rules.ts MUTABLE_KINDS).
    await expect(page.getByRole('main')).toContainText('About 15 of 16 kinds of request');
    await expectAccessible(page);
    await signOut(page);
  });

  test('a reviewer raises a concern about a section, and the manager resolves it', async ({ page }) => {
    await signIn(page, PEER.email);
    // Invited to review: the header's count has gone up by one.
    expect(found.peerWaiting).toBeGreaterThanOrEqual(0);
    await expect.poll(() => waitingCount(page)).toBe(found.peerWaiting + 1);
    // The check has closed: the peer worker now sees its results, and how the contested activity was settled.
    await page.goto(found.check);
    await expect(page.getByRole('heading', { name: 'Contested activities (1)' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: CONTESTED })).toBeVisible();
    await expectAccessible(page);
    await openReviewRequest(page);
    await page.getByRole('region', { name: 'Supervision and support', exact: true }).getByRole('link', { name: /^Raise a concern\s+about this section$/u }).click();
    await expect(h1(page)).toContainText('Raise a concern');
    await expect(page.getByLabel('Which section is it about?')).toHaveValue('supervision');
    await expectAccessible(page);
    await page.getByLabel('What is your concern?').fill(CONCERN);
    await page.getByRole('button', { name: 'Raise concern' }).click();
    await expect(page).toHaveURL(/\/versions\/2\?status=concern-raised/u);
    await expect(banner(page, 'Concern raised')).toBeVisible();
    const concerns = page.getByRole('region', { name: 'Concerns', exact: true });
    await expect(concerns).toContainText('About Supervision and support');
    await expect(concerns).toContainText(CONCERN);
    await expect(page.getByRole('region', { name: 'Supervision and support', exact: true }).getByRole('link', { name: '1 open concern' })).toBeVisible();
    await expectAccessible(page);
    await signOut(page);

    // Non-peer staff agree while the concern is open: the version stays in review.
    await signIn(page, STAFF.email);
    await openReviewRequest(page);
    await page.getByRole('button', { name: 'Agree this version' }).click();
    await expect(h1(page)).toContainText('Are you sure you want to agree version 2?');
    await expect(page.getByRole('main')).toContainText('There is 1 open concern on this version');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Yes, I agree this version' }).click();
    await expect(page).toHaveURL(/\/versions\/2\?status=agreed/u);
    await expect(banner(page, 'You agreed version 2')).toBeVisible();
    const agreement = page.getByRole('region', { name: 'Agreement', exact: true });
    await expect(agreement).toContainText('the open concern to be resolved');
    await expect(page.getByRole('main')).toContainText('In review');
    await expectAccessible(page);
    await signOut(page);

    // The manager resolves it, saying why (it is someone else's concern).
    await signIn(page, MANAGER.email);
    await openRole(page);
    await expect(page.getByRole('main')).toContainText('Version 2 is in review: 1 of 4 reviewers has agreed it.');
    await page.getByRole('link', { name: 'Version 2', exact: true }).first().click();
    await expect(h1(page)).toContainText('Version 2');
    await expectAccessible(page);
    await page.getByRole('link', { name: /^Resolve\s+the concern about Supervision and support$/u }).click();
    await expect(h1(page)).toContainText('Resolve the concern about Supervision and support');
    await expect(page.getByRole('main')).toContainText(CONCERN);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Resolve concern' }).click();
    await expect(banner(page, 'There is a problem')).toContainText('Enter why you are resolving a concern someone else raised');
    await expectAccessible(page);
    await page.getByLabel('Why are you resolving it?').fill('Agreed with Jade: peer supervision is every 4 weeks, with extra sessions on request during probation.');
    await page.getByRole('button', { name: 'Resolve concern' }).click();
    await expect(page).toHaveURL(/\/versions\/2\?status=concern-resolved/u);
    await expect(banner(page, 'Concern resolved')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Concerns', exact: true })).toContainText(`Resolved by ${MANAGER.name}`);
    await expect(page.getByRole('region', { name: 'Agreement', exact: true })).not.toContainText('open concern');
    await expectAccessible(page);
    await signOut(page);
  });

  test('the other reviewers agree, and the role shows Agreed', async ({ page }) => {
    for (const reviewer of [PEER, HR]) {
      await signIn(page, reviewer.email);
      await openReviewRequest(page);
      await agreeVersion2(page);
      await expect(page.getByRole('main')).toContainText('In review');
      await signOut(page);
    }

    // The manager's agreement is the last one the policy needs.
    await signIn(page, MANAGER.email);
    await openRole(page);
    await expect(page.getByRole('main')).toContainText('Version 2 is in review: 3 of 4 reviewers have agreed it.');
    await page.getByRole('link', { name: 'Version 2', exact: true }).first().click();
    await expect(h1(page)).toContainText('Version 2');
    await expectAccessible(page);
    await agreeVersion2(page, true);
    const agreement = page.getByRole('region', { name: 'Agreement', exact: true });
    await expect(agreement).toContainText("Everyone the team's agreement policy requires has agreed this version");
    for (const person of [MANAGER, STAFF, PEER, HR]) await expect(agreement.getByRole('table', { name: 'Who agreed this version' })).toContainText(person.name);

    await page.getByRole('link', { name: 'All versions of this role' }).click();
    await expect(h1(page)).toContainText(ROLE_TITLE);
    await expect(page.getByRole('main')).toContainText(/Agreed\s*Version 2 is the agreed description/u);
    const versions = page.getByRole('table', { name: 'Versions of this role description' });
    await expect(versions.getByRole('row', { name: /^Version 2 /u })).toContainText('Agreed');
    await expect(versions.getByRole('row', { name: /^Version 1 /u })).toContainText('Superseded');
    await expectAccessible(page);

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: TEAM }).click();
    await expect(h1(page)).toContainText(TEAM);
    await expect(page.getByRole('table', { name: 'Peer worker roles' }).getByRole('row').filter({ hasText: ROLE_TITLE })).toContainText('Agreed (version 2)');
    await expectAccessible(page);
    await signOut(page);
  });

  test('the manager compares the two versions and prints the agreed one', async ({ page }) => {
    await signIn(page, MANAGER.email);
    await openRole(page);
    await page.getByRole('link', { name: 'Compare with version 1' }).click();
    await expect(h1(page)).toContainText('Compare versions');
    await expect(page.getByRole('main')).toContainText('Comparing version 1 with version 2. 1 of 8 sections changed.');
    const changed = page.getByRole('region', { name: 'Key responsibilities', exact: true });
    await expect(changed.locator('ins')).toContainText(RECORDS_LINE);
    await expect(page.getByRole('region', { name: 'Supervision and support', exact: true })).toContainText('No changes');
    await expectAccessible(page);

    // The same two, the other way round, chosen with the form.
    await page.getByLabel('From', { exact: true }).selectOption({ label: 'Version 2' });
    await page.getByLabel('To', { exact: true }).selectOption({ label: 'Version 1' });
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page).toHaveURL(/from=2&to=1/u);
    await expect(page.getByRole('main')).toContainText('Comparing version 2 with version 1. 1 of 8 sections changed.');
    await expect(page.getByRole('region', { name: 'Key responsibilities', exact: true }).locator('del')).toContainText(RECORDS_LINE);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'version 1', exact: true }).first().click();
    await expect(h1(page)).toContainText('Version 1');
    await expect(page.getByRole('main')).toContainText('Superseded');
    await page.getByRole('link', { name: 'version 2', exact: true }).click();
    await expect(h1(page)).toContainText('Version 2');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Print this version' }).click();
    await expect(h1(page)).toContainText(ROLE_TITLE);
    await expect(h1(page)).toContainText(/Agreed – version 2, agreed on/u);
    await expect(page).toHaveTitle(new RegExp(`version 2 \\(agreed\\)`, 'u'));
    await expect(page.getByRole('main')).toContainText(RECORDS_LINE);
    const record = page.getByRole('table', { name: 'Agreement record' });
    for (const person of [MANAGER, STAFF, PEER, HR]) await expect(record).toContainText(person.name);
    const printButton = page.getByRole('button', { name: 'Print this page' });
    await expect(printButton).toBeVisible();
    await expectAccessible(page);
    // On paper: the description and its record, without the page's controls.
    await page.emulateMedia({ media: 'print' });
    await expect(printButton).toBeHidden();
    await expect(page.getByRole('link', { name: 'Back to version 2' })).toBeHidden();
    await expect(record).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    await expect(printButton).toBeVisible();
    await signOut(page);
  });

  test('a person from another team, and a signed-out request, see nothing of the role', async ({ page, request }) => {
    const rolePages = [found.role, `${found.role}/versions/2`, `${found.role}/versions/2/print`, `${found.role}/compare`, found.check];

    // The other team's manager has no password in the demo data: the administrator issues a set-password link.
    await signIn(page, ADMIN.email);
    await menu(page).getByRole('link', { name: 'People' }).click();
    await page.getByLabel('Name or email address').fill(OTHER_TEAM_MANAGER.email);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: OTHER_TEAM_MANAGER.name, exact: true }).click();
    await expect(h1(page)).toContainText(OTHER_TEAM_MANAGER.name);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create a new set-password link' }).click();
    const link = page.getByLabel(`Link for ${OTHER_TEAM_MANAGER.name} to set their password`);
    await expect(link).toHaveValue(/\/set-password\//u);
    await expectAccessible(page);
    const setPasswordPath = new URL(await link.inputValue()).pathname;
    await signOut(page);

    await page.goto(setPasswordPath);
    await expect(h1(page)).toHaveText('Set your password');
    await page.getByLabel('Create a password', { exact: true }).fill(OTHER_TEAM_MANAGER.password);
    await page.getByLabel('Confirm your password', { exact: true }).fill(OTHER_TEAM_MANAGER.password);
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(h1(page)).toHaveText('Your password has been set');
    await expectAccessible(page);

    await signIn(page, OTHER_TEAM_MANAGER.email, OTHER_TEAM_MANAGER.password);
    for (const path of rolePages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(h1(page)).toHaveText('Page not found');
      await expect(page.getByRole('main')).not.toContainText(ROLE_TITLE);
      await expect(page).not.toHaveTitle(new RegExp(ROLE_TITLE.replace(/[()]/gu, '\\$&'), 'u'));
      await expectAccessible(page);
    }
    // Nor is it among her requests.
    await menu(page).getByRole('link', { name: 'Requests' }).click();
    await expect(h1(page)).toHaveText('Your requests');
    await expect(page.getByRole('main')).not.toContainText(ROLE_TITLE);
    await signOut(page);

    for (const path of rolePages) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect([302, 303, 307, 308], path).toContain(response.status());
      expect(response.headers().location ?? '', path).toContain('/sign-in');
      expect(await response.text(), path).not.toContain(ROLE_TITLE);
    }
  });
});
