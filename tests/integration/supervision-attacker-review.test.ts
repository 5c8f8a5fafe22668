// An attacker's review of supervision (issue 12, §3 and §4): every read and
// action a person could reach, tried by everyone who is not one of a session's
// two people, looking for its notes, who else attended, its comments and its
// actions; ids of other people's records passed to actions and pages.
import type { ActionResult } from '@/lib/action';
import { db } from '@/lib/db';
import * as placements from '@/lib/onboarding/placement-actions';
import * as checkIns from '@/lib/supervision/checkin-actions';
import * as library from '@/lib/supervision/library-actions';
import { getAgreement, getCheckInFigures, getCheckInForm, getLibraryEntry, getProposeEntryForm, getSession, getSessionToRevise, listAgreements, listProposals, searchLibrary, supervisionDue } from '@/lib/supervision/queries';
import { refreshCheckInFigures } from '@/lib/supervision/figures';
import { previousQuarter, quarterOf } from '@/lib/supervision/rules';
import * as sessions from '@/lib/supervision/session-actions';
import { addMembership, buildWorld, createArrangement, createCheckIn, createLibraryEntry, createTemplate, createUser, dateFields, endTheQuarter, SMALL_TEMPLATE_TASKS, supervisedPeerWorker, type World } from '../factories';
import { actingAs, currentUserOf } from '../support/roles';

type Ref = { id: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

const SECRETS = {
  notes: 'Brindlewick: she told me about the night on the ward in 2016',
  attendees: 'Fennomere Attendee, Hollowgast Attendee',
  comment: 'Corvantle: please keep the part about my brother out of it',
  action: 'Drussleby: ask occupational health about reasonable adjustments',
};
const MARKERS = ['Brindlewick', 'Fennomere', 'Hollowgast', 'Corvantle', 'Drussleby'];

function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

const serialise = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (item instanceof Map ? Object.fromEntries(item) : item instanceof Set ? [...item] : item)) ?? '';
const leaks = (value: unknown) => MARKERS.filter((marker) => serialise(value).includes(marker));

let world: World;
let s: Awaited<ReturnType<typeof supervisedPeerWorker>>;
let peerSessionId: string;
let actionId: string;

beforeEach(async () => {
  world = await buildWorld();
  s = await supervisedPeerWorker(world);
  const form = { arrangementId: s.arrangements.peer.id, heldOn: dateFields(daysAgo(3)), durationMinutes: '60', attendees: SECRETS.attendees, topics: ['lived-experience'], notes: SECRETS.notes };
  ({ sessionId: peerSessionId } = ok(await actingAs(s.peerSupervisor, () => sessions.recordSession(null, form))));
  ({ actionId } = ok(await actingAs(s.peerSupervisor, () => sessions.addSessionAction(null, { sessionId: peerSessionId, text: SECRETS.action, owner: 'PEER_WORKER', dueOn: dateFields(new Date(Date.now() + 14 * DAY_MS)) }))));
  ok(await actingAs(world.peerWorker, () => sessions.commentOnSession(null, { sessionId: peerSessionId, text: SECRETS.comment })));
});

/** Everything the reads give one person about the peer supervision session. */
async function everythingReadBy(who: Ref) {
  const user = await currentUserOf(who);
  return Promise.all([
    getSession(user, peerSessionId),
    getSessionToRevise(user, peerSessionId, 'change'),
    getSessionToRevise(user, peerSessionId, 'amend'),
    getAgreement(user, s.agreement.id, 1),
    listAgreements(user, 1),
    supervisionDue(user),
    getCheckInForm(user, peerSessionId),
    getProposeEntryForm(user, peerSessionId),
  ]);
}

