// Drafting a role description and freezing it into versions: create from the
// template, edit section by section without silently overwriting anyone, and
// submit immutable numbered versions.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db';
import { updateRoleTemplate } from '@/lib/roles/actions';
import * as roles from '../support/role-actions';
import { DEFAULT_TEMPLATE_CONTENT, EMPTY_CONTENT, parseContent } from '@/lib/roles/rules';
import { currentTemplate } from '@/lib/roles/template';
import {
  addMembership,
  buildWorld,
  COMPLETE_ROLE_CONTENT,
  createRole,
  createTeam,
  editDraft,
  readDraft,
  roleContent,
  type World,
} from '../factories';
import { revalidatedPaths } from '../support/next-cache';
import { actingAs, auditOf, storedDraft, storedVersionContent } from '../support/roles';
import { signInAs } from '../support/session';

let world: World;

beforeAll(async () => {
  world = await buildWorld();
});

beforeEach(() => signInAs(world.managerOfThisTeam));

/** Each `roleVersion.update/updateMany/upsert(...)` call and each raw `UPDATE "RoleVersion"` in lib/, with its arguments. */
function versionUpdatesInLib(): Array<{ file: string; call: string }> {
  const root = path.resolve(__dirname, '../../lib');
  const files = (readdirSync(root, { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath: string; isFile(): boolean }>)
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.parentPath.includes('generated'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const calls: Array<{ file: string; call: string }> = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/roleVersion\.(?:update|updateMany|upsert)\(|UPDATE\s+"RoleVersion"/gu)) {
      // The call's arguments, up to the matching parenthesis (or the end of the SQL statement).
      let depth = 0;
      let end = match.index;
      for (; end < source.length; end += 1) {
        if (source[end] === '(') depth += 1;
        if (source[end] === ')' && --depth === 0) break;
        if (depth === 0 && (source[end] === '`' || source[end] === ';')) break;
      }
      calls.push({ file: path.relative(root, file), call: source.slice(match.index, end + 1) });
    }
  }
  return calls;
}

const newRole = (content = COMPLETE_ROLE_CONTENT) => createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam, content });

describe('createRole', () => {
  it("starts a role for the manager's team from the template, and records it", async () => {
    const result = await roles.createRole(null, { teamId: world.thisTeam.id, title: '  Peer support worker  ' });
    expect(result).toEqual({ ok: true, data: { roleId: expect.any(String), teamId: world.thisTeam.id } });
    if (!result.ok) return;

    const role = await db.role.findUniqueOrThrow({ where: { id: result.data.roleId } });
    expect(role).toMatchObject({ title: 'Peer support worker', teamId: world.thisTeam.id, createdById: world.managerOfThisTeam.id, draftVersion: 1, draftChanged: true });
    expect(parseContent(role.draft)).toEqual(DEFAULT_TEMPLATE_CONTENT);
    expect(await db.roleVersion.count({ where: { roleId: role.id } })).toBe(0);
    expect(await auditOf(role.id)).toEqual([
      { action: 'role.create', recordType: 'Role', actorId: world.managerOfThisTeam.id, summary: `Started a role description "Peer support worker" for ${world.thisTeam.name}` },
    ]);
    expect(revalidatedPaths()).toEqual(expect.arrayContaining([`/teams/${world.thisTeam.id}`, `/teams/${world.thisTeam.id}/roles/${role.id}`]));
  });

  it('accepts a plain HTML form post', async () => {
    const form = new FormData();
    form.set('teamId', world.thisTeam.id);
    form.set('title', 'Senior peer support worker');
    form.set('$ACTION_ID_abc', '');
    const result = await roles.createRole(null, form);
    expect(result.ok).toBe(true);
    expect(await db.role.count({ where: { teamId: world.thisTeam.id, title: 'Senior peer support worker' } })).toBe(1);
  });

  it("uses the organisation's template once an administrator has edited it", async () => {
    const template = await currentTemplate();
    const edited = await actingAs(world.admin, () =>
      updateRoleTemplate(null, {
        version: template.version,
        purpose: 'To bring lived experience of recovery into the team.',
        training: 'Peer support training, WRAP facilitator training.',
        progression: 'Senior peer support worker after a year.',
        valueOptions: 'Hope\nMutuality\nCuriosity',
        notPartOptions: 'Carrying out observations\nCovering staff shortages',
      }),
    );
    expect(edited.ok).toBe(true);

    const result = await actingAs(world.managerOfThisTeam, () => roles.createRole(null, { teamId: world.thisTeam.id, title: 'From the edited template' }));
    if (!result.ok) throw new Error(result.error);
    const { content } = await readDraft({ id: result.data.roleId });
    expect(content.purpose.text).toBe('To bring lived experience of recovery into the team.');
    expect(content.values.selected).toEqual(['Hope', 'Mutuality', 'Curiosity']);
    // Examples of what the role is not that the template no longer lists are dropped from new drafts.
    expect(content.notPart.items).toEqual(['Carrying out observations']);
    expect(content.supervision).toEqual(DEFAULT_TEMPLATE_CONTENT.supervision);
  });

  it('refuses a role for an archived team, and creates nothing', async () => {
    const archived = await createTeam({ archived: true });
    await addMembership(archived, world.managerOfThisTeam, 'MANAGER');
    const result = await actingAs(world.admin, () => roles.createRole(null, { teamId: archived.id, title: 'Peer support worker' }));
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await db.role.count({ where: { teamId: archived.id } })).toBe(0);
  });

  it("refuses the manager of another team and the team's own staff", async () => {
    for (const user of [world.managerOfOtherTeam, world.staff, world.peerWorker, world.hr]) {
      const result = await actingAs(user, () => roles.createRole(null, { teamId: world.thisTeam.id, title: 'Not mine to draft' }));
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await db.role.count({ where: { title: 'Not mine to draft' } })).toBe(0);
  });
});

