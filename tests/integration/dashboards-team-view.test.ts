// A team's view below its four signs (issue 13 §2, §6), on real PostgreSQL:
// for a team built by hand, each table as things stand now, figure by figure,
// from the workflow that owns it (roles by stage with those whose contested
// activities were unsettled when last counted, the recruitment pipeline as
// counts only, each placement's onboarding and open parity issues, each peer
// worker's supervision, the library by quarter); each part only to those who
// may see it (the team's managers and HR everything, administrators no
// recruitment or placements, HR only agreed roles, nobody else anything); the
// check-in trend under the small-numbers rule; never a private note or a
// candidate's name; every table as CSV under the same rules, 404 for an
// address that names no table; and the organisation's service-type and
// "teams at a glance" tables as CSV for HR and administrators only.
import { GET as serviceTypesCsv } from '@/app/(app)/dashboards/service-types.csv/route';
import { GET as levelsCsv } from '@/app/(app)/dashboards/levels.csv/route';
import { GET as teamTableCsv } from '@/app/(app)/dashboards/teams/[teamId]/[table]/route';
import { quarterLabel } from '@/components/supervision/labels';
import { LEVELS_HEADER, SERVICE_TYPE_SIGNS_HEADER } from '@/lib/dashboards/export';
import { takeMeasures } from '@/lib/dashboards/measures';
import { TEAM_TABLES, teamTableCsvPath, type TeamTableKey } from '@/lib/dashboards/paths';
import { getTeamView } from '@/lib/dashboards/queries';
import { DEFAULT_THRESHOLDS, LEVEL_LABELS, LEVELS, measuresFrom, readSigns, SIGN_TITLES, SIGNS, type Level, type Sign } from '@/lib/dashboards/signals';
import { db } from '@/lib/db';
import type { TaskStatus } from '@/lib/generated/prisma/enums';
import { placementParity } from '@/lib/onboarding/records';
import { CHECK_IN_QUESTIONS, CHECK_IN_WORDING, previousQuarter, quarterOf } from '@/lib/supervision/rules';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/labels';
import {
  addMembership,
  agreedRole,
  buildWorld,
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
  createTemplate,
  createUser,
  createVacancy,
  endTheQuarter,
  placedPeerWorker,
  roleInReview,
  type CheckInAnswers,
  type FactorySpecification,
  type World,
} from '../factories';
import { currentUserOf } from '../support/roles';
import { csvOf } from '../support/csv';
import { clearDashboards, daysAgo, instantDaysAgo, lastQuarter, tenDaysInto } from '../support/dashboards';
import { signInAs } from '../support/session';

type Ref = { id: string };

/** "24 Nov 2026", as the supervision table writes a due date. */
const shortDay = (date: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(date);

const RECORDS = 'Writing in clinical records';
/** Words written only where nobody but the people concerned may read them. */
const PRIVATE = 'PRIVATE-PHRASE-never-on-a-dashboard';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);


let world: World;

beforeEach(async () => {
  await clearDashboards();
  world = await buildWorld();
});

/** A new peer worker of `team` (a current member with the peer worker role). */
async function peerWorkerOf(team: Ref, name: string) {
  const person = await createUser({ name: `${name} ${world.suffix}` });
  await addMembership(team, person, 'PEER_WORKER');
  return person;
}

/** GET of an address under the team tables' route, as `who` (null: signed out). */
function csvAt(who: Ref | null, path: string) {
  signInAs(who);
  return teamTableCsv(new Request(`http://localhost${path}`));
}
const tableCsv = (who: Ref | null, key: TeamTableKey, team: Ref = world.thisTeam) => csvAt(who, teamTableCsvPath(team.id, key));

/** One table's CSV as `who` sees it: header and rows, after checking it was served as a download. */
async function tableOf(who: Ref, key: TeamTableKey) {
  const response = await tableCsv(who, key);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="This-Team-[^"]*-${key}\\.csv"$`, 'u'));
  const [header, ...rows] = await csvOf(response);
  return { header, rows };
}

async function expectNotFound(response: Response) {
  expect(response.status).toBe(404);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(await response.text()).toBe('Not found');
}

const teamViewAs = async (who: Ref, team: Ref = world.thisTeam) => getTeamView(await currentUserOf(who), team.id);
/** The team's check-in trend as its view gives it to `who` (null: they may not see the view, or the team's figures). */
const trendAs = async (who: Ref, team: Ref = world.thisTeam) => (await getTeamView(await currentUserOf(who), team.id))?.checkIns ?? null;

async function visibleTeamView(who: Ref) {
  const view = await teamViewAs(who);
  if (!view) throw new Error('Expected the team view, got null');
  return view;
}

/** The last four quarters, the current one last, with how many of `published` fell in each. */
function libraryQuarters(published: readonly Date[]) {
  const quarters = [quarterOf(new Date())];
  while (quarters.length < 4) quarters.unshift(previousQuarter(quarters[0]));
  return quarters.map((quarter) => ({ quarter, entries: published.filter((at) => quarterOf(at) === quarter).length }));
}

