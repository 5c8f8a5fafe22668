// What administrators (and, for their own team's activities, managers) set up
// for roles: the template, the activity catalogue and each team's agreement policy.
import { db } from '@/lib/db';
import { archiveActivity, createActivity } from '@/lib/expectations/catalogue-actions';
import { updateAgreementPolicy } from '@/lib/agreement/policy-actions';
import { updateRoleTemplate } from '@/lib/roles/actions';
import { teamPolicy } from '@/lib/agreement/status';
import { DEFAULT_AGREEMENT_POLICY } from '@/lib/agreement/rules';
import { currentTemplate } from '@/lib/roles/template';
import { activityCatalogue, buildWorld, createActivity as insertActivity, createTeam, recordAgreement, roleInReview, type World } from '../factories';
import { actingAs, auditOf } from '../support/roles';

/** The team's version now: what the policy form would have been shown. */
const teamVersionOf = async (teamId: string) => (await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { version: true } })).version;

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

describe('updateRoleTemplate', () => {
  const templateInput = (version: number, purpose: string) => ({
    version,
    purpose,
    training: 'Peer support training',
    progression: 'Senior peer support worker',
    valueOptions: 'Hope\nMutuality\nReciprocity',
    notPartOptions: 'Carrying out observations\nAdministering or supervising medication',
  });

  it('saves the template with its lists, moving its version on, and refuses a stale version', async () => {
    const start = await currentTemplate();
    const saved = await actingAs(world.admin, () => updateRoleTemplate(null, templateInput(start.version, 'First purpose')));
    if (!saved.ok) throw new Error(saved.error);
    const template = await currentTemplate();
    expect(template).toMatchObject({ id: saved.data.templateId, version: start.version + 1, valueOptions: ['Hope', 'Mutuality', 'Reciprocity'] });
    expect(template.content.purpose.text).toBe('First purpose');
    expect(template.content.values.selected).toEqual(['Hope', 'Mutuality', 'Reciprocity']);
    expect(await auditOf(saved.data.templateId)).toEqual([expect.objectContaining({ action: 'role.template.update', actorId: world.admin.id })]);

    const stale = await actingAs(world.admin, () => updateRoleTemplate(null, templateInput(start.version, 'From an old page')));
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await currentTemplate()).content.purpose.text).toBe('First purpose');
  });

  it('lets one of two saves of the same version win', async () => {
    const { version } = await currentTemplate();
    const results = await Promise.all([
      actingAs(world.admin, () => updateRoleTemplate(null, templateInput(version, 'Purpose A'))),
      actingAs(world.admin, () => updateRoleTemplate(null, templateInput(version, 'Purpose B'))),
    ]);
    expect(results.map((result) => (result.ok ? 'ok' : result.code)).sort()).toEqual(['CONFLICT', 'ok']);
    expect(await db.roleTemplate.count()).toBe(1);
    expect((await currentTemplate()).version).toBe(version + 1);
  });
});