describe('saveDraftSection', () => {
  it('saves one section, moves the draft version on and leaves the other sections as they were', async () => {
    const role = await newRole();
    const result = await roles.saveDraftSection(null, {
      roleId: role.id,
      draftVersion: 1,
      section: 'responsibilities',
      value: { items: 'Offer one-to-one peer support\n\nCo-facilitate the hearing voices group\n' },
    });
    expect(result).toEqual({ ok: true, data: { roleId: role.id, teamId: world.thisTeam.id, draftVersion: 2 } });

    const draft = await readDraft(role);
    expect(draft.draftVersion).toBe(2);
    expect(draft.content).toEqual({ ...COMPLETE_ROLE_CONTENT, responsibilities: { items: ['Offer one-to-one peer support', 'Co-facilitate the hearing voices group'] } });
    expect(await auditOf(role.id)).toEqual([expect.objectContaining({ action: 'role.draft.save', summary: `Edited "Key responsibilities" in the draft of ${role.title}` })]);
  });

  it('saves supervision rows posted as a plain HTML form, ignoring the blank row', async () => {
    const role = await newRole();
    const form = new FormData();
    form.set('roleId', role.id);
    form.set('draftVersion', '1');
    form.set('section', 'supervision');
    for (const [name, value] of [
      ['value.rows.0.type', 'PEER_SUPERVISION'],
      ['value.rows.0.provider', 'Senior peer support worker'],
      ['value.rows.0.everyWeeks', '4'],
      ['value.rows.1.type', ''],
      ['value.rows.1.provider', ''],
      ['value.rows.1.everyWeeks', ''],
      ['value.rows.2.type', 'LINE_MANAGEMENT'],
      ['value.rows.2.provider', 'Team manager'],
      ['value.rows.2.everyWeeks', '6'],
    ]) {
      form.set(name, value);
    }
    const result = await roles.saveDraftSection(null, form);
    expect(result.ok).toBe(true);
    expect((await readDraft(role)).content.supervision).toEqual({
      arrangements: [
        { type: 'PEER_SUPERVISION', provider: 'Senior peer support worker', everyWeeks: 4 },
        { type: 'LINE_MANAGEMENT', provider: 'Team manager', everyWeeks: 6 },
      ],
    });
  });

  it('reports a stale draft version as a conflict and keeps the newer text', async () => {
    const role = await newRole();
    const first = await roles.saveDraftSection(null, { roleId: role.id, draftVersion: 1, section: 'purpose', value: { text: 'Saved first by the manager.' } });
    expect(first.ok).toBe(true);
    const before = await storedDraft(role.id);
    const audits = await db.auditEvent.count();

    // A colleague still looking at draft version 1 saves over it.
    const stale = await actingAs(world.admin, () => roles.saveDraftSection(null, { roleId: role.id, draftVersion: 1, section: 'purpose', value: { text: 'Saved second, from an old page.' } }));
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', error: expect.stringMatching(/changed this while you were editing/u) });
    expect(await storedDraft(role.id)).toBe(before);
    expect((await readDraft(role)).draftVersion).toBe(2);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it('lets exactly one of two saves made at the same moment on the same draft version win', async () => {
    const role = await newRole();
    const results = await Promise.all([
      actingAs(world.managerOfThisTeam, () => roles.saveDraftSection(null, { roleId: role.id, draftVersion: 1, section: 'purpose', value: { text: 'The manager’s purpose.' } })),
      actingAs(world.admin, () => roles.saveDraftSection(null, { roleId: role.id, draftVersion: 1, section: 'training', value: { text: 'The administrator’s training.' } })),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    const { content, draftVersion } = await readDraft(role);
    expect(draftVersion).toBe(2);
    // Only the winner's change is in the draft; the loser's section is as it was.
    const managerWon = results[0].ok;
    expect(content.purpose.text).toBe(managerWon ? 'The manager’s purpose.' : COMPLETE_ROLE_CONTENT.purpose.text);
    expect(content.training.text).toBe(managerWon ? COMPLETE_ROLE_CONTENT.training.text : 'The administrator’s training.');
  });

  it('returns field errors from the section and saves nothing', async () => {
    const role = await newRole();
    const before = await storedDraft(role.id);
    const result = await roles.saveDraftSection(null, {
      roleId: role.id,
      draftVersion: 1,
      section: 'working',
      value: { contractType: 'PERMANENT', hoursPerWeek: 'most of the week', teamMeetings: 'yes', recordsAccess: 'yes', sameIt: 'yes' },
    });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { hoursPerWeek: ['Hours per week must be a number, like 22.5'] } });
    expect(await storedDraft(role.id)).toBe(before);
  });

  it("refuses another team's manager, and the team's staff", async () => {
    const role = await newRole();
    for (const user of [world.managerOfOtherTeam, world.staff, world.peerWorker]) {
      const result = await actingAs(user, () => roles.saveDraftSection(null, { roleId: role.id, draftVersion: 1, section: 'purpose', value: { text: 'Not mine' } }));
      expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect((await readDraft(role)).content.purpose).toEqual(COMPLETE_ROLE_CONTENT.purpose);
  });
});

describe('submitDraft', () => {
  it('freezes the draft as version 1, in review', async () => {
    const role = await newRole();
    const result = await roles.submitDraft(null, { roleId: role.id, draftVersion: 1 });
    expect(result).toEqual({ ok: true, data: { roleId: role.id, teamId: world.thisTeam.id, versionId: expect.any(String), number: 1 } });
    if (!result.ok) return;

    const version = await db.roleVersion.findUniqueOrThrow({ where: { id: result.data.versionId } });
    expect(version).toMatchObject({ roleId: role.id, number: 1, status: 'IN_REVIEW', submittedById: world.managerOfThisTeam.id, agreedAt: null });
    expect(parseContent(version.content)).toEqual(COMPLETE_ROLE_CONTENT);
    expect((await readDraft(role)).draftChanged).toBe(false);
    expect(await auditOf(version.id)).toEqual([expect.objectContaining({ action: 'role.submit', recordType: 'RoleVersion', summary: `Submitted version 1 of ${role.title} for agreement` })]);
  });

  it('keeps a submitted version byte for byte, whatever happens to the draft and the role afterwards', async () => {
    const role = await newRole();
    const submitted = await roles.submitDraft(null, { roleId: role.id, draftVersion: 1 });
    if (!submitted.ok) throw new Error(submitted.error);
    const frozen = await storedVersionContent(submitted.data.versionId);

    // Every action that takes the version's id, given content it should not accept.
    const rewrite = { content: EMPTY_CONTENT, number: 7, status: 'AGREED' };
    expect(await roles.inviteReviewers(null, { versionId: submitted.data.versionId, userIds: [world.staff.id, world.peerWorker.id, world.hr.id], ...rewrite })).toMatchObject({ ok: true });
    expect(await actingAs(world.staff, () => roles.raiseConcern(null, { versionId: submitted.data.versionId, section: 'purpose', comment: 'Please reword', ...rewrite }))).toMatchObject({ ok: true });
    expect(await actingAs(world.peerWorker, () => roles.agreeVersion(null, { versionId: submitted.data.versionId, ...rewrite }))).toMatchObject({ ok: true });

    // The draft is edited and submitted again as version 2.
    signInAs(world.managerOfThisTeam);
    const saved = await roles.saveDraftSection(null, { roleId: role.id, draftVersion: 1, section: 'purpose', value: { text: 'A reworded purpose.' } });
    expect(saved.ok).toBe(true);
    const second = await roles.submitDraft(null, { roleId: role.id, draftVersion: 2 });
    expect(second).toMatchObject({ ok: true, data: { number: 2 } });

    expect(await storedVersionContent(submitted.data.versionId)).toBe(frozen);
    const first = await db.roleVersion.findUniqueOrThrow({ where: { id: submitted.data.versionId } });
    expect(first).toMatchObject({ number: 1, status: 'SUPERSEDED' });
    expect(parseContent(first.content).purpose).toEqual(COMPLETE_ROLE_CONTENT.purpose);
  });

  it('has no code path that writes the content of an existing version', () => {
    // Every update of a RoleVersion in lib/ is read and checked: statuses and dates may change, content never.
    const updates = versionUpdatesInLib();
    expect(updates.length).toBeGreaterThanOrEqual(3);
    for (const { file, call } of updates) expect({ file, writesContent: /\bcontent\b/u.test(call) }).toEqual({ file, writesContent: false });
  });

  it('is refused by the database too: a version cannot be rewritten or deleted, only its status moves', async () => {
    const role = await newRole();
    const submitted = await roles.submitDraft(null, { roleId: role.id, draftVersion: 1 });
    if (!submitted.ok) throw new Error(submitted.error);
    const id = submitted.data.versionId;
    await expect(db.$executeRawUnsafe(`UPDATE "RoleVersion" SET "content" = '{}'::jsonb WHERE "id" = $1::uuid`, id)).rejects.toThrow(/cannot be changed/u);
    await expect(db.$executeRawUnsafe(`UPDATE "RoleVersion" SET "number" = 99 WHERE "id" = $1::uuid`, id)).rejects.toThrow(/cannot be changed/u);
    await expect(db.$executeRawUnsafe(`DELETE FROM "RoleVersion" WHERE "id" = $1::uuid`, id)).rejects.toThrow(/cannot be deleted/u);
    expect(await db.$executeRawUnsafe(`UPDATE "RoleVersion" SET "status" = 'SUPERSEDED' WHERE "id" = $1::uuid`, id)).toBe(1);
    expect(parseContent((await db.roleVersion.findUniqueOrThrow({ where: { id } })).content)).toEqual(parseContent(COMPLETE_ROLE_CONTENT));
  });

  it('refuses a draft with incomplete sections, naming each one', async () => {
    const role = await newRole({ ...COMPLETE_ROLE_CONTENT, purpose: { text: '' }, supervision: { arrangements: [] } });
    const result = await roles.submitDraft(null, { roleId: role.id, draftVersion: 1 });
    expect(result).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { _form: ['Complete "Purpose of the role" before submitting', 'Complete "Supervision and support" before submitting'] },
    });
    expect(await db.roleVersion.count({ where: { roleId: role.id } })).toBe(0);
  });

  it('refuses to submit when nothing changed since the last version', async () => {
    const role = await newRole();
    expect(await roles.submitDraft(null, { roleId: role.id, draftVersion: 1 })).toMatchObject({ ok: true });
    const again = await roles.submitDraft(null, { roleId: role.id, draftVersion: 1 });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', error: 'The draft has not changed since the last version was submitted.' });
    expect(await db.roleVersion.count({ where: { roleId: role.id } })).toBe(1);
  });

  it('refuses a stale draft version', async () => {
    const role = await newRole();
    await editDraft(role, roleContent({ training: { text: 'Edited by someone else' } }));
    const result = await roles.submitDraft(null, { roleId: role.id, draftVersion: 1 });
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await db.roleVersion.count({ where: { roleId: role.id } })).toBe(0);
  });

  it('makes one version when the same draft is submitted twice at once', async () => {
    const role = await newRole();
    const results = await Promise.all([
      actingAs(world.managerOfThisTeam, () => roles.submitDraft(null, { roleId: role.id, draftVersion: 1 })),
      actingAs(world.admin, () => roles.submitDraft(null, { roleId: role.id, draftVersion: 1 })),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    expect(await db.roleVersion.count({ where: { roleId: role.id } })).toBe(1);
  });

  it('numbers versions in order and supersedes the one still in review', async () => {
    const role = await newRole();
    const first = await roles.submitDraft(null, { roleId: role.id, draftVersion: 1 });
    await editDraft(role, roleContent({ progression: { text: 'Band 4 after a year' } }));
    const second = await roles.submitDraft(null, { roleId: role.id, draftVersion: 2 });
    expect(first).toMatchObject({ ok: true, data: { number: 1 } });
    expect(second).toMatchObject({ ok: true, data: { number: 2 } });
    const versions = await db.roleVersion.findMany({ where: { roleId: role.id }, orderBy: { number: 'asc' }, select: { number: true, status: true } });
    expect(versions).toEqual([
      { number: 1, status: 'SUPERSEDED' },
      { number: 2, status: 'IN_REVIEW' },
    ]);
  });

  it("refuses the team's staff and other teams' managers", async () => {
    const role = await newRole();
    for (const user of [world.staff, world.managerOfOtherTeam, world.serviceUserRep]) {
      expect(await actingAs(user, () => roles.submitDraft(null, { roleId: role.id, draftVersion: 1 }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await db.roleVersion.count({ where: { roleId: role.id } })).toBe(0);
  });
});
