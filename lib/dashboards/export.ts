import type { OrganisationView } from '@/lib/dashboards/queries';
import { INDICATOR_KEYS, INDICATORS, LEVEL_LABELS, SIGN_TITLES, SIGNS } from '@/lib/dashboards/signals';
import { SERVICE_TYPE_LABELS } from '@/lib/teams/gate';

/*
 * The organisation view's team table as CSV (read with every team): the same teams, order, levels
 * and figures as the page (check-in averages only where the small-numbers
 * rule shows them, and not at all for someone who answered in that quarter),
 * one column per sign and per indicator. Counts and averages only.
 */

export const TEAM_SIGNS_HEADER = ['Team', 'Service type', ...SIGNS.map((sign) => SIGN_TITLES[sign]), ...INDICATOR_KEYS.map((key) => `${INDICATORS[key].label}${INDICATORS[key].unit === 'PERCENT' ? ' (%)' : ''}`), 'Counted at'];

export function* teamSignRows(view: OrganisationView): Generator<Array<string | number | Date | null>> {
  for (const team of view.allTeams ?? view.teams.items) {
    const values = new Map(SIGNS.flatMap((sign) => team.signs[sign].indicators.map((indicator) => [indicator.key, indicator.value] as const)));
    yield [team.name, SERVICE_TYPE_LABELS[team.serviceType], ...SIGNS.map((sign) => LEVEL_LABELS[team.signs[sign].level]), ...INDICATOR_KEYS.map((key) => values.get(key) ?? null), view.computedAt];
  }
}
