// Key rotation for supervision notes (issue 12, §3), on real PostgreSQL:
// `npm run keys:rotate` (lib/supervision/key-rotation.ts) re-encrypts every
// session note, list of who attended, comment and action under the first key, co-signed records
// included (the guard trigger lets only a rotating transaction touch their
// notes and attendees), encrypts attendees stored as typed before they were
// encrypted, resumes where it stopped, changes nothing on a second run, and stops
// on a value that does not decrypt, naming only its table and id.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { db } from '@/lib/db';
import { ENCRYPTED_FIELDS, NoteDecryptionError, decryptField, encryptField, generateKeyEntry, keyIdOf, parseKeyring, type FieldContext } from '@/lib/supervision/crypto';
import { rotateNoteKeys, valuesToRotate } from '@/lib/supervision/key-rotation';
import { buildWorld, createComment, createSession, createSessionAction, supervisedPeerWorker, type World } from '../factories';

const entryA = generateKeyEntry('keyA');
const entryB = generateKeyEntry('keyB');
const ringA = parseKeyring(entryA);
const ringBA = parseKeyring(`${entryB},${entryA}`);
const ringB = parseKeyring(entryB);

type Column = (typeof ENCRYPTED_FIELDS)[number];

interface Stored {
  table: Column['table'];
  field: Column['field'];
  id: string;
  value: string;
}

/** Every encrypted value as stored, read from the raw columns. */
async function storedValues(): Promise<Stored[]> {
  const all: Stored[] = [];
  for (const { table, field } of ENCRYPTED_FIELDS) {
    const rows = await db.$queryRawUnsafe<Array<{ id: string; value: string }>>(`SELECT id::text AS id, "${field}" AS value FROM "${table}" ORDER BY id`);
    all.push(...rows.map((row) => ({ table, field, ...row })));
  }
  return all;
}

const contextOf = (stored: Stored) => ({ table: stored.table, field: stored.field, recordId: stored.id }) as FieldContext;
/** The text a stored value was written from, by column and record. */
const textOf = (stored: Stored) => texts.get(`${stored.field}:${stored.id}`);

let world: World;
let texts: Map<string, string>;
let cosignedId: string;
let unsignedId: string;
let total: number;

const PHRASES = {
  unsigned: 'Pat said the handover meeting left her feeling like a junior nurse',
  attendeesUnsigned: 'Sam Okafor, student nurse',
  attendeesCosigned: 'Dr Lena Marsh, consultant psychiatrist',
  cosigned: 'We agreed Pat can decline to give medication reminders: it is outside the peer role',
  lineManagement: 'Pat asked for a phased return after her leave in the spring',
  commentUnsigned: 'I would add that I raised this twice before',
  commentCosigned: 'A fair record of a hard conversation',
  actionUnsigned: 'Pat to write down three boundaries she wants to keep',
  actionCosigned: 'Priya to speak to the ward manager about medication reminders',
};

