// Writing an import of people and teams (issue 14 §3), on real PostgreSQL:
// judged again inside the transaction and written all together or not at
// all, each change audited with it; new people get a set-password link;
// importing the same file again writes nothing; people missing from the
// file are disabled only when asked, and never so that no administrator is
// left. The upload, preview, confirmation and background job: people-import-flow.test.ts.
import { ActionError } from '@/lib/action-error';
import { db } from '@/lib/db';
import { DIRECTORY_HEADER } from '@/lib/people/directory';
import { applyImport, newcomersInvited } from '@/lib/people/import';
import { guessMapping } from '@/lib/people/rules';
import { addMembership, buildWorld, createTeam, createUser, type World } from '../factories';
import { snapshotDatabase } from '../support/snapshot';

let world: World;

beforeEach(async () => {
  world = await buildWorld();
});

const mapping = guessMapping(DIRECTORY_HEADER);
/** As long as the background job allows (a loaded CI machine takes seconds for a thousand people), not Prisma's 5 s. */
const WRITE_TIME = { timeout: 120_000 };
/** An identity provider configured on this server (nothing is asked of it here). */
const PROVIDER_ENV = { OIDC_ISSUER: 'https://login.example.test', OIDC_CLIENT_ID: 'peerroles', OIDC_CLIENT_SECRET: 'secret' };
const run = (rows: string[][], options: { disableMissing?: boolean; actorId?: string } = {}) =>
  db.$transaction(async (tx) => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the rows' outcomes are the flow test's
    const { judged, ...result } = await applyImport(tx, { rows, mapping, disableMissing: options.disableMissing ?? false, actorId: options.actorId ?? world.admin.id, administratorChangesConfirmed: true });
    return result;
  }, WRITE_TIME);

