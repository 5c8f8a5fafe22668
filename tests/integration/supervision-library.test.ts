// Supervision (issue 12), the peer worker's side, on real PostgreSQL: check-ins
// (their own, while placed, in their placement's team, once per session), the
// peer practice library (proposed by a placed peer worker, published only once
// another peer supervisor approves it, searchable then, withdrawn by its author),
// and the organisation's supervision settings.
import type { ActionResult } from '@/lib/action';
import { db } from '@/lib/db';
import * as checkIns from '@/lib/supervision/checkin-actions';
import * as library from '@/lib/supervision/library-actions';
import { getLibraryEntry, listProposals, searchLibrary } from '@/lib/supervision/queries';
import * as settings from '@/lib/supervision/settings-actions';
import { buildWorld, createAgreement, createArrangement, createLibraryEntry, createSession, placedPeerWorker, supervisedPeerWorker, type World } from '../factories';
import { actingAs, auditOf, currentUserOf } from '../support/roles';
import { snapshotDatabase } from '../support/snapshot';

type Ref = { id: string };
type Supervised = Awaited<ReturnType<typeof supervisedPeerWorker>>;

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

async function refused(who: Ref, call: () => Promise<ActionResult<unknown>>, code: string, field?: string) {
  const before = await snapshotDatabase();
  const result = await actingAs(who, call);
  expect(result).toMatchObject({ ok: false, code });
  if (field) expect(!result.ok && result.fieldErrors?.[field]).toBeTruthy();
  expect(await snapshotDatabase()).toEqual(before);
  return result;
}

const ANSWERS = { supported: '2', clearRole: '3', equalMember: '1', experienceValued: '5', practiseAsPeer: '4' };

describe('check-ins', () => {
  it('are a placed peer worker’s own, in their placement’s team, with or without a session; the audit says nothing of the answers', async () => {
    const alone = ok(await actingAs(world.peerWorker, () => checkIns.recordCheckIn(null, { sessionId: '', ...ANSWERS })));
    expect(await db.checkIn.findUniqueOrThrow({ where: { id: alone.checkInId } })).toMatchObject({ peerWorkerId: world.peerWorker.id, teamId: world.thisTeam.id, sessionId: null, supported: 2, clearRole: 3, equalMember: 1, experienceValued: 5, practiseAsPeer: 4 });
    const [event] = await auditOf(alone.checkInId);
    expect(event).toMatchObject({ action: 'supervision.checkin.record', actorId: world.peerWorker.id, summary: 'Checked in' });

    const session = await createSession(s.arrangements.peer);
    const withSession = ok(await actingAs(world.peerWorker, () => checkIns.recordCheckIn(null, { sessionId: session.id, ...ANSWERS })));
    expect((await db.checkIn.findUniqueOrThrow({ where: { id: withSession.checkInId } })).sessionId).toBe(session.id);
    expect((await auditOf(withSession.checkInId))[0].summary).toBe('Checked in after a supervision session');

    // One check-in per session.
    await refused(world.peerWorker, () => checkIns.recordCheckIn(null, { sessionId: session.id, ...ANSWERS }), 'CONFLICT');
  });

  it('are refused with someone else’s session, to people with no current placement, and outside 1 to 5', async () => {
    const { placement } = await placedPeerWorker({ ...world, peerWorker: world.staff }, { roleVersion: s.roleVersion });
    const agreement = await createAgreement(placement, world.managerOfThisTeam);
    const theirSession = await createSession(await createArrangement(agreement, s.peerSupervisor));
    await refused(world.peerWorker, () => checkIns.recordCheckIn(null, { sessionId: theirSession.id, ...ANSWERS }), 'VALIDATION', 'sessionId');
    // The supervisor of a session does not check in for it.
    const session = await createSession(s.arrangements.peer);
    await refused(s.peerSupervisor, () => checkIns.recordCheckIn(null, { sessionId: session.id, ...ANSWERS }), 'FORBIDDEN');
    for (const who of [world.managerOfThisTeam, world.hr, world.admin, world.serviceUserRep]) await refused(who, () => checkIns.recordCheckIn(null, ANSWERS), 'FORBIDDEN');
    await refused(world.peerWorker, () => checkIns.recordCheckIn(null, { ...ANSWERS, supported: '6' }), 'VALIDATION', 'supported');
    await refused(world.peerWorker, () => checkIns.recordCheckIn(null, { ...ANSWERS, practiseAsPeer: '0' }), 'VALIDATION', 'practiseAsPeer');

    await db.placement.update({ where: { id: s.placement.id }, data: { endedAt: new Date() } });
    await refused(world.peerWorker, () => checkIns.recordCheckIn(null, ANSWERS), 'FORBIDDEN');
  });
});

