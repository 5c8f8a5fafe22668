// Every server action, called by every kind of person, against the permission
// table. The table below is written out by hand from lib/permissions.ts on
// purpose: changing who may do something must change this file too. An action
// that is not in the table, or a table entry with no action, fails the test.
// An action whose refusal depends on the record (a team's own activity or an
// organisation-wide one) lists each case as a scenario.
import { db } from '@/lib/db';
import { currentTemplate } from '@/lib/roles/template';
import {
  activityCatalogue,
  answersFor,
  buildWorld,
  CALLERS,
  callerUser,
  createActivity,
  createCheck,
  createConcern,
  createInvitation,
  createRole,
  hashOfTestPassword,
  roleInReview,
  TEST_PASSWORD,
  type Caller,
  type FactoryUser,
  type World,
} from '../factories';
import { discoverActions } from '../support/actions';
import { createFailedJob } from '../support/jobs';
import { signInAs } from '../support/session';
import { snapshotDatabase } from '../support/snapshot';

const NEW_PASSWORD = 'a brand new passphrase for the matrix';

const EVERYONE_SIGNED_IN: Caller[] = ['admin', 'hr', 'managerOfThisTeam', 'managerOfOtherTeam', 'staff', 'peerWorker', 'serviceUserRep'];
const ADMIN_ONLY: Caller[] = ['admin'];
/** Who may draft this team's roles: an administrator and the team's own manager. */
const THIS_TEAM_DRAFTERS: Caller[] = ['admin', 'managerOfThisTeam'];
/**
 * roleInReview() invites the team's non-peer staff member and the service-user
 * representative (from outside the team). Nobody else is a reviewer: not the
 * peer worker of the same team, not the manager, not even an administrator.
 */
const INVITED_REVIEWERS: Caller[] = ['staff', 'serviceUserRep'];

const newRole = (world: World) => createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam });

interface MatrixEntry {
  /** Who may call it; everyone else is refused. */
  allowed: readonly Caller[];
  /** A valid input for this world. May prepare the world first (that is not part of what is checked). */
  input: (world: World, caller: FactoryUser | null) => unknown | Promise<unknown>;
}