/** A candidate of `vacancy` at a stage: applied (nothing decided), shortlisted or not, or with an outcome. */
async function candidateAt(vacancy: { id: string; specificationId: string }, stage: 'APPLIED' | 'INVITED' | 'NOT_INVITED' | 'APPOINTED' | 'RESERVE' | 'NOT_APPOINTED', index: number) {
  const candidate = await createCandidate(vacancy, world.hr, { name: `Cassandra Candidate-${index} ${world.suffix}`, email: `cassandra-${index}-${world.suffix}@example.test` });
  if (stage === 'INVITED' || stage === 'NOT_INVITED') await db.candidate.update({ where: { id: candidate.id }, data: { shortlistOutcome: stage } });
  if (stage === 'APPOINTED' || stage === 'RESERVE' || stage === 'NOT_APPOINTED') {
    await db.candidate.update({ where: { id: candidate.id }, data: { shortlistOutcome: 'INVITED', outcome: stage, decidedById: world.hr.id, decidedAt: new Date(), rationale: 'Scored highest at interview' } });
  }
  return candidate;
}

/** Onboarding tasks of the first placement: what each says and where it stands (the fifth removed from the plan). */
const P1_TASKS: ReadonlyArray<{ title: string; status: TaskStatus; dueOn: Date; removed?: boolean }> = [
  { title: 'Meet the team', status: 'COMPLETED', dueOn: daysAgo(15) },
  { title: 'Complete the local induction', status: 'NOT_STARTED', dueOn: daysAgo(5) },
  { title: 'Agree peer supervision', status: 'IN_PROGRESS', dueOn: daysAgo(-10) },
  { title: 'Same records access as colleagues', status: 'CANNOT_START', dueOn: daysAgo(-5) },
  { title: 'A task taken out of the plan', status: 'NOT_STARTED', dueOn: daysAgo(10), removed: true },
];

/**
 * "This team", built by hand. Its main meeting is on Wednesdays.
 *
 * Roles: "Peer support worker" agreed (version 1) and recruited to; "Senior peer support worker" version 1 in
 * review, its expectations check contested and not settled; "Team leader peer worker" a draft never submitted.
 *
 * Recruitment, on the agreed role: vacancies draft, open (2 applied), interviewing (2 invited, 1 not),
 * decided (appointed, reserve, not appointed) and closed (2 more, not counted).
 *
 * Placements: Pat (the world's peer worker) started 20 days ago, not working Wednesdays (one open parity issue),
 * five onboarding tasks, one removed, one done, one overdue, one that cannot start; Quinn started 5 days ago
 * with one task not yet due and no supervision agreement; Rhys's placement has ended.
 *
 * Supervision for Pat: peer supervision every 4 weeks, last held 60 days ago (overdue), line management every 6
 * weeks, last held 20 days ago (on time), clinical supervision ended. Sessions 60 and 100 days ago (peer), 20
 * days ago (line management, amended once), and 400 days ago (too long ago to count).
 *
 * Library: published now, 200 days ago and 400 days ago; one proposed. The other team has one published.
 *
 * The private phrase is in session notes and their amendment, a task note and a wellbeing plan.
 */
