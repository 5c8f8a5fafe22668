// Check-in figures per ended quarter (issue 12 §4), on real PostgreSQL: the
// nightly `supervision.figures` job works out every ended quarter once, and
// stores only averages or why they are withheld (never a count of people);
// a quarter in progress is never shown; fewer than the threshold, or a figure
// that would let a withheld one be worked out, is withheld; a quarter stored
// under another threshold is withheld until worked out again; a threshold
// change reworks every quarter in its own transaction (and a refused change
// touches nothing); the page says which ended quarter is still waiting; only
// managers (their teams), HR and administrators (every team) see figures; and
// someone who answered in a quarter sees it counting only the others. A read
// gives the organisation's figure for the last TREND_QUARTERS stored quarters
// (the trend) and one quarter's team figures, TEAMS_PER_PAGE a page in name
// order: the quarter named, if stored (older than the trend too), else the
// newest, whatever else is named.
import type { ActionResult } from '@/lib/action';
import { db } from '@/lib/db';
import { HANDLERS } from '@/lib/jobs/handlers';
import { SUPERVISION_FIGURES_QUEUE } from '@/lib/jobs/queues';
import { SCHEDULES } from '@/lib/jobs/schedules';
import { refreshCheckInFigures } from '@/lib/supervision/figures';
import { getCheckInFigures, TEAMS_PER_PAGE, TREND_QUARTERS } from '@/lib/supervision/queries';
import { CHECK_IN_QUESTIONS, previousQuarter, quarterOf, quarterStart } from '@/lib/supervision/rules';
import * as settings from '@/lib/supervision/settings-actions';
import { addMembership, buildWorld, createCheckIn, createTeam, createUser, endTheQuarter, type CheckInAnswers, type World } from '../factories';
import { actingAs, currentUserOf } from '../support/roles';

type Ref = { id: string };
type Figures = NonNullable<Awaited<ReturnType<typeof getCheckInFigures>>>;
type Selected = NonNullable<Figures['selected']>;
type Choice = { quarter?: string | null; page?: number };

const DAY_MS = 24 * 60 * 60 * 1000;

function ok<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
}

/** The same answer to all five questions. */
const all = (value: number): CheckInAnswers => ({ supported: value, clearRole: value, equalMember: value, experienceValued: value, practiseAsPeer: value });
const averagesOf = (value: number) => all(value);

const TOO_FEW = { shown: false, reason: 'TOO_FEW' } as const;
const WOULD_REVEAL = { shown: false, reason: 'WOULD_REVEAL' } as const;

/** The quarter that ended last, and the one before it. */
const lastQuarter = () => previousQuarter(quarterOf(new Date()));
const quarterBeforeLast = () => previousQuarter(lastQuarter());
/** An instant ten days into a quarter. */
const tenDaysInto = (quarter: string) => new Date(quarterStart(quarter).getTime() + 10 * DAY_MS);

let world: World;

beforeEach(async () => {
  // The file's tests share one database: each starts with no check-ins, no stored figures and no setting.
  await db.checkIn.deleteMany({});
  await db.checkInQuarter.deleteMany({});
  await db.supervisionSettings.deleteMany({});
  world = await buildWorld();
});

/** `count` new peer workers of `team`. */
async function peerWorkersOf(team: Ref, count: number): Promise<Ref[]> {
  const people: Ref[] = [];
  for (let index = 0; index < count; index += 1) {
    const person = await createUser({ name: `Peer ${index} ${world.suffix}` });
    await addMembership(team, person, 'PEER_WORKER');
    people.push(person);
  }
  return people;
}

/** `count` new peer workers of `team`, each checking in once now with the same answers. */
async function answeredBy(team: Ref, count: number, answers: CheckInAnswers = all(4), answeredAt?: Date): Promise<Ref[]> {
  const people = await peerWorkersOf(team, count);
  for (const person of people) await createCheckIn(person, team, { answers, answeredAt });
  return people;
}

const figuresFor = async (who: Ref, choice: Choice = {}) => getCheckInFigures(await currentUserOf(who), choice);

async function visibleFiguresFor(who: Ref, choice: Choice = {}): Promise<Figures> {
  const figures = await figuresFor(who, choice);
  if (!figures) throw new Error('Expected figures, got null');
  return figures;
}

/** One quarter as `who` reads it (the newest stored unless `choice` names another): the organisation's figure and a page of the teams'. */
async function quarterFor(who: Ref, choice: Choice = {}): Promise<Selected> {
  const { selected } = await visibleFiguresFor(who, choice);
  if (!selected) throw new Error('Expected a quarter, got none');
  return selected;
}

