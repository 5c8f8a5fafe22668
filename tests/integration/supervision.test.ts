// Supervision (issue 12) through its actions on real PostgreSQL: agreements on
// placements with their arrangements and signatures; sessions recorded by the
// supervisor or the peer worker, changed only by the recorder before co-signing,
// co-signed only by the other party and then never changed (the database refuses
// it too), amended as new records with the original kept; comments and agreed
// actions, encrypted, carried until done. Check-ins, the library and settings
// are in supervision-library.test.ts, the overdue reminders in
// supervision-reminders.test.ts, and what others may read in supervision-attacker-review.test.ts and supervision-at-rest.test.ts.
import type { ActionResult } from '@/lib/action';
import { db } from '@/lib/db';
import * as agreements from '@/lib/supervision/agreement-actions';
import * as checkIns from '@/lib/supervision/checkin-actions';
import { decryptField } from '@/lib/supervision/crypto';
import { getSession, getSessionToRevise } from '@/lib/supervision/queries';
import * as sessions from '@/lib/supervision/session-actions';
import {
  buildWorld,
  createArrangement,
  createAgreement as createAgreementRow,
  createSession,
  createUser,
  dateFields,
  placedPeerWorker,
  supervisedPeerWorker,
  type World,
} from '../factories';
import { actingAs, auditOf, currentUserOf } from '../support/roles';
import { snapshotDatabase } from '../support/snapshot';

type Ref = { id: string };
type Supervised = Awaited<ReturnType<typeof supervisedPeerWorker>>;

const DAY_MS = 24 * 60 * 60 * 1000;
const today = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};
const daysAgo = (days: number) => new Date(today().getTime() - days * DAY_MS);
const dayWords = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const NOTES = 'We talked about the ward round where Jo was asked to chase a prescription, and how it felt.';

let world: World;
let s: Supervised;

beforeEach(async () => {
  world = await buildWorld();
  s = await supervisedPeerWorker(world);
});

function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

/** Calls `call` as `who`, expects it refused with `code` (and the field, for VALIDATION), and that nothing changed. */
async function refused(who: Ref, call: () => Promise<ActionResult<unknown>>, code: string, field?: string) {
  const before = await snapshotDatabase();
  const result = await actingAs(who, call);
  expect(result).toMatchObject({ ok: false, code });
  if (field) expect(!result.ok && result.fieldErrors?.[field]).toBeTruthy();
  expect(await snapshotDatabase()).toEqual(before);
  return result;
}

const agreementVersion = async (agreementId: string) => (await db.supervisionAgreement.findUniqueOrThrow({ where: { id: agreementId }, select: { version: true } })).version;
const sessionRow = (sessionId: string) => db.supervisionSession.findUniqueOrThrow({ where: { id: sessionId } });
const notesOf = async (sessionId: string) => decryptField((await sessionRow(sessionId)).notes, { table: 'SupervisionSession', recordId: sessionId, field: 'notes' });

function sessionForm(arrangementId: string, overrides: Record<string, unknown> = {}) {
  return { arrangementId, heldOn: dateFields(daysAgo(3)), durationMinutes: '60', attendees: '', topics: ['lived-experience', 'outside-role'], notes: NOTES, ...overrides };
}

const record = (as: Ref, form: Record<string, unknown>) => actingAs(as, () => sessions.recordSession(null, form));

/** A session of peer supervision recorded through the action by the peer supervisor (unless told otherwise). */
async function recorded(as: Ref = s.peerSupervisor, arrangementId = s.arrangements.peer.id, overrides: Record<string, unknown> = {}) {
  return ok(await record(as, sessionForm(arrangementId, overrides)));
}

async function cosign(as: Ref, sessionId: string) {
  const { version } = await sessionRow(sessionId);
  return actingAs(as, () => sessions.cosignSession(null, { sessionId, version }));
}