async function teamBuiltByHand() {
  const team = world.thisTeam;
  const manager = world.managerOfThisTeam;
  await createMeeting(team, { day: 'WED', main: true, name: 'Team meeting' });

  const agreed = await agreedRole(world, { title: `Peer support worker ${world.suffix}` });
  const contested = await roleInReview(world, { title: `Senior peer support worker ${world.suffix}` });
  await createCheck(contested.role, manager, [
    { user: world.staff, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'NOT_PART' } } },
    { user: world.peerWorker, answers: { default: 'SOMETIMES', byName: { [RECORDS]: 'CORE' } } },
  ]);
  const draft = await createRole({ team, createdBy: manager, title: `Team leader peer worker ${world.suffix}` });

  const specification: FactorySpecification = await createSpecification({ team, roleVersion: agreed.version, createdBy: world.hr });
  const vacancy = (status: 'DRAFT' | 'OPEN' | 'INTERVIEWING' | 'DECIDED' | 'CLOSED') => createVacancy({ specification, createdBy: world.hr, status });
  await vacancy('DRAFT');
  const open = await vacancy('OPEN');
  const interviewing = await vacancy('INTERVIEWING');
  const decided = await vacancy('DECIDED');
  const closed = await vacancy('CLOSED');
  const candidates = [
    await candidateAt(open, 'APPLIED', 1),
    await candidateAt(open, 'APPLIED', 2),
    await candidateAt(interviewing, 'INVITED', 3),
    await candidateAt(interviewing, 'INVITED', 4),
    await candidateAt(interviewing, 'NOT_INVITED', 5),
    await candidateAt(decided, 'APPOINTED', 6),
    await candidateAt(decided, 'RESERVE', 7),
    await candidateAt(decided, 'NOT_APPOINTED', 8),
    await candidateAt(closed, 'APPOINTED', 9),
    await candidateAt(closed, 'APPLIED', 10),
  ];

  // Pat: on a par with colleagues but for the main meeting; five tasks, whose dates and states are set by hand.
  const pat = world.peerWorker;
  const template = await createTemplate({ tasks: P1_TASKS.map((task, index) => ({ title: task.title, offsetDays: index })) });
  const placement1 = await createPlacement(team, pat, agreed.version, manager, {
    startDate: daysAgo(20),
    contractType: 'PERMANENT',
    band: 4,
    hoursPerWeek: 22.5,
    workingDays: ['MON', 'TUE', 'THU', 'FRI'],
    peerSupervisor: world.staff,
    template,
  });
  for (const task of P1_TASKS) {
    const { id } = await db.onboardingTask.findFirstOrThrow({ where: { planId: placement1.planId, title: task.title }, select: { id: true } });
    await db.onboardingTask.update({
      where: { id },
      data: {
        dueOn: task.dueOn,
        status: task.status,
        cannotStartReason: task.status === 'CANNOT_START' ? 'Waiting for IT to set up the account' : null,
        completedAt: task.status === 'COMPLETED' ? new Date() : null,
        removedAt: task.removed ? new Date() : null,
        removedById: task.removed ? manager.id : null,
      },
    });
    if (task.status === 'NOT_STARTED' && !task.removed) await db.onboardingTaskNote.create({ data: { taskId: id, authorId: pat.id, text: `${PRIVATE} (task note)` } });
  }
  await db.wellbeingPlan.create({ data: { userId: pat.id, keepsMeWell: `${PRIVATE} (wellbeing plan)` } });

  const quinn = await peerWorkerOf(team, 'Quinn Peer');
  const placement2 = await createPlacement(team, quinn, agreed.version, manager, {
    startDate: daysAgo(5),
    contractType: 'PERMANENT',
    band: 4,
    hoursPerWeek: 22.5,
    peerSupervisor: world.staff,
    template: await createTemplate({ tasks: [{ title: 'Read the team handbook', offsetDays: 30 }] }),
  });
  const rhys = await peerWorkerOf(team, 'Rhys Peer');
  const ended = await createPlacement(team, rhys, agreed.version, manager, { startDate: daysAgo(300), contractType: 'SESSIONAL', peerSupervisor: null });
  await db.placement.update({ where: { id: ended.id }, data: { endedAt: instantDaysAgo(30) } });

  const agreement = await createAgreement(placement1, manager);
  const peer = await createArrangement(agreement, world.staff, { type: 'PEER', everyWeeks: 4, startsOn: daysAgo(200) });
  const line = await createArrangement(agreement, manager, { type: 'LINE_MANAGEMENT', everyWeeks: 6, startsOn: daysAgo(200) });
  await createArrangement(agreement, manager, { type: 'CLINICAL', everyWeeks: 8, startsOn: daysAgo(300), endedAt: instantDaysAgo(40) });
  await createSession(peer, { heldOn: daysAgo(60), notes: `${PRIVATE} (peer supervision notes)`, attendees: `${PRIVATE} (attendees)` });
  await createSession(peer, { heldOn: daysAgo(100) });
  await createSession(peer, { heldOn: daysAgo(400) });
  const held = await createSession(line, { heldOn: daysAgo(20), notes: `${PRIVATE} (line management notes)` });
  await createSession(line, { heldOn: daysAgo(20), notes: `${PRIVATE} (amended notes)`, amends: held });

  const now = await createLibraryEntry(pat, team, { status: 'PUBLISHED', reviewedBy: world.staff, title: `Holding hope ${world.suffix}` });
  const earlier = await createLibraryEntry(pat, team, { status: 'PUBLISHED', reviewedBy: world.staff, title: `Saying no kindly ${world.suffix}`, scope: 'TEAM' });
  await db.libraryEntry.update({ where: { id: earlier.id }, data: { reviewedAt: instantDaysAgo(200) } });
  const longAgo = await createLibraryEntry(pat, team, { status: 'PUBLISHED', reviewedBy: world.staff, title: `First week ${world.suffix}` });
  await db.libraryEntry.update({ where: { id: longAgo.id }, data: { reviewedAt: instantDaysAgo(400) } });
  await createLibraryEntry(pat, team, { status: 'PROPOSED', title: `Not yet reviewed ${world.suffix}` });
  await createLibraryEntry(world.managerOfOtherTeam, world.otherTeam, { status: 'PUBLISHED', reviewedBy: world.staff, title: `Another team's ${world.suffix}` });

  return { agreed, contested, draft, candidates, pat, quinn, placement1, placement2, agreement, library: { now, earlier, longAgo } };
}

type Built = Awaited<ReturnType<typeof teamBuiltByHand>>;