describe('writing an import', () => {
  it('creates and updates people and their teams, audits each change and issues set-password links; the same file again writes nothing', async () => {
    const ward = await createTeam({ name: `Import ward ${world.suffix}` });
    const existing = await createUser({ name: 'Jo Existing', email: `jo-${world.suffix}@nhs.net`, jobTitle: 'Nurse' });
    const rows = [
      ['Sam New', `SAM-${world.suffix}@nhs.net`, 'Peer support worker', ward.name.toUpperCase(), 'Peer worker', ''],
      ['Jo Existing', `jo-${world.suffix}@nhs.net`, 'Senior nurse', ward.name, 'Staff (non-peer)', 'HR and recruitment'],
    ];
    expect(await run(rows)).toEqual({ created: 1, updated: 1, unchanged: 0, disabled: 0 });
    const sam = await db.user.findUniqueOrThrow({ where: { email: `sam-${world.suffix}@nhs.net` }, select: { id: true, name: true, jobTitle: true, orgRole: true, memberships: { select: { teamId: true, role: true } }, invitations: { select: { id: true } } } });
    expect(sam).toMatchObject({ name: 'Sam New', jobTitle: 'Peer support worker', orgRole: 'MEMBER', memberships: [{ teamId: ward.id, role: 'PEER_WORKER' }] });
    expect(sam.invitations).toHaveLength(1);
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id }, select: { jobTitle: true, orgRole: true, version: true } })).toEqual({ jobTitle: 'Senior nurse', orgRole: 'HR', version: 2 });
    const audit = await db.auditEvent.findMany({ where: { actorId: world.admin.id, action: { in: ['person.import.create', 'person.import.update', 'team.member.import'] } }, select: { action: true, recordId: true } });
    expect(audit).toEqual(expect.arrayContaining([
      { action: 'person.import.create', recordId: sam.id },
      { action: 'person.import.update', recordId: existing.id },
      { action: 'team.member.import', recordId: ward.id },
    ]));
    expect(audit).toHaveLength(4);

    const before = await snapshotDatabase();
    expect(await run(rows)).toEqual({ created: 0, updated: 0, unchanged: 2, disabled: 0 });
    expect(await snapshotDatabase()).toEqual(before);
  });

  it('issues no set-password link when the organisation requires its identity provider, except to service-user representatives', async () => {
    await db.signInSettings.create({ data: { id: 1, identityProviderRequired: true } });
    // Required, but this server has no provider: passwords still work, so everyone gets a link.
    expect((await db.$transaction((tx) => newcomersInvited(tx)))({ orgRole: 'MEMBER' })).toBe(true);
    Object.assign(process.env, PROVIDER_ENV);
    const invite = await db.$transaction((tx) => newcomersInvited(tx)).finally(() => {
      for (const key of Object.keys(PROVIDER_ENV)) delete process.env[key];
    });
    expect(invite({ orgRole: 'MEMBER' })).toBe(false);
    expect(invite({ orgRole: 'ADMIN' })).toBe(false);
    expect(invite({ orgRole: 'SERVICE_USER_REP' })).toBe(true);
    await db.$transaction((tx) =>
      applyImport(tx, {
        rows: [
          ['Staff Via Provider', `provider-${world.suffix}@nhs.net`, '', '', '', ''],
          ['External Rep', `rep-${world.suffix}@example.org`, '', '', '', 'Service-user representative'],
        ],
        mapping,
        disableMissing: false,
        actorId: world.admin.id,
        invite,
      }),
    );
    const invitations = await db.user.findMany({ where: { email: { in: [`provider-${world.suffix}@nhs.net`, `rep-${world.suffix}@example.org`] } }, select: { email: true, _count: { select: { invitations: true } } }, orderBy: { email: 'asc' } });
    expect(invitations).toEqual([
      { email: `provider-${world.suffix}@nhs.net`, _count: { invitations: 0 } },
      { email: `rep-${world.suffix}@example.org`, _count: { invitations: 1 } },
    ]);
    expect(await db.notification.count({ where: { kind: 'PASSWORD_LINK', recipient: { email: `provider-${world.suffix}@nhs.net` } } })).toBe(0);
  });

  it('reports its progress after each chunk of new people, ending at everyone', async () => {
    const ward = await createTeam({ name: `Progress ward ${world.suffix}` });
    const known = await createUser({ name: 'Known Already', email: `known-${world.suffix}@nhs.net` });
    const rows = [
      [known.name, known.email, '', '', '', ''],
      ...Array.from({ length: 1_200 }, (_, index) => [`Progress ${index}`, `progress-${index}-${world.suffix}@nhs.net`, '', ward.name, 'Staff', '']),
    ];
    const reports: Array<[number, number]> = [];
    const result = await db.$transaction((tx) => applyImport(tx, { rows, mapping, disableMissing: false, actorId: world.admin.id, onProgress: async (done, total) => void reports.push([done, total]) }), WRITE_TIME);
    expect(result).toMatchObject({ created: 1_200, unchanged: 1 });
    // A report after each chunk of new people, then the end; never backwards.
    expect(reports).toEqual([[501, 1_201], [1_001, 1_201], [1_201, 1_201], [1_201, 1_201]]);
    expect(await db.teamMembership.count({ where: { teamId: ward.id } })).toBe(1_200);
    expect(await db.auditEvent.count({ where: { action: 'team.member.import', recordId: ward.id } })).toBe(1_200);
  });

  it('writes none of it when anything fails, whatever the preview said', async () => {
    const ward = await createTeam({ name: `Import ward ${world.suffix}` });
    const before = await snapshotDatabase();
    // A row with a problem: nothing is written, not even the good row before it.
    await expect(run([
      ['Good Row', `good-${world.suffix}@nhs.net`, '', ward.name, 'Manager', ''],
      ['Bad Row', `bad-${world.suffix}@nhs.net`, '', 'No such team', 'Manager', ''],
    ])).rejects.toThrow(new ActionError('VALIDATION', '1 row has a problem: fix the file and upload it again.'));
    expect(await snapshotDatabase()).toEqual(before);
    // The team archived between the preview and the confirmation: judged again, refused.
    await db.team.update({ where: { id: ward.id }, data: { archivedAt: new Date() } });
    const archived = await snapshotDatabase();
    await expect(run([['Good Row', `good-${world.suffix}@nhs.net`, '', ward.name, 'Manager', '']])).rejects.toThrow(ActionError);
    expect(await snapshotDatabase()).toEqual(archived);
  });

  it('disables people missing from the file only when asked, signs them out, and never the last administrator or the importer', async () => {
    const ward = await createTeam({ name: `Import ward ${world.suffix}` });
    const stays = await createUser({ name: 'Stays', email: `stays-${world.suffix}@nhs.net` });
    await addMembership(ward, stays, 'STAFF');
    const everyoneActive = await db.user.findMany({ where: { disabledAt: null }, select: { email: true, name: true } });
    // Everyone but `stays` and the importer's fellow people: a file with only the importer and `stays`.
    const rows = [
      [world.admin.name, world.admin.email, world.admin.jobTitle ?? '', '', '', 'Administrator'],
      ['Stays', stays.email, '', ward.name, 'Staff (non-peer)', ''],
    ];
    expect(await run(rows)).toMatchObject({ disabled: 0 });
    expect(await db.user.count({ where: { disabledAt: null } })).toBe(everyoneActive.length);

    const result = await run(rows, { disableMissing: true });
    expect(result.disabled).toBe(everyoneActive.length - 2);
    expect((await db.user.findMany({ where: { disabledAt: null }, select: { email: true } })).map((person) => person.email).sort()).toEqual([world.admin.email, stays.email].sort());
    expect(await db.auditEvent.count({ where: { action: 'person.import.disable', actorId: world.admin.id } })).toBe(everyoneActive.length - 2);

    // A file without the importer cannot disable them; one without any administrator cannot leave none.
    const before = await snapshotDatabase();
    await expect(run([['Stays', stays.email, '', ward.name, 'Staff (non-peer)', '']], { disableMissing: true })).rejects.toThrow('You are not in the file: an import cannot disable your own account.');
    await expect(run([[world.admin.name, world.admin.email, world.admin.jobTitle ?? '', '', '', 'Team member']])).rejects.toThrow('The file takes your own administrator role away');
    expect(await snapshotDatabase()).toEqual(before);
  });
});