const teamIn = (quarter: Selected, team: Ref) => quarter.teams.items.find((row) => row.id === team.id)?.figure;

/** `team`'s figure in each stored quarter as `who` reads them, one quarter at a time, newest first. */
async function teamByQuarter(who: Ref, team: Ref) {
  const byQuarter: Array<[string, Selected['teams']['items'][number]['figure'] | undefined]> = [];
  for (const { quarter } of (await visibleFiguresFor(who)).trend) byQuarter.push([quarter, teamIn(await quarterFor(who, { quarter }), team)]);
  return byQuarter;
}

/** Every stored figure exactly as PostgreSQL holds it, parsed from its text. */
async function rawStoredFigures() {
  const quarters = await db.$queryRaw<Array<{ quarter: string; organisation: string }>>`SELECT "quarter", "organisation"::text AS "organisation" FROM "CheckInQuarter" ORDER BY "quarter"`;
  const teams = await db.$queryRaw<Array<{ quarter: string; teamId: string; figure: string }>>`SELECT "quarter", "teamId"::text AS "teamId", "figure"::text AS "figure" FROM "CheckInTeamFigure" ORDER BY "quarter", "teamId"`;
  return [...quarters.map((row) => JSON.parse(row.organisation) as unknown), ...teams.map((row) => JSON.parse(row.figure) as unknown)];
}

/** A stored figure is the averages or why they are withheld: nothing else, so never how many answered. */
function expectOnlyAveragesOrReason(value: unknown) {
  const figure = value as Record<string, unknown>;
  if (figure.shown === true) {
    expect(Object.keys(figure).sort()).toEqual(['averages', 'shown']);
    expect(Object.keys(figure.averages as Record<string, unknown>).sort()).toEqual([...CHECK_IN_QUESTIONS].sort());
  } else {
    expect(figure.shown).toBe(false);
    expect(Object.keys(figure).sort()).toEqual(['reason', 'shown']);
    expect(['TOO_FEW', 'WOULD_REVEAL']).toContain(figure.reason);
  }
}

/** Everything stored about figures, to compare before and after. */
const storedState = async () => ({
  quarters: await db.checkInQuarter.findMany({ orderBy: { quarter: 'asc' } }),
  teams: await db.checkInTeamFigure.findMany({ orderBy: [{ quarter: 'asc' }, { teamId: 'asc' }] }),
});

describe('a quarter in progress', () => {
  it('is never shown, and the job works nothing out while no quarter with check-ins has ended', async () => {
    await answeredBy(world.thisTeam, 6);
    const figures = await visibleFiguresFor(world.managerOfThisTeam);
    expect(figures).toMatchObject({ current: quarterOf(new Date()), waitingFor: null, workedOutAt: null, trend: [], selected: null });
    // Naming the quarter in progress shows nothing of it either.
    expect(await visibleFiguresFor(world.managerOfThisTeam, { quarter: quarterOf(new Date()) })).toMatchObject({ trend: [], selected: null });
    expect(await refreshCheckInFigures()).toEqual({ workedOut: [], threshold: 5 });
    expect(await db.checkInQuarter.count()).toBe(0);
    expect(await db.checkInTeamFigure.count()).toBe(0);
  });
});