/** The roles as a drafter (the team's manager, an administrator) sees them, after the job has counted. */
const rolesForDrafters = (built: Built) => [
  { id: built.agreed.role.id, title: built.agreed.role.title, agreedVersion: 1, inReviewVersion: null, hasUnsubmittedChanges: false, recruitedTo: true, contestedUnsettled: false },
  { id: built.contested.role.id, title: built.contested.role.title, agreedVersion: null, inReviewVersion: 1, hasUnsubmittedChanges: false, recruitedTo: false, contestedUnsettled: true },
  // A draft is neither in review nor recruited to: the job does not look at it.
  { id: built.draft.id, title: built.draft.title, agreedVersion: null, inReviewVersion: null, hasUnsubmittedChanges: true, recruitedTo: false, contestedUnsettled: null },
];

/** Pat's and Quinn's supervision: Pat's peer supervision overdue, line management on time; Quinn has no agreement. */
const supervisionOf = (built: Built) => [
  {
    placementId: built.placement1.id,
    personName: built.pat.name,
    agreementId: built.agreement.id,
    types: [
      { type: 'PEER', everyWeeks: 4, due: daysAgo(60 - 28), state: 'OVERDUE' },
      { type: 'LINE_MANAGEMENT', everyWeeks: 6, due: daysAgo(20 - 42), state: 'ON_TIME' },
    ],
    sessions: 3,
    peerSessions: 2,
  },
  { placementId: built.placement2.id, personName: built.quinn.name, agreementId: null, types: [], sessions: 0, peerSessions: 0 },
];