describe('agreements', () => {
  it('are set up by the team’s manager, one per placement, for its peer worker and team', async () => {
    const { placement } = await placedPeerWorker(world);
    const { agreementId } = ok(await actingAs(world.managerOfThisTeam, () => agreements.createAgreement(null, { placementId: placement.id })));
    expect(await db.supervisionAgreement.findUniqueOrThrow({ where: { id: agreementId } })).toMatchObject({ placementId: placement.id, peerWorkerId: world.peerWorker.id, teamId: world.thisTeam.id, createdById: world.managerOfThisTeam.id, signedByPeerWorkerAt: null, version: 1 });
    expect(await auditOf(agreementId)).toEqual([expect.objectContaining({ action: 'supervision.agreement.create', actorId: world.managerOfThisTeam.id, summary: expect.stringContaining('Set up a supervision agreement for Pat Peer') })]);

    await refused(world.managerOfThisTeam, () => agreements.createAgreement(null, { placementId: placement.id }), 'CONFLICT');
  });

  it('may be set up by the placement’s line manager from another team, and by nobody else outside the team', async () => {
    const { placement } = await placedPeerWorker(world, { lineManager: world.managerOfOtherTeam });
    for (const who of [world.peerWorker, world.staff, world.hr, world.admin]) await refused(who, () => agreements.createAgreement(null, { placementId: placement.id }), 'FORBIDDEN');
    ok(await actingAs(world.managerOfOtherTeam, () => agreements.createAgreement(null, { placementId: placement.id })));
  });

  it('are not set up for an ended placement', async () => {
    const { placement } = await placedPeerWorker(world);
    await db.placement.update({ where: { id: placement.id }, data: { endedAt: new Date() } });
    await refused(world.managerOfThisTeam, () => agreements.createAgreement(null, { placementId: placement.id }), 'CONFLICT');
  });

  it('gain arrangements by the supervisor’s email, which clears the peer worker’s signature', async () => {
    await db.supervisionAgreement.update({ where: { id: s.agreement.id }, data: { signedByPeerWorkerAt: new Date() } });
    const version = await agreementVersion(s.agreement.id);
    const form = { agreementId: s.agreement.id, version, type: 'CLINICAL', supervisorEmail: world.staff.email.toUpperCase(), everyWeeks: '8', startsOn: dateFields(daysAgo(1)) };
    const { arrangementId } = ok(await actingAs(world.managerOfThisTeam, () => agreements.addArrangement(null, form)));

    expect(await db.supervisionArrangement.findUniqueOrThrow({ where: { id: arrangementId } })).toMatchObject({ type: 'CLINICAL', supervisorId: world.staff.id, everyWeeks: 8, signedBySupervisorAt: null, endedAt: null });
    expect(await db.supervisionAgreement.findUniqueOrThrow({ where: { id: s.agreement.id } })).toMatchObject({ signedByPeerWorkerAt: null, version: version + 1 });
    expect((await auditOf(s.agreement.id)).at(-1)?.summary).toMatch(/Added clinical or practice supervision from Sam Staff .* every 8 weeks .*signature was cleared/u);
  });

  it('refuse a supervisor who is the peer worker, has no active account, or a type already arranged, and a stale version', async () => {
    const disabled = await createUser({ disabled: true });
    const version = await agreementVersion(s.agreement.id);
    const form = { agreementId: s.agreement.id, version, type: 'CLINICAL', supervisorEmail: world.staff.email, everyWeeks: '8', startsOn: dateFields(daysAgo(1)) };
    const add = (overrides: Record<string, unknown>) => () => agreements.addArrangement(null, { ...form, ...overrides });
    await refused(world.managerOfThisTeam, add({ supervisorEmail: world.peerWorker.email }), 'VALIDATION', 'supervisorEmail');
    await refused(world.managerOfThisTeam, add({ supervisorEmail: disabled.email }), 'VALIDATION', 'supervisorEmail');
    await refused(world.managerOfThisTeam, add({ supervisorEmail: 'nobody-at-all@peerroles.test' }), 'VALIDATION', 'supervisorEmail');
    await refused(world.managerOfThisTeam, add({ type: 'PEER' }), 'VALIDATION', 'type');
    await refused(world.managerOfThisTeam, add({ version: version + 3 }), 'CONFLICT');
    // The peer worker and their supervisors see the agreement but do not change it.
    await refused(world.peerWorker, add({}), 'FORBIDDEN');
    await refused(s.peerSupervisor, add({}), 'FORBIDDEN');
    await refused(world.managerOfOtherTeam, add({}), 'FORBIDDEN');
  });

  it('end an arrangement, keeping its sessions; it takes no new ones', async () => {
    const session = await createSession(s.arrangements.peer, { heldOn: daysAgo(20) });
    const version = await agreementVersion(s.agreement.id);
    ok(await actingAs(world.managerOfThisTeam, () => agreements.endArrangement(null, { arrangementId: s.arrangements.peer.id, version })));
    expect((await db.supervisionArrangement.findUniqueOrThrow({ where: { id: s.arrangements.peer.id } })).endedAt).not.toBeNull();
    expect(await db.supervisionSession.count({ where: { id: session.id } })).toBe(1);

    await refused(world.managerOfThisTeam, () => agreements.endArrangement(null, { arrangementId: s.arrangements.peer.id, version: version + 1 }), 'CONFLICT');
    await refused(world.peerWorker, () => sessions.recordSession(null, sessionForm(s.arrangements.peer.id)), 'CONFLICT');
    // A type can be arranged again once the old arrangement has ended.
    ok(await actingAs(world.managerOfThisTeam, () => agreements.addArrangement(null, { agreementId: s.agreement.id, version: version + 1, type: 'PEER', supervisorEmail: world.staff.email, everyWeeks: '4', startsOn: dateFields(today()) })));
  });

  it('are signed by the peer worker, and by each supervisor for their own arrangements only', async () => {
    const sign = async () => {
      const version = await agreementVersion(s.agreement.id);
      return () => agreements.signAgreement(null, { agreementId: s.agreement.id, version });
    };
    ok(await actingAs(world.peerWorker, await sign()));
    expect((await db.supervisionAgreement.findUniqueOrThrow({ where: { id: s.agreement.id } })).signedByPeerWorkerAt).toBeInstanceOf(Date);
    ok(await actingAs(s.peerSupervisor, await sign()));
    const arrangements = await db.supervisionArrangement.findMany({ where: { agreementId: s.agreement.id }, select: { type: true, signedBySupervisorAt: true } });
    expect(arrangements.find((row) => row.type === 'PEER')?.signedBySupervisorAt).toBeInstanceOf(Date);
    expect(arrangements.find((row) => row.type === 'LINE_MANAGEMENT')?.signedBySupervisorAt).toBeNull();
    expect((await auditOf(s.agreement.id)).map((event) => event.action)).toEqual(['supervision.agreement.sign', 'supervision.agreement.sign']);

    await refused(world.peerWorker, await sign(), 'CONFLICT');
    await refused(s.peerSupervisor, await sign(), 'CONFLICT');
    // Someone in the team who supervises nothing here signs nothing.
    await refused(world.staff, await sign(), 'FORBIDDEN');
    await refused(world.hr, await sign(), 'FORBIDDEN');
    await refused(world.peerWorker, () => agreements.signAgreement(null, { agreementId: s.agreement.id, version: 99 }), 'CONFLICT');
  });

  it('are not signed by the peer worker before they hold any supervision', async () => {
    const { placement } = await placedPeerWorker(world);
    const agreement = await createAgreementRow(placement, world.managerOfThisTeam);
    await refused(world.peerWorker, () => agreements.signAgreement(null, { agreementId: agreement.id, version: 1 }), 'CONFLICT');
  });
});

