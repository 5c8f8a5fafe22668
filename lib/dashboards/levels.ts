import type { db, Tx } from '@/lib/db';
import { LEVEL_ORDER, measuresFrom, readSigns, thresholdsFrom, type Measures, type Sign, type Thresholds } from '@/lib/dashboards/signals';

/*
 * Each team's level on each sign, kept beside its measures (TeamMeasures) so
 * that a trust's teams sort worst first a page at a time in the database. The
 * job keeps them as it measures; a change of thresholds keeps them in the same
 * transaction as the change.
 */

type Client = Tx | typeof db;

/** The TeamMeasures column for each sign. */
export const SIGN_COLUMNS = { EXPECTATIONS: 'expectations', ARRANGEMENTS: 'arrangements', SUPERVISION: 'supervision', SHARED_VIEW: 'sharedView' } as const satisfies Record<Sign, string>;

/** The organisation's thresholds in force: its saved ones where valid, the defaults elsewhere. */
export async function readThresholds(client: Client): Promise<{ thresholds: Thresholds; version: number }> {
  const row = await client.dashboardSettings.findUnique({ where: { id: 1 }, select: { thresholds: true, version: true } });
  return { thresholds: thresholdsFrom(row?.thresholds as Parameters<typeof thresholdsFrom>[0]), version: row?.version ?? 0 };
}

/** A team's four levels as stored: LEVEL_ORDER, worst lowest. */
export function levelColumns(measures: Measures, thresholds: Thresholds): Record<(typeof SIGN_COLUMNS)[Sign], number> {
  const signs = readSigns(measures, thresholds);
  return {
    expectations: LEVEL_ORDER[signs.EXPECTATIONS.level],
    arrangements: LEVEL_ORDER[signs.ARRANGEMENTS.level],
    supervision: LEVEL_ORDER[signs.SUPERVISION.level],
    sharedView: LEVEL_ORDER[signs.SHARED_VIEW.level],
  };
}

/** Every team's levels again under these thresholds, in one statement. */
export async function relevelTeams(tx: Tx, thresholds: Thresholds): Promise<number> {
  const rows = await tx.teamMeasures.findMany({ select: { teamId: true, measures: true } });
  if (rows.length === 0) return 0;
  const levels = rows.map((row) => levelColumns(measuresFrom(row.measures), thresholds));
  return tx.$executeRaw`
    UPDATE "TeamMeasures" t SET expectations = u.e, arrangements = u.a, supervision = u.s, "sharedView" = u.v
    FROM unnest(${rows.map((row) => row.teamId)}::uuid[], ${levels.map((level) => level.expectations)}::int[], ${levels.map((level) => level.arrangements)}::int[], ${levels.map((level) => level.supervision)}::int[], ${levels.map((level) => level.sharedView)}::int[]) AS u(id, e, a, s, v)
    WHERE t."teamId" = u.id`;
}