describe('an ended quarter, worked out by the job', () => {
  it('shows five different peer workers’ figures as the mean of each person’s mean, to one decimal, and stores no count of people', async () => {
    const [many, ...others] = await peerWorkersOf(world.thisTeam, 5);
    // One person checked in three times: they count once, as the mean of their own answers (supported: 4/3).
    await createCheckIn(many, world.thisTeam, { answers: { supported: 1, clearRole: 2, equalMember: 3, experienceValued: 4, practiseAsPeer: 5 } });
    await createCheckIn(many, world.thisTeam, { answers: { supported: 1, clearRole: 2, equalMember: 5, experienceValued: 4, practiseAsPeer: 5 } });
    await createCheckIn(many, world.thisTeam, { answers: { supported: 2, clearRole: 2, equalMember: 4, experienceValued: 4, practiseAsPeer: 5 } });
    await createCheckIn(others[0], world.thisTeam, { answers: all(5) });
    await createCheckIn(others[1], world.thisTeam, { answers: all(4) });
    await createCheckIn(others[2], world.thisTeam, { answers: all(3) });
    await createCheckIn(others[3], world.thisTeam, { answers: { supported: 2, clearRole: 1, equalMember: 1, experienceValued: 2, practiseAsPeer: 2 } });

    expect(await endTheQuarter()).toEqual({ workedOut: [lastQuarter()], threshold: 5 });

    const figures = await visibleFiguresFor(world.managerOfThisTeam);
    expect(figures.trend.map((item) => item.quarter)).toEqual([lastQuarter()]);
    expect(figures).toMatchObject({ threshold: 5, waitingFor: null, seesEveryTeam: false, selected: { quarter: lastQuarter(), teams: { total: 1, page: 1, pageCount: 1 } } });
    const stored = await db.checkInQuarter.findUniqueOrThrow({ where: { quarter: lastQuarter() } });
    expect(figures.workedOutAt).toEqual(stored.computedAt);
    expect(stored.threshold).toBe(5);

    // supported: (4/3 + 5 + 4 + 3 + 2) / 5 = 3.067, so 3.1 (over answers it would be 18 / 7 = 2.6).
    const expected = { shown: true, averages: { supported: 3.1, clearRole: 3, equalMember: 3.4, experienceValued: 3.6, practiseAsPeer: 3.8 } };
    expect(figures.trend).toEqual([{ quarter: lastQuarter(), stale: false, countsOthersOnly: false, organisation: expected }]);
    const quarter = await quarterFor(world.managerOfThisTeam);
    expect(quarter).toMatchObject({ stale: false, countsOthersOnly: false, organisation: expected });
    expect(quarter.teams.items).toEqual([{ id: world.thisTeam.id, name: world.thisTeam.name, figure: expected }]);

    // As stored: the averages and nothing else, in tables with no column for how many answered.
    const raw = await rawStoredFigures();
    expect(raw).toEqual([expected, expected]);
    for (const figure of raw) expectOnlyAveragesOrReason(figure);
    const columns = await db.$queryRaw<Array<{ table: string; column: string }>>`
      SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name IN ('CheckInQuarter', 'CheckInTeamFigure') ORDER BY table_name, column_name`;
    expect(columns.map((row) => `${row.table}.${row.column}`)).toEqual([
      'CheckInQuarter.computedAt',
      'CheckInQuarter.organisation',
      'CheckInQuarter.quarter',
      'CheckInQuarter.threshold',
      'CheckInTeamFigure.figure',
      'CheckInTeamFigure.quarter',
      'CheckInTeamFigure.teamId',
    ]);
  });

  it('withholds the team’s and the organisation’s figures when only four people answered, however often', async () => {
    const four = await answeredBy(world.thisTeam, 4, all(5));
    // Answering again does not make one person two.
    await createCheckIn(four[0], world.thisTeam, { answers: all(1) });
    await endTheQuarter();
    const quarter = await quarterFor(world.managerOfThisTeam);
    expect(quarter).toMatchObject({ quarter: lastQuarter(), stale: false, organisation: TOO_FEW });
    expect(teamIn(quarter, world.thisTeam)).toEqual(TOO_FEW);
    const raw = await rawStoredFigures();
    expect(raw).toEqual([TOO_FEW, TOO_FEW]);
    for (const figure of raw) expectOnlyAveragesOrReason(figure);
  });

  it('withholds the smallest shown team as WOULD_REVEAL when the organisation’s figure minus the shown teams would give a small team away', async () => {
    const bigTeam = await createTeam({ name: `Big Team ${world.suffix}` });
    await answeredBy(bigTeam, 6, all(5));
    await answeredBy(world.thisTeam, 5, all(4));
    await answeredBy(world.otherTeam, 2, all(1));
    await endTheQuarter();

    // Other team: 2 people, too few. Were this team and the big team both shown beside the organisation's figure, the other
    // team's could be worked out; withholding this team (the smaller shown one) leaves 7 people withheld, enough to hide among.
    const quarter = await quarterFor(world.hr);
    expect(teamIn(quarter, world.otherTeam)).toEqual(TOO_FEW);
    expect(teamIn(quarter, world.thisTeam)).toEqual(WOULD_REVEAL);
    expect(teamIn(quarter, bigTeam)).toEqual({ shown: true, averages: averagesOf(5) });
    // The organisation: (6 × 5 + 5 × 4 + 2 × 1) / 13 = 4.0.
    expect(quarter.organisation).toEqual({ shown: true, averages: averagesOf(4) });

    // Stored so, and so for this team's manager too.
    const stored = await db.checkInTeamFigure.findUniqueOrThrow({ where: { quarter_teamId: { quarter: lastQuarter(), teamId: world.thisTeam.id } } });
    expect(stored.figure).toEqual(WOULD_REVEAL);
    const managers = await quarterFor(world.managerOfThisTeam);
    expect(managers.teams.items).toEqual([{ id: world.thisTeam.id, name: world.thisTeam.name, figure: WOULD_REVEAL }]);
    for (const figure of await rawStoredFigures()) expectOnlyAveragesOrReason(figure);
  });

  it('is worked out once: the job running again changes nothing, but a quarter stored under another threshold is withheld until the job works it out again', async () => {
    await answeredBy(world.thisTeam, 5, all(4));
    await endTheQuarter();
    const before = await db.checkInQuarter.findUniqueOrThrow({ where: { quarter: lastQuarter() } });

    expect(await refreshCheckInFigures()).toEqual({ workedOut: [], threshold: 5 });
    expect(await db.checkInQuarter.findUniqueOrThrow({ where: { quarter: lastQuarter() } })).toEqual(before);

    // Stored under 7, read under 5: stale, and every figure withheld, though the stored ones say shown.
    await db.checkInQuarter.update({ where: { quarter: lastQuarter() }, data: { threshold: 7 } });
    for (const who of [world.managerOfThisTeam, world.hr, world.admin]) {
      const { trend, selected } = await visibleFiguresFor(who);
      expect(trend).toEqual([{ quarter: lastQuarter(), stale: true, countsOthersOnly: false, organisation: TOO_FEW }]);
      expect(selected).toMatchObject({ quarter: lastQuarter(), stale: true, organisation: TOO_FEW });
      expect(teamIn(selected!, world.thisTeam)).toEqual(TOO_FEW);
    }

    expect(await refreshCheckInFigures()).toEqual({ workedOut: [lastQuarter()], threshold: 5 });
    const after = await db.checkInQuarter.findUniqueOrThrow({ where: { quarter: lastQuarter() } });
    expect(after.threshold).toBe(5);
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
    const figures = await visibleFiguresFor(world.managerOfThisTeam);
    expect(figures.workedOutAt).toEqual(after.computedAt);
    expect(figures.trend).toEqual([{ quarter: lastQuarter(), stale: false, countsOthersOnly: false, organisation: { shown: true, averages: averagesOf(4) } }]);
    const quarter = await quarterFor(world.managerOfThisTeam);
    expect(quarter).toMatchObject({ stale: false, organisation: { shown: true, averages: averagesOf(4) } });
    expect(teamIn(quarter, world.thisTeam)).toEqual({ shown: true, averages: averagesOf(4) });
  });
});

