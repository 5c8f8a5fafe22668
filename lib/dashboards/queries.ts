import 'server-only';
import type { CurrentUser } from '@/lib/auth/gate';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ServiceType } from '@/lib/generated/prisma/enums';
import { toPage, type Page } from '@/lib/pagination';
import { can, teamsGranting } from '@/lib/permissions';
import { isUuid } from '@/lib/schema-fields';
import { checkInQuarterSql } from '@/lib/supervision/gate';
import { readThresholds, SIGN_COLUMNS } from '@/lib/dashboards/levels';
import { teamDetail, type TeamDetailColumns } from '@/lib/dashboards/team';
import { EMPTY_MEASURES, LEVEL_ORDER, measuresFrom, readSigns, SIGNS, thresholdsFrom, type Level, type Measures, type Sign, type SignReading, type Thresholds } from '@/lib/dashboards/signals';

/*
 * What the dashboards show: the measures the nightly job took
 * (lib/dashboards/measures.ts), read against the organisation's thresholds as
 * they are now. Administrators and HR see the organisation, its service types
 * and every team; a team's managers see their team. The check-in averages in
 * the measures are the figures the small-numbers rule already allows; for
 * someone who answered a check-in in that quarter themselves they are
 * withheld altogether, as they could take their own answers out.
 */

/** How many teams a page of the organisation's list shows. */
export const TEAMS_PER_PAGE = 25;

export function getDashboardSettings(): Promise<{ thresholds: Thresholds; version: number }> {
  return readThresholds(db);
}

const withoutCheckIns = (measures: Measures): Measures => ({ ...measures, clearRole: null, practiseAsPeer: null });

/**
 * Whether this person checked in, themselves, in the quarter the stored
 * check-in averages are from (quarters by the UK calendar, as
 * lib/supervision/rules.ts quarterOf names them).
 */
const answeredInMeasuredQuarterSql = (userId: string) => Prisma.sql`EXISTS (
  SELECT 1 FROM "CheckIn" c
  WHERE c."peerWorkerId" = ${userId}::uuid
    AND ${checkInQuarterSql} = o."checkInQuarter"
)`;

/**
 * Whether the check-in averages in the measures are from figures worked out
 * again since (the organisation changed its small-numbers threshold): until
 * the job counts again tonight they could show what the figures now
 * withhold, so they are withheld.
 */
const checkInsStaleSql = Prisma.sql`EXISTS (SELECT 1 FROM "CheckInQuarter" q WHERE q.quarter = o."checkInQuarter" AND q."computedAt" > o."computedAt")`;

export type SignsBySign = Record<Sign, SignReading>;

export type TeamSort = 'name' | Sign;

interface TeamRow {
  id: string;
  name: string;
  serviceType: ServiceType;
  measures: Measures;
  signs: SignsBySign;
}

/**
 * The organisation view: its four signs, each service type's, and its teams
 * (a page at a time, by name or worst first on one sign), with when the
 * measures were taken. Null for anyone who may not see every team.
 *
 * The organisation's and service types' measures, and each team's levels
 * under the thresholds in force, are kept by the job (and a change of
 * thresholds), so a page reads one row and a page of teams, sorted in the
 * database. For someone who checked in in the measured quarter the check-in
 * averages are taken out and everything is read again without them, from
 * every team's measures: a stored level could otherwise still show them.
 */
