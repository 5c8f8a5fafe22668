// Sessions carry only a person's id: everything else is reloaded from the
// database on every request, so disabling someone or changing their roles takes
// effect on their next request rather than when their session expires.
import { updateMyName } from '@/lib/account/actions';
import { getCurrentUser, loadActiveUser, requirePermission } from '@/lib/auth/load';
import { db } from '@/lib/db';
import { disablePerson, enablePerson, updatePerson } from '@/lib/people/actions';
import { can } from '@/lib/permissions';
import { createTeam as createTeamAction } from '@/lib/teams/actions';
import { addMembership, buildWorld, createTeam, createUser, type World } from '../factories';
import { signInAs } from '../support/session';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

const versionOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).version;

describe('disabling a person', () => {
  it('ends their access on their next request (through the admin action)', async () => {
    const person = await createUser({ name: 'About To Leave' });
    signInAs(person);
    expect((await updateMyName(null, { name: 'Still Here', version: 1 })).ok).toBe(true);

    signInAs(world.admin);
    expect((await disablePerson(null, { userId: person.id, version: await versionOf(person.id) })).ok).toBe(true);

    // The same session as before: nothing about it changed except the database.
    signInAs(person);
    const before = await db.auditEvent.count();
    expect(await updateMyName(null, { name: 'Sneaking Back', version: await versionOf(person.id) })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe('Still Here');
    expect(await db.auditEvent.count()).toBe(before);
    expect(await loadActiveUser(person.id)).toBeNull();
  });

  it('ends their access when the account is disabled directly in the database', async () => {
    const person = await createUser();
    signInAs(person);
    expect(await loadActiveUser(person.id)).toMatchObject({ id: person.id });
    await db.user.update({ where: { id: person.id }, data: { disabledAt: new Date() } });
    expect(await updateMyName(null, { name: 'Anything', version: 1 })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await loadActiveUser(person.id)).toBeNull();
  });

  it('takes away an administrator’s powers at once', async () => {
    const secondAdmin = await createUser({ orgRole: 'ADMIN' });
    signInAs(secondAdmin);
    expect((await createTeamAction(null, { name: `Before Disabling ${secondAdmin.id}`, serviceType: 'OTHER' })).ok).toBe(true);
    await db.user.update({ where: { id: secondAdmin.id }, data: { disabledAt: new Date() } });
    expect(await createTeamAction(null, { name: `After Disabling ${secondAdmin.id}`, serviceType: 'OTHER' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await db.team.count({ where: { name: `After Disabling ${secondAdmin.id}` } })).toBe(0);
  });

  it('gives access back when re-enabled', async () => {
    const person = await createUser({ disabled: true });
    signInAs(world.admin);
    expect((await enablePerson(null, { userId: person.id, version: 1 })).ok).toBe(true);
    signInAs(person);
    expect((await updateMyName(null, { name: 'Back Again', version: 2 })).ok).toBe(true);
  });

  it('refuses a session for someone who does not exist, or a malformed id', async () => {
    for (const userId of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "'; DROP TABLE \"User\"; --"]) {
      signInAs(userId);
      expect(await updateMyName(null, { name: 'Ghost', version: 1 })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      expect(await loadActiveUser(userId)).toBeNull();
    }
  });

  it('makes pages treat the person as signed out', async () => {
    const person = await createUser();
    signInAs(person);
    expect(await getCurrentUser()).toMatchObject({ id: person.id });
    await db.user.update({ where: { id: person.id }, data: { disabledAt: new Date() } });
    expect(await getCurrentUser()).toBeNull();
    await expect(requirePermission('account.update')).rejects.toMatchObject({ kind: 'redirect', location: '/sign-in?reason=ended' });
  });
});

describe('changing roles', () => {
  it('grants and removes an organisation role on the next request', async () => {
    const person = await createUser({ name: 'Rising Star', orgRole: 'MEMBER' });
    const teamName = `Promotion Test ${person.id}`;

    signInAs(person);
    expect(await createTeamAction(null, { name: teamName, serviceType: 'OTHER' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    signInAs(world.admin);
    const promoted = await updatePerson(null, { userId: person.id, version: 1, name: person.name, email: person.email, orgRole: 'ADMIN' });
    expect(promoted.ok).toBe(true);

    signInAs(person);
    expect((await createTeamAction(null, { name: teamName, serviceType: 'OTHER' })).ok).toBe(true);

    signInAs(world.admin);
    expect((await updatePerson(null, { userId: person.id, version: 2, name: person.name, email: person.email, orgRole: 'MEMBER' })).ok).toBe(true);

    signInAs(person);
    expect(await createTeamAction(null, { name: `${teamName} again`, serviceType: 'OTHER' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await db.team.count({ where: { name: `${teamName} again` } })).toBe(0);
  });

  it('reflects team memberships as they are now, not as they were at sign-in', async () => {
    const team = await createTeam();
    const person = await createUser();
    signInAs(person);
    expect(can(await getCurrentUser(), 'team.view', { teamId: team.id })).toBe(false);

    const membership = await addMembership(team, person, 'PEER_WORKER');
    expect(can(await getCurrentUser(), 'team.view', { teamId: team.id })).toBe(true);

    await db.teamMembership.delete({ where: { id: membership.id } });
    expect(can(await getCurrentUser(), 'team.view', { teamId: team.id })).toBe(false);
  });

  it('ignores memberships of archived teams', async () => {
    const team = await createTeam();
    const person = await createUser();
    await addMembership(team, person, 'MANAGER');
    expect((await loadActiveUser(person.id))?.memberships).toEqual([expect.objectContaining({ teamId: team.id, role: 'MANAGER' })]);
    await db.team.update({ where: { id: team.id }, data: { archivedAt: new Date() } });
    expect((await loadActiveUser(person.id))?.memberships).toEqual([]);
  });

  it('refuses pages the person may not use', async () => {
    signInAs(world.staff);
    await expect(requirePermission('audit.view')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(requirePermission('team.view', { teamId: world.otherTeam.id })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(requirePermission('team.view', { teamId: world.thisTeam.id })).resolves.toMatchObject({ id: world.staff.id });
    signInAs(null);
    await expect(requirePermission('account.update')).rejects.toMatchObject({ kind: 'redirect', location: '/sign-in' });
  });
});