describe('changing the threshold', () => {
  it('works out every stored quarter again in the same save, and a refused save leaves the stored figures as they were', async () => {
    // Five people in the quarter before last, five in the last.
    await answeredBy(world.thisTeam, 5, all(3), tenDaysInto(quarterBeforeLast()));
    await answeredBy(world.thisTeam, 5, all(4));
    expect((await endTheQuarter()).workedOut).toEqual([quarterBeforeLast(), lastQuarter()]);
    const shownAt5 = await teamByQuarter(world.managerOfThisTeam, world.thisTeam);
    expect(shownAt5).toEqual([
      [lastQuarter(), { shown: true, averages: averagesOf(4) }],
      [quarterBeforeLast(), { shown: true, averages: averagesOf(3) }],
    ]);
    const at5 = await storedState();

    // The first save creates the setting; before anyone reads, both quarters are worked out again under 6.
    expect(ok(await actingAs(world.admin, () => settings.saveSupervisionSettings(null, { smallNumbersThreshold: '6' })))).toEqual({ version: 1 });
    const at6 = await storedState();
    expect(at6.quarters.map((row) => [row.quarter, row.threshold])).toEqual([
      [quarterBeforeLast(), 6],
      [lastQuarter(), 6],
    ]);
    for (const row of at6.quarters) expect(row.computedAt.getTime()).toBeGreaterThan(at5.quarters[0].computedAt.getTime());
    expect(at6.quarters.map((row) => row.organisation)).toEqual([TOO_FEW, TOO_FEW]);
    expect(at6.teams.map((row) => row.figure)).toEqual([TOO_FEW, TOO_FEW]);
    const withheldAt6 = await visibleFiguresFor(world.managerOfThisTeam);
    expect(withheldAt6.threshold).toBe(6);
    expect(withheldAt6.trend.map((quarter) => [quarter.quarter, quarter.stale, quarter.organisation])).toEqual([
      [lastQuarter(), false, TOO_FEW],
      [quarterBeforeLast(), false, TOO_FEW],
    ]);
    for (const { quarter } of withheldAt6.trend) {
      const selected = await quarterFor(world.managerOfThisTeam, { quarter });
      expect(selected).toMatchObject({ quarter, stale: false, organisation: TOO_FEW });
      expect(teamIn(selected, world.thisTeam)).toEqual(TOO_FEW);
    }

    // A save with an out-of-date version, or none, is refused: the setting and every stored figure are as they were.
    for (const input of [{ smallNumbersThreshold: '5', version: '7' }, { smallNumbersThreshold: '5' }]) {
      expect(await actingAs(world.admin, () => settings.saveSupervisionSettings(null, input))).toMatchObject({ ok: false, code: 'CONFLICT' });
      expect(await storedState()).toEqual(at6);
      expect(await db.supervisionSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ smallNumbersThreshold: 6, version: 1 });
    }

    // Back to 5 with the right version: both quarters shown again.
    expect(ok(await actingAs(world.admin, () => settings.saveSupervisionSettings(null, { smallNumbersThreshold: '5', version: '1' })))).toEqual({ version: 2 });
    expect((await storedState()).quarters.map((row) => row.threshold)).toEqual([5, 5]);
    expect(await teamByQuarter(world.managerOfThisTeam, world.thisTeam)).toEqual(shownAt5);
  });
});

