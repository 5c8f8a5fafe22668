import { db } from '@/lib/db';
import { addTeamMember, archiveTeam, createTeam, removeTeamMember, restoreTeam, updateTeam } from '@/lib/teams/actions';
import { listPeopleToAdd, listTeams, PEOPLE_TO_ADD_LIMIT } from '@/lib/teams/queries';
import { loadActiveUser } from '@/lib/auth/load';
import { buildWorld, createTeam as insertTeam, createUser, type World } from '../factories';
import { revalidatedPaths } from '../support/next-cache';
import { signInAs } from '../support/session';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

beforeEach(() => signInAs(world.admin));

const auditCount = () => db.auditEvent.count();

describe('createTeam', () => {
  it('creates a team with its audit event and refreshes the team list', async () => {
    const result = await createTeam(null, { name: '  Northgate Crisis Team  ', serviceType: 'CRISIS_HOME_TREATMENT', description: 'Out of hours' });
    expect(result).toEqual({ ok: true, data: { teamId: expect.any(String) } });
    if (!result.ok) return;
    const team = await db.team.findUniqueOrThrow({ where: { id: result.data.teamId } });
    expect(team).toMatchObject({ name: 'Northgate Crisis Team', serviceType: 'CRISIS_HOME_TREATMENT', description: 'Out of hours', version: 1, archivedAt: null });
    const events = await db.auditEvent.findMany({ where: { recordId: team.id } });
    expect(events).toEqual([expect.objectContaining({ action: 'team.create', recordType: 'Team', actorId: world.admin.id, summary: 'Created team Northgate Crisis Team' })]);
    expect(revalidatedPaths()).toContain('/teams');
  });

  it('accepts a plain HTML form post', async () => {
    const form = new FormData();
    form.set('name', 'Form Posted Team');
    form.set('serviceType', 'PERINATAL');
    form.set('$ACTION_ID_abc', '');
    const result = await createTeam(null, form);
    expect(result.ok).toBe(true);
    expect(await db.team.count({ where: { name: 'Form Posted Team', serviceType: 'PERINATAL', description: '' } })).toBe(1);
  });

  it('refuses a name already used by an active team, whatever its case', async () => {
    await insertTeam({ name: 'Riverside CMHT' });
    const before = await auditCount();
    const result = await createTeam(null, { name: 'RIVERSIDE cmht', serviceType: 'COMMUNITY_MENTAL_HEALTH' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { name: ['A team with this name already exists'] } });
    expect(await db.team.count({ where: { name: { equals: 'riverside cmht', mode: 'insensitive' } } })).toBe(1);
    expect(await auditCount()).toBe(before);
  });

  it('allows the name of an archived team to be used again', async () => {
    await insertTeam({ name: 'Old Harbour Ward', archived: true });
    const result = await createTeam(null, { name: 'Old Harbour Ward', serviceType: 'INPATIENT_WARD' });
    expect(result.ok).toBe(true);
  });

  it('creates only one of two teams with the same name submitted at the same moment', async () => {
    const results = await Promise.all([
      createTeam(null, { name: 'Twin Team', serviceType: 'OTHER' }),
      createTeam(null, { name: 'twin team', serviceType: 'OTHER' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([expect.objectContaining({ code: 'VALIDATION' })]);
    expect(await db.team.count({ where: { name: { equals: 'twin team', mode: 'insensitive' } } })).toBe(1);
  });

  it('refuses a service type that is not in the list', async () => {
    const result = await createTeam(null, { name: 'Mystery Team', serviceType: 'DENTAL' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { serviceType: ['Select a service type'] } });
  });
});

describe('updateTeam', () => {
  it('updates the team and moves its version on', async () => {
    const team = await insertTeam();
    const result = await updateTeam(null, { teamId: team.id, version: team.version, name: `${team.name} (renamed)`, serviceType: 'RECOVERY_COLLEGE', description: 'New description' });
    expect(result).toEqual({ ok: true, data: { teamId: team.id } });
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({
      name: `${team.name} (renamed)`,
      serviceType: 'RECOVERY_COLLEGE',
      description: 'New description',
      version: team.version + 1,
    });
    expect(await db.auditEvent.count({ where: { recordId: team.id, action: 'team.update' } })).toBe(1);
    expect(revalidatedPaths()).toEqual(expect.arrayContaining(['/teams', `/teams/${team.id}`]));
  });

  it('keeps its own name when the case changes', async () => {
    const team = await insertTeam({ name: 'lowercase team' });
    const result = await updateTeam(null, { teamId: team.id, version: 1, name: 'Lowercase Team', serviceType: team.serviceType });
    expect(result.ok).toBe(true);
  });

  it('reports a conflict, and saves nothing, when someone else saved first', async () => {
    const team = await insertTeam();
    const first = await updateTeam(null, { teamId: team.id, version: 1, name: `${team.name} A`, serviceType: team.serviceType });
    expect(first.ok).toBe(true);
    const before = await auditCount();
    const stale = await updateTeam(null, { teamId: team.id, version: 1, name: `${team.name} B`, serviceType: team.serviceType });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ name: `${team.name} A`, version: 2 });
    expect(await auditCount()).toBe(before);
  });

  it('refuses a name another active team has', async () => {
    const taken = await insertTeam();
    const team = await insertTeam();
    const result = await updateTeam(null, { teamId: team.id, version: 1, name: taken.name.toUpperCase(), serviceType: team.serviceType });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { name: ['A team with this name already exists'] } });
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe(team.name);
  });

  it('cannot edit an archived team', async () => {
    const team = await insertTeam({ archived: true });
    const result = await updateTeam(null, { teamId: team.id, version: team.version, name: 'Edited While Archived', serviceType: team.serviceType });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe(team.name);
  });

  it('says not found for a team that does not exist', async () => {
    const result = await updateTeam(null, { teamId: '00000000-0000-4000-8000-000000000000', version: 1, name: 'Ghost', serviceType: 'OTHER' });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('archiveTeam and restoreTeam', () => {
  it('archives a team, keeping its members and history, and restores it', async () => {
    const team = await insertTeam();
    const person = await createUser();
    await db.teamMembership.create({ data: { teamId: team.id, userId: person.id, role: 'STAFF' } });

    const archived = await archiveTeam(null, { teamId: team.id, version: 1 });
    expect(archived.ok).toBe(true);
    const afterArchive = await db.team.findUniqueOrThrow({ where: { id: team.id }, include: { memberships: true } });
    expect(afterArchive.archivedAt).toBeInstanceOf(Date);
    expect(afterArchive.version).toBe(2);
    expect(afterArchive.memberships).toHaveLength(1);

    const again = await archiveTeam(null, { teamId: team.id, version: 2 });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', error: 'This team is already archived.' });

    const restored = await restoreTeam(null, { teamId: team.id, version: 2 });
    expect(restored.ok).toBe(true);
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ archivedAt: null, version: 3 });
    expect((await db.auditEvent.findMany({ where: { recordId: team.id }, orderBy: { createdAt: 'asc' } })).map((event) => event.action)).toEqual([
      'team.archive',
      'team.restore',
    ]);
  });

  it('refuses to archive with a stale version', async () => {
    const team = await insertTeam();
    await db.team.update({ where: { id: team.id }, data: { description: 'changed elsewhere', version: { increment: 1 } } });
    const result = await archiveTeam(null, { teamId: team.id, version: 1 });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).archivedAt).toBeNull();
  });

  it('refuses to restore a team whose name an active team has taken meanwhile', async () => {
    const team = await insertTeam({ name: `Restorable ${Date.now()}`, archived: true });
    await insertTeam({ name: team.name.toLowerCase() });
    const result = await restoreTeam(null, { teamId: team.id, version: 1 });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { name: ['A team with this name already exists'] } });
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).archivedAt).not.toBeNull();
  });

  it('refuses to restore a team that is not archived', async () => {
    const team = await insertTeam();
    expect(await restoreTeam(null, { teamId: team.id, version: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('addTeamMember and removeTeamMember', () => {
  it('adds a person with a team role, then removes them', async () => {
    const team = await insertTeam();
    const person = await createUser({ name: 'Priya Patel' });
    const added = await addTeamMember(null, { teamId: team.id, userId: person.id, role: 'PEER_WORKER' });
    expect(added).toEqual({ ok: true, data: { membershipId: expect.any(String), teamId: team.id } });
    if (!added.ok) return;
    expect(await db.teamMembership.findUniqueOrThrow({ where: { id: added.data.membershipId } })).toMatchObject({ teamId: team.id, userId: person.id, role: 'PEER_WORKER' });
    expect(await db.auditEvent.findFirst({ where: { recordId: team.id, action: 'team.member.add' } })).toMatchObject({
      summary: `Added Priya Patel to ${team.name} as peer worker`,
    });

    const removed = await removeTeamMember(null, { teamId: team.id, membershipId: added.data.membershipId });
    expect(removed.ok).toBe(true);
    expect(await db.teamMembership.count({ where: { id: added.data.membershipId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { recordId: team.id, action: 'team.member.remove' } })).toBe(1);
  });

  it('refuses to add someone twice', async () => {
    const result = await addTeamMember(null, { teamId: world.thisTeam.id, userId: world.staff.id, role: 'MANAGER' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { userId: [expect.stringContaining('already a member')] } });
    expect(await db.teamMembership.findUniqueOrThrow({ where: { id: world.memberships.staff.id } })).toMatchObject({ role: 'STAFF' });
  });

  it('refuses to add a disabled person or someone who does not exist', async () => {
    const team = await insertTeam();
    const disabled = await createUser({ disabled: true });
    for (const userId of [disabled.id, '00000000-0000-4000-8000-000000000000']) {
      const result = await addTeamMember(null, { teamId: team.id, userId, role: 'STAFF' });
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { userId: ['Select a person who has an active account'] } });
    }
    expect(await db.teamMembership.count({ where: { teamId: team.id } })).toBe(0);
  });

  it('cannot change the members of an archived team', async () => {
    const team = await insertTeam();
    const member = await createUser();
    const membership = await db.teamMembership.create({ data: { teamId: team.id, userId: member.id, role: 'STAFF' } });
    await db.team.update({ where: { id: team.id }, data: { archivedAt: new Date() } });
    const newcomer = await createUser();

    expect(await addTeamMember(null, { teamId: team.id, userId: newcomer.id, role: 'STAFF' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await removeTeamMember(null, { teamId: team.id, membershipId: membership.id })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await db.teamMembership.findMany({ where: { teamId: team.id }, select: { userId: true } })).toEqual([{ userId: member.id }]);
  });

  it('treats a membership of another team as not found', async () => {
    const result = await removeTeamMember(null, { teamId: world.thisTeam.id, membershipId: world.memberships.managerOfOtherTeam.id });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await db.teamMembership.count({ where: { id: world.memberships.managerOfOtherTeam.id } })).toBe(1);
  });
});

describe('who may change teams', () => {
  it("refuses a team's own manager: only administrators manage teams", async () => {
    signInAs(world.managerOfThisTeam);
    const before = await auditCount();
    expect(await updateTeam(null, { teamId: world.thisTeam.id, version: 1, name: 'Taken Over', serviceType: 'OTHER' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await addTeamMember(null, { teamId: world.thisTeam.id, userId: world.newcomer.id, role: 'STAFF' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await db.team.findUniqueOrThrow({ where: { id: world.thisTeam.id } })).name).toBe(world.thisTeam.name);
    expect(await auditCount()).toBe(before);
  });

  it('refuses anyone signed out', async () => {
    signInAs(null);
    expect(await createTeam(null, { name: 'Anonymous Team', serviceType: 'OTHER' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await db.team.count({ where: { name: 'Anonymous Team' } })).toBe(0);
  });
});

describe('listPeopleToAdd', () => {
  it('lists active people not yet in the team, narrowed by name or email, and says when it is cut short', async () => {
    const team = await insertTeam({ name: `Picker team ${world.suffix}` });
    const member = await createUser({ name: `Picker Member ${world.suffix}` });
    await db.teamMembership.create({ data: { teamId: team.id, userId: member.id, role: 'STAFF' } });
    await createUser({ name: `Picker Disabled ${world.suffix}`, disabled: true });
    const candidate = await createUser({ name: `Picker Candidate ${world.suffix}` });

    const found = await listPeopleToAdd(team.id, `picker candidate ${world.suffix}`);
    expect(found).toEqual({ people: [expect.objectContaining({ id: candidate.id })], more: false });
    expect((await listPeopleToAdd(team.id, candidate.email.toUpperCase())).people.map((person) => person.id)).toEqual([candidate.id]);
    expect((await listPeopleToAdd(team.id, `Picker`)).people.map((person) => person.name)).not.toEqual(expect.arrayContaining([member.name]));
    expect((await listPeopleToAdd(team.id, `Picker Disabled ${world.suffix}`)).people).toEqual([]);

    await db.user.createMany({
      data: Array.from({ length: PEOPLE_TO_ADD_LIMIT + 1 }, (_, index) => ({ name: `Bulk person ${index}`, email: `bulk${index}-${world.suffix}@peerroles.test`.toLowerCase() })),
    });
    const all = await listPeopleToAdd(team.id);
    expect(all.people).toHaveLength(PEOPLE_TO_ADD_LIMIT);
    expect(all.more).toBe(true);
  });
});

describe('listTeams', () => {
  it('finds teams by part of their name, ignoring case, within what the person may see', async () => {
    const searched = await insertTeam({ name: `Harbourside Crisis Team ${world.suffix}` });
    const admin = (await loadActiveUser(world.admin.id))!;
    const found = await listTeams(admin, { page: 1, search: `harbourside crisis team ${world.suffix}` });
    expect(found.items.map((team) => team.id)).toEqual([searched.id]);
    expect(found.total).toBe(1);
    // A member sees only their own teams, search or not.
    const staff = (await loadActiveUser(world.staff.id))!;
    expect((await listTeams(staff, { page: 1, search: 'Harbourside' })).total).toBe(0);
  });
});