describe('a team’s view as its manager sees it', () => {
  it('lists the roles by stage, with the roles whose contested activities were unsettled when the job last counted', async () => {
    const built = await teamBuiltByHand();
    // Before the job has counted, nothing is known either way.
    expect((await visibleTeamView(world.managerOfThisTeam)).detail.roles).toEqual(rolesForDrafters(built).map((role) => ({ ...role, contestedUnsettled: null })));
    expect((await tableOf(world.managerOfThisTeam, 'roles')).rows.map((row) => row[3])).toEqual(['Not counted yet', 'Not counted yet', 'Not checked (not in review or recruited to)']);

    await takeMeasures();
    const view = await visibleTeamView(world.managerOfThisTeam);
    expect(view.measures?.rolesWithUnsettledContested).toBe(1);
    expect(view.detail.roles).toEqual(rolesForDrafters(built));

    const { header, rows } = await tableOf(world.managerOfThisTeam, 'roles');
    expect(header).toEqual(['Role', 'Stage', 'Recruited to', 'Contested activities']);
    expect(rows).toEqual([
      [built.agreed.role.title, 'Agreed (version 1)', 'Yes', 'All settled, or none contested'],
      [built.contested.role.title, 'In review (version 1)', 'No', 'Not all settled'],
      [built.draft.title, 'Draft', 'No', 'Not checked (not in review or recruited to)'],
    ]);
  });

  it('counts vacancies by status and candidates by stage (of vacancies not closed), and names no candidate', async () => {
    const built = await teamBuiltByHand();
    await takeMeasures();
    const view = await visibleTeamView(world.managerOfThisTeam);
    expect(view.detail.pipeline).toEqual({
      vacancies: [
        { status: 'DRAFT', count: 1 },
        { status: 'OPEN', count: 1 },
        { status: 'SHORTLISTING', count: 0 },
        { status: 'INTERVIEWING', count: 1 },
        { status: 'DECIDED', count: 1 },
        { status: 'CLOSED', count: 1 },
      ],
      // A manager sees what the vacancy page shows them: how many, and how many appointed; not each one's outcome.
      candidates: [
        { stage: 'ALL', count: 8 },
        { stage: 'APPOINTED', count: 1 },
      ],
    });
    // HR, who decide, see every stage.
    expect((await visibleTeamView(world.hr)).detail.pipeline?.candidates).toEqual([
      { stage: 'APPLIED', count: 2 },
      { stage: 'INVITED', count: 2 },
      { stage: 'NOT_INVITED', count: 1 },
      { stage: 'APPOINTED', count: 1 },
      { stage: 'RESERVE', count: 1 },
      { stage: 'NOT_APPOINTED', count: 1 },
    ]);

    const vacancies = await tableOf(world.managerOfThisTeam, 'vacancies');
    expect(vacancies.header).toEqual(['Status', 'Vacancies']);
    expect(vacancies.rows).toEqual([
      ['Draft', '1'],
      ['Open', '1'],
      ['Shortlisting', '0'],
      ['Interviewing', '1'],
      ['Decided', '1'],
      ['Closed', '1'],
    ]);
    expect((await tableOf(world.managerOfThisTeam, 'candidates')).rows).toEqual([
      ['All candidates', '8'],
      ['Appointed', '1'],
    ]);
    const candidates = await tableOf(world.hr, 'candidates');
    expect(candidates.header).toEqual(['Stage', 'Candidates']);
    expect(candidates.rows).toEqual([
      ['Applied, not yet shortlisted', '2'],
      ['Invited to interview', '2'],
      ['Not invited', '1'],
      ['Appointed', '1'],
      ['Reserve', '1'],
      ['Not appointed', '1'],
    ]);

    const text = [JSON.stringify(view.detail), ...[vacancies, candidates].map((table) => [table.header, ...table.rows].flat().join('\n'))].join('\n');
    for (const candidate of built.candidates) {
      expect(text).not.toContain(candidate.name);
      expect(text).not.toContain(candidate.email);
      expect(text).not.toContain(candidate.id);
    }
    expect(text).not.toMatch(/Cassandra|Scored highest/u);
  });

  it('shows each current placement’s onboarding progress and open parity issues, judged as the placement’s own page judges them', async () => {
    const built = await teamBuiltByHand();
    await takeMeasures();
    const view = await visibleTeamView(world.managerOfThisTeam);
    // Earliest start first; Rhys's ended placement left out.
    expect(view.detail.placements).toEqual([
      { placementId: built.placement1.id, personName: built.pat.name, startDate: daysAgo(20), contractType: 'PERMANENT', tasks: 4, completed: 1, overdue: 1, cannotStart: 1, openParity: ['MEETING_ON_DAY_OFF'] },
      { placementId: built.placement2.id, personName: built.quinn.name, startDate: daysAgo(5), contractType: 'PERMANENT', tasks: 1, completed: 0, overdue: 0, cannotStart: 0, openParity: [] },
    ]);
    for (const placement of view.detail.placements!) expect(placement.openParity).toEqual((await placementParity(db, placement.placementId)).open.map((issue) => issue.kind));
    // The signs, counted by the job, agree.
    expect(view.measures).toMatchObject({ placements: 2, openParityIssues: 1, mainMeetingOnDayOff: 1 });

    const onboarding = await tableOf(world.managerOfThisTeam, 'onboarding');
    expect(onboarding.header).toEqual(['Peer worker', 'Started', 'Contract', 'Tasks completed', 'Tasks', 'Overdue', 'Cannot start yet', 'Open parity issues']);
    expect(onboarding.rows).toEqual([
      [built.pat.name, isoDay(daysAgo(20)), 'Permanent', '1', '4', '1', '1', '1'],
      [built.quinn.name, isoDay(daysAgo(5)), 'Permanent', '0', '1', '0', '0', '0'],
    ]);
    const parity = await tableOf(world.managerOfThisTeam, 'parity');
    expect(parity.header).toEqual(['Peer worker', 'Parity issue']);
    expect(parity.rows).toEqual([[built.pat.name, 'A team meeting on a day they do not work']]);
  });

  it('shows each peer worker’s supervision: each type’s due date and state, and sessions in the last 12 months', async () => {
    const built = await teamBuiltByHand();
    await takeMeasures();
    const view = await visibleTeamView(world.managerOfThisTeam);
    expect(view.detail.supervision).toEqual(supervisionOf(built));

    const { header, rows } = await tableOf(world.managerOfThisTeam, 'supervision');
    expect(header).toEqual(['Peer worker', 'Peer supervision', 'Line management', 'Clinical or practice supervision', 'Group reflective practice', 'Sessions in the last 12 months', 'Peer supervision share']);
    expect(rows).toEqual([
      [built.pat.name, `Overdue, ${shortDay(daysAgo(32))}`, `On time, ${shortDay(daysAgo(-22))}`, 'Not arranged', 'Not arranged', '3', '2 of 3 (67%)'],
      [built.quinn.name, 'No agreement yet', 'No agreement yet', 'No agreement yet', 'No agreement yet', '0', 'No sessions yet'],
    ]);
  });

  it('counts the library’s published entries by quarter, the current one last, and names the newest', async () => {
    const built = await teamBuiltByHand();
    await takeMeasures();
    const view = await visibleTeamView(world.managerOfThisTeam);
    const quarters = libraryQuarters([new Date(), instantDaysAgo(200)]);
    expect(view.detail.library.quarters).toEqual(quarters);
    expect(view.detail.library.quarters.at(-1)).toEqual({ quarter: quarterOf(new Date()), entries: 1 });
    expect(view.detail.library.quarters.reduce((sum, row) => sum + row.entries, 0)).toBe(2);
    // Newest first, published only (the proposed one and the other team's are not listed).
    expect(view.detail.library.newest.map((entry) => [entry.id, entry.title, entry.scope])).toEqual([
      [built.library.now.id, built.library.now.title, 'ORGANISATION'],
      [built.library.earlier.id, built.library.earlier.title, 'TEAM'],
      [built.library.longAgo.id, built.library.longAgo.title, 'ORGANISATION'],
    ]);
    expect(Math.abs(view.detail.library.newest[1].publishedAt.getTime() - instantDaysAgo(200).getTime())).toBeLessThan(60_000);

    const { header, rows } = await tableOf(world.managerOfThisTeam, 'library');
    expect(header).toEqual(['Quarter', 'Entries published']);
    expect(rows).toEqual(quarters.map((row) => [quarterLabel(row.quarter), String(row.entries)]));
  });
});