beforeEach(async () => {
  // Each test starts with only its own notes (rotation works on every row). Co-signed records cannot be
  // deleted, so the guard is set aside for this clean-up only, inside its transaction (this file's own database).
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "SupervisionSession" DISABLE TRIGGER "SupervisionSession_guard"`);
    await tx.$executeRawUnsafe(`DELETE FROM "SupervisionAction"`);
    await tx.$executeRawUnsafe(`DELETE FROM "SupervisionComment"`);
    await tx.$executeRawUnsafe(`DELETE FROM "SupervisionSession"`);
    await tx.$executeRawUnsafe(`ALTER TABLE "SupervisionSession" ENABLE TRIGGER "SupervisionSession_guard"`);
  });
  world = await buildWorld();
  const supervised = await supervisedPeerWorker(world);
  const { peer, lineManagement } = supervised.arrangements;
  texts = new Map();
  const unsigned = await createSession(peer, { notes: PHRASES.unsigned, attendees: PHRASES.attendeesUnsigned, heldOn: new Date(Date.UTC(2026, 11, 1)), keyring: ringA });
  const cosigned = await createSession(peer, { notes: PHRASES.cosigned, attendees: PHRASES.attendeesCosigned, heldOn: new Date(Date.UTC(2026, 10, 3)), cosignedAt: new Date(Date.UTC(2026, 10, 4)), keyring: ringA });
  // Nobody else attended: encrypted all the same, so a dump does not even say whether anyone did.
  const line = await createSession(lineManagement, { notes: PHRASES.lineManagement, keyring: ringA });
  texts.set(`notes:${unsigned.id}`, PHRASES.unsigned).set(`notes:${cosigned.id}`, PHRASES.cosigned).set(`notes:${line.id}`, PHRASES.lineManagement);
  texts.set(`attendees:${unsigned.id}`, PHRASES.attendeesUnsigned).set(`attendees:${cosigned.id}`, PHRASES.attendeesCosigned).set(`attendees:${line.id}`, '');
  const c1 = await createComment(unsigned, world.peerWorker, PHRASES.commentUnsigned, { keyring: ringA });
  const c2 = await createComment(cosigned, world.peerWorker, PHRASES.commentCosigned, { keyring: ringA });
  texts.set(`text:${c1.id}`, PHRASES.commentUnsigned).set(`text:${c2.id}`, PHRASES.commentCosigned);
  const a1 = await createSessionAction(unsigned, world.peerWorker, { text: PHRASES.actionUnsigned, keyring: ringA });
  const a2 = await createSessionAction(cosigned, supervised.peerSupervisor, { text: PHRASES.actionCosigned, status: 'DONE', keyring: ringA });
  texts.set(`text:${a1.id}`, PHRASES.actionUnsigned).set(`text:${a2.id}`, PHRASES.actionCosigned);
  cosignedId = cosigned.id;
  unsignedId = unsigned.id;
  total = texts.size;
});

/** Everything about a session but its encrypted values, as the database holds it. */
async function sessionWithoutNotes(id: string) {
  const { notes, attendees, ...rest } = await db.supervisionSession.findUniqueOrThrow({ where: { id } });
  expect([typeof notes, typeof attendees]).toEqual(['string', 'string']);
  return rest;
}

function expectAllUnder(values: Stored[], keyId: string) {
  for (const stored of values) expect({ table: stored.table, field: stored.field, id: stored.id, keyId: keyIdOf(stored.value) }).toEqual({ table: stored.table, field: stored.field, id: stored.id, keyId });
}

describe('rotateNoteKeys', () => {
  it('re-encrypts every note, list of who attended, comment and action under the new key, co-signed records included, to the same text', async () => {
    const before = await storedValues();
    expect(before).toHaveLength(total);
    expectAllUnder(before, 'keyA');
    const cosignedBefore = await sessionWithoutNotes(cosignedId);
    expect(cosignedBefore.cosignedAt).not.toBeNull();
    expect(await valuesToRotate(ringBA)).toBe(total);
    expect(await valuesToRotate(ringA)).toBe(0);

    const progress: Array<[string, number]> = [];
    const result = await rotateNoteKeys({ keyring: ringBA, batchSize: 2, onProgress: (field, done) => progress.push([field, done]) });

    expect(result).toEqual({ keyId: 'keyB', reencrypted: { 'SupervisionSession.notes': 3, 'SupervisionSession.attendees': 3, 'SupervisionComment.text': 2, 'SupervisionAction.text': 2 } });
    // Progress is counts per column only, never text.
    expect(progress).toEqual([
      ['SupervisionSession.notes', 2],
      ['SupervisionSession.notes', 3],
      ['SupervisionSession.attendees', 2],
      ['SupervisionSession.attendees', 3],
      ['SupervisionComment.text', 2],
      ['SupervisionAction.text', 2],
    ]);
    const after = await storedValues();
    expectAllUnder(after, 'keyB');
    for (const stored of after) {
      const old = before.find((candidate) => candidate.id === stored.id && candidate.field === stored.field)!;
      expect(stored.value).not.toBe(old.value);
      // The same text, readable with the new key alone: the old key can now be dropped.
      expect(decryptField(stored.value, contextOf(stored), ringB)).toBe(textOf(stored));
      expect(decryptField(stored.value, contextOf(stored), ringBA)).toBe(textOf(stored));
      expect(() => decryptField(stored.value, contextOf(stored), ringA)).toThrow(NoteDecryptionError);
      // Still bound to its own record.
      expect(() => decryptField(stored.value, { ...contextOf(stored), recordId: unsignedId === stored.id ? cosignedId : unsignedId }, ringB)).toThrow(NoteDecryptionError);
    }
    expect(await sessionWithoutNotes(cosignedId)).toEqual(cosignedBefore);
    expect(await valuesToRotate(ringBA)).toBe(0);
  });

  it('re-encrypts nothing on a second run', async () => {
    await rotateNoteKeys({ keyring: ringBA });
    const once = await storedValues();
    const progress: unknown[] = [];
    const again = await rotateNoteKeys({ keyring: ringBA, onProgress: (...args) => progress.push(args) });
    expect(again).toEqual({ keyId: 'keyB', reencrypted: { 'SupervisionSession.notes': 0, 'SupervisionSession.attendees': 0, 'SupervisionComment.text': 0, 'SupervisionAction.text': 0 } });
    expect(progress).toEqual([]);
    expect(await storedValues()).toEqual(once);
  });

  it('can be stopped after any batch and carries on where it stopped', async () => {
    const stop = new Error('stopped by the operator');
    await expect(
      rotateNoteKeys({
        keyring: ringBA,
        batchSize: 1,
        onProgress: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);

    // The first batch (one value) was committed; the rest waits.
    const partway = await storedValues();
    expect(partway.filter((stored) => keyIdOf(stored.value) === 'keyB')).toHaveLength(1);
    expect(partway.filter((stored) => keyIdOf(stored.value) === 'keyA')).toHaveLength(total - 1);
    expect(await valuesToRotate(ringBA)).toBe(total - 1);
    // Both keys are listed, so everything still reads.
    for (const stored of partway) expect(decryptField(stored.value, contextOf(stored), ringBA)).toBe(textOf(stored));

    // Stopped again two batches later.
    let batches = 0;
    await expect(
      rotateNoteKeys({
        keyring: ringBA,
        batchSize: 1,
        onProgress: () => {
          batches += 1;
          if (batches === 2) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(await valuesToRotate(ringBA)).toBe(total - 3);

    const finish = await rotateNoteKeys({ keyring: ringBA, batchSize: 1 });
    expect(Object.values(finish.reencrypted).reduce((sum, count) => sum + count, 0)).toBe(total - 3);
    const done = await storedValues();
    expectAllUnder(done, 'keyB');
    for (const stored of done) expect(decryptField(stored.value, contextOf(stored), ringB)).toBe(textOf(stored));
    expect(await valuesToRotate(ringBA)).toBe(0);
  });

  it('rotates again to a third key, reading values under either older key while both are listed', async () => {
    await rotateNoteKeys({ keyring: ringBA, batchSize: 1, onProgress: () => { throw new Error('stop'); } }).catch(() => undefined);
    const entryC = generateKeyEntry('keyC');
    const ringCBA = parseKeyring(`${entryC},${entryB},${entryA}`);
    const result = await rotateNoteKeys({ keyring: ringCBA });
    expect(Object.values(result.reencrypted).reduce((sum, count) => sum + count, 0)).toBe(total);
    const after = await storedValues();
    expectAllUnder(after, 'keyC');
    for (const stored of after) expect(decryptField(stored.value, contextOf(stored), parseKeyring(entryC))).toBe(textOf(stored));
  });

  it('shares the work between two runs at once, each value re-encrypted once', async () => {
    const [first, second] = await Promise.all([rotateNoteKeys({ keyring: ringBA, batchSize: 1 }), rotateNoteKeys({ keyring: ringBA, batchSize: 1 })]);
    const sum = (result: typeof first) => Object.values(result.reencrypted).reduce((total, count) => total + count, 0);
    expect(sum(first) + sum(second)).toBe(total);
    const after = await storedValues();
    expectAllUnder(after, 'keyB');
    for (const stored of after) expect(decryptField(stored.value, contextOf(stored), ringB)).toBe(textOf(stored));
  });

  it('stops at a value that does not decrypt (here one moved onto another record), naming its table and id and never its text, and changes nothing in that batch', async () => {
    const [moved, target] = await db.supervisionComment.findMany({ orderBy: { id: 'asc' }, select: { id: true, text: true } });
    // A comment's stored value copied onto the other comment: valid under keyA, but bound to the first record.
    await db.$executeRaw`UPDATE "SupervisionComment" SET "text" = ${moved.text} WHERE id = ${target.id}::uuid`;

    let caught: unknown;
    try {
      await rotateNoteKeys({ keyring: ringBA, batchSize: 10 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NoteDecryptionError);
    const error = caught as NoteDecryptionError;
    expect(error.context).toEqual({ table: 'SupervisionComment', recordId: target.id, field: 'text' });
    for (const phrase of Object.values(PHRASES)) expect(`${error.message} ${error.stack}`).not.toContain(phrase);

    const after = await storedValues();
    // Sessions come first and were finished; the comments' batch was rolled back whole; actions were not reached.
    expectAllUnder(after.filter((stored) => stored.table === 'SupervisionSession'), 'keyB');
    expectAllUnder(after.filter((stored) => stored.table !== 'SupervisionSession'), 'keyA');
    expect(await valuesToRotate(ringBA)).toBe(4);

    // Once the bad value is dealt with (here: the comment written again by its author), rotation finishes.
    await db.$executeRaw`UPDATE "SupervisionComment" SET "text" = ${encryptField(PHRASES.commentCosigned, { table: 'SupervisionComment', recordId: target.id, field: 'text' }, ringA)} WHERE id = ${target.id}::uuid`;
    await rotateNoteKeys({ keyring: ringBA });
    expect(await valuesToRotate(ringBA)).toBe(0);
  });
  it('encrypts who attended sessions recorded before that was encrypted (stored as typed), co-signed ones included; an empty one stays empty', async () => {
    const rotating = (sql: string, ...values: unknown[]) =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL peerroles.rotating_keys = 'on'`);
        await tx.$executeRawUnsafe(sql, ...values);
      });
    // As a database from before this change holds them (written here under the rotation setting, as the guard requires on a co-signed record).
    await rotating(`UPDATE "SupervisionSession" SET "attendees" = $1 WHERE id = $2::uuid`, PHRASES.attendeesCosigned, cosignedId);
    await rotating(`UPDATE "SupervisionSession" SET "attendees" = '' WHERE id <> $1::uuid AND id <> $2::uuid`, cosignedId, unsignedId);
    // Read as typed in the meantime, only for this column.
    const [legacy] = await db.$queryRaw<Array<{ attendees: string }>>`SELECT attendees FROM "SupervisionSession" WHERE id = ${cosignedId}::uuid`;
    expect(keyIdOf(legacy.attendees)).toBeNull();
    expect(await valuesToRotate(ringA)).toBe(1);

    const result = await rotateNoteKeys({ keyring: ringA });
    expect(result.reencrypted).toEqual({ 'SupervisionSession.notes': 0, 'SupervisionSession.attendees': 1, 'SupervisionComment.text': 0, 'SupervisionAction.text': 0 });
    const [row] = await db.$queryRaw<Array<{ attendees: string }>>`SELECT attendees FROM "SupervisionSession" WHERE id = ${cosignedId}::uuid`;
    expect(row.attendees).not.toContain('Lena');
    expect(keyIdOf(row.attendees)).toBe('keyA');
    expect(decryptField(row.attendees, { table: 'SupervisionSession', recordId: cosignedId, field: 'attendees' }, ringA)).toBe(PHRASES.attendeesCosigned);
    const empty = await db.$queryRaw<Array<{ attendees: string }>>`SELECT attendees FROM "SupervisionSession" WHERE id <> ${cosignedId}::uuid AND id <> ${unsignedId}::uuid`;
    expect(empty.map((one) => one.attendees)).toEqual(['']);
    expect(await valuesToRotate(ringA)).toBe(0);
  });

  it('treats a value not in the encrypted form as plaintext only for who attended: a note stored as typed does not decrypt', async () => {
    const [session] = await db.$queryRaw<Array<{ id: string }>>`SELECT id::text AS id FROM "SupervisionSession" WHERE id = ${unsignedId}::uuid`;
    await db.$executeRaw`UPDATE "SupervisionSession" SET "notes" = 'planted as plaintext' WHERE id = ${session.id}::uuid`;
    await expect(rotateNoteKeys({ keyring: ringBA })).rejects.toBeInstanceOf(NoteDecryptionError);
  });
});