describe('a quarter waiting to be worked out', () => {
  it('is named from when it ends until the job has worked it out, whichever page of teams is read', async () => {
    await answeredBy(world.thisTeam, 5);
    await endTheQuarter();
    expect((await visibleFiguresFor(world.managerOfThisTeam)).waitingFor).toBeNull();

    // As on the night a quarter ends, before the job has run.
    await db.checkInQuarter.delete({ where: { quarter: lastQuarter() } });
    const waiting = await visibleFiguresFor(world.managerOfThisTeam);
    expect(waiting).toMatchObject({ waitingFor: lastQuarter(), workedOutAt: null, trend: [], selected: null });
    // The page number now pages one quarter's teams, not the quarters: the quarter waiting is named on every page.
    expect((await visibleFiguresFor(world.managerOfThisTeam, { page: 2 })).waitingFor).toBe(lastQuarter());

    expect((await refreshCheckInFigures()).workedOut).toEqual([lastQuarter()]);
    const done = await visibleFiguresFor(world.managerOfThisTeam);
    expect(done.waitingFor).toBeNull();
    expect(done.trend.map((quarter) => quarter.quarter)).toEqual([lastQuarter()]);
    expect(done.selected?.quarter).toBe(lastQuarter());
  });

  it('is named beside the quarters already worked out, which show meanwhile, the newest of them selected', async () => {
    await answeredBy(world.thisTeam, 1, all(3), tenDaysInto(quarterBeforeLast()));
    await answeredBy(world.thisTeam, 1, all(4));
    expect((await endTheQuarter()).workedOut).toEqual([quarterBeforeLast(), lastQuarter()]);
    await db.checkInQuarter.delete({ where: { quarter: lastQuarter() } });
    const older = await db.checkInQuarter.findUniqueOrThrow({ where: { quarter: quarterBeforeLast() } });

    const waiting = await visibleFiguresFor(world.managerOfThisTeam);
    expect(waiting).toMatchObject({ waitingFor: lastQuarter(), workedOutAt: older.computedAt, selected: { quarter: quarterBeforeLast() } });
    expect(waiting.trend.map((quarter) => quarter.quarter)).toEqual([quarterBeforeLast()]);
    // Naming the quarter waiting shows the newest worked out.
    expect((await quarterFor(world.managerOfThisTeam, { quarter: lastQuarter() })).quarter).toBe(quarterBeforeLast());
  });
});

describe('who sees figures', () => {
  it('is managers for their own teams only, and HR and administrators for every team with answers; nobody else', async () => {
    const quietTeam = await createTeam({ name: `Quiet Team ${world.suffix}` });
    const quietManager = await createUser({ name: `Quiet Manager ${world.suffix}` });
    await addMembership(quietTeam, quietManager, 'MANAGER');
    await answeredBy(world.thisTeam, 5, all(4));
    await answeredBy(world.otherTeam, 5, all(2));
    await endTheQuarter();

    for (const who of [world.staff, world.peerWorker, world.serviceUserRep, world.newcomer]) expect(await figuresFor(who)).toBeNull();

    const own = await visibleFiguresFor(world.managerOfThisTeam);
    expect(own).toMatchObject({ seesEveryTeam: false, selected: { teams: { total: 1, pageCount: 1 } } });
    expect(own.selected?.teams.items).toEqual([{ id: world.thisTeam.id, name: world.thisTeam.name, figure: { shown: true, averages: averagesOf(4) } }]);

    const other = await visibleFiguresFor(world.managerOfOtherTeam);
    expect(other).toMatchObject({ seesEveryTeam: false, selected: { teams: { total: 1, pageCount: 1 } } });
    for (const { quarter } of other.trend) {
      const { teams } = await quarterFor(world.managerOfOtherTeam, { quarter });
      expect(teams.items.map((team) => team.id)).toEqual([world.otherTeam.id]);
      expect(teams.items.some((team) => team.id === world.thisTeam.id)).toBe(false);
    }
    expect(teamIn(await quarterFor(world.managerOfOtherTeam), world.otherTeam)).toEqual({ shown: true, averages: averagesOf(2) });

    // A manager whose team had no answers sees it as "fewer than", and the organisation's figure everyone sees.
    const quiet = await visibleFiguresFor(quietManager);
    expect(quiet.selected?.teams).toEqual({ items: [{ id: quietTeam.id, name: quietTeam.name, figure: TOO_FEW }], total: 1, page: 1, pageCount: 1 });
    expect(quiet.selected?.organisation).toEqual({ shown: true, averages: averagesOf(3) });
    expect(quiet.trend.map((quarter) => quarter.organisation)).toEqual([{ shown: true, averages: averagesOf(3) }]);

    for (const who of [world.hr, world.admin]) {
      const everyTeam = await visibleFiguresFor(who);
      expect(everyTeam).toMatchObject({ seesEveryTeam: true, selected: { teams: { total: 2, pageCount: 1 } } });
      const quarter = await quarterFor(who);
      expect(quarter.teams.items.map((team) => team.id).sort()).toEqual([world.thisTeam.id, world.otherTeam.id].sort());
      expect(teamIn(quarter, world.thisTeam)).toEqual({ shown: true, averages: averagesOf(4) });
      expect(teamIn(quarter, world.otherTeam)).toEqual({ shown: true, averages: averagesOf(2) });
      expect(quarter.organisation).toEqual({ shown: true, averages: averagesOf(3) });
    }
  });
});

