// Who may open the notification pages: the demo outbox, reminder settings and
// failed jobs are for administrators only (an email can carry a set-password
// link); everyone signed in chooses their own emails. Refusals are the 403 page,
// and a signed-out visitor goes to sign in.
import NotificationPreferencePage from '@/app/(app)/account/notifications/page';
import FailedJobsPage from '@/app/(app)/settings/(jobs)/jobs/page';
import NotificationSettingsPage from '@/app/(app)/settings/(notifications)/notifications/page';
import OutboxPage from '@/app/(app)/settings/(notifications)/outbox/page';
import { db } from '@/lib/db';
import { getOutbox } from '@/lib/notifications/load';
import { buildWorld, CALLERS, callerUser, type Caller, type World } from '../factories';
import { NavigationError } from '../support/next-navigation';
import { signInAs } from '../support/session';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
  await db.outboxEmail.create({ data: { to: world.newcomer.email, subject: 'Set your PeerRoles password', text: 'Use this link: https://peerroles.example/set-password/secret-token', html: '<p>link</p>' } });
});

const search = { searchParams: Promise.resolve({}) };
const PAGES: Record<string, { render: () => Promise<unknown>; allowed: readonly Caller[] }> = {
  '/settings/outbox': { render: () => OutboxPage(search), allowed: ['admin'] },
  '/settings/notifications': { render: () => NotificationSettingsPage(search), allowed: ['admin'] },
  '/settings/jobs': { render: () => FailedJobsPage(search), allowed: ['admin'] },
  '/account/notifications': { render: () => NotificationPreferencePage(), allowed: CALLERS.filter((caller) => caller !== 'signedOut') },
};

async function outcome(render: () => Promise<unknown>): Promise<'shown' | 'forbidden' | 'sign in'> {
  try {
    await render();
    return 'shown';
  } catch (error) {
    if (error instanceof NavigationError && error.kind === 'forbidden') return 'forbidden';
    if (error instanceof NavigationError && error.kind === 'redirect' && error.location?.startsWith('/sign-in')) return 'sign in';
    throw error;
  }
}

describe.each(Object.entries(PAGES))('%s', (_path, page) => {
  it.each(CALLERS.map((caller) => [caller] as const))('as %s', async (caller) => {
    signInAs(callerUser(world, caller));
    const expected = caller === 'signedOut' ? 'sign in' : page.allowed.includes(caller) ? 'shown' : 'forbidden';
    expect(await outcome(page.render)).toBe(expected);
  });
});

describe('the outbox', () => {
  it('lists kept emails newest first, and says so when no mail server is set', async () => {
    const outbox = await getOutbox(1);
    expect(outbox.mode).toBe('outbox');
    expect(outbox.items[0]).toMatchObject({ to: world.newcomer.email, subject: 'Set your PeerRoles password' });
  });
});