export async function getOrganisationView(user: CurrentUser, { sort, page, everyTeam = false, teamsPage = true }: { sort: TeamSort; page: number; everyTeam?: boolean; teamsPage?: boolean }) {
  if (teamsGranting(user, 'dashboards.view') !== 'ALL') return null;
  const [settings, [organisation]] = await Promise.all([
    getDashboardSettings(),
    db.$queryRaw<Array<{ measures: Prisma.JsonValue; serviceTypes: Prisma.JsonValue; checkInQuarter: string | null; computedAt: Date; answered: boolean; stale: boolean }>>`
      SELECT o.measures, o."serviceTypes", o."checkInQuarter", o."computedAt", ${answeredInMeasuredQuarterSql(user.id)} AS answered, ${checkInsStaleSql} AS stale
      FROM "OrganisationMeasures" o WHERE o.id = 1`,
  ]);
  const answered = organisation?.answered ?? false;
  const stale = organisation?.stale ?? false;
  const ownAnswers = answered || stale;
  const read = (measures: Measures) => readSigns(measures, settings.thresholds);
  const storedTypes = Array.isArray(organisation?.serviceTypes) ? (organisation.serviceTypes as Array<{ serviceType: ServiceType; teams: number; measures: unknown }>) : [];
  const serviceTypes = storedTypes.map((row) => {
    const measures = measuresFrom(row.measures);
    return { serviceType: row.serviceType, teams: row.teams, measures, signs: read(measures) };
  });
  // By name as the database orders it below (lower case, then as written, then id, by code point), so the page, the CSV and
  // a viewer whose page is worked out here all list the teams in one order.
  const codePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => codePoints(a.name.toLowerCase(), b.name.toLowerCase()) || codePoints(a.name, b.name) || codePoints(a.id, b.id);
  let organisationMeasures = organisation ? measuresFrom(organisation.measures) : { ...EMPTY_MEASURES };
  let teams: Page<TeamRow>;
  let allTeams: TeamRow[] | null = null;
  /** How many teams are at each level on each sign: the chart's figures. */
  const distribution = Object.fromEntries(SIGNS.map((sign) => [sign, { RED: 0, AMBER: 0, GREEN: 0, NONE: 0 }])) as Record<Sign, Record<Level, number>>;
  if (ownAnswers || everyTeam) {
    const rows = await db.teamMeasures.findMany({ where: { team: { archivedAt: null } }, select: { measures: true, team: { select: { id: true, name: true, serviceType: true } } } });
    if (ownAnswers) organisationMeasures = withoutCheckIns(organisationMeasures);
    const every = rows.map((row): TeamRow => {
      const stored = measuresFrom(row.measures);
      const measures = ownAnswers ? withoutCheckIns(stored) : stored;
      return { id: row.team.id, name: row.team.name, serviceType: row.team.serviceType, measures, signs: read(measures) };
    });
    every.sort(sort === 'name' ? byName : (a, b) => LEVEL_ORDER[a.signs[sort].level] - LEVEL_ORDER[b.signs[sort].level] || byName(a, b));
    allTeams = every;
    for (const team of every) for (const sign of SIGNS) distribution[sign][team.signs[sign].level] += 1;
    teams = toPage(every.slice((page - 1) * TEAMS_PER_PAGE, page * TEAMS_PER_PAGE), every.length, page, TEAMS_PER_PAGE);
  } else {
    // Worst first on the chosen sign (its column, from the fixed list: never from input), then by name.
    const byNameSql = Prisma.sql`lower(t.name) COLLATE "C", t.name COLLATE "C", t.id::text COLLATE "C"`;
    const order = sort === 'name' ? byNameSql : Prisma.sql`m.${Prisma.raw(`"${SIGN_COLUMNS[sort]}"`)}, ${byNameSql}`;
    const levelsOf = (column: string) => Prisma.sql`SELECT ${column} AS sign, m.${Prisma.raw(`"${column}"`)} AS level, count(*)::int AS teams FROM "TeamMeasures" m JOIN "Team" t ON t.id = m."teamId" WHERE t."archivedAt" IS NULL GROUP BY m.${Prisma.raw(`"${column}"`)}`;
    const [rows, levels] = await Promise.all([
      !teamsPage
        ? Promise.resolve([])
        : db.$queryRaw<Array<{ id: string; name: string; serviceType: ServiceType; measures: Prisma.JsonValue; total: bigint }>>`
      SELECT t.id::text AS id, t.name, t."serviceType"::text AS "serviceType", m.measures, count(*) OVER () AS total
      FROM "TeamMeasures" m JOIN "Team" t ON t.id = m."teamId"
      WHERE t."archivedAt" IS NULL
      ORDER BY ${order} LIMIT ${TEAMS_PER_PAGE} OFFSET ${(page - 1) * TEAMS_PER_PAGE}`,
      db.$queryRaw<Array<{ sign: string; level: number; teams: number }>>`${Prisma.join(Object.values(SIGN_COLUMNS).map(levelsOf), ' UNION ALL ')}`,
    ]);
    const signOfColumn = new Map(SIGNS.map((sign) => [SIGN_COLUMNS[sign] as string, sign]));
    const levelOfOrder = new Map((Object.keys(LEVEL_ORDER) as Level[]).map((level) => [LEVEL_ORDER[level], level]));
    for (const row of levels) {
      const sign = signOfColumn.get(row.sign);
      const level = levelOfOrder.get(row.level);
      if (sign && level) distribution[sign][level] += row.teams;
    }
    const total = rows.length > 0 ? Number(rows[0].total) : page === 1 || !teamsPage ? 0 : await db.teamMeasures.count({ where: { team: { archivedAt: null } } });
    teams = toPage(
      rows.map((row): TeamRow => {
        const measures = measuresFrom(row.measures);
        return { id: row.id, name: row.name, serviceType: row.serviceType, measures, signs: read(measures) };
      }),
      total,
      page,
      TEAMS_PER_PAGE,
    );
  }
  return {
    thresholds: settings.thresholds,
    computedAt: organisation?.computedAt ?? null,
    checkInQuarter: organisation?.checkInQuarter ?? null,
    /** The viewer checked in themselves in that quarter: every check-in average is withheld from them. */
    checkInsWithheld: answered,
    /** The threshold changed since the averages were counted: every check-in average is withheld until tonight's count. */
    checkInsStale: stale,
    organisation: { measures: organisationMeasures, signs: read(organisationMeasures) },
    // A service type's check-in averages are not worked out under the small-numbers rule, so none are kept.
    serviceTypes,
    distribution,
    sort,
    /** Every team, in the page's order: only when asked for (the CSV), or when worked out in memory anyway. */
    allTeams,
    teams,
  };
}