describe('recording a session', () => {
  it('takes its type and supervisor from the arrangement, encrypts the notes, and asks the peer worker to co-sign', async () => {
    const { sessionId, agreementId } = await recorded();
    expect(agreementId).toBe(s.agreement.id);
    const row = await sessionRow(sessionId);
    expect(row).toMatchObject({ type: 'PEER', supervisorId: s.peerSupervisor.id, peerWorkerId: world.peerWorker.id, recordedById: s.peerSupervisor.id, durationMinutes: 60, topics: ['lived-experience', 'outside-role'], cosignedAt: null, amendsId: null });
    expect(row.heldOn).toEqual(daysAgo(3));
    expect(row.notes).not.toContain('ward round');
    expect(row.notes.startsWith('pr1:')).toBe(true);
    expect(await notesOf(sessionId)).toBe(NOTES);

    const told = await db.notification.findMany({ where: { kind: 'SESSION_TO_COSIGN', requestKey: `cosign:${sessionId}` }, select: { recipientId: true, title: true, teamName: true, path: true, requestKey: true } });
    expect(told).toEqual([{ recipientId: world.peerWorker.id, title: 'peer supervision', teamName: world.thisTeam.name, path: `/supervision/sessions/${sessionId}`, requestKey: `cosign:${sessionId}` }]);
    const [event] = await auditOf(sessionId);
    expect(event).toMatchObject({ action: 'supervision.session.record', actorId: s.peerSupervisor.id, summary: `Recorded a peer supervision session on ${dayWords(daysAgo(3))} between Pat Peer ${world.suffix} and ${s.peerSupervisor.name}` });
    expect(JSON.stringify(told) + event.summary).not.toMatch(/ward round|prescription/u);
  });

  it('may be done by the peer worker, and the supervisor of that arrangement is asked to co-sign', async () => {
    const { sessionId } = await recorded(world.peerWorker, s.arrangements.lineManagement.id);
    expect(await sessionRow(sessionId)).toMatchObject({ type: 'LINE_MANAGEMENT', supervisorId: world.managerOfThisTeam.id, recordedById: world.peerWorker.id });
    expect(await db.notification.findMany({ where: { kind: 'SESSION_TO_COSIGN', requestKey: `cosign:${sessionId}` }, select: { recipientId: true } })).toEqual([{ recipientId: world.managerOfThisTeam.id }]);
  });

  it('is refused to everyone but that arrangement’s supervisor and the peer worker', async () => {
    const form = sessionForm(s.arrangements.peer.id);
    // The manager supervises line management in this agreement, not peer supervision.
    for (const who of [world.managerOfThisTeam, world.staff, world.hr, world.admin, world.managerOfOtherTeam, world.serviceUserRep]) {
      await refused(who, () => sessions.recordSession(null, form), 'FORBIDDEN');
    }
  });

  it('refuses topics outside the catalogue, a date to come, and too short or too long a session', async () => {
    await refused(s.peerSupervisor, () => sessions.recordSession(null, sessionForm(s.arrangements.peer.id, { topics: ['lived-experience', 'gossip'] })), 'VALIDATION', 'topics');
    await refused(s.peerSupervisor, () => sessions.recordSession(null, sessionForm(s.arrangements.peer.id, { heldOn: dateFields(new Date(today().getTime() + 5 * DAY_MS)) })), 'VALIDATION', 'heldOn.day');
    await refused(s.peerSupervisor, () => sessions.recordSession(null, sessionForm(s.arrangements.peer.id, { durationMinutes: '2' })), 'VALIDATION', 'durationMinutes');
    await refused(s.peerSupervisor, () => sessions.recordSession(null, sessionForm(s.arrangements.peer.id, { notes: '' })), 'VALIDATION', 'notes');
  });

  it('is refused once the placement has ended', async () => {
    await db.placement.update({ where: { id: s.placement.id }, data: { endedAt: new Date() } });
    await refused(s.peerSupervisor, () => sessions.recordSession(null, sessionForm(s.arrangements.peer.id)), 'CONFLICT');
  });
});