const ENTRY = {
  sessionId: '',
  scope: 'ORGANISATION',
  title: 'Naming the power in a ward round',
  situation: 'A ward round where the person’s own words were not in the room.',
  whatIDid: 'I asked whether the person could say what mattered to them first, and offered to sit with them.',
  whatILearned: 'Small invitations shift who speaks: asking is a peer skill, not a challenge.',
  tags: 'Ward rounds, power, ward rounds',
  showName: 'no',
  confirmedNoIdentifiers: 'yes',
};

const propose = (as: Ref, overrides: Record<string, unknown> = {}) => actingAs(as, () => library.proposeEntry(null, { ...ENTRY, ...overrides }));
const entryRow = (entryId: string) => db.libraryEntry.findUniqueOrThrow({ where: { id: entryId }, select: { status: true, version: true, reviewedById: true, reviewedAt: true, withdrawnAt: true, teamId: true, authorId: true, tags: true, showName: true, confirmedNoIdentifiers: true, sessionId: true } });
/** Published entries matching a search, as the library's search would rank them (the query itself is lib/supervision/queries.ts). */
const published = async (query: string) =>
  (await db.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "LibraryEntry" WHERE "status" = 'PUBLISHED' AND "search" @@ websearch_to_tsquery('english', ${query}) ORDER BY ts_rank("search", websearch_to_tsquery('english', ${query})) DESC`).map((row) => row.id);

describe('the peer practice library', () => {
  it('takes a proposal from a placed peer worker, for their team, and tells their peer supervisor; it is not published yet', async () => {
    const session = await createSession(s.arrangements.peer);
    const { entryId } = ok(await propose(world.peerWorker, { sessionId: session.id }));
    expect(await entryRow(entryId)).toMatchObject({ status: 'PROPOSED', teamId: world.thisTeam.id, authorId: world.peerWorker.id, tags: ['ward rounds', 'power'], showName: false, confirmedNoIdentifiers: true, sessionId: session.id });
    expect((await auditOf(entryId))[0]).toMatchObject({ action: 'library.entry.propose', summary: 'Proposed an entry for the peer practice library, for the organisation' });
    // The placement's peer supervisor is also the peer supervision arrangement's: told once.
    const told = await db.notification.findMany({ where: { kind: 'LIBRARY_ENTRY_PROPOSED', requestKey: `library:${entryId}` }, select: { recipientId: true, teamName: true, path: true } });
    expect(told).toEqual([{ recipientId: s.peerSupervisor.id, teamName: world.thisTeam.name, path: '/supervision/library' }]);
    expect(await published('ward round power')).not.toContain(entryId);
  });

  it('refuses a proposal that is not confirmed to identify nobody, from someone else’s session, or from someone not placed', async () => {
    await refused(world.peerWorker, () => library.proposeEntry(null, { ...ENTRY, confirmedNoIdentifiers: '' }), 'VALIDATION', 'confirmedNoIdentifiers');
    await refused(world.peerWorker, () => library.proposeEntry(null, { ...ENTRY, tags: 'fine, not<ok>' }), 'VALIDATION', 'tags.1');
    const { placement } = await placedPeerWorker({ ...world, peerWorker: world.staff }, { roleVersion: s.roleVersion });
    const theirSession = await createSession(await createArrangement(await createAgreement(placement, world.managerOfThisTeam), s.peerSupervisor));
    await refused(world.peerWorker, () => library.proposeEntry(null, { ...ENTRY, sessionId: theirSession.id }), 'VALIDATION', 'sessionId');
    for (const who of [world.managerOfThisTeam, world.hr, world.admin, s.peerSupervisor, world.serviceUserRep]) await refused(who, () => library.proposeEntry(null, ENTRY), 'FORBIDDEN');
  });

  it('publishes an entry once a peer supervisor other than its author approves it, and then it is found by search', async () => {
    const { entryId } = ok(await propose(world.peerWorker));
    // Not a peer supervisor anywhere: the team's manager (who line-manages), HR, an administrator.
    for (const who of [world.managerOfThisTeam, world.hr, world.admin, world.staff]) await refused(who, () => library.reviewEntry(null, { entryId, version: 1, decision: 'APPROVE' }), 'FORBIDDEN');
    await refused(s.peerSupervisor, () => library.reviewEntry(null, { entryId, version: 3, decision: 'APPROVE' }), 'CONFLICT');

    ok(await actingAs(s.peerSupervisor, () => library.reviewEntry(null, { entryId, version: 1, decision: 'APPROVE' })));
    expect(await entryRow(entryId)).toMatchObject({ status: 'PUBLISHED', version: 2, reviewedById: s.peerSupervisor.id, reviewedAt: expect.any(Date) });
    expect((await auditOf(entryId)).at(-1)).toMatchObject({ action: 'library.entry.review', actorId: s.peerSupervisor.id, summary: 'Approved and published an entry in the peer practice library' });
    expect(await published('ward round power')).toContain(entryId);
    expect(await published('invitations')).toContain(entryId);

    await refused(s.peerSupervisor, () => library.reviewEntry(null, { entryId, version: 2, decision: 'DECLINE' }), 'CONFLICT');
  });

  it('never lets a peer supervisor review their own entry', async () => {
    // The peer worker supervises someone else's peer supervision, so reviews entries, but not their own.
    const { placement } = await placedPeerWorker({ ...world, peerWorker: world.staff }, { roleVersion: s.roleVersion });
    await createArrangement(await createAgreement(placement, world.managerOfThisTeam), world.peerWorker, { type: 'PEER' });
    const { entryId } = ok(await propose(world.peerWorker));
    await refused(world.peerWorker, () => library.reviewEntry(null, { entryId, version: 1, decision: 'APPROVE' }), 'FORBIDDEN');
    const other = await createLibraryEntry(s.peerSupervisor, world.thisTeam);
    ok(await actingAs(world.peerWorker, () => library.reviewEntry(null, { entryId: other.id, version: 1, decision: 'DECLINE' })));
    expect((await entryRow(other.id)).status).toBe('DECLINED');
    expect((await auditOf(other.id)).at(-1)?.summary).toBe('Declined an entry in the peer practice library');
  });

  it('lets a peer supervisor review the proposals of the teams where they supervise someone, and no other team’s', async () => {
    const { entryId } = ok(await propose(world.peerWorker));
    // The other team's manager places a peer worker there and names as peer supervisor someone with no part in this team.
    const elsewhere = { ...world, thisTeam: world.otherTeam, managerOfThisTeam: world.managerOfOtherTeam, peerWorker: world.newcomer };
    await placedPeerWorker(elsewhere, { roleVersion: s.roleVersion, peerSupervisor: world.serviceUserRep });
    const named = await currentUserOf(world.serviceUserRep);

    await refused(world.serviceUserRep, () => library.reviewEntry(null, { entryId, version: 1, decision: 'APPROVE' }), 'FORBIDDEN');
    expect(await getLibraryEntry(named, entryId)).toBeNull();
    const theirs = await listProposals(named, 1);
    expect(theirs?.items.map((item) => item.id)).toEqual([]);
    expect((await searchLibrary(named, { q: '', tag: '', page: 1 })).reviews).toBe(true);

    // The other team's own proposal is theirs to review.
    const there = await createLibraryEntry(world.managerOfOtherTeam, world.otherTeam);
    expect((await listProposals(named, 1))?.items.map((item) => item.id)).toEqual([there.id]);
    ok(await actingAs(world.serviceUserRep, () => library.reviewEntry(null, { entryId: there.id, version: 1, decision: 'DECLINE' })));
    // And once that placement ends, nothing.
    await db.placement.updateMany({ where: { teamId: world.otherTeam.id }, data: { endedAt: new Date() } });
    expect(await listProposals(named, 1)).toBeNull();
    expect((await entryRow(entryId)).status).toBe('PROPOSED');
  });

  it('lets the author, and only the author, withdraw an entry, published or not', async () => {
    const entry = await createLibraryEntry(world.peerWorker, world.thisTeam, { status: 'PUBLISHED', reviewedBy: s.peerSupervisor, title: 'Withdrawn after all' });
    for (const who of [s.peerSupervisor, world.managerOfThisTeam, world.admin, world.hr]) await refused(who, () => library.withdrawEntry(null, { entryId: entry.id, version: 1 }), 'FORBIDDEN');
    await refused(world.peerWorker, () => library.withdrawEntry(null, { entryId: entry.id, version: 2 }), 'CONFLICT');

    // Even after their placement has ended.
    await db.placement.update({ where: { id: s.placement.id }, data: { endedAt: new Date() } });
    ok(await actingAs(world.peerWorker, () => library.withdrawEntry(null, { entryId: entry.id, version: 1 })));
    expect(await entryRow(entry.id)).toMatchObject({ status: 'WITHDRAWN', version: 2, withdrawnAt: expect.any(Date) });
    expect(await published('withdrawn')).not.toContain(entry.id);
    await refused(world.peerWorker, () => library.withdrawEntry(null, { entryId: entry.id, version: 2 }), 'CONFLICT');

    const declined = await createLibraryEntry(world.peerWorker, world.thisTeam, { status: 'DECLINED', reviewedBy: s.peerSupervisor });
    await refused(world.peerWorker, () => library.withdrawEntry(null, { entryId: declined.id, version: 1 }), 'CONFLICT');
  });
});

describe('supervision settings', () => {
  it('are one row an administrator saves with its version, never below 5', async () => {
    await db.supervisionSettings.deleteMany();
    expect(ok(await actingAs(world.admin, () => settings.saveSupervisionSettings(null, { smallNumbersThreshold: '7' })))).toEqual({ version: 1 });
    expect(ok(await actingAs(world.admin, () => settings.saveSupervisionSettings(null, { smallNumbersThreshold: '10', version: '1' })))).toEqual({ version: 2 });
    expect(await db.supervisionSettings.findMany()).toEqual([expect.objectContaining({ id: 1, smallNumbersThreshold: 10, version: 2 })]);
    expect((await auditOf('1')).filter((event) => event.action === 'supervision.settings.save').at(-1)?.summary).toBe('Set the smallest group whose check-in figures are shown to 10 peer workers');

    await refused(world.admin, () => settings.saveSupervisionSettings(null, { smallNumbersThreshold: '8', version: '1' }), 'CONFLICT');
    await refused(world.admin, () => settings.saveSupervisionSettings(null, { smallNumbersThreshold: '8' }), 'CONFLICT');
    await refused(world.admin, () => settings.saveSupervisionSettings(null, { smallNumbersThreshold: '4', version: '2' }), 'VALIDATION', 'smallNumbersThreshold');
    for (const who of [world.managerOfThisTeam, world.hr, world.peerWorker]) await refused(who, () => settings.saveSupervisionSettings(null, { smallNumbersThreshold: '8', version: '2' }), 'FORBIDDEN');
  });
});
