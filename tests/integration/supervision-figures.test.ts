// Check-in figures per ended quarter (issue 12 §4), on real PostgreSQL: the
// nightly `supervision.figures` job works out every ended quarter once, and
// stores only averages or why they are withheld (never a count of people);
// a quarter in progress is never shown; fewer than the threshold, or a figure
// that would let a withheld one be worked out, is withheld; a quarter stored
// under another threshold is withheld until worked out again; a threshold
// change reworks every quarter in its own transaction (and a refused change
// touches nothing); the page says which ended quarter is still waiting; only
// managers (their teams), HR and administrators (every team) see figures; and
// someone who answered in a quarter sees it counting only the others.
import type { ActionResult } from '@/lib/action';
import { db } from '@/lib/db';
import { HANDLERS } from '@/lib/jobs/handlers';
import { SUPERVISION_FIGURES_QUEUE } from '@/lib/jobs/queues';
import { SCHEDULES } from '@/lib/jobs/schedules';
import { refreshCheckInFigures } from '@/lib/supervision/figures';
import { getCheckInFigures } from '@/lib/supervision/queries';
import { CHECK_IN_QUESTIONS, previousQuarter, quarterOf, quarterStart } from '@/lib/supervision/rules';
import * as settings from '@/lib/supervision/settings-actions';
import { addMembership, buildWorld, createCheckIn, createTeam, createUser, endTheQuarter, type CheckInAnswers, type World } from '../factories';
import { actingAs, currentUserOf } from '../support/roles';

type Ref = { id: string };
type Figures = NonNullable<Awaited<ReturnType<typeof getCheckInFigures>>>;

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

const figuresFor = async (who: Ref, page = 1) => getCheckInFigures(await currentUserOf(who), page);

async function visibleFiguresFor(who: Ref, page = 1): Promise<Figures> {
  const figures = await figuresFor(who, page);
  if (!figures) throw new Error('Expected figures, got null');
  return figures;
}

const teamIn = (quarter: Figures['quarters']['items'][number], team: Ref) => quarter.teams.find((row) => row.id === team.id)?.figure;

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
    expect(figures).toMatchObject({ current: quarterOf(new Date()), waitingFor: null, workedOutAt: null, quarters: { items: [], total: 0 } });
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
    expect(figures.quarters.items.map((item) => item.quarter)).toEqual([lastQuarter()]);
    expect(figures).toMatchObject({ threshold: 5, waitingFor: null, seesEveryTeam: false, teamCount: 1, quarters: { total: 1, page: 1, pageCount: 1 } });
    const stored = await db.checkInQuarter.findUniqueOrThrow({ where: { quarter: lastQuarter() } });
    expect(figures.workedOutAt).toEqual(stored.computedAt);
    expect(stored.threshold).toBe(5);

    // supported: (4/3 + 5 + 4 + 3 + 2) / 5 = 3.067, so 3.1 (over answers it would be 18 / 7 = 2.6).
    const expected = { shown: true, averages: { supported: 3.1, clearRole: 3, equalMember: 3.4, experienceValued: 3.6, practiseAsPeer: 3.8 } };
    const [quarter] = figures.quarters.items;
    expect(quarter).toMatchObject({ stale: false, countsOthersOnly: false, organisation: expected });
    expect(quarter.teams).toEqual([{ id: world.thisTeam.id, name: world.thisTeam.name, figure: expected }]);

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
    const [quarter] = (await visibleFiguresFor(world.managerOfThisTeam)).quarters.items;
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
    const [quarter] = (await visibleFiguresFor(world.hr)).quarters.items;
    expect(teamIn(quarter, world.otherTeam)).toEqual(TOO_FEW);
    expect(teamIn(quarter, world.thisTeam)).toEqual(WOULD_REVEAL);
    expect(teamIn(quarter, bigTeam)).toEqual({ shown: true, averages: averagesOf(5) });
    // The organisation: (6 × 5 + 5 × 4 + 2 × 1) / 13 = 4.0.
    expect(quarter.organisation).toEqual({ shown: true, averages: averagesOf(4) });

    // Stored so, and so for this team's manager too.
    const stored = await db.checkInTeamFigure.findUniqueOrThrow({ where: { quarter_teamId: { quarter: lastQuarter(), teamId: world.thisTeam.id } } });
    expect(stored.figure).toEqual(WOULD_REVEAL);
    const [managers] = (await visibleFiguresFor(world.managerOfThisTeam)).quarters.items;
    expect(managers.teams).toEqual([{ id: world.thisTeam.id, name: world.thisTeam.name, figure: WOULD_REVEAL }]);
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
      const [quarter] = (await visibleFiguresFor(who)).quarters.items;
      expect(quarter).toMatchObject({ quarter: lastQuarter(), stale: true, organisation: TOO_FEW });
      expect(teamIn(quarter, world.thisTeam)).toEqual(TOO_FEW);
    }

    expect(await refreshCheckInFigures()).toEqual({ workedOut: [lastQuarter()], threshold: 5 });
    const after = await db.checkInQuarter.findUniqueOrThrow({ where: { quarter: lastQuarter() } });
    expect(after.threshold).toBe(5);
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
    const figures = await visibleFiguresFor(world.managerOfThisTeam);
    expect(figures.workedOutAt).toEqual(after.computedAt);
    const [quarter] = figures.quarters.items;
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
    const shownAt5 = await visibleFiguresFor(world.managerOfThisTeam);
    expect(shownAt5.quarters.items.map((quarter) => [quarter.quarter, teamIn(quarter, world.thisTeam)])).toEqual([
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
    for (const quarter of withheldAt6.quarters.items) {
      expect(quarter).toMatchObject({ stale: false, organisation: TOO_FEW });
      expect(teamIn(quarter, world.thisTeam)).toEqual(TOO_FEW);
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
    const shownAgain = await visibleFiguresFor(world.managerOfThisTeam);
    expect(shownAgain.quarters.items.map((quarter) => teamIn(quarter, world.thisTeam))).toEqual(shownAt5.quarters.items.map((quarter) => teamIn(quarter, world.thisTeam)));
  });
});

