// Every server action, called by every kind of person, against the permission
// table. The table below is written out by hand from lib/permissions.ts on
// purpose: changing who may do something must change this file too. An action
// that is not in the table, or a table entry with no action, fails the test.
import { db } from '@/lib/db';
import {
  buildWorld,
  CALLERS,
  callerUser,
  createInvitation,
  hashOfTestPassword,
  TEST_PASSWORD,
  type Caller,
  type FactoryUser,
  type World,
} from '../factories';
import { discoverActions } from '../support/actions';
import { signInAs } from '../support/session';
import { snapshotDatabase } from '../support/snapshot';

const NEW_PASSWORD = 'a brand new passphrase for the matrix';

const EVERYONE_SIGNED_IN: Caller[] = ['admin', 'hr', 'managerOfThisTeam', 'managerOfOtherTeam', 'staff', 'peerWorker', 'serviceUserRep'];
const ADMIN_ONLY: Caller[] = ['admin'];

interface MatrixEntry {
  /** Who may call it; everyone else is refused. */
  allowed: readonly Caller[];
  /** A valid input for this world. May prepare the world first (that is not part of what is checked). */
  input: (world: World, caller: FactoryUser | null) => unknown | Promise<unknown>;
}

const MATRIX: Record<string, MatrixEntry> = {
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
};

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
    for (const entry of Object.values(MATRIX)) for (const caller of entry.allowed) expect(CALLERS).toContain(caller);
  });
});

let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashOfTestPassword();
});

describe.each(Object.keys(MATRIX))('%s', (name) => {
  const entry = MATRIX[name];

  it.each(CALLERS.map((caller) => [caller, entry.allowed.includes(caller) ? 'allowed' : 'refused'] as const))('%s is %s', async (caller, expectation) => {
    const discovered = discoveredByName.get(name);
    if (!discovered) throw new Error(`No server action named ${name} exists any more: remove it from MATRIX`);

    // A fresh world for every call, so each starts from the same state.
    const world = await buildWorld({ passwordHash });
    const user = callerUser(world, caller);
    const input = await entry.input(world, user);
    signInAs(user);
    const before = await snapshotDatabase(world);

    const result = await discovered.action(null, input);

    if (expectation === 'allowed') {
      expect(result).toMatchObject({ ok: true });
      const after = await snapshotDatabase(world);
      // Exactly one audit event, naming the action and who did it.
      expect(after.counts.auditEvents).toBe(before.counts.auditEvents + 1);
      const [event] = await db.auditEvent.findMany({ orderBy: [{ createdAt: 'desc' }], take: 1 });
      expect(event).toMatchObject({ action: name, actorId: discovered.permission === 'public' ? null : user?.id });
      expect(after).not.toEqual(before);
    } else {
      expect(result).toMatchObject({ ok: false, code: caller === 'signedOut' ? 'UNAUTHENTICATED' : 'FORBIDDEN' });
      // Refused means nothing changed: no audit event, no row touched.
      expect(await snapshotDatabase(world)).toEqual(before);
    }
  });
});
