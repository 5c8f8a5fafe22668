import { db } from '@/lib/db';
import { previousQuarter, quarterOf, quarterStart } from '@/lib/supervision/rules';

/* What the dashboards' integration tests share: days and quarters relative to now, and a clean slate. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's date (UTC midnight), `days` days back (ahead when negative): for @db.Date columns. */
export function daysAgo(days: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * DAY_MS);
}

/** This instant, `days` days back. */
export const instantDaysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

/** The quarter that ended last, and an instant ten days into a quarter. */
export const lastQuarter = () => previousQuarter(quarterOf(new Date()));
export const tenDaysInto = (quarter: string) => new Date(quarterStart(quarter).getTime() + 10 * DAY_MS);

/**
 * A file's tests share one database: each starts with every earlier test's teams archived (the job and the
 * views leave archived teams out), and no check-ins, stored figures, thresholds or measures.
 */
export async function clearDashboards() {
  await db.team.updateMany({ where: { archivedAt: null }, data: { archivedAt: new Date() } });
  await db.checkIn.deleteMany({});
  await db.checkInQuarter.deleteMany({});
  await db.supervisionSettings.deleteMany({});
  await db.dashboardSettings.deleteMany({});
  await db.teamMeasures.deleteMany({});
  await db.organisationMeasures.deleteMany({});
}
