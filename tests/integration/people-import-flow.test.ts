// Importing people and teams through the app (issue 14 §3), on real
// PostgreSQL: the upload refuses what is not a CSV file (a workbook, a binary
// file, an empty one, one over the limit, a broken quote) with nothing kept;
// unrecognised headings are mapped by hand; the preview judges every row and
// nothing about people is written before the confirmation; a small import is
// written at once, a large one (5,000 rows) by the real worker with its
// progress, all or nothing; the result file gives each row's outcome; and
// only the administrator who uploaded an import can see or confirm it.
import { GET as resultCsv } from '@/app/(app)/people/import/[importId]/result.csv/route';
import type { ActionResult } from '@/lib/action';
import { db } from '@/lib/db';
import { HANDLERS } from '@/lib/jobs/handlers';
import { PEOPLE_IMPORT_PURGE_QUEUE } from '@/lib/jobs/queues';
import { SCHEDULES } from '@/lib/jobs/schedules';
import { DIRECTORY_HEADER } from '@/lib/people/directory';
import { chooseImportColumns, confirmImport, uploadImport } from '@/lib/people/import-actions';
import { getOwnImport, previewOf, writeQueuedImport } from '@/lib/people/import-records';
import { countsToken, planCounts } from '@/lib/people/rules';
import { buildWorld, createTeam, createUser, type World } from '../factories';
import { csvOf } from '../support/csv';
import { eventually, startTestWorker } from '../support/jobs';
import { signInAs } from '../support/session';
import { snapshotDatabase } from '../support/snapshot';

let world: World;

beforeEach(async () => {
  world = await buildWorld();
});