describe('who sees which part of a team', () => {
  it('gives HR every part, but the roles only as agreed, and nothing a drafter alone sees', async () => {
    const built = await teamBuiltByHand();
    await takeMeasures();
    const manager = await visibleTeamView(world.managerOfThisTeam);
    const hr = await visibleTeamView(world.hr);
    // Whether contested activities are settled is for those who draft the roles: for HR a flag could give away a version in review.
    expect(hr.detail.roles).toEqual([{ id: built.agreed.role.id, title: built.agreed.role.title, agreedVersion: 1, inReviewVersion: null, hasUnsubmittedChanges: false, recruitedTo: true, contestedUnsettled: null }]);
    expect(hr.detail.pipeline?.vacancies).toEqual(manager.detail.pipeline?.vacancies);
    expect(hr.detail.placements).toEqual(manager.detail.placements);
    expect(hr.detail.supervision).toEqual(supervisionOf(built));
    expect(hr.detail.library).toEqual(manager.detail.library);
    expect(await tableOf(world.hr, 'roles')).toEqual({ header: ['Role', 'Stage', 'Recruited to'], rows: [[built.agreed.role.title, 'Agreed (version 1)', 'Yes']] });
    for (const key of TEAM_TABLES) expect((await tableCsv(world.hr, key)).status).toBe(200);
    // The signs as counted, indicator by indicator, with the thresholds in words.
    const signs = await tableOf(world.hr, 'signs');
    expect(signs.header).toEqual(['Sign', 'Sign level', 'Indicator', 'Figure', 'Indicator level', 'Thresholds']);
    expect([...new Set(signs.rows.map((row) => row[0]))]).toEqual(['Expectations differ', 'Arrangements keep peer workers lower', 'Supervision protects boundaries instead of growing practice', 'No shared view of peer practice']);
    expect(signs.rows.find((row) => row[2] === 'Roles with contested activities unsettled')?.[3]).toBe('1');
  });

  it('gives an administrator the roles, supervision, check-ins and library, but no recruitment or placements', async () => {
    const built = await teamBuiltByHand();
    await takeMeasures();
    const admin = await visibleTeamView(world.admin);
    expect(admin.detail.roles).toEqual(rolesForDrafters(built));
    expect(admin.detail.pipeline).toBeNull();
    expect(admin.detail.placements).toBeNull();
    // Placements are not the administrator's: only peer workers with a supervision agreement, not Quinn, who has none.
    expect(admin.detail.supervision).toEqual(supervisionOf(built).filter((person) => person.agreementId !== null));
    expect(admin.detail.library.newest).toHaveLength(3);
    expect(await trendAs(world.admin)).toEqual({ threshold: 5, quarters: [] });

    for (const key of ['signs', 'roles', 'supervision', 'check-ins', 'library'] as const) expect((await tableCsv(world.admin, key)).status).toBe(200);
    for (const key of ['vacancies', 'candidates', 'onboarding', 'parity'] as const) await expectNotFound(await tableCsv(world.admin, key));
    // Every role, the draft too, as a drafter sees them.
    const roles = await tableOf(world.admin, 'roles');
    expect(roles.header).toEqual(['Role', 'Stage', 'Contested activities']);
    expect(roles.rows.map((row) => row[0])).toEqual([built.agreed.role.title, built.contested.role.title, built.draft.title]);
  });

  it('gives the manager of another team, staff, peer workers and representatives nothing, and 401 when signed out', async () => {
    await teamBuiltByHand();
    await takeMeasures();
    for (const who of [world.managerOfOtherTeam, world.staff, world.peerWorker, world.serviceUserRep, world.newcomer]) {
      expect(await teamViewAs(who)).toBeNull();
      expect(await trendAs(who)).toBeNull();
      for (const key of TEAM_TABLES) await expectNotFound(await tableCsv(who, key));
    }
    // The other team's manager still sees their own team.
    expect((await teamViewAs(world.managerOfOtherTeam, world.otherTeam))?.team.id).toBe(world.otherTeam.id);
    expect((await tableCsv(world.managerOfOtherTeam, 'roles', world.otherTeam)).status).toBe(200);
    for (const key of TEAM_TABLES) {
      const response = await tableCsv(null, key);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ signedIn: false });
    }
  });
});

