// Where things stand (issue 13 §3, §4, §6, §7), on real PostgreSQL: the
// nightly `dashboards.measures` job counts, for every team that is not
// archived, what the four early-warning signs read, each count from the
// workflow that owns it (checked here against a team built by hand, figure by
// figure, and parity against each placement's own page), and replaces the
// rows each run; the organisation view (HR and administrators) adds the teams
// up, by service type too, and sorts them by name or worst first on a sign, a
// page at a time; a team's managers see only their team; thresholds an
// administrator saves (versioned, audited with what changed) apply to the
// views at once; check-in averages only as the small-numbers rule shows them,
// and not at all to someone who checked in that quarter; and the teams table
// as CSV, in the page's order.
import type { ActionResult } from '@/lib/action';
import { GET as teamsCsv } from '@/app/(app)/dashboards/teams.csv/route';
import { saveDashboardSettings } from '@/lib/dashboards/actions';
import { saveSupervisionSettings } from '@/lib/supervision/settings-actions';
import { TEAM_SIGNS_HEADER } from '@/lib/dashboards/export';
import { takeMeasures } from '@/lib/dashboards/measures';
import { getDashboardSettings, getOrganisationReport, getOrganisationView, getTeamView, TEAMS_PER_PAGE, type TeamSort } from '@/lib/dashboards/queries';
import { DEFAULT_THRESHOLDS, EMPTY_MEASURES, INDICATOR_KEYS, LEVEL_ORDER, SIGNS, type IndicatorKey, type Measures } from '@/lib/dashboards/signals';
import { db } from '@/lib/db';
import { HANDLERS } from '@/lib/jobs/handlers';
import { DASHBOARD_MEASURES_QUEUE, SUPERVISION_FIGURES_QUEUE } from '@/lib/jobs/queues';
import { SCHEDULES } from '@/lib/jobs/schedules';
import { placementParity } from '@/lib/onboarding/records';
import { previousQuarter, quarterStart } from '@/lib/supervision/rules';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/labels';
import {
  addMembership,
  agreedRole,
  agreedRoleWithTerms,
  buildWorld,
  catalogueActivity,
  createAgreement,
  createArrangement,
  createCandidate,
  createCheck,
  createCheckIn,
  createLibraryEntry,
  createMeeting,
  createPlacement,
  createRole,
  createSession,
  createSpecification,
  createTeam,
  createUser,
  createVacancy,
  endTheQuarter,
  grantSystem,
  inviteReviewers,
  placedPeerWorker,
  recordAgreement,
  resolveContestedActivity,
  roleInReview,
  submitVersion,
  type CheckInAnswers,
  type World,
} from '../factories';
import { csvOf } from '../support/csv';
import { clearDashboards, daysAgo, instantDaysAgo, lastQuarter, tenDaysInto } from '../support/dashboards';
import { signInAs } from '../support/session';
import { actingAs, currentUserOf } from '../support/roles';
import { snapshotDatabase } from '../support/snapshot';

type Ref = { id: string };

const RECORDS = 'Writing in clinical records';



function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

let world: World;

beforeEach(async () => {
  await clearDashboards();
  world = await buildWorld();
});

/** A new peer worker of `team` (a current member with the peer worker role). */
async function peerWorkerOf(team: Ref, options: { disabled?: boolean } = {}) {
  const person = await createUser({ name: `Peer ${Math.random().toString(36).slice(2, 8)} ${world.suffix}`, disabled: options.disabled });
  await addMembership(team, person, 'PEER_WORKER');
  return person;
}

/** What the job stored for a team, or undefined when it has no row. */
async function storedMeasures(team: Ref): Promise<Measures | undefined> {
  const row = await db.teamMeasures.findUnique({ where: { teamId: team.id }, select: { measures: true } });
  return row ? (row.measures as unknown as Measures) : undefined;
}

const organisationViewAs = async (who: Ref, options: { sort?: TeamSort; page?: number } = {}) => getOrganisationView(await currentUserOf(who), { sort: options.sort ?? 'name', page: options.page ?? 1 });
const teamViewAs = async (who: Ref, team: Ref) => getTeamView(await currentUserOf(who), team.id);

async function visibleOrganisationView(who: Ref, options: { sort?: TeamSort; page?: number } = {}) {
  const view = await organisationViewAs(who, options);
  if (!view) throw new Error('Expected the organisation view, got null');
  return view;
}

/** The teams' counts added up by hand, with the given check-in averages (never added). */
function sumOf(teams: readonly Measures[], checkIns: { clearRole: number | null; practiseAsPeer: number | null }): Measures {
  const total: Record<string, number | null> = {};
  for (const key of Object.keys(EMPTY_MEASURES) as Array<keyof Measures>) {
    total[key] = key === 'clearRole' || key === 'practiseAsPeer' ? checkIns[key] : teams.reduce((sum, team) => sum + (team[key] as number), 0);
  }
  return total as unknown as Measures;
}

/** Every threshold as the form posts it (text), the defaults unless changed. */
function thresholdsInput(changes: Partial<Record<IndicatorKey, { amber: string; red: string }>> = {}) {
  return {
    ...Object.fromEntries(INDICATOR_KEYS.map((key) => [key, { amber: String(DEFAULT_THRESHOLDS[key].amber), red: String(DEFAULT_THRESHOLDS[key].red) }])),
    ...changes,
  };
}

const save = (who: Ref, input: unknown) => actingAs(who, () => saveDashboardSettings(null, input));

/** Calls `call` as `who`, expects it refused with `code` (and an error on `field`), and that nothing changed. */
async function refused(who: Ref, call: () => Promise<ActionResult<unknown>>, code: string, field?: string) {
  const before = await snapshotDatabase();
  const result = await actingAs(who, call);
  expect(result).toMatchObject({ ok: false, code });
  if (field) expect(!result.ok && result.fieldErrors?.[field]).toBeTruthy();
  expect(await snapshotDatabase()).toEqual(before);
  return result;
}

/** This test's saves of the thresholds, oldest first (earlier tests' worlds made theirs). */
const settingsAudit = () =>
  db.auditEvent.findMany({
    where: { action: 'dashboards.settings.save', actorId: { in: [world.admin.id, world.hr.id, world.managerOfThisTeam.id, world.staff.id, world.peerWorker.id] } },
    orderBy: { createdAt: 'asc' },
    select: { actorId: true, recordType: true, recordId: true, summary: true },
  });

/** The same answer to all five check-in questions, with "clear about my role" and "practise as a peer" as given. */
const answers = (clearRole: number, practiseAsPeer: number): CheckInAnswers => ({ supported: 3, clearRole, equalMember: 3, experienceValued: 3, practiseAsPeer });

/** `count` new people checking in once, in `team`, now (endTheQuarter moves them into the last quarter). */
async function checkedInBy(team: Ref, count: number, answered: CheckInAnswers, answeredAt?: Date) {
  for (let index = 0; index < count; index += 1) {
    const person = await createUser({ name: `Checked in ${index} ${world.suffix}` });
    await createCheckIn(person, team, { answers: answered, answeredAt });
  }
}

const csvAs = (who: Ref | null, query = '') => {
  signInAs(who);
  return teamsCsv(new Request(`http://localhost/dashboards/teams.csv${query}`));
};