describe('changing a record before it is co-signed', () => {
  it('is for whoever recorded it, with the version they read', async () => {
    const { sessionId } = await recorded();
    const form = { sessionId, version: 1, heldOn: dateFields(daysAgo(4)), durationMinutes: '45', attendees: '', topics: ['role-clarity'], notes: 'Corrected: we talked about role clarity.' };
    ok(await actingAs(s.peerSupervisor, () => sessions.updateSession(null, form)));
    expect(await sessionRow(sessionId)).toMatchObject({ durationMinutes: 45, topics: ['role-clarity'], version: 2, heldOn: daysAgo(4) });
    expect(await notesOf(sessionId)).toBe('Corrected: we talked about role clarity.');
    expect((await auditOf(sessionId)).at(-1)).toMatchObject({ action: 'supervision.session.update', summary: `Changed the record of the peer supervision session on ${dayWords(daysAgo(4))} before it was co-signed` });

    await refused(s.peerSupervisor, () => sessions.updateSession(null, form), 'CONFLICT');
    // The other party comments or co-signs; they do not rewrite the record.
    await refused(world.peerWorker, () => sessions.updateSession(null, { ...form, version: 2 }), 'FORBIDDEN');
    await refused(world.managerOfThisTeam, () => sessions.updateSession(null, { ...form, version: 2 }), 'FORBIDDEN');
  });
});

