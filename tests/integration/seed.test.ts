import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findUsableInvitation } from '@/lib/auth/invitations';
import { attemptSignIn } from '@/lib/auth/sign-in';
import { db } from '@/lib/db';
import { checkDemoAccounts, seed, SEED_PEOPLE, SEED_TEAMS, type DemoAccount } from '../../prisma/seed';
import { hashOfTestPassword, TEST_PASSWORD } from '../factories';

/** The demo sign-ins as scripts/demo-accounts.mjs lists them (an ES module, so read as text here). */
function demoAccountsFromScript(): DemoAccount[] {
  const source = readFileSync(path.resolve(__dirname, '../../scripts/demo-accounts.mjs'), 'utf8');
  const accounts = [...source.matchAll(/email: '([^']+)', password: DEMO_PASSWORD, orgRole: '(\w+)', teamRole: (?:null|'(\w+)')/gu)].map(
    ([, email, orgRole, teamRole]) => ({ email, password: TEST_PASSWORD, orgRole, teamRole: teamRole ?? null }) as DemoAccount,
  );
  expect(accounts).toHaveLength(6);
  return accounts;
}

const counts = async () => ({
  users: await db.user.count(),
  teams: await db.team.count(),
  memberships: await db.teamMembership.count(),
  auditEvents: await db.auditEvent.count(),
});

const runSeed = (demoPasswordHash: string | null, demoAccounts = demoAccountsFromScript()) =>
  db.$transaction((tx) => seed(tx, { demoAccounts, demoPasswordHash }), { timeout: 60_000 });

describe('the demo seed', () => {
  it('creates every account that start.mjs prints as a demo sign-in', () => {
    expect(() => checkDemoAccounts(demoAccountsFromScript())).not.toThrow();
    expect(() => checkDemoAccounts([{ email: 'someone.else@peerroles.test', password: 'x', orgRole: 'ADMIN', teamRole: null }])).toThrow(/does not create/u);
  });

  it('without demo passwords: creates the three teams, nobody with a password, and a one-time link for the administrator', async () => {
    const outcome = await runSeed(null);
    expect(outcome.created).toEqual({ people: 19, teams: 3, memberships: 16 });
    expect(outcome.demoPasswordsSet).toBe(0);
    expect(await db.user.count({ where: { passwordHash: { not: null } } })).toBe(0);

    const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@peerroles.test' } });
    expect(admin.orgRole).toBe('ADMIN');
    expect(outcome.adminLinkPath).toMatch(/^\/set-password\//u);
    expect(await findUsableInvitation(outcome.adminLinkPath!.split('/').pop()!)).toMatchObject({ userId: admin.id });

    // Shaped like the research: each team has a manager, non-peer staff and peer workers.
    for (const seedTeam of SEED_TEAMS) {
      const team = await db.team.findFirstOrThrow({ where: { name: seedTeam.name }, include: { memberships: true } });
      const roles = team.memberships.map((membership) => membership.role);
      expect(roles.filter((role) => role === 'MANAGER')).toHaveLength(1);
      expect(roles.filter((role) => role === 'STAFF').length).toBeGreaterThanOrEqual(2);
      expect(roles.filter((role) => role === 'PEER_WORKER').length).toBeGreaterThanOrEqual(1);
    }
    expect(SEED_TEAMS.map((team) => team.serviceType)).toEqual(['COMMUNITY_MENTAL_HEALTH', 'EARLY_INTERVENTION', 'RECOVERY_COLLEGE']);
    expect(SEED_PEOPLE.map((person) => person.orgRole).sort()).toEqual(['ADMIN', 'HR', 'SERVICE_USER_REP']);

    // Everything it made is in the audit log, by nobody in particular.
    const events = await db.auditEvent.findMany();
    expect(events).toHaveLength(19 + 3 + 16 + 1);
    expect(events.every((event) => event.actorId === null && event.summary.startsWith('Demo data seeded'))).toBe(true);
  });

  it('adds nothing when run again, and leaves changes made in the app alone', async () => {
    const cmht = await db.team.findFirstOrThrow({ where: { name: SEED_TEAMS[0].name } });
    await db.team.update({ where: { id: cmht.id }, data: { description: 'Changed by an administrator' } });
    await db.user.update({ where: { email: 'staff.cmht@peerroles.test' }, data: { jobTitle: 'Senior community nurse' } });
    const eip = await db.team.findFirstOrThrow({ where: { name: SEED_TEAMS[1].name } });
    await db.team.update({ where: { id: eip.id }, data: { archivedAt: new Date() } });
    const before = await counts();

    const outcome = await runSeed(null);
    expect(outcome.created).toEqual({ people: 0, teams: 0, memberships: 0 });
    // The administrator still has no password, so a fresh link replaces the old one.
    expect(outcome.adminLinkPath).toMatch(/^\/set-password\//u);
    expect(await counts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    expect((await db.team.findUniqueOrThrow({ where: { id: cmht.id } })).description).toBe('Changed by an administrator');
    expect((await db.user.findUniqueOrThrow({ where: { email: 'staff.cmht@peerroles.test' } })).jobTitle).toBe('Senior community nurse');
    expect((await db.team.findUniqueOrThrow({ where: { id: eip.id } })).archivedAt).not.toBeNull();
  });

  it('in the demo database: gives the six demo accounts, and only them, the demo password', async () => {
    const demoAccounts = demoAccountsFromScript();
    const outcome = await runSeed(await hashOfTestPassword(), demoAccounts);
    expect(outcome.demoPasswordsSet).toBe(6);
    expect(outcome.adminLinkPath).toBeNull();
    const withPasswords = await db.user.findMany({ where: { passwordHash: { not: null } }, select: { email: true } });
    expect(withPasswords.map((user) => user.email).sort()).toEqual(demoAccounts.map((account) => account.email).sort());

    let address = 0;
    for (const account of demoAccounts) {
      const outcomeOfSignIn = await attemptSignIn({ email: account.email, password: TEST_PASSWORD, ipAddress: `203.0.113.${(address += 1)}` });
      expect(outcomeOfSignIn).toMatchObject({ ok: true });
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, include: { memberships: { include: { team: true } } } });
      expect(user.orgRole).toBe(account.orgRole);
      const cmhtRole = user.memberships.find((membership) => membership.team.name === SEED_TEAMS[0].name)?.role ?? null;
      expect(cmhtRole).toBe(account.teamRole);
    }

    const again = await runSeed(await hashOfTestPassword(), demoAccounts);
    expect(again).toEqual({ created: { people: 0, teams: 0, memberships: 0 }, demoPasswordsSet: 0, adminLinkPath: null });
  });
});