describe('the nightly job', () => {
  it('is scheduled each night in UK time, and its handler stores the ended quarters’ figures', async () => {
    expect(SCHEDULES.find((schedule) => schedule.queue === SUPERVISION_FIGURES_QUEUE)).toMatchObject({ cron: '20 0 * * *', tz: 'Europe/London' });
    const handler = HANDLERS[SUPERVISION_FIGURES_QUEUE];
    expect(handler).toBeDefined();

    await answeredBy(world.thisTeam, 5, all(4), tenDaysInto(lastQuarter()));
    expect(await db.checkInQuarter.count()).toBe(0);
    expect(await handler(undefined)).toEqual({ workedOut: [lastQuarter()], threshold: 5 });
    expect(await db.checkInQuarter.findUniqueOrThrow({ where: { quarter: lastQuarter() } })).toMatchObject({ threshold: 5, organisation: { shown: true, averages: averagesOf(4) } });
    expect((await db.checkInTeamFigure.findUniqueOrThrow({ where: { quarter_teamId: { quarter: lastQuarter(), teamId: world.thisTeam.id } } })).figure).toEqual({ shown: true, averages: averagesOf(4) });
    expect(await handler(undefined)).toEqual({ workedOut: [], threshold: 5 });
  });
});

describe('a viewer who answered in a quarter themselves', () => {
  it('sees it counting only the others: a figure others see is withheld from them while fewer than the threshold answered besides them', async () => {
    // HR checked in in this team (all 1s) beside four peer workers (all 5s): five people, so the stored figures are shown.
    await createCheckIn(world.hr, world.thisTeam, { answers: all(1) });
    await answeredBy(world.thisTeam, 4, all(5));
    await endTheQuarter();
    const shown = { shown: true, averages: averagesOf(4.2) };

    for (const who of [world.admin, world.managerOfThisTeam]) {
      const { trend, selected } = await visibleFiguresFor(who);
      expect(trend).toEqual([{ quarter: lastQuarter(), stale: false, countsOthersOnly: false, organisation: shown }]);
      expect(selected).toMatchObject({ quarter: lastQuarter(), countsOthersOnly: false, organisation: shown });
      expect(teamIn(selected!, world.thisTeam)).toEqual(shown);
    }
    // HR knows their own answers: beside them the figure would give away the other four's (all 5s), in the trend as in the quarter.
    const hrs = await visibleFiguresFor(world.hr);
    expect(hrs.trend).toEqual([{ quarter: lastQuarter(), stale: false, countsOthersOnly: true, organisation: TOO_FEW }]);
    const theirs = await quarterFor(world.hr);
    expect(theirs).toMatchObject({ quarter: lastQuarter(), countsOthersOnly: true, organisation: TOO_FEW });
    expect(teamIn(theirs, world.thisTeam)).toEqual(TOO_FEW);

    // A fifth other person answered in that quarter (all 3s): now shown to HR too, the same figure everyone sees.
    await answeredBy(world.thisTeam, 1, all(3), tenDaysInto(lastQuarter()));
    expect((await refreshCheckInFigures({ force: true })).workedOut).toEqual([lastQuarter()]);
    // (1 + 4 × 5 + 3) / 6 = 4.0
    const everyone = { shown: true, averages: averagesOf(4) };
    expect(teamIn(await quarterFor(world.admin), world.thisTeam)).toEqual(everyone);
    const now = await visibleFiguresFor(world.hr);
    expect(now.trend).toEqual([{ quarter: lastQuarter(), stale: false, countsOthersOnly: true, organisation: everyone }]);
    expect(now.selected).toMatchObject({ countsOthersOnly: true, organisation: everyone });
    expect(teamIn(now.selected!, world.thisTeam)).toEqual(everyone);
  });
});