describe('check-ins under the small-numbers rule', () => {
  /** `count` new people checking in once, in `team`: the given answers, or the i-th of a list. */
  async function checkedInBy(team: Ref, answers: readonly CheckInAnswers[], answeredAt?: Date) {
    for (const [index, answered] of answers.entries()) {
      const person = await createUser({ name: `Checked in ${index} ${world.suffix}` });
      await createCheckIn(person, team, { answers: answered, answeredAt });
    }
  }
  const same = (count: number, answers: CheckInAnswers) => Array.from({ length: count }, () => answers);

  it('withholds a quarter fewer than five answered, and shows one where five or more did, in the trend and the CSV', async () => {
    // The quarter before last: three in this team (too few). The last quarter: six in this team, whose averages
    // are 23/6, 5, 15/6, 26/6 and 20/6; five in the other team, withheld because the third team's two could then
    // be worked out from the organisation's figure.
    const earlier = previousQuarter(lastQuarter());
    await checkedInBy(world.thisTeam, same(3, { supported: 1, clearRole: 1, equalMember: 1, experienceValued: 1, practiseAsPeer: 1 }), tenDaysInto(earlier));
    const sixAnswers = [
      [4, 5, 3, 4, 1],
      [4, 5, 3, 4, 2],
      [4, 5, 3, 4, 3],
      [4, 5, 2, 4, 4],
      [4, 5, 2, 5, 5],
      [3, 5, 2, 5, 5],
    ].map(([supported, clearRole, equalMember, experienceValued, practiseAsPeer]) => ({ supported, clearRole, equalMember, experienceValued, practiseAsPeer }));
    await checkedInBy(world.thisTeam, sixAnswers);
    await checkedInBy(world.otherTeam, same(5, { supported: 2, clearRole: 2, equalMember: 2, experienceValued: 2, practiseAsPeer: 2 }));
    const third = await createTeam({ name: `Third ${world.suffix}` });
    await checkedInBy(third, same(2, { supported: 4, clearRole: 4, equalMember: 4, experienceValued: 4, practiseAsPeer: 4 }));
    expect((await endTheQuarter()).workedOut).toEqual([earlier, lastQuarter()]);
    await takeMeasures();

    const averages = { supported: 3.8, clearRole: 5, equalMember: 2.5, experienceValued: 4.3, practiseAsPeer: 3.3 };
    const trend = await trendAs(world.managerOfThisTeam);
    expect(trend).toEqual({
      threshold: 5,
      quarters: [
        { quarter: lastQuarter(), stale: false, countsOthersOnly: false, figure: { shown: true, averages } },
        { quarter: earlier, stale: false, countsOthersOnly: false, figure: { shown: false, reason: 'TOO_FEW' } },
      ],
    });
    // HR and administrators see the same; the signs read the latest quarter's.
    expect(await trendAs(world.hr)).toEqual(trend);
    expect(await trendAs(world.admin)).toEqual(trend);
    expect((await visibleTeamView(world.managerOfThisTeam)).measures).toMatchObject({ clearRole: 5, practiseAsPeer: 3.3 });

    const { header, rows } = await tableOf(world.managerOfThisTeam, 'check-ins');
    expect(header).toEqual(['Quarter', ...CHECK_IN_QUESTIONS.map((question) => CHECK_IN_WORDING[question]), 'Withheld because']);
    expect(rows).toEqual([
      [quarterLabel(lastQuarter()), '3.8', '5.0', '2.5', '4.3', '3.3', ''],
      [quarterLabel(earlier), '', '', '', '', '', 'Fewer than 5 peer workers answered'],
    ]);
    expect(rows[1].at(-1)).toMatch(/^Fewer than/u);

    // The other team's last quarter: five answered, but withheld so that the third team's two stay hidden.
    const other = await trendAs(world.managerOfOtherTeam, world.otherTeam);
    expect(other?.quarters.map((row) => [row.quarter, row.figure])).toEqual([
      [lastQuarter(), { shown: false, reason: 'WOULD_REVEAL' }],
      [earlier, { shown: false, reason: 'TOO_FEW' }],
    ]);
    const otherCsv = await csvOf(await tableCsv(world.managerOfOtherTeam, 'check-ins', world.otherTeam));
    expect(otherCsv.slice(1)).toEqual([
      [quarterLabel(lastQuarter()), '', '', '', '', '', 'Withheld so that a smaller group cannot be worked out'],
      [quarterLabel(earlier), '', '', '', '', '', 'Fewer than 5 peer workers answered'],
    ]);
  });
});

describe('what a team’s view never shows', () => {
  it('has no private note, task note, wellbeing plan or attendee in the view, the trend or any table, to anyone', async () => {
    await teamBuiltByHand();
    await takeMeasures();
    // A session note would be readable in plain text only if something decrypted it.
    expect(await db.supervisionSession.count({ where: { agreement: { teamId: world.thisTeam.id } } })).toBe(5);
    for (const who of [world.managerOfThisTeam, world.hr, world.admin]) {
      const view = await visibleTeamView(who);
      expect(JSON.stringify(view)).not.toContain(PRIVATE);
      expect(JSON.stringify(await trendAs(who))).not.toContain(PRIVATE);
      let tables = 0;
      for (const key of TEAM_TABLES) {
        const response = await tableCsv(who, key);
        if (response.status === 404) continue;
        expect(response.status).toBe(200);
        tables += 1;
        expect((await csvOf(response)).flat().join('\n')).not.toContain(PRIVATE);
      }
      expect(tables).toBe(who === world.admin ? 5 : 9);
    }
  });
});