describe('co-signing', () => {
  it('is done by the other party only, once, and then the record is never changed', async () => {
    const { sessionId } = await recorded();
    await refused(s.peerSupervisor, () => sessions.cosignSession(null, { sessionId, version: 1 }), 'FORBIDDEN');
    for (const who of [world.managerOfThisTeam, world.hr, world.admin, world.staff]) await refused(who, () => sessions.cosignSession(null, { sessionId, version: 1 }), 'FORBIDDEN');

    ok(await cosign(world.peerWorker, sessionId));
    expect(await sessionRow(sessionId)).toMatchObject({ cosignedById: world.peerWorker.id, version: 2 });
    expect((await sessionRow(sessionId)).cosignedAt).toBeInstanceOf(Date);
    expect((await auditOf(sessionId)).at(-1)).toMatchObject({ action: 'supervision.session.cosign', actorId: world.peerWorker.id, summary: expect.stringContaining('as a fair record') });

    await refused(world.peerWorker, () => sessions.cosignSession(null, { sessionId, version: 2 }), 'CONFLICT');
    const form = { sessionId, version: 2, heldOn: dateFields(daysAgo(3)), durationMinutes: '60', attendees: '', topics: [], notes: 'Rewritten after signing' };
    await refused(s.peerSupervisor, () => sessions.updateSession(null, form), 'CONFLICT');
    expect(await notesOf(sessionId)).toBe(NOTES);
  });

  it('a stale version is a conflict', async () => {
    const { sessionId } = await recorded();
    await refused(world.peerWorker, () => sessions.cosignSession(null, { sessionId, version: 5 }), 'CONFLICT');
  });

  it('the database itself refuses to change or delete a co-signed record', async () => {
    const signed = await createSession(s.arrangements.peer, { cosignedAt: new Date() });
    const unsigned = await createSession(s.arrangements.peer);
    const other = await createSession(s.arrangements.peer, { notes: 'Another record' });
    const otherNotes = (await sessionRow(other.id)).notes;

    await expect(db.$executeRaw`UPDATE "SupervisionSession" SET "notes" = ${otherNotes} WHERE "id" = ${signed.id}::uuid`).rejects.toThrow(/co-signed supervision record cannot be changed/u);
    await expect(db.$executeRaw`UPDATE "SupervisionSession" SET "heldOn" = '2026-01-01' WHERE "id" = ${signed.id}::uuid`).rejects.toThrow(/cannot be changed/u);
    await expect(db.$executeRaw`UPDATE "SupervisionSession" SET "topics" = '{}' WHERE "id" = ${signed.id}::uuid`).rejects.toThrow(/cannot be changed/u);
    await expect(db.$executeRaw`UPDATE "SupervisionSession" SET "cosignedAt" = NULL WHERE "id" = ${signed.id}::uuid`).rejects.toThrow(/cannot be changed/u);
    await expect(db.supervisionSession.update({ where: { id: signed.id }, data: { durationMinutes: 10 } })).rejects.toThrow(/cannot be changed/u);
    await expect(db.$executeRaw`DELETE FROM "SupervisionSession" WHERE "id" = ${signed.id}::uuid`).rejects.toThrow(/cannot be deleted/u);
    // An unsigned record may still be changed (by its recorder, through the action).
    await expect(db.$executeRaw`UPDATE "SupervisionSession" SET "durationMinutes" = 30 WHERE "id" = ${unsigned.id}::uuid`).resolves.toBe(1);
  });
});

describe('amending a co-signed record', () => {
  it('makes a new record naming it, by either party, keeping the original; the other party co-signs the amendment', async () => {
    const { sessionId } = await recorded();
    ok(await cosign(world.peerWorker, sessionId));
    const original = await sessionRow(sessionId);

    const form = { sessionId, heldOn: dateFields(daysAgo(3)), durationMinutes: '75', attendees: '', topics: ['lived-experience'], notes: 'Amended: it was 75 minutes, and we also agreed a follow-up.' };
    const amendment = ok(await actingAs(world.peerWorker, () => sessions.amendSession(null, form)));
    expect(amendment.sessionId).not.toBe(sessionId);
    expect(await sessionRow(amendment.sessionId)).toMatchObject({ amendsId: sessionId, arrangementId: s.arrangements.peer.id, agreementId: s.agreement.id, type: 'PEER', supervisorId: s.peerSupervisor.id, peerWorkerId: world.peerWorker.id, recordedById: world.peerWorker.id, durationMinutes: 75, cosignedAt: null });
    expect(await notesOf(amendment.sessionId)).toBe('Amended: it was 75 minutes, and we also agreed a follow-up.');
    // The original is exactly as it was.
    expect(await sessionRow(sessionId)).toEqual(original);
    expect(await notesOf(sessionId)).toBe(NOTES);
    expect((await auditOf(amendment.sessionId))[0]).toMatchObject({ action: 'supervision.session.amend', summary: `Amended the co-signed record of the peer supervision session on ${dayWords(daysAgo(3))}; the original is kept` });
    expect(await db.notification.findMany({ where: { kind: 'SESSION_TO_COSIGN', requestKey: `cosign:${amendment.sessionId}` }, select: { recipientId: true } })).toEqual([{ recipientId: s.peerSupervisor.id }]);

    // One amendment per record: the next one amends the amendment, once that is co-signed.
    await refused(s.peerSupervisor, () => sessions.amendSession(null, form), 'CONFLICT');
    await refused(s.peerSupervisor, () => sessions.amendSession(null, { ...form, sessionId: amendment.sessionId }), 'CONFLICT');
    await refused(world.peerWorker, () => cosign(world.peerWorker, amendment.sessionId), 'FORBIDDEN');
    ok(await cosign(s.peerSupervisor, amendment.sessionId));
    const second = ok(await actingAs(s.peerSupervisor, () => sessions.amendSession(null, { ...form, sessionId: amendment.sessionId, durationMinutes: '70' })));
    expect(await db.supervisionSession.count({ where: { agreementId: s.agreement.id } })).toBe(3);
    expect((await sessionRow(second.sessionId)).amendsId).toBe(amendment.sessionId);
  });

  it('is refused for a record not yet co-signed, and to anyone outside the session', async () => {
    const { sessionId } = await recorded();
    const form = { sessionId, heldOn: dateFields(daysAgo(3)), durationMinutes: '75', attendees: '', topics: [], notes: 'Amended' };
    await refused(world.peerWorker, () => sessions.amendSession(null, form), 'CONFLICT');
    ok(await cosign(world.peerWorker, sessionId));
    for (const who of [world.managerOfThisTeam, world.hr, world.admin, world.staff]) await refused(who, () => sessions.amendSession(null, form), 'FORBIDDEN');
  });
});