describe('the co-signed record guard', () => {
  it('refuses a normal change to a co-signed session’s notes, by SQL or through Prisma', async () => {
    const replacement = encryptField('Rewritten after the fact', { table: 'SupervisionSession', recordId: cosignedId, field: 'notes' }, ringA);
    await expect(db.$executeRaw`UPDATE "SupervisionSession" SET "notes" = ${replacement} WHERE id = ${cosignedId}::uuid`).rejects.toThrow(/a co-signed supervision record cannot be changed/u);
    await expect(db.supervisionSession.update({ where: { id: cosignedId }, data: { notes: replacement } })).rejects.toThrow(/co-signed supervision record cannot be changed/u);
    // Not even re-encrypted under a new key, outside rotation.
    const reencrypted = encryptField(PHRASES.cosigned, { table: 'SupervisionSession', recordId: cosignedId, field: 'notes' }, ringBA);
    await expect(db.$executeRaw`UPDATE "SupervisionSession" SET "notes" = ${reencrypted} WHERE id = ${cosignedId}::uuid`).rejects.toThrow(/cannot be changed/u);
    await expect(db.$executeRaw`DELETE FROM "SupervisionSession" WHERE id = ${cosignedId}::uuid`).rejects.toThrow(/a co-signed supervision record cannot be deleted/u);
    const [row] = await db.$queryRaw<Array<{ notes: string }>>`SELECT notes FROM "SupervisionSession" WHERE id = ${cosignedId}::uuid`;
    expect(decryptField(row.notes, { table: 'SupervisionSession', recordId: cosignedId, field: 'notes' }, ringA)).toBe(PHRASES.cosigned);
  });

  it('lets a rotating transaction change the notes only, and only for that transaction', async () => {
    const reencrypted = encryptField(PHRASES.cosigned, { table: 'SupervisionSession', recordId: cosignedId, field: 'notes' }, ringBA);
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL peerroles.rotating_keys = 'on'`);
        await tx.$executeRaw`UPDATE "SupervisionSession" SET "heldOn" = '2026-11-10' WHERE id = ${cosignedId}::uuid`;
      }),
    ).rejects.toThrow(/cannot be changed/u);
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL peerroles.rotating_keys = 'on'`);
        await tx.$executeRaw`UPDATE "SupervisionSession" SET "notes" = ${reencrypted}, "topics" = ARRAY['other'] WHERE id = ${cosignedId}::uuid`;
      }),
    ).rejects.toThrow(/cannot be changed/u);
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL peerroles.rotating_keys = 'on'`);
      await tx.$executeRaw`UPDATE "SupervisionSession" SET "notes" = ${reencrypted} WHERE id = ${cosignedId}::uuid`;
    });
    // The setting ended with its transaction: every pooled connection refuses again.
    const another = encryptField('Rewritten after the fact', { table: 'SupervisionSession', recordId: cosignedId, field: 'notes' }, ringBA);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(db.$executeRaw`UPDATE "SupervisionSession" SET "notes" = ${another} WHERE id = ${cosignedId}::uuid`).rejects.toThrow(/cannot be changed/u);
    }
  });

  it('refuses a change to who attended a co-signed session outside rotation, and allows it inside', async () => {
    const replacement = encryptField('Someone who was not there', { table: 'SupervisionSession', recordId: cosignedId, field: 'attendees' }, ringA);
    await expect(db.$executeRaw`UPDATE "SupervisionSession" SET "attendees" = ${replacement} WHERE id = ${cosignedId}::uuid`).rejects.toThrow(/a co-signed supervision record cannot be changed/u);
    const reencrypted = encryptField(PHRASES.attendeesCosigned, { table: 'SupervisionSession', recordId: cosignedId, field: 'attendees' }, ringBA);
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL peerroles.rotating_keys = 'on'`);
      await tx.$executeRaw`UPDATE "SupervisionSession" SET "attendees" = ${reencrypted} WHERE id = ${cosignedId}::uuid`;
    });
    const [row] = await db.$queryRaw<Array<{ attendees: string }>>`SELECT attendees FROM "SupervisionSession" WHERE id = ${cosignedId}::uuid`;
    expect(decryptField(row.attendees, { table: 'SupervisionSession', recordId: cosignedId, field: 'attendees' }, ringB)).toBe(PHRASES.attendeesCosigned);
  });

  it('leaves an unsigned record’s notes free to change before it is co-signed', async () => {
    const rewritten = encryptField('Changed before co-signing', { table: 'SupervisionSession', recordId: unsignedId, field: 'notes' }, ringA);
    await db.$executeRaw`UPDATE "SupervisionSession" SET "notes" = ${rewritten} WHERE id = ${unsignedId}::uuid`;
    const { notes } = await db.supervisionSession.findUniqueOrThrow({ where: { id: unsignedId }, select: { notes: true } });
    expect(decryptField(notes, { table: 'SupervisionSession', recordId: unsignedId, field: 'notes' }, ringA)).toBe('Changed before co-signing');
  });
});