const MATRIX: Record<string, MatrixEntry | { scenarios: Record<string, MatrixEntry> }> = {
  'team.create': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ name: `Matrix New Team ${world.suffix}`, serviceType: 'PERINATAL', description: 'Created by the matrix' }),
  },
  'team.update': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ teamId: world.thisTeam.id, version: world.thisTeam.version, name: `${world.thisTeam.name} renamed`, serviceType: 'RECOVERY_COLLEGE' }),
  },
  'team.archive': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ teamId: world.thisTeam.id, version: world.thisTeam.version }),
  },
  'team.restore': {
    allowed: ADMIN_ONLY,
    input: async (world) => {
      await db.team.update({ where: { id: world.thisTeam.id }, data: { archivedAt: new Date(), version: { increment: 1 } } });
      return { teamId: world.thisTeam.id, version: world.thisTeam.version + 1 };
    },
  },
  'team.member.add': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ teamId: world.thisTeam.id, userId: world.newcomer.id, role: 'PEER_WORKER' }),
  },
  'team.member.remove': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ teamId: world.thisTeam.id, membershipId: world.memberships.peerWorker.id }),
  },
  'person.create': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ name: 'Matrix Newcomer', email: `matrix-created-${world.suffix}@peerroles.test`, jobTitle: 'Support worker', orgRole: 'ADMIN' }),
  },
  'person.update': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ userId: world.staff.id, version: world.staff.version, name: 'Renamed By Matrix', email: world.staff.email, jobTitle: 'Ward manager', orgRole: 'ADMIN' }),
  },
  'person.disable': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ userId: world.staff.id, version: world.staff.version }),
  },
  'person.enable': {
    allowed: ADMIN_ONLY,
    input: async (world) => {
      await db.user.update({ where: { id: world.newcomer.id }, data: { disabledAt: new Date(), version: { increment: 1 } } });
      return { userId: world.newcomer.id, version: world.newcomer.version + 1 };
    },
  },
  'person.invite': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ userId: world.newcomer.id }),
  },
  'person.signIn.unlock': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ userId: world.newcomer.id }),
  },
  'person.sessions.end': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ userId: world.newcomer.id }),
  },
  'account.sessions.end': {
    allowed: EVERYONE_SIGNED_IN,
    input: () => ({}),
  },
  'account.name.update': {
    allowed: EVERYONE_SIGNED_IN,
    input: (_world, caller) => ({ name: 'My New Name', version: caller?.version ?? 1 }),
  },
  'account.password.change': {
    allowed: EVERYONE_SIGNED_IN,
    input: () => ({ currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
  },
  // The one-time link is the credential: whoever holds it may use it, signed in or not.
  'account.password.set': {
    allowed: CALLERS,
    input: async (world) => {
      const { token } = await createInvitation(world.newcomer, { createdBy: world.admin });
      return { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    },
  },
  'account.notifications.update': {
    allowed: EVERYONE_SIGNED_IN,
    input: () => ({ delivery: 'DAILY_DIGEST', emailed: ['REVIEW_REQUESTED', 'REMINDER'] }),
  },
  'notifications.settings.update': {
    allowed: ADMIN_ONLY,
    input: async () => ({ reminderWorkingDays: 5, version: (await db.notificationSettings.findUnique({ where: { id: 1 }, select: { version: true } }))?.version ?? 1 }),
  },
  // A real failed pg-boss job (the schema is created on first use).
  'job.retry': {
    allowed: ADMIN_ONLY,
    input: async (world) => {
      const notification = await db.notification.create({ data: { kind: 'VERSION_AGREED', recipientId: world.managerOfThisTeam.id, path: '/requests', emailState: 'SENDING' }, select: { id: true } });
      return { jobId: await createFailedJob(notification.id) };
    },
  },
  'role.create': {
    allowed: THIS_TEAM_DRAFTERS,
    input: (world) => ({ teamId: world.thisTeam.id, title: 'Peer support worker' }),
  },
  'role.draft.save': {
    allowed: THIS_TEAM_DRAFTERS,
    input: async (world) => {
      const role = await newRole(world);
      return { roleId: role.id, draftVersion: role.draftVersion, section: 'purpose', value: { text: 'To offer peer support drawing on lived experience.' } };
    },
  },
  'role.submit': {
    allowed: THIS_TEAM_DRAFTERS,
    input: async (world) => {
      const role = await newRole(world);
      return { roleId: role.id, draftVersion: role.draftVersion };
    },
  },
  'role.reviewers.invite': {
    allowed: THIS_TEAM_DRAFTERS,
    input: async (world) => {
      const { version } = await roleInReview(world);
      return { versionId: version.id, userIds: [world.peerWorker.id, world.hr.id] };
    },
  },
  'role.version.agree': {
    allowed: INVITED_REVIEWERS,
    input: async (world) => ({ versionId: (await roleInReview(world)).version.id }),
  },
  'role.concern.raise': {
    allowed: INVITED_REVIEWERS,
    input: async (world) => ({ versionId: (await roleInReview(world)).version.id, section: 'working', comment: 'Peer workers should have the same access to the records system.' }),
  },
  // Reviewers of the version, and whoever manages the team's roles.
  'role.concern.reply': {
    allowed: ['admin', 'managerOfThisTeam', ...INVITED_REVIEWERS],
    input: async (world) => {
      const { version } = await roleInReview(world);
      const concern = await createConcern(version, world.staff);
      return { concernId: concern.id, body: 'Thank you: we will change this in the next version.' };
    },
  },
  // The concern is the staff member's own; the manager and an administrator may resolve it with a reason.
  // The representative reviews the same version but did not raise it.
  'role.concern.resolve': {
    allowed: ['admin', 'managerOfThisTeam', 'staff'],
    input: async (world) => {
      const { version } = await roleInReview(world);
      const concern = await createConcern(version, world.staff);
      return { concernId: concern.id, reason: 'Changed in the draft for the next version.' };
    },
  },
  'role.expectations.send': {
    allowed: THIS_TEAM_DRAFTERS,
    input: async (world) => {
      const role = await newRole(world);
      return { roleId: role.id, userIds: [world.staff.id, world.peerWorker.id, world.serviceUserRep.id, world.hr.id] };
    },
  },
  // Only the people the check was sent to: here the manager, the peer worker, HR and the representative, not the staff member.
  'role.expectations.answer': {
    allowed: ['managerOfThisTeam', 'peerWorker', 'hr', 'serviceUserRep'],
    input: async (world) => {
      const role = await newRole(world);
      const check = await createCheck(role, world.managerOfThisTeam, [world.managerOfThisTeam, world.peerWorker, world.hr, world.serviceUserRep].map((user) => ({ user })));
      return { checkId: check.id, answers: answersFor(await activityCatalogue(world.thisTeam), { default: 'SOMETIMES' }) };
    },
  },
  // Closing a check is for whoever drafts the team's roles, not for the people it was sent to (here the peer worker, HR and the representative).
  'role.expectations.close': {
    allowed: THIS_TEAM_DRAFTERS,
    input: async (world) => {
      const role = await newRole(world);
      const check = await createCheck(role, world.managerOfThisTeam, [
        { user: world.peerWorker, answers: { default: 'CORE' } },
        { user: world.hr, answers: { default: 'SOMETIMES' } },
        { user: world.serviceUserRep },
      ]);
      return { checkId: check.id };
    },
  },
  'role.contested.resolve': {
    allowed: THIS_TEAM_DRAFTERS,
    input: async (world) => {
      const role = await newRole(world);
      const check = await createCheck(role, world.managerOfThisTeam, [
        { user: world.peerWorker, answers: { default: 'SOMETIMES', byName: { 'Writing in clinical records': 'CORE' } } },
        { user: world.staff, answers: { default: 'SOMETIMES', byName: { 'Writing in clinical records': 'NOT_PART' } } },
      ]);
      const activity = check.catalogue.find((entry) => entry.name === 'Writing in clinical records')!;
      return { checkId: check.id, activityId: activity.id, outcome: 'INCLUDED', section: 'responsibilities', note: 'Peer workers record their contacts in the clinical record.' };
    },
  },
  'role.template.update': {
    allowed: ADMIN_ONLY,
    input: async () => {
      const template = await currentTemplate();
      return {
        version: template.version,
        purpose: 'To offer peer support to people using the service.',
        training: 'Peer support training.',
        progression: 'Senior peer support worker.',
        valueOptions: template.valueOptions.join('\n'),
        notPartOptions: template.notPartOptions.join('\n'),
      };
    },
  },
  'activity.create': {
    scenarios: {
      "a team's own activity": {
        allowed: THIS_TEAM_DRAFTERS,
        input: (world) => ({ teamId: world.thisTeam.id, name: `Matrix team activity ${world.suffix}`, description: 'Added by the matrix' }),
      },
      'an organisation-wide activity': {
        allowed: ADMIN_ONLY,
        input: (world) => ({ teamId: '', name: `Matrix organisation activity ${world.suffix}` }),
      },
    },
  },
  'activity.archive': {
    scenarios: {
      "a team's own activity": {
        allowed: THIS_TEAM_DRAFTERS,
        input: async (world) => ({ activityId: (await createActivity({ team: world.thisTeam })).id }),
      },
      'an organisation-wide activity': {
        allowed: ADMIN_ONLY,
        input: async () => ({ activityId: (await createActivity()).id }),
      },
    },
  },
  'team.policy.update': {
    allowed: ADMIN_ONLY,
    input: (world) => ({ teamId: world.thisTeam.id, version: world.thisTeam.version, minimums: { MANAGER: 1, STAFF: 2, PEER_WORKER: 0, SERVICE_USER_REP: 0, HR: 1, PEER_OR_REP: 1 } }),
  },
};

/** Each action's entry, or each of its scenarios, as [title, action name, entry]. */
const ROWS: Array<[string, string, MatrixEntry]> = Object.entries(MATRIX).flatMap(([name, row]) =>
  'scenarios' in row ? Object.entries(row.scenarios).map(([label, entry]): [string, string, MatrixEntry] => [`${name}: ${label}`, name, entry]) : [[name, name, row]],
);

const discovery = discoverActions();
const discoveredByName = new Map(discovery.actions.map((entry) => [entry.name, entry]));

describe('the matrix covers every action', () => {
  it('finds the actions (discovery works)', () => {
    expect(discovery.actions.length).toBeGreaterThanOrEqual(Object.keys(MATRIX).length);
    expect(discovery.actions.map((entry) => entry.file)).toEqual(expect.arrayContaining(['lib/teams/actions.ts', 'lib/people/actions.ts', 'lib/account/actions.ts']));
  });

  it('has every exported action in the table', () => {
    const missing = discovery.actions.filter((entry) => !(entry.name in MATRIX)).map((entry) => `${entry.name} (${entry.file}: ${entry.exportName})`);
    if (missing.length > 0) throw new Error(`Add these actions to MATRIX in tests/integration/authorization-matrix.test.ts (and to tests/integration/bad-input.test.ts): ${missing.join(', ')}`);
  });

  it('has no table entry without an action', () => {
    const stale = Object.keys(MATRIX).filter((name) => !discoveredByName.has(name));
    if (stale.length > 0) throw new Error(`MATRIX lists actions that no lib/**/actions.ts exports: ${stale.join(', ')}`);
  });

  it('finds only actions that went through lib/action.ts, each with a unique name', () => {
    if (discovery.unwrapped.length > 0) {
      throw new Error(`Every export of an actions.ts file must be made with defineAction/definePublicAction (it declares who may call it): ${discovery.unwrapped.join(', ')}`);
    }
    const names = discovery.actions.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists a real kind of caller for every allowed entry', () => {
    for (const [, , entry] of ROWS) for (const caller of entry.allowed) expect(CALLERS).toContain(caller);
  });
});

let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashOfTestPassword();
});