describe('a quarter waiting to be worked out', () => {
  it('is named on the first page from when it ends until the job has worked it out', async () => {
    await answeredBy(world.thisTeam, 5);
    await endTheQuarter();
    expect((await visibleFiguresFor(world.managerOfThisTeam)).waitingFor).toBeNull();

    // As on the night a quarter ends, before the job has run.
    await db.checkInQuarter.delete({ where: { quarter: lastQuarter() } });
    const waiting = await visibleFiguresFor(world.managerOfThisTeam);
    expect(waiting).toMatchObject({ waitingFor: lastQuarter(), workedOutAt: null, quarters: { items: [], total: 0 } });
    expect((await visibleFiguresFor(world.managerOfThisTeam, 2)).waitingFor).toBeNull();

    expect((await refreshCheckInFigures()).workedOut).toEqual([lastQuarter()]);
    const done = await visibleFiguresFor(world.managerOfThisTeam);
    expect(done.waitingFor).toBeNull();
    expect(done.quarters.items.map((quarter) => quarter.quarter)).toEqual([lastQuarter()]);
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
    expect(own).toMatchObject({ seesEveryTeam: false, teamCount: 1 });
    expect(own.quarters.items[0].teams).toEqual([{ id: world.thisTeam.id, name: world.thisTeam.name, figure: { shown: true, averages: averagesOf(4) } }]);

    const other = await visibleFiguresFor(world.managerOfOtherTeam);
    expect(other).toMatchObject({ seesEveryTeam: false, teamCount: 1 });
    for (const quarter of other.quarters.items) {
      expect(quarter.teams.map((team) => team.id)).toEqual([world.otherTeam.id]);
      expect(quarter.teams.some((team) => team.id === world.thisTeam.id)).toBe(false);
    }
    expect(teamIn(other.quarters.items[0], world.otherTeam)).toEqual({ shown: true, averages: averagesOf(2) });

    // A manager whose team had no answers sees it as "fewer than", and the organisation's figure everyone sees.
    const quiet = await visibleFiguresFor(quietManager);
    expect(quiet.quarters.items[0].teams).toEqual([{ id: quietTeam.id, name: quietTeam.name, figure: TOO_FEW }]);
    expect(quiet.quarters.items[0].organisation).toEqual({ shown: true, averages: averagesOf(3) });

    for (const who of [world.hr, world.admin]) {
      const everyTeam = await visibleFiguresFor(who);
      expect(everyTeam).toMatchObject({ seesEveryTeam: true, teamCount: 2 });
      const [quarter] = everyTeam.quarters.items;
      expect(quarter.teams.map((team) => team.id).sort()).toEqual([world.thisTeam.id, world.otherTeam.id].sort());
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
      const [quarter] = (await visibleFiguresFor(who)).quarters.items;
      expect(quarter).toMatchObject({ quarter: lastQuarter(), countsOthersOnly: false, organisation: shown });
      expect(teamIn(quarter, world.thisTeam)).toEqual(shown);
    }
    // HR knows their own answers: beside them the figure would give away the other four's (all 5s).
    const [theirs] = (await visibleFiguresFor(world.hr)).quarters.items;
    expect(theirs).toMatchObject({ quarter: lastQuarter(), countsOthersOnly: true, organisation: TOO_FEW });
    expect(teamIn(theirs, world.thisTeam)).toEqual(TOO_FEW);

    // A fifth other person answered in that quarter (all 3s): now shown to HR too, the same figure everyone sees.
    await answeredBy(world.thisTeam, 1, all(3), tenDaysInto(lastQuarter()));
    expect((await refreshCheckInFigures({ force: true })).workedOut).toEqual([lastQuarter()]);
    // (1 + 4 × 5 + 3) / 6 = 4.0
    const everyone = { shown: true, averages: averagesOf(4) };
    const [admins] = (await visibleFiguresFor(world.admin)).quarters.items;
    expect(teamIn(admins, world.thisTeam)).toEqual(everyone);
    const [now] = (await visibleFiguresFor(world.hr)).quarters.items;
    expect(now).toMatchObject({ countsOthersOnly: true, organisation: everyone });
    expect(teamIn(now, world.thisTeam)).toEqual(everyone);
  });
});