describe('npm run keys:rotate', () => {
  const ROOT = path.resolve(__dirname, '../..');
  const run = (env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/keys-rotate.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL!, ...env },
      timeout: 60_000,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
    );

  it('re-encrypts under the first configured key, printing counts and never text or keys, then nothing on a second run', async () => {
    const first = await run({ NOTES_ENCRYPTION_KEYS: `${entryB},${entryA}` });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/keyB/u);
    expect(first.stdout).toMatch(/\b10\b/u);
    expect(first.stdout).toMatch(/0 values? (are|is) still under an older key|nothing is left/iu);
    for (const secret of [...Object.values(PHRASES), entryA.split(':')[1], entryB.split(':')[1]]) expect(first.stdout + first.stderr).not.toContain(secret);
    expectAllUnder(await storedValues(), 'keyB');

    const second = await run({ NOTES_ENCRYPTION_KEYS: `${entryB},${entryA}` });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/nothing to re-encrypt|already/iu);
  }, 120_000);

  it('exits non-zero on a value that does not decrypt, naming only its table and id', async () => {
    const [moved, target] = await db.supervisionAction.findMany({ orderBy: { id: 'asc' }, select: { id: true, text: true } });
    await db.$executeRaw`UPDATE "SupervisionAction" SET "text" = ${moved.text} WHERE id = ${target.id}::uuid`;
    const result = await run({ NOTES_ENCRYPTION_KEYS: `${entryB},${entryA}` });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('SupervisionAction');
    expect(result.stderr).toContain(target.id);
    for (const secret of [...Object.values(PHRASES), moved.text, entryA.split(':')[1], entryB.split(':')[1]]) expect(result.stdout + result.stderr).not.toContain(secret);
  }, 120_000);

  it('refuses to start without a usable key, without showing what was given', async () => {
    const broken = `keyB:${entryB.split(':')[1].slice(0, 30)}`;
    const result = await run({ NOTES_ENCRYPTION_KEYS: broken });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/must be 32 bytes/u);
    expect(result.stderr).not.toContain(broken.split(':')[1]);
    expectAllUnder(await storedValues(), 'keyA');
  }, 120_000);
});