describe('the dashboards.measures job', () => {
  it('runs each night after the check-in figures are worked out, and counts every team that is not archived', async () => {
    const measures = SCHEDULES.find((schedule) => schedule.queue === DASHBOARD_MEASURES_QUEUE);
    const figures = SCHEDULES.find((schedule) => schedule.queue === SUPERVISION_FIGURES_QUEUE);
    expect(measures).toMatchObject({ cron: '40 0 * * *', tz: 'Europe/London' });
    expect(figures).toMatchObject({ cron: '20 0 * * *', tz: 'Europe/London' });
    const handler = HANDLERS[DASHBOARD_MEASURES_QUEUE];
    expect(handler).toBeDefined();
    expect(await handler(undefined)).toMatchObject({ teams: 2 });
    expect((await db.teamMeasures.findMany({ select: { teamId: true } })).map((row) => row.teamId).sort()).toEqual([world.thisTeam.id, world.otherTeam.id].sort());
  });

  it('counts, for a team built by hand, every figure the signs read, each from the workflow that owns it', async () => {
    const team = world.thisTeam;
    const manager = world.managerOfThisTeam;
    // The main meeting on Wednesdays and another on Fridays; a system both non-peer colleagues have.
    await createMeeting(team, { day: 'WED', main: true, name: 'Team meeting' });
    await createMeeting(team, { day: 'FRI', name: 'Reflective practice' });
    await grantSystem(manager, 'RiO');
    await grantSystem(world.staff, 'RiO');

    // Roles. Agreed with the peer worker: permanent, 22.5 hours, band 3 (COMPLETE_ROLE_CONTENT).
    const agreed = await agreedRoleWithTerms(world, {});
    // Agreed by the staff member alone: no peer worker agreed to it.
    const withoutPeer = await createRole({ team, createdBy: manager });
    const withoutPeerVersion = await submitVersion(withoutPeer, manager);
    await inviteReviewers(withoutPeerVersion, [world.staff], manager);
    await recordAgreement(withoutPeerVersion, world.staff);
    await db.roleVersion.update({ where: { id: withoutPeerVersion.id }, data: { status: 'AGREED', agreedAt: new Date() } });
    // In review, its expectations check contested and not settled: counted, and a role with no agreed version.
    const contested = await roleInReview(world);
    const records = await catalogueActivity(RECORDS);
    const contestedAnswers = [
      { user: world.staff, answers: { default: 'SOMETIMES' as const, byName: { [RECORDS]: 'NOT_PART' as const } } },
      { user: world.peerWorker, answers: { default: 'SOMETIMES' as const, byName: { [RECORDS]: 'CORE' as const } } },
    ];
    await createCheck(contested.role, manager, contestedAnswers);
    // In review, contested but settled: not counted.
    const settled = await roleInReview(world);
    const settledCheck = await createCheck(settled.role, manager, contestedAnswers);
    await resolveContestedActivity(settledCheck, records, manager, { outcome: 'INCLUDED', section: 'responsibilities', note: 'Peer workers write brief notes.' });
    // A draft nobody submitted, contested: not counted (neither in review nor recruited to).
    const draft = await createRole({ team, createdBy: manager });
    await createCheck(draft, manager, contestedAnswers);

    // Peer workers. P1 (the world's): placed on the agreed role on its terms, every day, with the system: no parity issue.
    const p1 = world.peerWorker;
    await grantSystem(p1, 'RiO');
    const placement1 = await createPlacement(team, p1, agreed.version, manager, { contractType: 'PERMANENT', band: 4, hoursPerWeek: 22.5, workingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'], peerSupervisor: world.staff });
    // P2: sessional, band 2, 15 hours, Mondays and Tuesdays, no peer supervisor: 7 issues, the band accepted,
    // the hours accepted on facts that have since changed (so still open): 6 open.
    const p2 = await peerWorkerOf(team);
    const placement2 = await createPlacement(team, p2, agreed.version, manager, { contractType: 'SESSIONAL', band: 2, hoursPerWeek: 15, workingDays: ['MON', 'TUE'], peerSupervisor: null });
    await db.parityAcceptance.create({ data: { placementId: placement2.id, key: 'band', facts: '2<3', reason: 'Agreed with them while training', acceptedById: manager.id } });
    await db.parityAcceptance.create({ data: { placementId: placement2.id, key: 'hours', facts: '10<22.5', reason: 'What they asked for then', acceptedById: manager.id } });
    // P3: voluntary, on the contested role (no agreed version), not on Wednesdays or Fridays: meetings (2), system, contract.
    const p3 = await peerWorkerOf(team);
    const placement3 = await createPlacement(team, p3, contested.version, manager, { contractType: 'VOLUNTARY', band: null, hoursPerWeek: 22.5, workingDays: ['MON', 'TUE', 'THU'], peerSupervisor: world.staff });
    // P4: not placed. P5: disabled, so not a peer worker of the team any more. P6: their placement has ended.
    await peerWorkerOf(team);
    await peerWorkerOf(team, { disabled: true });
    const p6 = await peerWorkerOf(team);
    const ended = await createPlacement(team, p6, agreed.version, manager, { contractType: 'SESSIONAL', peerSupervisor: null });
    await db.placement.update({ where: { id: ended.id }, data: { endedAt: instantDaysAgo(3) } });
    // P7: fixed-term on the agreed role, every day, band 3, 30 hours, without the system: system, contract.
    const p7 = await peerWorkerOf(team);
    const placement7 = await createPlacement(team, p7, agreed.version, manager, { contractType: 'FIXED_TERM', band: 3, hoursPerWeek: 30, workingDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'], peerSupervisor: world.staff });

    // Supervision. P1: peer supervision every 4 weeks, last held 10 days ago (not overdue), and line management.
    const agreement1 = await createAgreement(placement1, manager);
    const peer1 = await createArrangement(agreement1, world.staff, { type: 'PEER', everyWeeks: 4, startsOn: daysAgo(100) });
    const line1 = await createArrangement(agreement1, manager, { type: 'LINE_MANAGEMENT', everyWeeks: 6, startsOn: daysAgo(100) });
    const held10 = await createSession(peer1, { heldOn: daysAgo(10), topics: ['own-boundaries', 'lived-experience', 'role-clarity'], notes: 'A private note about boundaries' });
    // An amendment is the same session: neither it nor its topics count again.
    await createSession(peer1, { heldOn: daysAgo(10), topics: ['own-boundaries', 'outside-role'], amends: held10 });
    await createSession(peer1, { heldOn: daysAgo(40), topics: ['outside-role', 'own-boundaries'] });
    // More than 365 days ago: not counted.
    await createSession(peer1, { heldOn: daysAgo(366), topics: ['own-boundaries', 'outside-role'] });
    await createSession(line1, { heldOn: daysAgo(20), topics: ['sharing-story', 'lived-experience'] });
    await createSession(line1, { heldOn: daysAgo(364), topics: ['role-clarity'] });
    // P7: peer supervision every 4 weeks, last held 60 days ago: overdue.
    const agreement7 = await createAgreement(placement7, manager);
    const peer7 = await createArrangement(agreement7, world.staff, { type: 'PEER', everyWeeks: 4, startsOn: daysAgo(200) });
    await createSession(peer7, { heldOn: daysAgo(60), topics: ['sharing-story'] });
    // P3: peer supervision starting in ten days (not overdue), and an ended one long overdue (not counted).
    const agreement3 = await createAgreement(placement3, manager);
    await createArrangement(agreement3, world.staff, { type: 'PEER', everyWeeks: 4, startsOn: daysAgo(-10) });
    await createArrangement(agreement3, world.staff, { type: 'PEER', everyWeeks: 4, startsOn: daysAgo(300), endedAt: instantDaysAgo(5) });
    // P2 has no peer supervisor named.

    // The library: two published in the last year; one published long ago, one proposed, one withdrawn, one declined.
    await createLibraryEntry(p1, team, { status: 'PUBLISHED', reviewedBy: world.staff });
    await createLibraryEntry(p7, team, { status: 'PUBLISHED', reviewedBy: world.staff });
    const old = await createLibraryEntry(p1, team, { status: 'PUBLISHED', reviewedBy: world.staff });
    await db.libraryEntry.update({ where: { id: old.id }, data: { reviewedAt: instantDaysAgo(400) } });
    await createLibraryEntry(p1, team, { status: 'PROPOSED' });
    await createLibraryEntry(p1, team, { status: 'WITHDRAWN' });
    await createLibraryEntry(p1, team, { status: 'DECLINED', reviewedBy: world.staff });
    // The other team's published entry counts for the other team.
    await createLibraryEntry(world.managerOfOtherTeam, world.otherTeam, { status: 'PUBLISHED', reviewedBy: world.staff });

    // Recruitment, on a third agreed role (agreed with the peer worker): two appointments this year, one by direct
    // approach; one by direct approach more than a year ago.
    const recruited = await agreedRole(world);
    const specification = await createSpecification({ team, roleVersion: recruited.version, createdBy: world.hr });
    const openAdvert = await createVacancy({ specification, createdBy: world.hr, status: 'DECIDED', reach: 'OPEN_ADVERT' });
    const direct = await createVacancy({ specification, createdBy: world.hr, status: 'DECIDED', reach: 'DIRECT_APPROACH' });
    const appoint = async (vacancy: typeof direct, createdAt?: Date) => {
      const candidate = await createCandidate(vacancy, world.hr);
      const person = await createUser();
      await db.appointment.create({
        data: { candidateId: candidate.id, vacancyId: vacancy.id, userId: person.id, teamId: team.id, roleVersionId: recruited.version.id, createdById: world.hr.id, ...(createdAt ? { createdAt } : {}) },
      });
    };
    await appoint(openAdvert);
    await appoint(direct);
    await appoint(direct, instantDaysAgo(366));

    // An archived team with a peer worker and a placement: left out.
    const archived = await createTeam({ name: `Archived ${world.suffix}` });
    const archivedPeer = await peerWorkerOf(archived);
    await createPlacement(archived, archivedPeer, agreed.version, manager, { contractType: 'VOLUNTARY' });
    await db.team.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });

    const run = await takeMeasures();
    expect(run.teams).toBe(2);

    // Parity as each placement's own page judges it.
    const open = await Promise.all([placement1, placement2, placement3, placement7].map(async (placement) => (await placementParity(db, placement.id)).open.length));
    expect(open).toEqual([0, 6, 4, 2]);

    expect(await storedMeasures(team)).toEqual({
      rolesWithUnsettledContested: 1,
      appointments: 2,
      directApproachAppointments: 1,
      // P1, P2, P3, P4, P6, P7; P3 (role not agreed), P4 (not placed) and P6 (placement ended) without an agreed role.
      peerWorkers: 6,
      peerWorkersWithoutAgreedRole: 3,
      openParityIssues: open.reduce((sum, count) => sum + count, 0),
      placements: 4,
      // Sessional (P2), voluntary (P3), fixed-term (P7).
      insecurePlacements: 3,
      // P2 and P3 do not work on Wednesdays.
      mainMeetingOnDayOff: 2,
      // Held 10, 40 (peer), 20, 364 (line management) days ago for P1 and 60 (peer) for P7.
      sessions: 5,
      peerSessions: 3,
      // P2 (nobody named) and P7 (overdue).
      withoutPeerSupervision: 2,
      // own-boundaries (10 days); outside-role and own-boundaries (40 days).
      boundaryTopics: 3,
      // lived-experience (10); sharing-story and lived-experience (20); sharing-story (60).
      livedExperienceTopics: 4,
      clearRole: null,
      practiseAsPeer: null,
      libraryEntries: 2,
      agreedRoles: 3,
      agreedWithoutPeerWorker: 1,
    });
    expect((await storedMeasures(team))!.openParityIssues).toBe(12);
    expect(await storedMeasures(world.otherTeam)).toEqual({ ...EMPTY_MEASURES, libraryEntries: 1 });
    expect(await storedMeasures(archived)).toBeUndefined();
    expect(await db.teamMeasures.count()).toBe(2);
    // No check-in quarter worked out yet.
    expect(await db.organisationMeasures.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ clearRole: null, practiseAsPeer: null, checkInQuarter: null, computedAt: run.computedAt });
  });

  it('replaces the rows on every run, never duplicating them, and drops a team archived since', async () => {
    await placedPeerWorker(world);
    const first = await takeMeasures();
    const firstRows = await db.teamMeasures.findMany({ orderBy: { teamId: 'asc' } });
    expect(firstRows.map((row) => row.teamId)).toEqual([world.thisTeam.id, world.otherTeam.id].sort());
    expect(firstRows.every((row) => row.computedAt.getTime() === first.computedAt.getTime())).toBe(true);
    expect(await storedMeasures(world.thisTeam)).toMatchObject({ placements: 1, peerWorkers: 1, peerWorkersWithoutAgreedRole: 0 });

    // Since then: the placement ended, the other team archived, a new team added.
    await db.placement.updateMany({ where: { teamId: world.thisTeam.id }, data: { endedAt: new Date() } });
    await db.team.update({ where: { id: world.otherTeam.id }, data: { archivedAt: new Date() } });
    const added = await createTeam({ name: `Added ${world.suffix}` });

    const second = await takeMeasures();
    expect(second.teams).toBe(2);
    expect(second.computedAt.getTime()).toBeGreaterThanOrEqual(first.computedAt.getTime());
    const secondRows = await db.teamMeasures.findMany({ orderBy: { teamId: 'asc' } });
    expect(secondRows.map((row) => row.teamId)).toEqual([world.thisTeam.id, added.id].sort());
    expect(secondRows.every((row) => row.computedAt.getTime() === second.computedAt.getTime())).toBe(true);
    expect(await storedMeasures(world.thisTeam)).toMatchObject({ placements: 0, peerWorkers: 1, peerWorkersWithoutAgreedRole: 1 });
    expect(await storedMeasures(added)).toEqual(EMPTY_MEASURES);
    // One organisation row, updated.
    expect(await db.organisationMeasures.findMany({ select: { id: true, computedAt: true } })).toEqual([{ id: 1, computedAt: second.computedAt }]);

    // And a third run with nothing changed gives the same rows again.
    await takeMeasures();
    expect(await db.teamMeasures.count()).toBe(2);
    expect(await storedMeasures(world.thisTeam)).toMatchObject({ placements: 0, peerWorkers: 1 });
  });

  it('takes the check-in averages from the latest quarter the figures job stored, null where the small-numbers rule withholds them', async () => {
    // The quarter before last: five people in a fourth team, all 1s. Then in the last quarter: six people in this
    // team (shown), five in the other (withheld: it would reveal the third team's two), two in a third (too few).
    const third = await createTeam({ name: `Third ${world.suffix}` });
    const fourth = await createTeam({ name: `Fourth ${world.suffix}` });
    await checkedInBy(fourth, 5, answers(1, 1), tenDaysInto(previousQuarter(lastQuarter())));
    await checkedInBy(world.thisTeam, 6, answers(5, 3));
    await checkedInBy(world.otherTeam, 5, answers(2, 2));
    await checkedInBy(third, 2, answers(4, 4));
    expect((await endTheQuarter()).workedOut).toEqual([previousQuarter(lastQuarter()), lastQuarter()]);
    const stored = await db.checkInTeamFigure.findMany({ where: { quarter: lastQuarter() }, select: { teamId: true, figure: true } });
    expect(new Map(stored.map((row) => [row.teamId, (row.figure as { shown: boolean; reason?: string }).reason ?? 'SHOWN']))).toEqual(
      new Map([
        [world.thisTeam.id, 'SHOWN'],
        [world.otherTeam.id, 'WOULD_REVEAL'],
        [third.id, 'TOO_FEW'],
      ]),
    );

    const run = await takeMeasures();
    expect(await storedMeasures(world.thisTeam)).toMatchObject({ clearRole: 5, practiseAsPeer: 3 });
    expect(await storedMeasures(world.otherTeam)).toMatchObject({ clearRole: null, practiseAsPeer: null });
    expect(await storedMeasures(third)).toMatchObject({ clearRole: null, practiseAsPeer: null });
    // Shown in the quarter before last, but the latest has nothing from it.
    expect(await storedMeasures(fourth)).toMatchObject({ clearRole: null, practiseAsPeer: null });
    // The organisation's own: the mean of each of the 13 people's answers, (6×5 + 5×2 + 2×4) / 13 and (6×3 + 5×2 + 2×4) / 13.
    expect(await db.organisationMeasures.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ id: 1, clearRole: 3.7, practiseAsPeer: 2.8, checkInQuarter: lastQuarter(), computedAt: run.computedAt });

    // The threshold changed since the figures were worked out: withheld until the figures job works them out again.
    await db.supervisionSettings.create({ data: { id: 1, smallNumbersThreshold: 6 } });
    await takeMeasures();
    expect(await storedMeasures(world.thisTeam)).toMatchObject({ clearRole: null, practiseAsPeer: null });
    expect(await db.organisationMeasures.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ clearRole: null, practiseAsPeer: null, checkInQuarter: lastQuarter() });
  });
});