describe('choosing a quarter', () => {
  it('shows the newest stored quarter unless a stored one is named; one not stored, or not a quarter at all, shows the newest', async () => {
    // The quarter before last: one peer worker of the other team. The last: five of this team, none of the other.
    await answeredBy(world.otherTeam, 1, all(2), tenDaysInto(quarterBeforeLast()));
    await answeredBy(world.thisTeam, 5, all(4), tenDaysInto(lastQuarter()));
    expect((await refreshCheckInFigures()).workedOut).toEqual([quarterBeforeLast(), lastQuarter()]);
    const last = { quarter: lastQuarter(), stale: false, countsOthersOnly: false, organisation: { shown: true, averages: averagesOf(4) } };
    const beforeLast = { quarter: quarterBeforeLast(), stale: false, countsOthersOnly: false, organisation: TOO_FEW };

    // Nothing named: the newest, and the trend newest first, the same whichever quarter is chosen.
    const newest = await visibleFiguresFor(world.hr);
    expect(newest.trend).toEqual([last, beforeLast]);
    expect(newest.selected).toEqual({ ...last, teams: { items: [{ id: world.thisTeam.id, name: world.thisTeam.name, figure: { shown: true, averages: averagesOf(4) } }], total: 1, page: 1, pageCount: 1 } });
    const stored = await db.checkInQuarter.findUniqueOrThrow({ where: { quarter: lastQuarter() } });
    expect(newest.workedOutAt).toEqual(stored.computedAt);

    // The older one named: its own organisation figure and its own teams (for HR, those with answers that quarter).
    const older = await visibleFiguresFor(world.hr, { quarter: quarterBeforeLast() });
    expect(older.trend).toEqual([last, beforeLast]);
    expect(older.selected).toEqual({ ...beforeLast, teams: { items: [{ id: world.otherTeam.id, name: world.otherTeam.name, figure: TOO_FEW }], total: 1, page: 1, pageCount: 1 } });
    expect(older.workedOutAt).toEqual(stored.computedAt);
    // A manager of this team naming it: their team, which had no answers then, is "fewer than".
    expect((await quarterFor(world.managerOfThisTeam, { quarter: quarterBeforeLast() })).teams.items).toEqual([{ id: world.thisTeam.id, name: world.thisTeam.name, figure: TOO_FEW }]);

    // The quarter in progress, one before any answers, one not yet begun, and what is not a quarter (near misses of the older one too): the newest.
    const notStored = [quarterOf(new Date()), previousQuarter(quarterBeforeLast()), '2999-Q1', '2026-Q9', quarterBeforeLast().toLowerCase(), ` ${quarterBeforeLast()}`, `${quarterBeforeLast()}'--`, "x'; drop table \"CheckInQuarter\"; --", '', null];
    for (const quarter of notStored) expect(await visibleFiguresFor(world.hr, { quarter })).toEqual(newest);
    expect(await db.checkInQuarter.count()).toBe(2);
  });

  it('shows a stored quarter older than the trend when it is named, counting only the others for a viewer who answered in it', async () => {
    // Thirteen ended quarters stored: the trend shows the newest twelve. In the oldest HR checked in (all 1s) beside four peer workers (all 5s).
    let oldest = lastQuarter();
    for (let back = 0; back < TREND_QUARTERS; back += 1) oldest = previousQuarter(oldest);
    await createCheckIn(world.hr, world.thisTeam, { answers: all(1), answeredAt: tenDaysInto(oldest) });
    await answeredBy(world.thisTeam, 4, all(5), tenDaysInto(oldest));
    expect((await refreshCheckInFigures()).workedOut).toHaveLength(TREND_QUARTERS + 1);

    const shown = { shown: true, averages: averagesOf(4.2) };
    const newest = await visibleFiguresFor(world.admin);
    expect(newest.trend).toHaveLength(TREND_QUARTERS);
    expect(newest.trend[0].quarter).toBe(lastQuarter());
    expect(newest.trend.map((quarter) => quarter.quarter)).not.toContain(oldest);
    expect(newest.selected?.quarter).toBe(lastQuarter());
    expect(newest.selected?.teams).toEqual({ items: [], total: 0, page: 1, pageCount: 1 });

    const admins = await visibleFiguresFor(world.admin, { quarter: oldest });
    expect(admins.trend).toEqual(newest.trend);
    expect(admins.selected).toEqual({ quarter: oldest, stale: false, countsOthersOnly: false, organisation: shown, teams: { items: [{ id: world.thisTeam.id, name: world.thisTeam.name, figure: shown }], total: 1, page: 1, pageCount: 1 } });

    // HR answered in it: beside their own answers the figures would give the other four's away.
    const hrs = await visibleFiguresFor(world.hr, { quarter: oldest });
    expect(hrs.trend.some((quarter) => quarter.countsOthersOnly)).toBe(false);
    expect(hrs.selected).toEqual({ quarter: oldest, stale: false, countsOthersOnly: true, organisation: TOO_FEW, teams: { items: [{ id: world.thisTeam.id, name: world.thisTeam.name, figure: TOO_FEW }], total: 1, page: 1, pageCount: 1 } });
  });
});

