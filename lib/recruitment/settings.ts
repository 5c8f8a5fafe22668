import type { db, Tx } from '@/lib/db';
import { DEFAULT_COMPOSITION, DEFAULT_RETENTION_MONTHS, type CompositionRule } from '@/lib/recruitment/rules';

export interface RecruitmentRules extends CompositionRule {
  retentionMonths: number;
  /** The settings row's version (0 while the defaults are in use, before anyone saved). */
  version: number;
}

/** The organisation's panel composition rule and retention period: the defaults until an administrator saves their own. */
export async function recruitmentRules(client: Tx | typeof db): Promise<RecruitmentRules> {
  const row = await client.recruitmentSettings.findUnique({ where: { id: 1 } });
  if (!row) return { ...DEFAULT_COMPOSITION, retentionMonths: DEFAULT_RETENTION_MONTHS, version: 0 };
  return { minScorers: row.minScorers, minLivedExperience: row.minLivedExperience, minHrOrManager: row.minHrOrManager, retentionMonths: row.retentionMonths, version: row.version };
}