describe('the activity catalogue', () => {
  it("adds a team's own activity, asked about only in that team's checks", async () => {
    const result = await actingAs(world.managerOfThisTeam, () => createActivity(null, { teamId: world.thisTeam.id, name: 'Running the allotment group', description: 'Weekly, with the OT' }));
    if (!result.ok) throw new Error(result.error);
    expect((await activityCatalogue(world.thisTeam)).map((activity) => activity.id)).toContain(result.data.activityId);
    expect((await activityCatalogue(world.otherTeam)).map((activity) => activity.id)).not.toContain(result.data.activityId);
    expect(await auditOf(result.data.activityId)).toEqual([expect.objectContaining({ action: 'activity.create', summary: 'Added "Running the allotment group" to the team\'s activity catalogue' })]);
  });

  it('adds an organisation-wide activity, asked about in every team', async () => {
    const result = await actingAs(world.admin, () => createActivity(null, { teamId: '', name: 'Peer-led research' }));
    if (!result.ok) throw new Error(result.error);
    for (const team of [world.thisTeam, world.otherTeam]) expect((await activityCatalogue(team)).map((activity) => activity.id)).toContain(result.data.activityId);
  });

  it('refuses a name already in the catalogue, ignoring case, but allows one that was archived', async () => {
    expect(await actingAs(world.admin, () => createActivity(null, { name: 'observations' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { name: ['This activity is already in the catalogue'] } });
    const archived = await insertActivity({ team: world.thisTeam, name: 'Gardening club', archived: true });
    const again = await actingAs(world.managerOfThisTeam, () => createActivity(null, { teamId: world.thisTeam.id, name: 'Gardening Club' }));
    expect(again.ok).toBe(true);
    expect(await db.activity.count({ where: { name: { equals: 'gardening club', mode: 'insensitive' } } })).toBe(2);
    expect(archived.id).not.toBe(again.ok && again.data.activityId);
  });

  it('adds only one of two activities with the same name added at the same moment', async () => {
    for (let round = 0; round < 5; round += 1) {
      const name = `Hearing voices group ${round}`;
      const results = await Promise.all([
        actingAs(world.managerOfThisTeam, () => createActivity(null, { teamId: world.thisTeam.id, name })),
        actingAs(world.admin, () => createActivity(null, { teamId: world.thisTeam.id, name: name.toUpperCase() })),
      ]);
      expect(results.map((result) => (result.ok ? 'ok' : result.code)).sort()).toEqual(['VALIDATION', 'ok']);
      expect({ round, added: await db.activity.count({ where: { name: { equals: name, mode: 'insensitive' } } }) }).toEqual({ round, added: 1 });
    }
  });

  it('archives an activity so checks stop asking about it, once', async () => {
    const activity = await insertActivity({ team: world.thisTeam, name: 'Walking group' });
    expect(await actingAs(world.managerOfThisTeam, () => archiveActivity(null, { activityId: activity.id }))).toMatchObject({ ok: true });
    expect((await activityCatalogue(world.thisTeam)).map((entry) => entry.id)).not.toContain(activity.id);
    expect(await actingAs(world.managerOfThisTeam, () => archiveActivity(null, { activityId: activity.id }))).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it("keeps managers to their own team's activities", async () => {
    const organisation = await insertActivity({ name: 'Organisation-wide activity' });
    const otherTeams = await insertActivity({ team: world.otherTeam, name: 'Other team activity' });
    for (const activity of [organisation, otherTeams]) {
      expect(await actingAs(world.managerOfThisTeam, () => archiveActivity(null, { activityId: activity.id }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await actingAs(world.managerOfThisTeam, () => createActivity(null, { name: 'Organisation-wide by a manager' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await db.activity.count({ where: { archivedAt: { not: null }, id: { in: [organisation.id, otherTeams.id] } } })).toBe(0);
  });
});

describe('updateAgreementPolicy', () => {
  it('replaces the default policy with the groups and numbers given, and can be changed again', async () => {
    expect(await teamPolicy(db, world.otherTeam.id)).toEqual(DEFAULT_AGREEMENT_POLICY);
    const minimums = { MANAGER: 1, STAFF: 2, PEER_WORKER: 1, SERVICE_USER_REP: 0, HR: 0, PEER_OR_REP: 0 };
    expect(await actingAs(world.admin, async () => updateAgreementPolicy(null, { teamId: world.otherTeam.id, version: await teamVersionOf(world.otherTeam.id), minimums }))).toEqual({ ok: true, data: { teamId: world.otherTeam.id } });
    expect(await teamPolicy(db, world.otherTeam.id)).toEqual(
      expect.arrayContaining([
        { group: 'MANAGER', minimum: 1 },
        { group: 'STAFF', minimum: 2 },
        { group: 'PEER_WORKER', minimum: 1 },
      ]),
    );
    expect(await teamPolicy(db, world.otherTeam.id)).toHaveLength(3);

    expect(await actingAs(world.admin, async () => updateAgreementPolicy(null, { teamId: world.otherTeam.id, version: await teamVersionOf(world.otherTeam.id), minimums: { ...minimums, STAFF: 0, HR: 1 } }))).toMatchObject({ ok: true });
    expect(await teamPolicy(db, world.otherTeam.id)).toHaveLength(3);
    expect(await db.agreementRequirement.count({ where: { teamId: world.otherTeam.id } })).toBe(6);
    // The other team's policy is untouched.
    expect(await teamPolicy(db, world.thisTeam.id)).toEqual(DEFAULT_AGREEMENT_POLICY);
  });

  it('refuses a policy that requires nobody, and leaves the old one', async () => {
    const result = await actingAs(world.admin, async () =>
      updateAgreementPolicy(null, { teamId: world.thisTeam.id, version: await teamVersionOf(world.thisTeam.id), minimums: { MANAGER: 0, STAFF: 0, PEER_WORKER: 0, SERVICE_USER_REP: 0, HR: 0, PEER_OR_REP: 0 } }),
    );
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { _form: ['At least one group must be required to agree'] } });
    expect(await teamPolicy(db, world.thisTeam.id)).toEqual(DEFAULT_AGREEMENT_POLICY);
  });

  it("is for administrators, not the team's manager", async () => {
    const result = await actingAs(world.managerOfThisTeam, async () =>
      updateAgreementPolicy(null, { teamId: world.thisTeam.id, version: await teamVersionOf(world.thisTeam.id), minimums: { MANAGER: 1, STAFF: 0, PEER_WORKER: 0, SERVICE_USER_REP: 0, HR: 0, PEER_OR_REP: 0 } }),
    );
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('saves what the expectations check must show, with the team’s version, in the audit log', async () => {
    const team = await createTeam();
    const before = await db.team.findUniqueOrThrow({ where: { id: team.id } });
    expect(before).toMatchObject({ requireExpectationsCheck: false, requireContestedSettled: true });
    const minimums = { MANAGER: '1', STAFF: '1', PEER_WORKER: '0', SERVICE_USER_REP: '0', HR: '1', PEER_OR_REP: '1' };
    const saved = await actingAs(world.admin, () => updateAgreementPolicy(null, { teamId: team.id, version: before.version, minimums, requireExpectationsCheck: 'yes', requireContestedSettled: 'yes' }));
    expect(saved).toEqual({ ok: true, data: { teamId: team.id } });
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ requireExpectationsCheck: true, requireContestedSettled: true, version: before.version + 1 });
    expect(await auditOf(team.id)).toEqual([
      expect.objectContaining({
        action: 'team.policy.update',
        actorId: world.admin.id,
        summary: `Set the agreement policy for ${team.name}: MANAGER 1, STAFF 1, HR 1, PEER_OR_REP 1; expectations check required: yes; contested activities must be settled: yes`,
      }),
    ]);
  });

  it('takes an unticked box, which a plain form post leaves out, as no', async () => {
    const team = await createTeam();
    const { version } = await db.team.findUniqueOrThrow({ where: { id: team.id } });
    // As the browser posts the form without JavaScript: only the ticked box is sent.
    const form = new FormData();
    form.set('teamId', team.id);
    form.set('version', String(version));
    for (const [group, minimum] of Object.entries({ MANAGER: '1', STAFF: '1', PEER_WORKER: '0', SERVICE_USER_REP: '0', HR: '1', PEER_OR_REP: '1' })) form.set(`minimums.${group}`, minimum);
    form.set('requireExpectationsCheck', 'yes');
    expect(await actingAs(world.admin, () => updateAgreementPolicy(null, form))).toMatchObject({ ok: true });
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ requireExpectationsCheck: true, requireContestedSettled: false });
    // And as react-hook-form sends it: false for an unticked box.
    const next = { teamId: team.id, version: version + 1, minimums: { MANAGER: 1, STAFF: 1, PEER_WORKER: 0, SERVICE_USER_REP: 0, HR: 1, PEER_OR_REP: 1 }, requireExpectationsCheck: false, requireContestedSettled: 'yes' };
    expect(await actingAs(world.admin, () => updateAgreementPolicy(null, next))).toMatchObject({ ok: true });
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ requireExpectationsCheck: false, requireContestedSettled: true });
  });

  it('refuses a box with any other value, and a policy saved since the form was shown, changing nothing', async () => {
    const team = await createTeam();
    const { version } = await db.team.findUniqueOrThrow({ where: { id: team.id } });
    const valid = { teamId: team.id, version, minimums: { MANAGER: 1, STAFF: 1, PEER_WORKER: 0, SERVICE_USER_REP: 0, HR: 1, PEER_OR_REP: 1 } };
    for (const value of ['no', 'on', 1, null, ['yes']]) {
      expect(await actingAs(world.admin, () => updateAgreementPolicy(null, { ...valid, requireContestedSettled: value }))).toMatchObject({
        ok: false,
        code: 'VALIDATION',
        fieldErrors: { requireContestedSettled: ['Every contested activity must be settled: tick the box or leave it empty'] },
      });
    }
    // Two admins with the form open: the second save is a conflict, not an overwrite.
    const [first, second] = [
      await actingAs(world.admin, () => updateAgreementPolicy(null, { ...valid, requireExpectationsCheck: 'yes' })),
      await actingAs(world.admin, () => updateAgreementPolicy(null, { ...valid, requireContestedSettled: 'yes' })),
    ];
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await db.team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ requireExpectationsCheck: true, requireContestedSettled: false, version: version + 1 });
    expect(await auditOf(team.id)).toHaveLength(1);
  });

  it('judges versions already in review by the new policy at once', async () => {
    const { version } = await roleInReview(world, { title: 'Judged by the new policy', reviewers: [world.managerOfThisTeam, world.staff] });
    await recordAgreement(version, world.managerOfThisTeam);
    await recordAgreement(version, world.staff);
    expect((await db.roleVersion.findUniqueOrThrow({ where: { id: version.id } })).status).toBe('IN_REVIEW');

    const minimums = { MANAGER: 1, STAFF: 1, PEER_WORKER: 0, SERVICE_USER_REP: 0, HR: 0, PEER_OR_REP: 0 };
    expect(await actingAs(world.admin, async () => updateAgreementPolicy(null, { teamId: world.thisTeam.id, version: await teamVersionOf(world.thisTeam.id), minimums }))).toMatchObject({ ok: true });
    expect(await db.roleVersion.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({ status: 'AGREED', agreedAt: expect.any(Date) });
  });
});