describe('addresses that name no table', () => {
  it('answers 404 to a team that is not a uuid, or does not exist, a table that does not exist, or not as .csv', async () => {
    await takeMeasures();
    const id = world.thisTeam.id;
    for (const path of [
      '/dashboards/teams/not-a-uuid/roles.csv',
      `/dashboards/teams/${id.toUpperCase().replace(/-/gu, '')}/roles.csv`,
      '/dashboards/teams/00000000-0000-4000-8000-000000000000/roles.csv',
      `/dashboards/teams/${id}/passwords.csv`,
      `/dashboards/teams/${id}/roles.txt`,
      `/dashboards/teams/${id}/roles`,
      `/dashboards/teams/${id}/roles.csv.csv`,
      `/dashboards/teams/${id}/__proto__.csv`,
    ]) {
      await expectNotFound(await csvAt(world.hr, path));
    }
    // The same team's roles for HR, for comparison.
    expect((await csvAt(world.hr, `/dashboards/teams/${id}/roles.csv`)).status).toBe(200);
  });
});

describe('the organisation’s service-type and level tables as CSV', () => {
  const csvFrom = (route: (request: Request) => Promise<Response>, path: string, who: Ref | null) => {
    signInAs(who);
    return route(new Request(`http://localhost${path}`));
  };

  it('gives HR and administrators the whole organisation then each service type, and the count of teams at each level on each sign', async () => {
    // Three teams: two community teams (one with a placement and no peer supervisor named: one open parity issue), one early intervention.
    const third = await createTeam({ name: `Third ${world.suffix}`, serviceType: 'COMMUNITY_MENTAL_HEALTH' });
    await placedPeerWorker(world);
    const run = await takeMeasures();
    expect(run.teams).toBe(3);
    const stored = await db.teamMeasures.findMany({ select: { teamId: true, measures: true } });
    const measuresOf = new Map(stored.map((row) => [row.teamId, measuresFrom(row.measures)]));
    expect([world.thisTeam, world.otherTeam, third].map((team) => measuresOf.get(team.id)?.openParityIssues)).toEqual([1, 0, 0]);

    for (const who of [world.hr, world.admin]) {
      const response = await csvFrom(serviceTypesCsv, '/dashboards/service-types.csv', who);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="service-types-early-warning-signs.csv"');
      const [header, ...rows] = await csvOf(response);
      expect(header).toEqual(SERVICE_TYPE_SIGNS_HEADER);
      expect(header.slice(0, 2)).toEqual(['Group', 'Teams']);
      expect(rows.map((row) => row.slice(0, 2))).toEqual([
        ['Whole organisation', '3'],
        [SERVICE_TYPE_LABELS.COMMUNITY_MENTAL_HEALTH, '2'],
        [SERVICE_TYPE_LABELS.EARLY_INTERVENTION, '1'],
      ]);
      // Added up over the teams of each group; blank where there is nothing to measure (no placements).
      const parity = header.indexOf('Open parity issues');
      expect(rows.map((row) => row[parity])).toEqual(['1', '1', '']);
      for (const row of rows) {
        expect(row).toHaveLength(header.length);
        for (const level of row.slice(2, 6)) expect(Object.values(LEVEL_LABELS)).toContain(level);
        expect(row.at(-1)).toBe(run.computedAt.toISOString());
      }
    }

    // Each team's signs read by hand from what the job stored, under the default thresholds.
    const expected = Object.fromEntries(SIGNS.map((sign) => [sign, { RED: 0, AMBER: 0, GREEN: 0, NONE: 0 }])) as Record<Sign, Record<Level, number>>;
    for (const measures of measuresOf.values()) {
      const signs = readSigns(measures, DEFAULT_THRESHOLDS);
      for (const sign of SIGNS) expected[sign][signs[sign].level] += 1;
    }
    for (const who of [world.hr, world.admin]) {
      const response = await csvFrom(levelsCsv, '/dashboards/levels.csv', who);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="teams-at-a-glance.csv"');
      const [header, ...rows] = await csvOf(response);
      expect(header).toEqual(LEVELS_HEADER);
      expect(header).toEqual(['Sign', 'Teams red', 'Teams amber', 'Teams green', 'Teams nothing to measure']);
      expect(rows).toEqual(SIGNS.map((sign) => [SIGN_TITLES[sign], ...LEVELS.map((level) => String(expected[sign][level]))]));
      for (const row of rows) expect(row.slice(1).reduce((sum, count) => sum + Number(count), 0)).toBe(3);
    }
  });

  it('answers 404 to a team’s manager and anyone else who may not see every team, and 401 when signed out', async () => {
    await takeMeasures();
    for (const [route, path] of [
      [serviceTypesCsv, '/dashboards/service-types.csv'],
      [levelsCsv, '/dashboards/levels.csv'],
    ] as const) {
      for (const who of [world.managerOfThisTeam, world.managerOfOtherTeam, world.staff, world.peerWorker, world.serviceUserRep]) await expectNotFound(await csvFrom(route, path, who));
      expect((await csvFrom(route, path, null)).status).toBe(401);
    }
  });
});
