import 'server-only';
import type { CurrentUser } from '@/lib/auth/gate';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ServiceType } from '@/lib/generated/prisma/enums';
import { toPage } from '@/lib/pagination';
import { can, teamsGranting } from '@/lib/permissions';
import { isUuid } from '@/lib/schema-fields';
import { addMeasures, EMPTY_MEASURES, LEVEL_ORDER, readSigns, thresholdsFrom, type Measures, type Sign, type SignReading, type Thresholds } from '@/lib/dashboards/signals';

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
export const TEAMS_PER_PAGE = 50;

export async function getDashboardSettings(): Promise<{ thresholds: Thresholds; version: number }> {
  const row = await db.dashboardSettings.findUnique({ where: { id: 1 }, select: { thresholds: true, version: true } });
  return { thresholds: thresholdsFrom(row?.thresholds as Parameters<typeof thresholdsFrom>[0]), version: row?.version ?? 0 };
}

/** The stored measures read back: a number where a number belongs, anything else as the empty team's. */
function measuresFrom(value: Prisma.JsonValue): Measures {
  const stored = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const read = { ...EMPTY_MEASURES };
  for (const key of Object.keys(EMPTY_MEASURES) as Array<keyof Measures>) {
    const found = stored[key];
    if (typeof found === 'number' && Number.isFinite(found)) (read as Record<keyof Measures, number | null>)[key] = found;
  }
  return read;
}

const withoutCheckIns = (measures: Measures): Measures => ({ ...measures, clearRole: null, practiseAsPeer: null });

/**
 * Whether this person checked in, themselves, in the quarter the stored
 * check-in averages are from (quarters by the UK calendar, as
 * lib/supervision/rules.ts quarterOf names them).
 */
function answeredInMeasuredQuarter(userId: string) {
  return db.$queryRaw<Array<{ answered: boolean }>>`
    SELECT EXISTS (
      SELECT 1 FROM "CheckIn" c JOIN "OrganisationMeasures" o ON o.id = 1
      WHERE c."peerWorkerId" = ${userId}::uuid
        AND to_char((c."answeredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-"Q"Q') = o."checkInQuarter"
    ) AS answered`;
}

export type SignsBySign = Record<Sign, SignReading>;

export type TeamSort = 'name' | Sign;

/**
 * The organisation view: its four signs, each service type's, and its teams
 * (a page at a time, by name or worst first on one sign), with when the
 * measures were taken. Null for anyone who may not see every team.
 */
export async function getOrganisationView(user: CurrentUser, { sort, page }: { sort: TeamSort; page: number }) {
  if (teamsGranting(user, 'dashboards.view') !== 'ALL') return null;
  const [settings, organisation, rows, [answered]] = await Promise.all([
    getDashboardSettings(),
    db.organisationMeasures.findUnique({ where: { id: 1 }, select: { clearRole: true, practiseAsPeer: true, checkInQuarter: true, computedAt: true } }),
    db.teamMeasures.findMany({ where: { team: { archivedAt: null } }, select: { measures: true, team: { select: { id: true, name: true, serviceType: true } } } }),
    answeredInMeasuredQuarter(user.id),
  ]);
  const ownAnswers = answered?.answered ?? false;
  const teams = rows.map((row) => {
    const measures = measuresFrom(row.measures);
    return { id: row.team.id, name: row.team.name, serviceType: row.team.serviceType, measures: ownAnswers ? withoutCheckIns(measures) : measures };
  });
  const read = (measures: Measures) => readSigns(measures, settings.thresholds);
  const organisationMeasures = addMeasures(
    teams.map((team) => team.measures),
    ownAnswers || !organisation ? { clearRole: null, practiseAsPeer: null } : { clearRole: organisation.clearRole, practiseAsPeer: organisation.practiseAsPeer },
  );
  const byServiceType = new Map<ServiceType, Measures[]>();
  for (const team of teams) byServiceType.set(team.serviceType, [...(byServiceType.get(team.serviceType) ?? []), team.measures]);
  const readTeams = teams.map((team) => ({ id: team.id, name: team.name, serviceType: team.serviceType, measures: team.measures, signs: read(team.measures) }));
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id);
  readTeams.sort(sort === 'name' ? byName : (a, b) => LEVEL_ORDER[a.signs[sort].level] - LEVEL_ORDER[b.signs[sort].level] || byName(a, b));
  return {
    thresholds: settings.thresholds,
    computedAt: organisation?.computedAt ?? null,
    checkInQuarter: organisation?.checkInQuarter ?? null,
    /** The viewer checked in themselves in that quarter: every check-in average is withheld from them. */
    checkInsWithheld: ownAnswers,
    organisation: { measures: organisationMeasures, signs: read(organisationMeasures) },
    // A service type's check-in averages are not worked out under the small-numbers rule, so they are not shown.
    serviceTypes: [...byServiceType]
      .map(([serviceType, measures]) => {
        const total = addMeasures(measures, { clearRole: null, practiseAsPeer: null });
        return { serviceType, teams: measures.length, measures: total, signs: read(total) };
      })
      .sort((a, b) => a.serviceType.localeCompare(b.serviceType)),
    sort,
    allTeams: readTeams,
    teams: toPage(readTeams.slice((page - 1) * TEAMS_PER_PAGE, page * TEAMS_PER_PAGE), readTeams.length, page, TEAMS_PER_PAGE),
  };
}

export type OrganisationView = NonNullable<Awaited<ReturnType<typeof getOrganisationView>>>;

/** One team's signs, for its managers, HR and administrators; null for anyone else, or a team that does not exist. */
export async function getTeamView(user: CurrentUser, teamId: string) {
  if (!isUuid(teamId) || !can(user, 'dashboards.view', { teamId })) return null;
  const [settings, team, [answered]] = await Promise.all([
    getDashboardSettings(),
    db.team.findUnique({ where: { id: teamId }, select: { id: true, name: true, serviceType: true, archivedAt: true, measures: { select: { measures: true, computedAt: true } } } }),
    answeredInMeasuredQuarter(user.id),
  ]);
  if (!team) return null;
  const ownAnswers = answered?.answered ?? false;
  const stored = team.measures ? measuresFrom(team.measures.measures) : null;
  const measures = stored && ownAnswers ? withoutCheckIns(stored) : stored;
  return {
    team: { id: team.id, name: team.name, serviceType: team.serviceType, archived: team.archivedAt !== null },
    thresholds: settings.thresholds,
    computedAt: team.measures?.computedAt ?? null,
    checkInsWithheld: ownAnswers,
    /** Null before the job has measured this team (a team added since the last run). */
    measures,
    signs: measures ? readSigns(measures, settings.thresholds) : null,
  };
}

export type TeamView = NonNullable<Awaited<ReturnType<typeof getTeamView>>>;

/** The teams whose dashboards this person may open, by name (a manager's own; everyone's for HR and administrators, who start from the organisation). */
export async function dashboardTeams(user: CurrentUser) {
  const teams = teamsGranting(user, 'dashboards.view');
  if (teams === 'ALL' || teams.length === 0) return [];
  return db.team.findMany({ where: { id: { in: teams }, archivedAt: null }, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true } });
}