export type OrganisationView = NonNullable<Awaited<ReturnType<typeof getOrganisationView>>>;

/** How many teams the quarterly report lists as needing attention. */
export const ATTENTION_TEAMS = 25;

/**
 * The quarterly report for a board or steering group: the organisation view
 * without its team pages, and the teams that need attention most (red on at
 * least one sign, worst first across the four). Null for anyone who may not
 * see every team.
 */
export async function getOrganisationReport(user: CurrentUser) {
  const view = await getOrganisationView(user, { sort: 'name', page: 1, teamsPage: false });
  if (!view) return null;
  const worstFirst = (a: TeamRow, b: TeamRow) => SIGNS.reduce((sum, sign) => sum + LEVEL_ORDER[a.signs[sign].level] - LEVEL_ORDER[b.signs[sign].level], 0);
  let attention: TeamRow[];
  if (view.checkInsWithheld || view.checkInsStale) {
    // The view has already worked every team out, without the check-in averages.
    attention = (view.allTeams ?? []).filter((team) => SIGNS.some((sign) => team.signs[sign].level === 'RED')).sort(worstFirst).slice(0, ATTENTION_TEAMS);
  } else {
    const rows = await db.$queryRaw<Array<{ id: string; name: string; serviceType: ServiceType; measures: Prisma.JsonValue }>>`
      SELECT t.id::text AS id, t.name, t."serviceType"::text AS "serviceType", m.measures
      FROM "TeamMeasures" m JOIN "Team" t ON t.id = m."teamId"
      WHERE t."archivedAt" IS NULL AND 0 IN (m.expectations, m.arrangements, m.supervision, m."sharedView")
      ORDER BY m.expectations + m.arrangements + m.supervision + m."sharedView", lower(t.name) COLLATE "C", t.name COLLATE "C", t.id::text COLLATE "C"
      LIMIT ${ATTENTION_TEAMS}`;
    attention = rows.map((row) => {
      const measures = measuresFrom(row.measures);
      return { id: row.id, name: row.name, serviceType: row.serviceType, measures, signs: readSigns(measures, view.thresholds) };
    });
  }
  return { ...view, attention };
}


/**
 * One team's view, for its managers, HR and administrators; null for anyone
 * else, or a team that does not exist: its four signs as last counted, and
 * below them where it stands now (lib/dashboards/team.ts), in one statement
 * and the placements' query beside it.
 */
export async function getTeamView(user: CurrentUser, teamId: string) {
  if (!isUuid(teamId) || !can(user, 'dashboards.view', { teamId })) return null;
  const detail = teamDetail(user, teamId);
  const [[row], placements] = await Promise.all([
    db.$queryRaw<Array<TeamDetailColumns & { id: string; name: string; serviceType: ServiceType; archivedAt: Date | null; measures: Prisma.JsonValue | null; computedAt: Date | null; unsettledRoleIds: string[] | null; answered: boolean; stale: boolean; thresholds: Prisma.JsonValue | null }>>`
      SELECT t.id::text AS id, t.name, t."serviceType"::text AS "serviceType", t."archivedAt", m.measures, m."computedAt", m."unsettledRoleIds"::text[] AS "unsettledRoleIds",
        ${answeredInMeasuredQuarterSql(user.id)} AS answered, ${checkInsStaleSql} AS stale,
        (SELECT s.thresholds FROM "DashboardSettings" s WHERE s.id = 1) AS thresholds,
        ${detail.columns}
      FROM "Team" t LEFT JOIN "TeamMeasures" m ON m."teamId" = t.id LEFT JOIN "OrganisationMeasures" o ON o.id = 1
      WHERE t.id = ${teamId}::uuid`,
    detail.placements,
  ]);
  if (!row) return null;
  const thresholds = thresholdsFrom(row.thresholds as Parameters<typeof thresholdsFrom>[0]);
  const { answered, stale } = row;
  const stored = row.measures === null ? null : measuresFrom(row.measures);
  const measures = stored && (answered || stale) ? withoutCheckIns(stored) : stored;
  return {
    team: { id: row.id, name: row.name, serviceType: row.serviceType, archived: row.archivedAt !== null },
    thresholds,
    computedAt: row.computedAt,
    checkInsWithheld: answered,
    checkInsStale: stale,
    /** Null before the job has measured this team (a team added since the last run). */
    measures,
    signs: measures ? readSigns(measures, thresholds) : null,
    ...(await detail.read(row, placements, row.unsettledRoleIds)),
  };
}

export type TeamView = NonNullable<Awaited<ReturnType<typeof getTeamView>>>;

/** The teams whose dashboards this person may open, by name (a manager's own; everyone's for HR and administrators, who start from the organisation). */
export async function dashboardTeams(user: CurrentUser) {
  const teams = teamsGranting(user, 'dashboards.view');
  if (teams === 'ALL' || teams.length === 0) return [];
  return db.team.findMany({ where: { id: { in: teams }, archivedAt: null }, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true } });
}