describe('comments', () => {
  it('are added by either party, on signed or unsigned records, encrypted; nobody else comments', async () => {
    const { sessionId } = await recorded();
    ok(await actingAs(world.peerWorker, () => sessions.commentOnSession(null, { sessionId, text: 'I would add that I felt unheard by the consultant.' })));
    ok(await cosign(world.peerWorker, sessionId));
    ok(await actingAs(s.peerSupervisor, () => sessions.commentOnSession(null, { sessionId, text: 'Agreed, let us come back to it.' })));

    const comments = await db.supervisionComment.findMany({ where: { sessionId }, orderBy: { createdAt: 'asc' } });
    expect(comments.map((comment) => comment.authorId)).toEqual([world.peerWorker.id, s.peerSupervisor.id]);
    expect(comments.map((comment) => comment.text).join(' ')).not.toMatch(/consultant|Agreed/u);
    expect(comments.map((comment) => decryptField(comment.text, { table: 'SupervisionComment', recordId: comment.id, field: 'text' }))).toEqual(['I would add that I felt unheard by the consultant.', 'Agreed, let us come back to it.']);
    const events = await auditOf(sessionId);
    expect(events.filter((event) => event.action === 'supervision.session.comment')).toHaveLength(2);
    expect(JSON.stringify(events)).not.toMatch(/consultant|Agreed, let/u);

    for (const who of [world.managerOfThisTeam, world.hr, world.admin, world.staff]) await refused(who, () => sessions.commentOnSession(null, { sessionId, text: 'A manager’s view' }), 'FORBIDDEN');
  });
});