/**
 * Four teams whose arrangements read differently: "Alpha Red" (community, a sessional placement at band 2 with no
 * peer supervisor: 3 open parity issues), "This Team" (community, one open issue: no peer supervisor), "Zulu Green"
 * (crisis, a placement with nothing open) and "Other Team" (early intervention, no placements).
 */
async function fourTeams() {
  const red = await createTeam({ name: `Alpha Red ${world.suffix}`, serviceType: 'COMMUNITY_MENTAL_HEALTH' });
  const green = await createTeam({ name: `Zulu Green ${world.suffix}`, serviceType: 'CRISIS_HOME_TREATMENT' });
  const { roleVersion } = await placedPeerWorker(world);
  await createPlacement(red, await peerWorkerOf(red), roleVersion, world.admin, { contractType: 'SESSIONAL', band: 2, peerSupervisor: null });
  await createPlacement(green, await peerWorkerOf(green), roleVersion, world.admin, { contractType: 'PERMANENT', band: 4, peerSupervisor: world.staff });
  await createLibraryEntry(world.peerWorker, world.otherTeam, { status: 'PUBLISHED', reviewedBy: world.staff });
  await peerWorkerOf(world.otherTeam);
  return { red, green };
}

describe('who sees what', () => {
  it('gives administrators and HR every team, each service type and the organisation added up, by name', async () => {
    const { red, green } = await fourTeams();
    const run = await takeMeasures();
    const teams = [red, world.otherTeam, world.thisTeam, green];
    const stored = new Map<string, Measures>();
    for (const team of teams) stored.set(team.id, (await storedMeasures(team))!);

    const view = await visibleOrganisationView(world.admin);
    expect(view).toMatchObject({ sort: 'name', computedAt: run.computedAt, checkInQuarter: null, checkInsWithheld: false, thresholds: DEFAULT_THRESHOLDS });
    // By name, each with what the job stored.
    expect(view.teams.items.map((team) => team.id)).toEqual(teams.map((team) => team.id));
    expect(view.teams).toMatchObject({ page: 1, pageCount: 1, total: 4 });
    for (const team of view.teams.items) expect(team.measures).toEqual(stored.get(team.id));
    expect(view.teams.items.map((team) => [team.name, team.serviceType])).toEqual([
      [red.name, 'COMMUNITY_MENTAL_HEALTH'],
      [world.otherTeam.name, 'EARLY_INTERVENTION'],
      [world.thisTeam.name, 'COMMUNITY_MENTAL_HEALTH'],
      [green.name, 'CRISIS_HOME_TREATMENT'],
    ]);
    expect(view.teams.items.map((team) => team.signs.ARRANGEMENTS.level)).toEqual(['RED', 'NONE', 'AMBER', 'GREEN']);

    // The organisation: every count added up, with its own check-in averages (none worked out yet).
    const all = [...stored.values()];
    expect(view.organisation.measures).toEqual(sumOf(all, { clearRole: null, practiseAsPeer: null }));
    expect(view.organisation.measures).toMatchObject({ placements: 3, peerWorkers: 4, openParityIssues: 4, libraryEntries: 1 });
    expect(view.organisation.signs.ARRANGEMENTS.level).toBe('RED');
    // Each service type: its teams added up, by name of the type; never check-in averages.
    expect(view.serviceTypes.map((type) => [type.serviceType, type.teams])).toEqual([
      ['COMMUNITY_MENTAL_HEALTH', 2],
      ['CRISIS_HOME_TREATMENT', 1],
      ['EARLY_INTERVENTION', 1],
    ]);
    const none = { clearRole: null, practiseAsPeer: null };
    expect(view.serviceTypes[0].measures).toEqual(sumOf([stored.get(red.id)!, stored.get(world.thisTeam.id)!], none));
    expect(view.serviceTypes[1].measures).toEqual(sumOf([stored.get(green.id)!], none));
    expect(view.serviceTypes[2].measures).toEqual(sumOf([stored.get(world.otherTeam.id)!], none));
    expect(view.serviceTypes[0].signs.ARRANGEMENTS.level).toBe('RED');

    // HR sees exactly the same.
    expect(await organisationViewAs(world.hr)).toEqual(view);

    // Either may open any team's view, archived or not.
    for (const who of [world.admin, world.hr]) {
      for (const team of teams) expect(await teamViewAs(who, team)).toMatchObject({ team: { id: team.id, name: team.name, archived: false }, measures: stored.get(team.id), computedAt: run.computedAt, checkInsWithheld: false });
    }
  });

  it('sorts the teams worst first by a sign, by name among equals, a page at a time', async () => {
    const { red, green } = await fourTeams();
    // Another amber team, after "This Team" by name.
    const amber = await createTeam({ name: `Yankee Amber ${world.suffix}` });
    const { version } = await agreedRoleWithTerms(world, {});
    await createPlacement(amber, await peerWorkerOf(amber), version, world.admin, { peerSupervisor: null });
    await takeMeasures();

    const arrangements = await visibleOrganisationView(world.admin, { sort: 'ARRANGEMENTS' });
    expect(arrangements.sort).toBe('ARRANGEMENTS');
    expect(arrangements.teams.items.map((team) => [team.id, team.signs.ARRANGEMENTS.level])).toEqual([
      [red.id, 'RED'],
      [world.thisTeam.id, 'AMBER'],
      [amber.id, 'AMBER'],
      [green.id, 'GREEN'],
      [world.otherTeam.id, 'NONE'],
    ]);
    // SHARED_VIEW: the other team has a peer worker and one library entry (amber); the rest have peer workers and none (red).
    const sharedView = await visibleOrganisationView(world.admin, { sort: 'SHARED_VIEW' });
    expect(sharedView.teams.items.map((team) => team.id)).toEqual([red.id, world.thisTeam.id, amber.id, green.id, world.otherTeam.id]);
    expect(sharedView.teams.items.map((team) => team.signs.SHARED_VIEW.level)).toEqual(['RED', 'RED', 'RED', 'RED', 'AMBER']);

    // A page at a time (the issue says 50 teams): three more teams than a page holds make two pages.
    const total = TEAMS_PER_PAGE + 3;
    for (let index = 5; index < total; index += 1) await createTeam({ name: `Page ${String(index).padStart(3, '0')} ${world.suffix}` });
    await takeMeasures();
    const first = await visibleOrganisationView(world.admin, { sort: 'ARRANGEMENTS' });
    const second = await visibleOrganisationView(world.admin, { sort: 'ARRANGEMENTS', page: 2 });
    expect(first.teams).toMatchObject({ page: 1, pageCount: 2, total });
    expect(first.teams.items).toHaveLength(TEAMS_PER_PAGE);
    expect(second.teams).toMatchObject({ page: 2, pageCount: 2, total });
    expect(second.teams.items).toHaveLength(3);
    const both = [...first.teams.items, ...second.teams.items];
    expect(new Set(both.map((team) => team.id)).size).toBe(total);
    // Worst first across the pages: the empty teams (nothing to measure) come last, by name, after the green one.
    expect(both.slice(0, 4).map((team) => team.id)).toEqual([red.id, world.thisTeam.id, amber.id, green.id]);
    const names = both.slice(4).map((team) => team.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(both.slice(4).every((team) => team.signs.ARRANGEMENTS.level === 'NONE')).toBe(true);
    // The organisation is every team, whatever the page.
    expect(second.organisation).toEqual(first.organisation);
    expect(first.organisation.measures.placements).toBe(4);
    expect((await visibleOrganisationView(world.admin, { page: 3 })).teams.items).toEqual([]);
  });

  it('gives a team’s manager their own team’s view only, and nobody else either view', async () => {
    await fourTeams();
    await takeMeasures();
    const stored = await storedMeasures(world.thisTeam);

    expect(await organisationViewAs(world.managerOfThisTeam)).toBeNull();
    expect(await teamViewAs(world.managerOfThisTeam, world.thisTeam)).toMatchObject({
      team: { id: world.thisTeam.id, name: world.thisTeam.name, serviceType: 'COMMUNITY_MENTAL_HEALTH', archived: false },
      measures: stored,
      checkInsWithheld: false,
      signs: { ARRANGEMENTS: { level: 'AMBER' } },
    });
    expect(await teamViewAs(world.managerOfThisTeam, world.otherTeam)).toBeNull();

    expect(await organisationViewAs(world.managerOfOtherTeam)).toBeNull();
    expect(await teamViewAs(world.managerOfOtherTeam, world.otherTeam)).toMatchObject({ team: { id: world.otherTeam.id }, measures: await storedMeasures(world.otherTeam) });
    expect(await teamViewAs(world.managerOfOtherTeam, world.thisTeam)).toBeNull();

    // Staff, peer workers (even of the team), service-user representatives and people in no team: neither.
    for (const who of [world.staff, world.peerWorker, world.serviceUserRep, world.newcomer]) {
      expect(await organisationViewAs(who)).toBeNull();
      expect(await teamViewAs(who, world.thisTeam)).toBeNull();
      expect(await teamViewAs(who, world.otherTeam)).toBeNull();
    }

    // Not a team, or no such team: null, even for an administrator.
    expect(await getTeamView(await currentUserOf(world.admin), 'not-a-uuid')).toBeNull();
    expect(await getTeamView(await currentUserOf(world.admin), '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('shows a team added since the last run as not measured yet', async () => {
    await takeMeasures();
    const added = await createTeam({ name: `Added ${world.suffix}` });
    expect(await teamViewAs(world.admin, added)).toMatchObject({ team: { id: added.id }, measures: null, signs: null, computedAt: null });
    // Not in the organisation's teams until the job has measured it.
    expect((await visibleOrganisationView(world.hr)).teams.items.map((team) => team.id)).not.toContain(added.id);
    // Before any run at all: nothing measured, nothing counted.
    await db.teamMeasures.deleteMany({});
    await db.organisationMeasures.deleteMany({});
    const empty = await visibleOrganisationView(world.admin);
    expect(empty).toMatchObject({ computedAt: null, checkInQuarter: null, serviceTypes: [], teams: { items: [], total: 0 } });
    expect(empty.organisation.measures).toEqual(EMPTY_MEASURES);
    expect(await teamViewAs(world.managerOfThisTeam, world.thisTeam)).toMatchObject({ measures: null, signs: null });
  });
});

describe('the quarterly report', () => {
  it('gives HR and administrators the organisation, the chart’s counts and the teams red on a sign, worst first across the four; nobody else', async () => {
    const { red } = await fourTeams();
    await takeMeasures();
    const view = await visibleOrganisationView(world.admin);
    const report = await getOrganisationReport(await currentUserOf(world.admin));
    expect(report).not.toBeNull();
    expect(report!.organisation).toEqual(view.organisation);
    // The chart's counts: every team once on each sign.
    for (const sign of SIGNS) expect(Object.values(report!.distribution[sign]).reduce((sum, count) => sum + count, 0)).toBe(view.teams.total);
    expect(report!.distribution.ARRANGEMENTS.RED).toBe(view.teams.items.filter((team) => team.signs.ARRANGEMENTS.level === 'RED').length);
    // Only teams red on some sign, the worst (lowest sum of levels) first.
    const levels = (team: NonNullable<typeof report>['attention'][number]) => SIGNS.reduce((sum, sign) => sum + LEVEL_ORDER[team.signs[sign].level], 0);
    expect(report!.attention.length).toBeGreaterThan(0);
    for (const team of report!.attention) expect(SIGNS.some((sign) => team.signs[sign].level === 'RED')).toBe(true);
    expect(report!.attention.map(levels)).toEqual([...report!.attention.map(levels)].sort((a, b) => a - b));
    expect(report!.attention.map((team) => team.id)).toContain(red.id);
    // Every team red on a sign is there (fewer than the 25 listed at most), and no other.
    const redTeams = view.teams.items.filter((team) => SIGNS.some((sign) => team.signs[sign].level === 'RED')).map((team) => team.id);
    expect([...report!.attention.map((team) => team.id)].sort()).toEqual([...redTeams].sort());
    // HR the same; a team's manager, staff and others nothing.
    expect((await getOrganisationReport(await currentUserOf(world.hr)))!.attention).toEqual(report!.attention);
    for (const who of [world.managerOfThisTeam, world.staff, world.peerWorker, world.serviceUserRep]) expect(await getOrganisationReport(await currentUserOf(who))).toBeNull();
  });
});

describe('thresholds', () => {
  /** This team's "open parity issues" as the team and organisation views read it now. */
  async function parityReadings() {
    const team = (await teamViewAs(world.managerOfThisTeam, world.thisTeam))!;
    const organisation = await visibleOrganisationView(world.hr);
    const row = organisation.teams.items.find((item) => item.id === world.thisTeam.id)!;
    const indicator = (signs: typeof row.signs) => signs.ARRANGEMENTS.indicators.find((item) => item.key === 'openParityIssues');
    return { team: [team.signs!.ARRANGEMENTS.level, indicator(team.signs!)], organisation: [row.signs.ARRANGEMENTS.level, indicator(row.signs)] };
  }

  it('an administrator’s thresholds apply to the views at once, each save audited with what changed', async () => {
    // One open parity issue (no peer supervisor named): amber by default.
    await placedPeerWorker(world);
    const run = await takeMeasures();
    expect(await parityReadings()).toEqual({
      team: ['AMBER', { key: 'openParityIssues', value: 1, level: 'AMBER' }],
      organisation: ['AMBER', { key: 'openParityIssues', value: 1, level: 'AMBER' }],
    });
    expect(await getDashboardSettings()).toEqual({ thresholds: DEFAULT_THRESHOLDS, version: 0 });

    // The first save carries no version: there is none yet.
    expect(ok(await save(world.admin, { thresholds: thresholdsInput({ openParityIssues: { amber: '2', red: '3' } }) }))).toEqual({ version: 1 });
    expect(await parityReadings()).toEqual({
      team: ['GREEN', { key: 'openParityIssues', value: 1, level: 'GREEN' }],
      organisation: ['GREEN', { key: 'openParityIssues', value: 1, level: 'GREEN' }],
    });
    // Nothing was counted again.
    expect((await db.teamMeasures.findUniqueOrThrow({ where: { teamId: world.thisTeam.id } })).computedAt).toEqual(run.computedAt);
    const settings = await getDashboardSettings();
    expect(settings.version).toBe(1);
    expect(settings.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, openParityIssues: { amber: 2, red: 3 } });
    expect((await visibleOrganisationView(world.admin)).thresholds).toEqual(settings.thresholds);
    expect((await teamViewAs(world.managerOfThisTeam, world.thisTeam))!.thresholds).toEqual(settings.thresholds);

    // A percentage and a score, at version 1; open parity issues stay as saved.
    expect(
      ok(await save(world.admin, { version: 1, thresholds: thresholdsInput({ openParityIssues: { amber: '2', red: '3' }, insecureContractShare: { amber: '30', red: '60' }, clearRole: { amber: '3.8', red: '2.5' } }) })),
    ).toEqual({ version: 2 });
    // Red at 1 now: the team is red at once.
    ok(await save(world.admin, { version: 2, thresholds: thresholdsInput({ openParityIssues: { amber: '1', red: '1' }, insecureContractShare: { amber: '30', red: '60' }, clearRole: { amber: '3.8', red: '2.5' } }) }));
    expect((await parityReadings()).team).toEqual(['RED', { key: 'openParityIssues', value: 1, level: 'RED' }]);
    // Saved again as it is.
    ok(await save(world.admin, { version: 3, thresholds: thresholdsInput({ openParityIssues: { amber: '1', red: '1' }, insecureContractShare: { amber: '30', red: '60' }, clearRole: { amber: '3.8', red: '2.5' } }) }));
    expect((await getDashboardSettings()).version).toBe(4);

    expect(await settingsAudit()).toEqual([
      { actorId: world.admin.id, recordType: 'DashboardSettings', recordId: '1', summary: 'Changed the thresholds of the early-warning signs: Open parity issues: amber 2, red 3' },
      {
        actorId: world.admin.id,
        recordType: 'DashboardSettings',
        recordId: '1',
        summary: 'Changed the thresholds of the early-warning signs: Peer workers on sessional, voluntary or fixed-term contracts: amber 30%, red 60%; “I am clear about my role”: amber 3.8, red 2.5',
      },
      { actorId: world.admin.id, recordType: 'DashboardSettings', recordId: '1', summary: 'Changed the thresholds of the early-warning signs: Open parity issues: amber 1, red 1' },
      { actorId: world.admin.id, recordType: 'DashboardSettings', recordId: '1', summary: 'Saved the thresholds of the early-warning signs unchanged' },
    ]);
  });

  it('sorts the teams worst first under the thresholds in force, straight after a change', async () => {
    // This team: one open parity issue (amber by default). "Beta": a placement with nothing open (green).
    const { roleVersion } = await placedPeerWorker(world);
    const beta = await createTeam({ name: `Beta ${world.suffix}` });
    await createPlacement(beta, await peerWorkerOf(beta), roleVersion, world.admin, { peerSupervisor: world.staff });
    await takeMeasures();
    const order = async () => (await visibleOrganisationView(world.admin, { sort: 'ARRANGEMENTS' })).teams.items.map((team) => [team.id, team.signs.ARRANGEMENTS.level]);
    expect(await order()).toEqual([
      [world.thisTeam.id, 'AMBER'],
      [beta.id, 'GREEN'],
      [world.otherTeam.id, 'NONE'],
    ]);
    // One open issue is green now: both green, so by name.
    ok(await save(world.admin, { thresholds: thresholdsInput({ openParityIssues: { amber: '2', red: '3' } }) }));
    expect(await order()).toEqual([
      [beta.id, 'GREEN'],
      [world.thisTeam.id, 'GREEN'],
      [world.otherTeam.id, 'NONE'],
    ]);
    // And red from one: this team first again, as the CSV has it too.
    ok(await save(world.admin, { version: 1, thresholds: thresholdsInput({ openParityIssues: { amber: '1', red: '1' } }) }));
    expect(await order()).toEqual([
      [world.thisTeam.id, 'RED'],
      [beta.id, 'GREEN'],
      [world.otherTeam.id, 'NONE'],
    ]);
    const [, ...rows] = await csvOf(await csvAs(world.admin, '?sort=ARRANGEMENTS'));
    expect(rows.map((row) => [row[0], row[3]])).toEqual([
      [world.thisTeam.name, 'Red'],
      [beta.name, 'Green'],
      [world.otherTeam.name, 'Nothing to measure'],
    ]);
  });

  it('refuses red less bad than amber, a stale or missing version, and anyone but an administrator, changing nothing', async () => {
    await placedPeerWorker(world);
    await takeMeasures();
    ok(await save(world.admin, { thresholds: thresholdsInput({ openParityIssues: { amber: '2', red: '3' } }) }));
    const valid = { version: 1, thresholds: thresholdsInput() };

    // A count where more is worse, and a score where less is worse.
    const higher = await refused(world.admin, () => saveDashboardSettings(null, { version: 1, thresholds: thresholdsInput({ openParityIssues: { amber: '3', red: '1' } }) }), 'VALIDATION', 'thresholds.openParityIssues.red');
    expect(!higher.ok && higher.fieldErrors).toEqual({ 'thresholds.openParityIssues.red': ['Open parity issues: red must be the same as amber or higher'] });
    const lower = await refused(world.admin, () => saveDashboardSettings(null, { version: 1, thresholds: thresholdsInput({ clearRole: { amber: '3', red: '3.5' } }) }), 'VALIDATION', 'thresholds.clearRole.red');
    expect(!lower.ok && lower.fieldErrors).toEqual({ 'thresholds.clearRole.red': ['“I am clear about my role”: red must be the same as amber or lower'] });

    // Someone else saved since (version 1 is now 2), or the form carried no version.
    ok(await save(world.admin, valid));
    await refused(world.admin, () => saveDashboardSettings(null, valid), 'CONFLICT');
    await refused(world.admin, () => saveDashboardSettings(null, { thresholds: thresholdsInput() }), 'CONFLICT');

    // HR and managers see the signs but may not set them.
    for (const who of [world.hr, world.managerOfThisTeam, world.staff, world.peerWorker]) await refused(who, () => saveDashboardSettings(null, { version: 2, thresholds: thresholdsInput() }), 'FORBIDDEN');

    expect(await getDashboardSettings()).toEqual({ thresholds: DEFAULT_THRESHOLDS, version: 2 });
    expect((await settingsAudit()).map((event) => event.actorId)).toEqual([world.admin.id, world.admin.id]);
    // The views read the defaults again: one open issue is amber.
    expect((await parityReadings()).team[0]).toBe('AMBER');
  });
});

describe('small numbers', () => {
  /**
   * Last quarter's check-ins: six people in this team (shown, 5 and 3), five in the other (withheld, as it would
   * reveal the third team's two) and two in a third team (too few); the organisation's own 3.7 and 2.8.
   */
  async function figuresWorkedOut() {
    const third = await createTeam({ name: `Third ${world.suffix}` });
    await checkedInBy(world.thisTeam, 6, answers(5, 3));
    await checkedInBy(world.otherTeam, 5, answers(2, 2));
    await checkedInBy(third, 2, answers(4, 4));
    await endTheQuarter();
    await takeMeasures();
    return { third };
  }

  const checkInsOf = (measures: Measures | null | undefined) => measures && [measures.clearRole, measures.practiseAsPeer];

  it('shows a team’s check-in averages only where the rule shows them, in the views and the CSV', async () => {
    const { third } = await figuresWorkedOut();
    const view = await visibleOrganisationView(world.admin);
    expect(view).toMatchObject({ checkInQuarter: lastQuarter(), checkInsWithheld: false });
    expect(checkInsOf(view.organisation.measures)).toEqual([3.7, 2.8]);
    // The organisation's own averages, not the teams' added or averaged.
    expect(view.organisation.measures).toEqual(sumOf(view.teams.items.map((team) => team.measures), { clearRole: 3.7, practiseAsPeer: 2.8 }));
    expect(view.teams.items.map((team) => [team.id, checkInsOf(team.measures)])).toEqual([
      [world.otherTeam.id, [null, null]],
      [third.id, [null, null]],
      [world.thisTeam.id, [5, 3]],
    ]);
    // A service type's averages are never worked out under the rule, so never shown.
    for (const type of view.serviceTypes) expect(checkInsOf(type.measures)).toEqual([null, null]);
    // Withheld: nothing to measure, not green or red.
    const shared = (signs: (typeof view.teams.items)[number]['signs']) => signs.SHARED_VIEW.indicators.filter((item) => item.key === 'clearRole' || item.key === 'practiseAsPeer');
    expect(shared(view.teams.items[0].signs)).toEqual([
      { key: 'clearRole', value: null, level: 'NONE' },
      { key: 'practiseAsPeer', value: null, level: 'NONE' },
    ]);
    expect(shared(view.teams.items[2].signs)).toEqual([
      { key: 'clearRole', value: 5, level: 'GREEN' },
      { key: 'practiseAsPeer', value: 3, level: 'RED' },
    ]);
    expect(checkInsOf((await teamViewAs(world.managerOfOtherTeam, world.otherTeam))!.measures)).toEqual([null, null]);
    expect(checkInsOf((await teamViewAs(world.managerOfThisTeam, world.thisTeam))!.measures)).toEqual([5, 3]);

    // In the CSV: blank where withheld.
    const [header, ...rows] = await csvOf(await csvAs(world.admin));
    const clearRole = header.indexOf('“I am clear about my role”');
    const practiseAsPeer = header.indexOf('“I can practise as a peer rather than as a junior clinician”');
    expect(rows.map((row) => [row[0], row[clearRole], row[practiseAsPeer]])).toEqual([
      [world.otherTeam.name, '', ''],
      [third.name, '', ''],
      [world.thisTeam.name, '5', '3'],
    ]);
  });

  it('withholds every check-in average from everyone once the threshold is raised, until the job counts again', async () => {
    await figuresWorkedOut();
    expect(await teamViewAs(world.managerOfThisTeam, world.thisTeam)).toMatchObject({ checkInsStale: false, measures: { clearRole: 5, practiseAsPeer: 3 } });
    // Six answered in this team: raised to seven, the figures page withholds its figure at once, and so must the signs.
    expect(await actingAs(world.admin, () => saveSupervisionSettings(null, { smallNumbersThreshold: '7' }))).toMatchObject({ ok: true });
    for (const who of [world.admin, world.hr]) {
      const view = await visibleOrganisationView(who);
      expect(view.checkInsStale).toBe(true);
      expect(checkInsOf(view.organisation.measures)).toEqual([null, null]);
      for (const team of view.teams.items) expect(checkInsOf(team.measures)).toEqual([null, null]);
    }
    expect(await teamViewAs(world.managerOfThisTeam, world.thisTeam)).toMatchObject({ checkInsStale: true, measures: { clearRole: null, practiseAsPeer: null } });
    const [header, ...rows] = await csvOf(await csvAs(world.hr));
    const column = header.indexOf('“I am clear about my role”');
    for (const row of rows) expect(row[column]).toBe('');
    // Counted again under the new threshold, nothing is stale, and the team's six are still too few.
    await takeMeasures();
    expect(await teamViewAs(world.managerOfThisTeam, world.thisTeam)).toMatchObject({ checkInsStale: false, measures: { clearRole: null, practiseAsPeer: null } });
  });

  it('withholds every check-in average from someone who checked in that quarter themselves, and only from them', async () => {
    await figuresWorkedOut();
    // HR checked in during the quarter; the manager at its very first instant (midnight UK time, whatever the
    // season); a second HR lead a moment before it began, and again in the quarter in progress.
    await createCheckIn(world.hr, world.thisTeam, { answeredAt: tenDaysInto(lastQuarter()) });
    await createCheckIn(world.managerOfThisTeam, world.thisTeam, { answeredAt: quarterStart(lastQuarter()) });
    const otherHr = await createUser({ orgRole: 'HR' });
    await createCheckIn(otherHr, world.thisTeam, { answeredAt: new Date(quarterStart(lastQuarter()).getTime() - 1) });
    await createCheckIn(otherHr, world.thisTeam, { answeredAt: new Date() });

    const hrView = await visibleOrganisationView(world.hr);
    expect(hrView.checkInsWithheld).toBe(true);
    expect(checkInsOf(hrView.organisation.measures)).toEqual([null, null]);
    for (const team of hrView.teams.items) expect(checkInsOf(team.measures)).toEqual([null, null]);
    for (const team of hrView.teams.items) expect(team.signs.SHARED_VIEW.indicators.find((item) => item.key === 'clearRole')).toEqual({ key: 'clearRole', value: null, level: 'NONE' });
    expect(await teamViewAs(world.hr, world.thisTeam)).toMatchObject({ checkInsWithheld: true, measures: { clearRole: null, practiseAsPeer: null } });
    expect(await teamViewAs(world.managerOfThisTeam, world.thisTeam)).toMatchObject({ checkInsWithheld: true, measures: { clearRole: null, practiseAsPeer: null } });
    // Everything else they see as everyone does.
    const adminView = await visibleOrganisationView(world.admin);
    expect(hrView.organisation.measures).toEqual({ ...adminView.organisation.measures, clearRole: null, practiseAsPeer: null });

    // The CSV for HR: no averages at all.
    const [header, ...rows] = await csvOf(await csvAs(world.hr));
    const columns = [header.indexOf('“I am clear about my role”'), header.indexOf('“I can practise as a peer rather than as a junior clinician”')];
    expect(columns.every((column) => column > 0)).toBe(true);
    for (const row of rows) expect(columns.map((column) => row[column])).toEqual(['', '']);

    // The others see them.
    for (const who of [world.admin, otherHr]) {
      const view = await visibleOrganisationView(who);
      expect(view.checkInsWithheld).toBe(false);
      expect(checkInsOf(view.organisation.measures)).toEqual([3.7, 2.8]);
      expect(checkInsOf(view.teams.items.find((team) => team.id === world.thisTeam.id)!.measures)).toEqual([5, 3]);
    }
    expect(await teamViewAs(otherHr, world.thisTeam)).toMatchObject({ checkInsWithheld: false, measures: { clearRole: 5, practiseAsPeer: 3 } });
  });
});

describe('the teams table as CSV', () => {
  it('gives HR and administrators every team in the page’s order, levels as words, counts only: no people, no notes', async () => {
    const { red, green } = await fourTeams();
    // Words that must never reach the CSV: a session's notes, a library entry's title, who supervises whom.
    const placement = await db.placement.findFirstOrThrow({ where: { teamId: world.thisTeam.id }, select: { id: true, userId: true, teamId: true } });
    const made = await createAgreement(placement, world.managerOfThisTeam);
    const arrangement = await createArrangement(made, world.staff, { type: 'PEER', startsOn: daysAgo(30) });
    await createSession(arrangement, { heldOn: daysAgo(3), notes: 'SECRET-SESSION-NOTE about a hard week', topics: ['own-boundaries'] });
    await createLibraryEntry(world.peerWorker, world.thisTeam, { status: 'PUBLISHED', reviewedBy: world.staff, title: 'SECRET-LIBRARY-TITLE' });
    const run = await takeMeasures();

    const response = await csvAs(world.admin, '?sort=ARRANGEMENTS');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="teams-early-warning-signs.csv"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const [header, ...rows] = await csvOf(response);
    expect(header).toEqual(TEAM_SIGNS_HEADER);
    expect(header.slice(0, 6)).toEqual(['Team', 'Service type', 'Expectations differ', 'Arrangements keep peer workers lower', 'Supervision protects boundaries instead of growing practice', 'No shared view of peer practice']);
    expect(header.at(-1)).toBe('Counted at');
    expect(header).toHaveLength(2 + 4 + INDICATOR_KEYS.length + 1);

    // One row per team, worst first on arrangements as the page sorts them.
    const view = await visibleOrganisationView(world.admin, { sort: 'ARRANGEMENTS' });
    expect(rows.map((row) => row[0])).toEqual(view.teams.items.map((team) => team.name));
    expect(rows.map((row) => row[0])).toEqual([red.name, world.thisTeam.name, green.name, world.otherTeam.name]);
    expect(rows.map((row) => row[1])).toEqual([SERVICE_TYPE_LABELS.COMMUNITY_MENTAL_HEALTH, SERVICE_TYPE_LABELS.COMMUNITY_MENTAL_HEALTH, SERVICE_TYPE_LABELS.CRISIS_HOME_TREATMENT, SERVICE_TYPE_LABELS.EARLY_INTERVENTION]);
    expect(rows.map((row) => row[3])).toEqual(['Red', 'Amber', 'Green', 'Nothing to measure']);
    for (const row of rows) {
      expect(row).toHaveLength(header.length);
      for (const level of row.slice(2, 6)) expect(['Red', 'Amber', 'Green', 'Nothing to measure']).toContain(level);
      // Figures are numbers or blank (nothing to measure), and the time the measures were taken.
      for (const figure of row.slice(6, -1)) expect(figure).toMatch(/^(\d+(\.\d+)?)?$/u);
      expect(row.at(-1)).toBe(run.computedAt.toISOString());
    }
    // This team's row: the figures as the view reads them, in the header's order.
    const thisTeam = view.teams.items.find((team) => team.id === world.thisTeam.id)!;
    const values = new Map(Object.values(thisTeam.signs).flatMap((sign) => sign.indicators.map((indicator) => [indicator.key, indicator.value])));
    expect(rows[1].slice(6, -1)).toEqual(INDICATOR_KEYS.map((key) => (values.get(key) === null ? '' : String(values.get(key)))));
    expect(rows[1][header.indexOf('Open parity issues')]).toBe('1');
    expect(rows[1][header.indexOf('Boundaries against lived experience (%)')]).toBe('100');

    // Nobody's name, and nothing of a note or a reflection.
    const text = [header, ...rows].flat().join('\n');
    const people = [world.admin, world.hr, world.managerOfThisTeam, world.managerOfOtherTeam, world.staff, world.peerWorker, world.serviceUserRep, world.newcomer];
    for (const person of people) {
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(person.email);
    }
    for (const user of await db.user.findMany({ where: { memberships: { some: { teamId: { in: [red.id, green.id, world.thisTeam.id, world.otherTeam.id] } } } }, select: { name: true } })) expect(text).not.toContain(user.name);
    expect(text).not.toMatch(/SECRET/u);

    // By name when no sort is given, or one that is not a sign; HR gets it too.
    const byName = await csvOf(await csvAs(world.hr, '?sort=EVERYTHING'));
    expect(byName.slice(1).map((row) => row[0])).toEqual([red.name, world.otherTeam.name, world.thisTeam.name, green.name]);
    expect((await csvOf(await csvAs(world.hr))).slice(1).map((row) => row[0])).toEqual([red.name, world.otherTeam.name, world.thisTeam.name, green.name]);
  });

  it('lists the teams in the same order as the page, whatever the case of their names, and for someone who checked in too', async () => {
    // Names a plain byte-order sort would put apart from the rest: lower case, and an accent.
    const names = [`alpha ${world.suffix}`, `Bravo ${world.suffix}`, `Émile ${world.suffix}`, `echo ${world.suffix}`, `Zulu ${world.suffix}`];
    for (const name of names) await createTeam({ name });
    await checkedInBy(world.thisTeam, 5, answers(4, 4));
    await endTheQuarter();
    await takeMeasures();
    // Whatever the case: by the name in lower case, character by character (so an accented letter comes after z).
    const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const alphabetical = [...names, world.otherTeam.name, world.thisTeam.name].sort((a, b) => byCode(a.toLowerCase(), b.toLowerCase()) || byCode(a, b));

    const page = (await visibleOrganisationView(world.admin)).teams.items.map((team) => team.name);
    const [, ...rows] = await csvOf(await csvAs(world.admin));
    expect(rows.map((row) => row[0])).toEqual(page);
    expect(page).toEqual(alphabetical);

    // HR checked in that quarter: their page is worked out without the averages, in the same order.
    await createCheckIn(world.hr, world.thisTeam, { answeredAt: tenDaysInto(lastQuarter()) });
    const hrPage = await visibleOrganisationView(world.hr);
    expect(hrPage.checkInsWithheld).toBe(true);
    expect(hrPage.teams.items.map((team) => team.name)).toEqual(page);
    const [, ...hrRows] = await csvOf(await csvAs(world.hr));
    expect(hrRows.map((row) => row[0])).toEqual(page);
  });

  it('answers 404 to a team’s manager and anyone else who may not see every team, and 401 when signed out', async () => {
    await takeMeasures();
    for (const who of [world.managerOfThisTeam, world.managerOfOtherTeam, world.staff, world.peerWorker, world.serviceUserRep]) {
      const response = await csvAs(who);
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toBe('Not found');
    }
    expect((await csvAs(null)).status).toBe(401);
  });
});