describe('a quarter’s teams, a page at a time', () => {
  it('lists for HR every team with answers that quarter, by name then id, TEAMS_PER_PAGE a page; a manager only their own', async () => {
    expect(TEAMS_PER_PAGE).toBe(50);
    // 53 teams with one check-in each in the last quarter, made in reverse name order; two share a name, falling either side of the page break.
    const names = Array.from({ length: 52 }, (_, index) => `Paged ${world.suffix} ${String(index).padStart(2, '0')}`);
    names.splice(50, 0, names[49]);
    const teams: Array<{ id: string; name: string }> = [];
    for (const name of [...names].reverse()) teams.push(await createTeam({ name }));
    const answerer = await createUser({ name: `Paged answerer ${world.suffix}` });
    for (const team of teams) await createCheckIn(answerer, team, { answers: all(4), answeredAt: tenDaysInto(lastQuarter()) });
    // A team with a figure only in the quarter before: not listed for the last.
    const earlier = await createTeam({ name: `Paged ${world.suffix} 00 earlier` });
    await createCheckIn(answerer, earlier, { answeredAt: tenDaysInto(quarterBeforeLast()) });
    expect((await refreshCheckInFigures()).workedOut).toEqual([quarterBeforeLast(), lastQuarter()]);

    const inOrder = [...teams].sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
    const rowsOf = (list: typeof teams) => list.map((team) => ({ id: team.id, name: team.name, figure: TOO_FEW }));

    const first = await quarterFor(world.hr);
    expect(first).toMatchObject({ quarter: lastQuarter(), organisation: TOO_FEW });
    expect(first.teams).toEqual({ items: rowsOf(inOrder.slice(0, 50)), total: 53, page: 1, pageCount: 2 });
    const second = await quarterFor(world.hr, { page: 2 });
    expect(second).toMatchObject({ quarter: lastQuarter(), organisation: TOO_FEW });
    expect(second.teams).toEqual({ items: rowsOf(inOrder.slice(50)), total: 53, page: 2, pageCount: 2 });
    // Every team once, the two of the same name one on each page.
    expect(new Set([...first.teams.items, ...second.teams.items].map((team) => team.id)).size).toBe(53);
    expect([first.teams.items.at(-1)?.name, second.teams.items[0]?.name]).toEqual([names[49], names[49]]);
    // The page of the quarter named: the quarter before lists only its own team.
    expect((await quarterFor(world.hr, { quarter: quarterBeforeLast() })).teams).toEqual({ items: rowsOf([{ id: earlier.id, name: earlier.name }]), total: 1, page: 1, pageCount: 1 });

    // A manager of two of them (one from each page) and of a team with no answers: those three, in name order, on one page.
    const manager = await createUser({ name: `Paged manager ${world.suffix}` });
    const quiet = await createTeam({ name: `Paged ${world.suffix} 10 quiet` });
    const managed = [inOrder[3], quiet, inOrder[51]];
    for (const team of managed) await addMembership(team, manager, 'MANAGER');
    const theirs = await visibleFiguresFor(manager);
    expect(theirs).toMatchObject({ seesEveryTeam: false });
    expect(theirs.selected?.teams).toEqual({ items: rowsOf(managed), total: 3, page: 1, pageCount: 1 });

    // Past the last page (an old link): no rows, but the right count, so the page offers the way back.
    expect((await quarterFor(world.hr, { page: 9 })).teams).toEqual({ items: [], total: 53, page: 9, pageCount: 2 });
    expect((await visibleFiguresFor(manager, { page: 4 })).selected?.teams).toEqual({ items: [], total: 3, page: 4, pageCount: 1 });
  });
});