describe('agreed actions', () => {
  it('are owned by the peer worker or the supervisor, encrypted, and carry into the agreement’s next sessions until done', async () => {
    const first = await recorded();
    const mine = ok(await actingAs(s.peerSupervisor, () => sessions.addSessionAction(null, { sessionId: first.sessionId, text: 'Read the competence framework', owner: 'PEER_WORKER', dueOn: dateFields(daysAgo(-14)) })));
    const theirs = ok(await actingAs(world.peerWorker, () => sessions.addSessionAction(null, { sessionId: first.sessionId, text: 'Find the peer network dates', owner: 'SUPERVISOR', dueOn: dateFields(daysAgo(-7)) })));
    expect(mine.sessionId).toBe(first.sessionId);

    const rows = await db.supervisionAction.findMany({ where: { sessionId: first.sessionId }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => [row.ownerId, row.agreementId, row.status])).toEqual([
      [world.peerWorker.id, s.agreement.id, 'OPEN'],
      [s.peerSupervisor.id, s.agreement.id, 'OPEN'],
    ]);
    expect(rows.map((row) => row.text).join(' ')).not.toMatch(/framework|network/u);
    expect(decryptField(rows[0].text, { table: 'SupervisionAction', recordId: rows[0].id, field: 'text' })).toBe('Read the competence framework');
    expect((await auditOf(mine.actionId))[0].summary).toBe(`Agreed an action in the peer supervision session on ${dayWords(daysAgo(3))}, for the peer worker, due ${dayWords(daysAgo(-14))}`);

    // The next session of the agreement (any type) sees what is still open.
    await recorded(world.peerWorker, s.arrangements.lineManagement.id, { heldOn: dateFields(daysAgo(1)) });
    const open = () => db.supervisionAction.findMany({ where: { agreementId: s.agreement.id, status: 'OPEN' }, select: { id: true } });
    expect((await open()).map((row) => row.id).sort()).toEqual([mine.actionId, theirs.actionId].sort());

    ok(await actingAs(world.peerWorker, () => sessions.updateActionStatus(null, { actionId: mine.actionId, version: 1, status: 'DONE' })));
    expect(await db.supervisionAction.findUniqueOrThrow({ where: { id: mine.actionId } })).toMatchObject({ status: 'DONE', version: 2, doneAt: expect.any(Date) });
    expect((await open()).map((row) => row.id)).toEqual([theirs.actionId]);
    expect((await auditOf(mine.actionId)).at(-1)?.summary).toBe(`Marked an action from the peer supervision session on ${dayWords(daysAgo(3))} as done`);

    ok(await actingAs(s.peerSupervisor, () => sessions.updateActionStatus(null, { actionId: mine.actionId, version: 2, status: 'OPEN' })));
    expect(await db.supervisionAction.findUniqueOrThrow({ where: { id: mine.actionId } })).toMatchObject({ status: 'OPEN', doneAt: null });
  });

  it('are refused to anyone outside the session, and on a stale version or no change', async () => {
    const { sessionId } = await recorded();
    const { actionId } = ok(await actingAs(s.peerSupervisor, () => sessions.addSessionAction(null, { sessionId, text: 'Read the framework', owner: 'PEER_WORKER', dueOn: dateFields(today()) })));
    for (const who of [world.managerOfThisTeam, world.hr, world.admin, world.staff]) {
      await refused(who, () => sessions.addSessionAction(null, { sessionId, text: 'A manager’s action', owner: 'PEER_WORKER', dueOn: dateFields(today()) }), 'FORBIDDEN');
      await refused(who, () => sessions.updateActionStatus(null, { actionId, version: 1, status: 'DONE' }), 'FORBIDDEN');
    }
    await refused(world.peerWorker, () => sessions.updateActionStatus(null, { actionId, version: 4, status: 'DONE' }), 'CONFLICT');
    await refused(world.peerWorker, () => sessions.updateActionStatus(null, { actionId, version: 1, status: 'OPEN' }), 'CONFLICT');
  });

  it('of a session under an ended arrangement are still moved on by its two people', async () => {
    const session = await createSession(s.arrangements.peer, { heldOn: daysAgo(30) });
    const { actionId } = ok(await actingAs(world.peerWorker, () => sessions.addSessionAction(null, { sessionId: session.id, text: 'Write up the reflection', owner: 'PEER_WORKER', dueOn: dateFields(today()) })));
    await db.supervisionArrangement.update({ where: { id: s.arrangements.peer.id }, data: { endedAt: new Date() } });
    ok(await actingAs(s.peerSupervisor, () => sessions.updateActionStatus(null, { actionId, version: 1, status: 'DROPPED' })));
  });
});

describe('once the placement has ended', () => {
  it('the record is kept as it is: no change, co-signature, amendment, comment, action or action status, and the page offers none', async () => {
    const unsigned = await recorded();
    const signed = await recorded();
    ok(await cosign(world.peerWorker, signed.sessionId));
    const action = ok(await actingAs(s.peerSupervisor, () => sessions.addSessionAction(null, { sessionId: signed.sessionId, text: 'Read the competence framework', owner: 'PEER_WORKER', dueOn: dateFields(daysAgo(-14)) })));
    await db.placement.update({ where: { id: s.placement.id }, data: { endedAt: new Date() } });
    const before = await db.supervisionSession.findMany({ where: { agreementId: s.agreement.id }, orderBy: { id: 'asc' } });
    const { version } = await sessionRow(unsigned.sessionId);
    const form = { heldOn: dateFields(daysAgo(3)), durationMinutes: '60', attendees: '', topics: ['role-clarity'], notes: NOTES };

    await refused(s.peerSupervisor, () => sessions.updateSession(null, { sessionId: unsigned.sessionId, version, ...form }), 'CONFLICT');
    await refused(world.peerWorker, () => sessions.cosignSession(null, { sessionId: unsigned.sessionId, version }), 'CONFLICT');
    await refused(world.peerWorker, () => sessions.amendSession(null, { sessionId: signed.sessionId, ...form }), 'CONFLICT');
    await refused(world.peerWorker, () => sessions.commentOnSession(null, { sessionId: signed.sessionId, text: 'One more thing' }), 'CONFLICT');
    await refused(s.peerSupervisor, () => sessions.addSessionAction(null, { sessionId: signed.sessionId, text: 'Another', owner: 'SUPERVISOR', dueOn: dateFields(daysAgo(-7)) }), 'CONFLICT');
    const { version: actionVersion } = await db.supervisionAction.findUniqueOrThrow({ where: { id: action.actionId }, select: { version: true } });
    await refused(world.peerWorker, () => sessions.updateActionStatus(null, { actionId: action.actionId, version: actionVersion, status: 'DONE' }), 'CONFLICT');

    expect(await db.supervisionSession.findMany({ where: { agreementId: s.agreement.id }, orderBy: { id: 'asc' } })).toEqual(before);
    expect(await db.supervisionComment.count({ where: { sessionId: signed.sessionId } })).toBe(0);
    expect(await db.supervisionAction.count({ where: { sessionId: signed.sessionId } })).toBe(1);
    // Still readable by its two people, with nothing to do on it.
    for (const who of [world.peerWorker, s.peerSupervisor]) {
      for (const sessionId of [unsigned.sessionId, signed.sessionId]) {
        const detail = await getSession(await currentUserOf(who), sessionId);
        expect(detail?.private?.notes).toBe(NOTES);
        expect(detail).toMatchObject({ canCosign: false, canChange: false, canAmend: false });
      }
    }
    expect(await getSessionToRevise(await currentUserOf(world.peerWorker), signed.sessionId, 'amend')).toMatchObject({ allowed: false });
  });
});