const csv = (rows: string[][]) => rows.map((row) => row.map((cell) => (/[",\n]/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell)).join(',')).join('\r\n');
const file = (content: string | Uint8Array, name = 'staff.csv') => new File([content as BlobPart], name, { type: 'text/csv' });
const formOf = (fields: Record<string, string | File>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
};

function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

async function upload(content: string | Uint8Array, as: { id: string } = world.admin) {
  signInAs(as);
  return uploadImport(null, formOf({ file: file(content) }));
}

async function expectedOf(importId: string, userId = world.admin.id) {
  const stored = (await getOwnImport(importId, userId))!;
  return { version: stored.version, expected: countsToken(planCounts(await previewOf(stored))) };
}

describe('uploading a file', () => {
  it('refuses what is not a CSV file of people, says why, and keeps nothing', async () => {
    const before = await snapshotDatabase();
    const refusals: Array<[string | Uint8Array, RegExp]> = [
      ['', /The file is empty/u],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), /spreadsheet workbook, not CSV/u],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /not a CSV file/u],
      ['   \r\n\r\n', /The file is empty/u],
      ['Name,Email\r\n', /nobody under it/u],
      ['Name,Email\r\n"Unclosed,quote@nhs.net\r\n', /ends inside a quoted cell/u],
    ];
    for (const [content, message] of refusals) {
      const result = await upload(content);
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
      expect(JSON.stringify(result)).toMatch(message);
    }
    // A 50 MB file: refused by size before it is read.
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const tooBig = await upload(huge);
    expect(tooBig).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { file: [expect.stringContaining('The file is 50.0 MB: it must be 10.0 MB or smaller')] } });
    // Neither a file nor rows, or both.
    signInAs(world.admin);
    expect(await uploadImport(null, formOf({ pasted: '  ' }))).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringContaining('Choose a CSV file, or paste rows')] } });
    expect(await uploadImport(null, formOf({ file: file('Name,Email\r\nA,a@nhs.net'), pasted: 'Name\tEmail\nB\tb@nhs.net' }))).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await snapshotDatabase()).toEqual(before);
  });

  it('reads pasted rows and Excel’s Windows-1252 CSV, guesses the columns, and changes no one', async () => {
    const ward = await createTeam({ name: `Paste ward ${world.suffix}` });
    const before = await db.user.count();
    signInAs(world.admin);
    const pasted = ok(await uploadImport(null, formOf({ pasted: `Full name\tEmail address\tDepartment\tRole in team\nSiobhán Paste\tsiobhan-${world.suffix}@nhs.net\t${ward.name}\tPeer worker\n` })));
    expect(pasted.columnsRecognised).toBe(true);
    const stored = (await getOwnImport(pasted.importId, world.admin.id))!;
    expect(stored).toMatchObject({ fileName: 'Pasted rows', status: 'DRAFT', mapping: { name: 0, email: 1, team: 2, teamRole: 3, jobTitle: null, orgRole: null } });
    expect(stored.cells[1][0]).toBe('Siobhán Paste');
    // "Siobhán" as Excel's plain CSV writes it in the UK: one byte for á.
    const latin = new Uint8Array([...new TextEncoder().encode('Name,Email\r\nSiobh'), 0xe1, ...new TextEncoder().encode(`n Latin,latin-${world.suffix}@nhs.net\r\n`)]);
    const read = ok(await upload(latin));
    expect((await getOwnImport(read.importId, world.admin.id))!.cells[1][0]).toBe('Siobhán Latin');
    // One draft at a time: the pasted one was replaced.
    expect(await getOwnImport(pasted.importId, world.admin.id)).toBeNull();
    expect(await db.user.count()).toBe(before);
    expect(await db.auditEvent.count({ where: { action: 'people.import.upload', actorId: world.admin.id } })).toBe(2);
  });

  it('asks for the columns when the headings are not recognised, and checks the choice', async () => {
    const uploaded = ok(await upload(csv([['Col A', 'Col B', 'Col C'], ['Ann Hand', `ann-${world.suffix}@nhs.net`, 'Nurse']])));
    expect(uploaded.columnsRecognised).toBe(false);
    const { version } = (await getOwnImport(uploaded.importId, world.admin.id))!;
    signInAs(world.admin);
    // No email column, then two fields on one column: refused, nothing changed.
    expect(await chooseImportColumns(null, { importId: uploaded.importId, version: String(version), name: '0', email: '', jobTitle: '2', team: '', teamRole: '', orgRole: '' })).toMatchObject({ ok: false, code: 'VALIDATION', error: expect.stringContaining('email address') });
    expect(await chooseImportColumns(null, { importId: uploaded.importId, version: String(version), name: '0', email: '0', jobTitle: '', team: '', teamRole: '', orgRole: '' })).toMatchObject({ ok: false, error: expect.stringContaining('different column') });
    expect(await chooseImportColumns(null, { importId: uploaded.importId, version: String(version), name: '0', email: '9', jobTitle: '', team: '', teamRole: '', orgRole: '' })).toMatchObject({ ok: false, error: expect.stringContaining('not in the file') });
    ok(await chooseImportColumns(null, { importId: uploaded.importId, version: String(version), name: '0', email: '1', jobTitle: '2', team: '', teamRole: '', orgRole: '' }));
    // The old version is now stale.
    expect(await chooseImportColumns(null, { importId: uploaded.importId, version: String(version), name: '0', email: '1', jobTitle: '', team: '', teamRole: '', orgRole: '' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const plan = await previewOf((await getOwnImport(uploaded.importId, world.admin.id))!);
    expect(plan.rows).toEqual([{ line: 2, email: `ann-${world.suffix}@nhs.net`, name: 'Ann Hand', team: '', outcome: 'CREATE', errors: [] }]);
  });
});

describe('confirming an import', () => {
  it('writes a small import at once, all of it, and gives each row’s outcome; the same file again changes nothing', async () => {
    const ward = await createTeam({ name: `Confirm ward ${world.suffix}` });
    const jo = await createUser({ name: 'Jo Known', email: `jo-${world.suffix}@nhs.net` });
    const rows = [DIRECTORY_HEADER, ['Sam New', `sam-${world.suffix}@nhs.net`, 'Peer support worker', ward.name, 'Peer worker', ''], ['Jo Known', jo.email, 'Nurse', ward.name, 'Staff', '']];
    const uploaded = ok(await upload(csv(rows)));
    const preview = await expectedOf(uploaded.importId);
    signInAs(world.admin);
    // A preview that no longer matches (the counts posted are not today's): refused, nothing written.
    const before = await snapshotDatabase();
    expect(await confirmImport(null, { importId: uploaded.importId, version: String(preview.version), expected: '0-0-2-0-0' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await snapshotDatabase()).toEqual(before);

    expect(ok(await confirmImport(null, { importId: uploaded.importId, version: String(preview.version), expected: preview.expected }))).toEqual({ importId: uploaded.importId, queued: false });
    const done = (await getOwnImport(uploaded.importId, world.admin.id))!;
    expect(done).toMatchObject({ status: 'DONE', result: { created: 1, updated: 1, unchanged: 0, disabled: 0 } });
    expect(await db.user.findUniqueOrThrow({ where: { email: `sam-${world.suffix}@nhs.net` }, select: { memberships: { select: { teamId: true, role: true } } } })).toEqual({ memberships: [{ teamId: ward.id, role: 'PEER_WORKER' }] });
    expect(await db.auditEvent.count({ where: { action: 'people.import.confirm', recordId: uploaded.importId } })).toBe(1);

    // Confirming again is refused: it has been written.
    expect(await confirmImport(null, { importId: uploaded.importId, version: String(done.version), expected: preview.expected })).toMatchObject({ ok: false, code: 'CONFLICT' });

    // The result file: each row and what happened to it.
    const response = await resultCsv(new Request(`http://localhost/people/import/${uploaded.importId}/result.csv`));
    expect(response.status).toBe(200);
    expect(await csvOf(response)).toEqual([
      ['Line', 'Name', 'Email', 'Team', 'What happened', 'Problem'],
      ['2', 'Sam New', `sam-${world.suffix}@nhs.net`, ward.name, 'Add', ''],
      ['3', 'Jo Known', jo.email, ward.name, 'Update', ''],
    ]);

    // The same file again: every row unchanged, and nothing to import.
    const again = ok(await upload(csv(rows)));
    const plan = await previewOf((await getOwnImport(again.importId, world.admin.id))!);
    expect(planCounts(plan)).toMatchObject({ create: 0, update: 0, unchanged: 2, errors: 0 });
  });

  it('refuses a file with problems, and shows each row’s reason in the preview', async () => {
    const ward = await createTeam({ name: `Problem ward ${world.suffix}` });
    const uploaded = ok(await upload(csv([DIRECTORY_HEADER, ['Good Row', `good-${world.suffix}@nhs.net`, '', ward.name, 'Manager', ''], ['Bad Team', `bad-${world.suffix}@nhs.net`, '', 'Nowhere', 'Manager', ''], ['Twice', `good-${world.suffix}@nhs.net`, '', '', '', ''], ['Bad Role', `role-${world.suffix}@nhs.net`, '', ward.name, 'Boss', '']])));
    const stored = (await getOwnImport(uploaded.importId, world.admin.id))!;
    const plan = await previewOf(stored);
    expect(plan.rows.map((row) => [row.line, row.outcome, row.errors[0]])).toEqual([
      [2, 'ERROR', 'Not imported: another of this person’s rows has a problem'],
      [3, 'ERROR', 'There is no team called “Nowhere”: add it first, or check its spelling'],
      [4, 'ERROR', `good-${world.suffix}@nhs.net is on line 2 with a different name, job title or organisation role: a person’s rows must agree`],
      [5, 'ERROR', '“Boss” is not a team role: use Manager, Staff (non-peer) or Peer worker'],
    ]);
    const before = await snapshotDatabase();
    signInAs(world.admin);
    expect(await confirmImport(null, { importId: stored.id, version: String(stored.version), expected: countsToken(planCounts(plan)) })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await snapshotDatabase()).toEqual(before);
    // The preview file says the same.
    const preview = await csvOf(await resultCsv(new Request(`http://localhost/people/import/${stored.id}/result.csv`)));
    expect(preview[0]).toEqual(['Line', 'Name', 'Email', 'Team', 'What would happen', 'Problem']);
    expect(preview[2]).toEqual(['3', 'Bad Team', `bad-${world.suffix}@nhs.net`, 'Nowhere', 'Problem', 'There is no team called “Nowhere”: add it first, or check its spelling']);
  });

  it('shows and confirms an import only for the administrator who uploaded it', async () => {
    const uploaded = ok(await upload(csv([DIRECTORY_HEADER, ['Private Row', `private-${world.suffix}@nhs.net`, '', '', '', '']])));
    const preview = await expectedOf(uploaded.importId);
    const otherAdmin = await createUser({ name: 'Other Admin', email: `other-admin-${world.suffix}@nhs.net`, orgRole: 'ADMIN' });
    const before = await snapshotDatabase();
    for (const who of [otherAdmin, world.hr, world.managerOfThisTeam, world.peerWorker]) {
      expect(await getOwnImport(uploaded.importId, who.id)).toBeNull();
      signInAs(who);
      const refused = await confirmImport(null, { importId: uploaded.importId, version: String(preview.version), expected: preview.expected });
      expect(refused).toMatchObject({ ok: false, code: who === otherAdmin ? 'NOT_FOUND' : 'FORBIDDEN' });
      expect((await resultCsv(new Request(`http://localhost/people/import/${uploaded.importId}/result.csv`))).status).toBe(404);
    }
    signInAs(null);
    expect((await resultCsv(new Request(`http://localhost/people/import/${uploaded.importId}/result.csv`))).status).toBe(401);
    expect(await snapshotDatabase()).toEqual(before);
  });
});

describe('changes to who is an administrator', () => {
  it('lists them in the preview, asks for them on their own, and audits each role change', async () => {
    const promoted = await createUser({ name: 'Promoted Person', email: `promoted-${world.suffix}@nhs.net`, orgRole: 'HR' });
    const uploaded = ok(await upload(csv([DIRECTORY_HEADER, [promoted.name, promoted.email, '', '', '', 'Administrator']])));
    const stored = (await getOwnImport(uploaded.importId, world.admin.id))!;
    const plan = await previewOf(stored);
    expect(plan.roleChanges).toEqual([{ email: promoted.email, name: promoted.name, from: 'HR', to: 'ADMIN' }]);
    const expected = countsToken(planCounts(plan));
    signInAs(world.admin);
    const before = await snapshotDatabase();
    expect(await confirmImport(null, { importId: stored.id, version: String(stored.version), expected })).toMatchObject({ ok: false, fieldErrors: { administratorChanges: [expect.stringContaining('Tick to confirm')] } });
    expect(await snapshotDatabase()).toEqual(before);
    ok(await confirmImport(null, { importId: stored.id, version: String(stored.version), expected, administratorChanges: 'yes' }));
    expect(await db.user.findUniqueOrThrow({ where: { id: promoted.id }, select: { orgRole: true } })).toEqual({ orgRole: 'ADMIN' });
    const [event] = await db.auditEvent.findMany({ where: { action: 'person.import.update', recordId: promoted.id } });
    expect(event.summary).toBe('Updated Promoted Person from an import: organisation role HR and recruitment → Administrator');
  });
});

describe('a large import', () => {
  it('writes 5,000 rows through the background worker, with progress, all of them together', async () => {
    const teams = await Promise.all([0, 1, 2, 3].map((index) => createTeam({ name: `Large ${index} ${world.suffix}` })));
    const roles = ['Peer worker', 'Staff (non-peer)', 'Manager'];
    const rows = [DIRECTORY_HEADER, ...Array.from({ length: 5_000 }, (_, index) => [`Person ${index}`, `large-${String(index).padStart(4, '0')}-${world.suffix}@nhs.net`, 'Support worker', teams[index % 4].name, roles[index % 3], ''])];
    const uploaded = ok(await upload(csv(rows)));
    const preview = await expectedOf(uploaded.importId);
    expect(preview.expected.startsWith('5000-0-')).toBe(true);
    signInAs(world.admin);
    const before = await db.user.count();
    expect(ok(await confirmImport(null, { importId: uploaded.importId, version: String(preview.version), expected: preview.expected }))).toEqual({ importId: uploaded.importId, queued: true });
    // Confirmed, not written: the worker does that.
    expect(await db.user.count()).toBe(before);
    expect((await getOwnImport(uploaded.importId, world.admin.id))!).toMatchObject({ status: 'QUEUED', total: 5_000, processed: 0 });

    const worker = await startTestWorker();
    try {
      const done = await eventually(
        async () => {
          const now = (await getOwnImport(uploaded.importId, world.admin.id))!;
          return now.status === 'DONE' || now.status === 'FAILED' ? now : null;
        },
        { timeoutMs: 240_000, what: 'the import to be written' },
      );
      expect(done).toMatchObject({ status: 'DONE', processed: 5_000, result: { created: 5_000, updated: 0, unchanged: 0, disabled: 0 } });
    } finally {
      await worker.stop();
    }
    expect(await db.user.count()).toBe(before + 5_000);
    expect(await db.teamMembership.count({ where: { teamId: { in: teams.map((team) => team.id) } } })).toBe(5_000);
    expect(await db.invitation.count({ where: { user: { email: { startsWith: 'large-' } } } })).toBe(5_000);
    expect(await db.auditEvent.count({ where: { action: 'person.import.create', actorId: world.admin.id } })).toBe(5_000);
    expect(await db.auditEvent.count({ where: { action: 'people.import.write', recordId: uploaded.importId } })).toBe(1);
  }, 300_000);

  it('writes nothing when someone joined after the confirmation, or the administrator who confirmed is one no longer', async () => {
    const rows = [DIRECTORY_HEADER, ...Array.from({ length: 250 }, (_, index) => [`Queued ${index}`, `queued-${index}-${world.suffix}@nhs.net`, '', '', '', ''])];
    const confirmQueued = async () => {
      const uploaded = ok(await upload(csv(rows)));
      const preview = await expectedOf(uploaded.importId);
      signInAs(world.admin);
      expect(ok(await confirmImport(null, { importId: uploaded.importId, version: String(preview.version), expected: preview.expected, disableMissing: 'yes' })).queued).toBe(true);
      return uploaded.importId;
    };
    // Someone added between the confirmation and the job would have been disabled as missing from the file: the counts no longer hold.
    const first = await confirmQueued();
    const newcomer = await createUser({ name: 'Joined Meanwhile', email: `meanwhile-${world.suffix}@nhs.net` });
    const before = await snapshotDatabase();
    expect(await writeQueuedImport(first)).toEqual({ status: 'FAILED' });
    expect((await getOwnImport(first, world.admin.id))!.failure).toContain('People or teams have changed since you checked the preview');
    expect(await db.user.findUniqueOrThrow({ where: { id: newcomer.id }, select: { disabledAt: true } })).toEqual({ disabledAt: null });
    expect((await snapshotDatabase()).counts.User).toBe(before.counts.User);
    // The administrator who confirmed is demoted before the job runs: nothing is written in their name.
    await db.user.delete({ where: { id: newcomer.id } });
    const second = await confirmQueued();
    await db.user.update({ where: { id: world.admin.id }, data: { orgRole: 'HR' } });
    expect(await writeQueuedImport(second)).toEqual({ status: 'FAILED' });
    expect((await getOwnImport(second, world.admin.id))!.failure).toContain('no longer an administrator');
    expect(await db.user.count({ where: { email: { startsWith: 'queued-' } } })).toBe(0);
  });

  it('fails with the reason and writes nothing when the people or teams changed after the confirmation', async () => {
    const ward = await createTeam({ name: `Vanishing ward ${world.suffix}` });
    const rows = [DIRECTORY_HEADER, ...Array.from({ length: 250 }, (_, index) => [`Later ${index}`, `later-${index}-${world.suffix}@nhs.net`, '', ward.name, 'Staff', ''])];
    const uploaded = ok(await upload(csv(rows)));
    const preview = await expectedOf(uploaded.importId);
    signInAs(world.admin);
    expect(ok(await confirmImport(null, { importId: uploaded.importId, version: String(preview.version), expected: preview.expected })).queued).toBe(true);
    await db.team.update({ where: { id: ward.id }, data: { archivedAt: new Date() } });
    const before = await db.user.count();
    expect(await writeQueuedImport(uploaded.importId)).toEqual({ status: 'FAILED' });
    expect(await db.user.count()).toBe(before);
    expect((await getOwnImport(uploaded.importId, world.admin.id))!).toMatchObject({ status: 'FAILED', failure: expect.stringContaining('250 rows have a problem') });
    // A failed import has no result file.
    expect((await resultCsv(new Request(`http://localhost/people/import/${uploaded.importId}/result.csv`))).status).toBe(404);
  });
});

describe('forgetting old imports', () => {
  it('runs nightly as people.import.purge: drafts after a week, written or failed imports after 30 days, never one waiting or being written', async () => {
    expect(SCHEDULES.find((schedule) => schedule.queue === PEOPLE_IMPORT_PURGE_QUEUE)).toMatchObject({ cron: '0 4 * * *' });
    const day = 24 * 60 * 60 * 1000;
    const make = (status: 'DRAFT' | 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED', daysOld: number) =>
      db.peopleImport.create({
        data: { createdById: world.admin.id, fileName: `${status}-${daysOld}.csv`, cells: [['Name', 'Email']], mapping: {}, status, updatedAt: new Date(Date.now() - daysOld * day), finishedAt: status === 'DONE' || status === 'FAILED' ? new Date(Date.now() - daysOld * day) : null },
        select: { id: true, fileName: true },
      });
    const gone = await Promise.all([make('DRAFT', 8), make('DONE', 31), make('FAILED', 40)]);
    const kept = await Promise.all([make('DRAFT', 6), make('DONE', 29), make('QUEUED', 60), make('RUNNING', 60)]);
    expect(await HANDLERS[PEOPLE_IMPORT_PURGE_QUEUE](null)).toEqual({ draftsRemoved: 1, importsRemoved: 2 });
    const left = await db.peopleImport.findMany({ where: { id: { in: [...gone, ...kept].map((item) => item.id) } }, select: { fileName: true } });
    expect(left.map((item) => item.fileName).sort()).toEqual(kept.map((item) => item.fileName).sort());
  });
});
