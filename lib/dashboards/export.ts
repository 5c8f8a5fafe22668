import type { OrganisationView } from '@/lib/dashboards/queries';
import { INDICATOR_KEYS, INDICATORS, LEVEL_LABELS, LEVELS, SIGN_TITLES, SIGNS, type Sign, type SignReading } from '@/lib/dashboards/signals';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/gate';

/*
 * The organisation view's tables as CSV: the teams' (read with every team), the organisation's and
 * service types', and the chart's counts. For the teams, the same teams, order, levels
 * and figures as the page (check-in averages only where the small-numbers
 * rule shows them, and not at all for someone who answered in that quarter),
 * one column per sign and per indicator. Counts and averages only.
 */

const indicatorHeader = INDICATOR_KEYS.map((key) => `${INDICATORS[key].label}${INDICATORS[key].unit === 'PERCENT' ? ' (%)' : ''}`);

export const TEAM_SIGNS_HEADER = ['Team', 'Service type', ...SIGNS.map((sign) => SIGN_TITLES[sign]), ...indicatorHeader, 'Counted at'];

type CsvRow = Array<string | number | Date | null>;

/** One row: its name and detail, each sign's level, then every indicator's figure. */
function signRow(name: string, detail: string | number, signs: Record<Sign, SignReading>, computedAt: Date | null): CsvRow {
  const values = new Map(SIGNS.flatMap((sign) => signs[sign].indicators.map((indicator) => [indicator.key, indicator.value] as const)));
  return [name, detail, ...SIGNS.map((sign) => LEVEL_LABELS[signs[sign].level]), ...INDICATOR_KEYS.map((key) => values.get(key) ?? null), computedAt];
}

export function* teamSignRows(view: OrganisationView): Generator<CsvRow> {
  for (const team of view.allTeams ?? view.teams.items) yield signRow(team.name, SERVICE_TYPE_LABELS[team.serviceType], team.signs, view.computedAt);
}

export const SERVICE_TYPE_SIGNS_HEADER = ['Group', 'Teams', ...SIGNS.map((sign) => SIGN_TITLES[sign]), ...indicatorHeader, 'Counted at'];

/** The whole organisation's signs and figures, then each service type's, as the page shows them. */
export function* serviceTypeSignRows(view: OrganisationView): Generator<CsvRow> {
  const teams = view.serviceTypes.reduce((sum, row) => sum + row.teams, 0);
  yield signRow('Whole organisation', teams, view.organisation.signs, view.computedAt);
  for (const row of view.serviceTypes) yield signRow(SERVICE_TYPE_LABELS[row.serviceType], row.teams, row.signs, view.computedAt);
}

export const LEVELS_HEADER = ['Sign', ...LEVELS.map((level) => `Teams ${LEVEL_LABELS[level].toLowerCase()}`)];

/** The "teams at a glance" chart's table: for each sign, how many teams are at each level. */
export function* levelRows(view: OrganisationView): Generator<CsvRow> {
  for (const sign of SIGNS) yield [SIGN_TITLES[sign], ...LEVELS.map((level) => view.distribution[sign][level])];
}