describe('a second agreement', () => {
  it('gives its supervisor nothing in another peer worker’s sessions', async () => {
    const { placement } = await placedPeerWorker({ ...world, peerWorker: world.staff }, { roleVersion: s.roleVersion });
    const agreement = await createAgreementRow(placement, world.managerOfThisTeam);
    const arrangement = await createArrangement(agreement, s.peerSupervisor, { type: 'PEER' });
    const theirs = await createSession(arrangement, { recordedBy: world.staff });
    // The peer worker of the first agreement is not a party to it.
    await refused(world.peerWorker, () => sessions.cosignSession(null, { sessionId: theirs.id, version: 1 }), 'FORBIDDEN');
    await refused(world.peerWorker, () => sessions.commentOnSession(null, { sessionId: theirs.id, text: 'Hello' }), 'FORBIDDEN');
    await refused(world.peerWorker, () => sessions.recordSession(null, sessionForm(arrangement.id)), 'FORBIDDEN');
    ok(await cosign(s.peerSupervisor, theirs.id));
  });
});

describe('at the same moment', () => {
  it('two co-signatures, or two amendments of one record, make one change and one conflict', async () => {
    const { sessionId } = await recorded();
    // The peer worker co-signs from two tabs at once.
    const cosigns = await Promise.all([actingAs(world.peerWorker, () => sessions.cosignSession(null, { sessionId, version: 1 })), actingAs(world.peerWorker, () => sessions.cosignSession(null, { sessionId, version: 1 }))]);
    expect(cosigns.map((result) => (result.ok ? 'ok' : result.code)).sort()).toEqual(['CONFLICT', 'ok']);

    // Both parties amend it at once: one amendment, the other told to amend the latest.
    const form = { sessionId, heldOn: dateFields(daysAgo(3)), durationMinutes: '70', attendees: '', topics: [], notes: 'Amended at the same moment' };
    const amends = await Promise.all([actingAs(world.peerWorker, () => sessions.amendSession(null, form)), actingAs(s.peerSupervisor, () => sessions.amendSession(null, form))]);
    expect(amends.map((result) => (result.ok ? 'ok' : result.code)).sort()).toEqual(['CONFLICT', 'ok']);
    expect(await db.supervisionSession.count({ where: { amendsId: sessionId } })).toBe(1);
  });

  it('two check-ins for one session make one', async () => {
    const session = await createSession(s.arrangements.peer);
    const answers = { sessionId: session.id, supported: '4', clearRole: '4', equalMember: '4', experienceValued: '4', practiseAsPeer: '4' };
    const results = await Promise.all([actingAs(world.peerWorker, () => checkIns.recordCheckIn(null, answers)), actingAs(world.peerWorker, () => checkIns.recordCheckIn(null, answers))]);
    expect(results.map((result) => (result.ok ? 'ok' : result.code)).sort()).toEqual(['CONFLICT', 'ok']);
    expect(await db.checkIn.count({ where: { sessionId: session.id } })).toBe(1);
  });
});
