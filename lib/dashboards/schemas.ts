import { z } from 'zod';
import { INDICATOR_KEYS, INDICATORS, SIGNS, thresholdProblem, type IndicatorKey } from '@/lib/dashboards/signals';
import { version } from '@/lib/schema-fields';
import { TEAM_TABLES, type TeamTableKey } from '@/lib/dashboards/paths';

/* The dashboards' forms and addresses: one schema each, shared by the form (zodResolver) and its action. */

/** A number as typed: blank or anything that is not a plain number is refused (a blank is not a threshold of 0). */
const typedNumber = (label: string) =>
  z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z
      .string({ error: `Enter ${label}` })
      .trim()
      .min(1, `Enter ${label}`)
      .regex(/^\d{1,5}(\.\d{1,2})?$/u, `Enter ${label} as a number, like 3 or 2.5`)
      .transform(Number),
  );

const pair = (key: IndicatorKey) => {
  const label = INDICATORS[key].label;
  return z.object({ amber: typedNumber(`when “${label}” turns amber`), red: typedNumber(`when “${label}” turns red`) }).superRefine((value, context) => {
    const problem = thresholdProblem(key, value);
    if (problem) context.addIssue({ code: 'custom', path: ['red'], message: `${label}: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}` });
  });
};

export const dashboardSettingsSchema = z.object({
  version: version.optional(),
  thresholds: z.object(Object.fromEntries(INDICATOR_KEYS.map((key) => [key, pair(key)])) as Record<IndicatorKey, ReturnType<typeof pair>>),
});

/** Which sign the organisation's teams are sorted by (worst first), or by name. */
export const teamSortSchema = z.enum(['name', ...SIGNS]).catch('name');

/** A team view's table as its CSV address names it: "/dashboards/teams/{uuid}/{table}.csv". */
export const teamTableSchema = z
  .object({ teamId: z.uuid(), file: z.enum(TEAM_TABLES.map((table) => `${table}.csv`) as [string, ...string[]]) })
  .transform(({ teamId, file }) => ({ teamId, table: file.slice(0, -'.csv'.length) as TeamTableKey }));