describe('a peer supervision session’s private part', () => {
  it('is read by its two people', async () => {
    expect(leaks(await everythingReadBy(world.peerWorker))).toEqual(MARKERS);
    expect(leaks(await everythingReadBy(s.peerSupervisor))).toEqual(MARKERS);
  });

  it('reaches nobody else through any read: the line manager who gives line management, a clinical supervisor, the team, HR, administrators, outsiders', async () => {
    const clinical = await createUser({ name: `Cara Clinical ${world.suffix}` });
    await createArrangement(s.agreement, clinical, { type: 'CLINICAL' });
    for (const who of [world.managerOfThisTeam, clinical, world.staff, world.hr, world.admin, world.managerOfOtherTeam, world.serviceUserRep, world.newcomer]) {
      expect([who.id, leaks(await everythingReadBy(who))]).toEqual([who.id, []]);
    }
  });

  it('is reached through no action by someone not in the session, whatever else they are to the agreement', async () => {
    const version = (await db.supervisionSession.findUniqueOrThrow({ where: { id: peerSessionId } })).version;
    const form = { sessionId: peerSessionId, heldOn: dateFields(daysAgo(3)), durationMinutes: '60', attendees: '', topics: [], notes: 'Overwritten by someone else' };
    for (const who of [world.managerOfThisTeam, world.staff, world.hr, world.admin]) {
      for (const call of [
        () => sessions.commentOnSession(null, { sessionId: peerSessionId, text: 'Let me in' }),
        () => sessions.cosignSession(null, { sessionId: peerSessionId, version }),
        () => sessions.updateSession(null, { ...form, version }),
        () => sessions.amendSession(null, form),
        () => sessions.addSessionAction(null, { sessionId: peerSessionId, text: 'Mine', owner: 'SUPERVISOR', dueOn: dateFields(new Date()) }),
        () => sessions.updateActionStatus(null, { actionId, version: 1, status: 'DONE' }),
      ]) {
        const result = await actingAs(who, call);
        expect([who.id, result]).toEqual([who.id, expect.objectContaining({ ok: false, code: 'FORBIDDEN' })]);
        expect(leaks(result)).toEqual([]);
      }
    }
  });

  it('is not reached with someone else’s session in a check-in or a library proposal', async () => {
    const other = await createUser({ name: `Olu Other ${world.suffix}` });
    await addMembership(world.thisTeam, other, 'PEER_WORKER');
    // Placed and supervised too: they may check in and propose, from their own sessions.
    await supervisedPeerWorker({ ...world, peerWorker: other });
    const answers = { sessionId: peerSessionId, supported: '4', clearRole: '4', equalMember: '4', experienceValued: '4', practiseAsPeer: '4' };
    expect(await actingAs(other, () => checkIns.recordCheckIn(null, answers))).toMatchObject({ ok: false, code: 'VALIDATION' });
    const entry = { sessionId: peerSessionId, scope: 'TEAM', title: 'T', situation: 'S', whatIDid: 'D', whatILearned: 'L', tags: 'hope', showName: 'no', confirmedNoIdentifiers: 'yes' };
    expect(await actingAs(other, () => library.proposeEntry(null, entry))).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
  it('is not in the database as typed: who else attended is encrypted like the notes', async () => {
    const [row] = await db.$queryRaw<Array<{ attendees: string; notes: string }>>`SELECT "attendees", "notes" FROM "SupervisionSession" WHERE "id" = ${peerSessionId}::uuid`;
    expect(row.attendees).not.toContain('Fennomere');
    expect(row.attendees).toMatch(/^pr1:/u);
    expect(row.notes).toMatch(/^pr1:/u);
  });
});

describe('the library', () => {
  it('shows a team’s entries only to its members', async () => {
    const teamEntry = await createLibraryEntry(world.peerWorker, world.thisTeam, { scope: 'TEAM', status: 'PUBLISHED', title: 'Zephyrine team-only entry' });
    for (const who of [world.managerOfOtherTeam, world.newcomer, world.serviceUserRep]) {
      const user = await currentUserOf(who);
      expect([who.id, await getLibraryEntry(user, teamEntry.id)]).toEqual([who.id, null]);
      expect([who.id, (await searchLibrary(user, { q: 'Zephyrine', tag: '', page: 1 })).entries.total]).toEqual([who.id, 0]);
    }
  });

  it('keeps a proposal from readers until it is approved', async () => {
    const proposal = await createLibraryEntry(world.peerWorker, world.thisTeam, { scope: 'ORGANISATION', status: 'PROPOSED', title: 'Quorrelby proposed entry' });
    for (const who of [world.managerOfThisTeam, world.staff, world.hr, world.admin]) {
      const user = await currentUserOf(who);
      expect(await getLibraryEntry(user, proposal.id)).toBeNull();
      expect((await searchLibrary(user, { q: 'Quorrelby', tag: '', page: 1 })).entries.total).toBe(0);
      expect(await listProposals(user, 1)).toBeNull();
    }
  });
});

describe('check-in figures', () => {
  const answered = (value: number) => ({ supported: String(value), clearRole: String(value), equalMember: String(value), experienceValued: String(value), practiseAsPeer: String(value) });

  /** The last ended quarter's figures as `who` reads them: the team's, the organisation's, and the organisation's in the trend. */
  async function figuresFor(who: Ref) {
    const figures = await getCheckInFigures(await currentUserOf(who));
    const quarter = figures?.selected;
    return {
      team: quarter?.teams.items.find((team) => team.id === world.thisTeam.id)?.figure,
      organisation: quarter?.organisation,
      trend: figures?.trend.filter((row) => row.quarter === quarter?.quarter).map((row) => row.organisation),
    };
  }

  /** The team's figure this quarter as its manager reads it. */
  const teamFigure = async () => (await figuresFor(world.managerOfThisTeam)).team;

  /** Four more peer workers of the team who answered once this quarter, all 5s. */
  async function fourColleagues() {
    for (let index = 0; index < 4; index += 1) {
      const colleague = await createUser({ name: `Colleague ${index} ${world.suffix}` });
      await addMembership(world.thisTeam, colleague, 'PEER_WORKER');
      await createCheckIn(colleague, world.thisTeam, { answers: { supported: 5, clearRole: 5, equalMember: 5, experienceValued: 5, practiseAsPeer: 5 } });
    }
  }

  it('weigh each of the five or more people equally: one person checking in again and again does not carry the figure', async () => {
    await fourColleagues();
    // The peer worker checks in on their own, as often as they like: twelve times, all 1s.
    for (let time = 0; time < 12; time += 1) ok(await actingAs(world.peerWorker, () => checkIns.recordCheckIn(null, answered(1))));
    await endTheQuarter();
    // Five people: four said 5, one said 1. Averaged over answers it read 2.0 (twelve 1s and four 5s: 32 / 16), a figure
    // that is one person's answers in all but name; averaged over people it is (5 + 5 + 5 + 5 + 1) / 5.
    expect(await teamFigure()).toEqual({ shown: true, averages: { supported: 4.2, clearRole: 4.2, equalMember: 4.2, experienceValued: 4.2, practiseAsPeer: 4.2 } });
  });

  it('count only other people for someone who answered themselves: a manager who places themselves in their small team learns nothing of the others', async () => {
    // Only this team's answers (the file's database is shared by its tests).
    await db.checkIn.deleteMany({});
    await db.checkInQuarter.deleteMany({});
    // Four peer workers answered: too few, so the team's figure is withheld, and the organisation's (the same four).
    await fourColleagues();
    await endTheQuarter();
    expect(await teamFigure()).toEqual({ shown: false, reason: 'TOO_FEW' });

    // The manager places themselves in the team as a peer worker, on its agreed role, and checks in: all 1s.
    const { roleId } = await db.roleVersion.findUniqueOrThrow({ where: { id: s.roleVersion.id }, select: { roleId: true } });
    const template = await createTemplate({ tasks: [...SMALL_TEMPLATE_TASKS] });
    const start = { appointmentId: '', personEmail: world.managerOfThisTeam.email, roleId, templateId: template.id, startDate: dateFields(daysAgo(30)), contractType: 'PERMANENT', band: '4', hoursPerWeek: '22.5', workingDays: ['MON', 'TUE', 'WED'], lineManagerEmail: '', peerSupervisorEmail: '' };
    ok(await actingAs(world.managerOfThisTeam, () => placements.startPlacement(null, start)));
    ok(await actingAs(world.managerOfThisTeam, () => checkIns.recordCheckIn(null, answered(1))));
    await endTheQuarter();

    // Five people answered, so others see the figures; but the manager knows one of the five answers (their own),
    // so beside it a figure would give away the other four's: (5 × 4.2 − 1) / 4 = 5, which was withheld a moment ago.
    expect((await figuresFor(world.hr)).team).toMatchObject({ shown: true });
    expect(await figuresFor(world.managerOfThisTeam)).toEqual({ team: { shown: false, reason: 'TOO_FEW' }, organisation: { shown: false, reason: 'TOO_FEW' }, trend: [{ shown: false, reason: 'TOO_FEW' }] });
  });

  // Issue 12 §4: "a withheld figure cannot be worked out from the ones shown". A quarter in progress would move with each
  // answer: read before and after one person checks in, the two figures would give that person's answers away (4.0, then
  // 3.5: the sixth answered 1). Figures are shown only for ended quarters, worked out once by the nightly job.
  it('do not move when one person answers: the quarter in progress is never shown, and an ended one stays as it was worked out', async () => {
    await db.checkIn.deleteMany({});
    await db.checkInQuarter.deleteMany({});
    const colleague = async (index: number) => {
      const person = await createUser({ name: `Answerer ${index} ${world.suffix}` });
      await addMembership(world.thisTeam, person, 'PEER_WORKER');
      return person;
    };
    for (let index = 0; index < 5; index += 1) await createCheckIn(await colleague(index), world.thisTeam, { answers: { supported: 4, clearRole: 4, equalMember: 4, experienceValued: 4, practiseAsPeer: 4 } });
    // As the manager reads them, with no quarter named or naming the one in progress.
    const read = async (quarter: string | null = null) => {
      const figures = await getCheckInFigures(await currentUserOf(world.managerOfThisTeam), { quarter });
      return {
        quarters: figures?.trend.map((row) => [row.quarter, row.organisation]),
        selected: figures?.selected?.quarter ?? null,
        organisation: figures?.selected?.organisation,
        figure: figures?.selected?.teams.items.find((team) => team.id === world.thisTeam.id)?.figure,
      };
    };
    // While the quarter is in progress, nothing is shown at all, even when it is named.
    expect(await read()).toEqual({ quarters: [], selected: null, organisation: undefined, figure: undefined });
    expect(await read(quarterOf(new Date()))).toEqual(await read());
    await endTheQuarter();
    const before = await read();
    expect(before.quarters?.map(([quarter]) => quarter)).toEqual([previousQuarter(quarterOf(new Date()))]);
    expect(before.selected).toBe(previousQuarter(quarterOf(new Date())));
    expect(before.figure).toMatchObject({ shown: true, averages: { supported: 4 } });
    expect(await read(quarterOf(new Date()))).toEqual(before);
    // A sixth answers (all 1s), and the job runs again: the ended quarter is as it was; the one in progress is not shown.
    await createCheckIn(await colleague(5), world.thisTeam, { answers: { supported: 1, clearRole: 1, equalMember: 1, experienceValued: 1, practiseAsPeer: 1 } });
    expect((await refreshCheckInFigures()).workedOut).toEqual([]);
    expect(await read()).toEqual(before);
    expect(await read(quarterOf(new Date()))).toEqual(before);
  });
});