describe.each(ROWS)('%s', (_title, name, entry) => {
  it.each(CALLERS.map((caller) => [caller, entry.allowed.includes(caller) ? 'allowed' : 'refused'] as const))('%s is %s', async (caller, expectation) => {
    const discovered = discoveredByName.get(name);
    if (!discovered) throw new Error(`No server action named ${name} exists any more: remove it from MATRIX`);

    // A fresh world for every call, so each starts from the same state.
    const world = await buildWorld({ passwordHash });
    const user = callerUser(world, caller);
    const input = await entry.input(world, user);
    signInAs(user);
    const before = await snapshotDatabase();

    const result = await discovered.action(null, input);

    if (expectation === 'allowed') {
      expect(result).toMatchObject({ ok: true });
      const after = await snapshotDatabase();
      // Exactly one audit event, naming the action and who did it.
      expect(after.counts.AuditEvent).toBe(before.counts.AuditEvent + 1);
      const [event] = await db.auditEvent.findMany({ orderBy: [{ createdAt: 'desc' }], take: 1 });
      expect(event).toMatchObject({ action: name, actorId: discovered.permission === 'public' ? null : user?.id });
      expect(after).not.toEqual(before);
    } else {
      expect(result).toMatchObject({ ok: false, code: caller === 'signedOut' ? 'UNAUTHENTICATED' : 'FORBIDDEN' });
      // Refused means nothing changed: no audit event, no row touched.
      expect(await snapshotDatabase()).toEqual(before);
    }
  });
});
