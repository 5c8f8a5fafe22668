'use server';

import { defineAction } from '@/lib/action';
import { conflict } from '@/lib/action-error';
import { recruitmentSettingsSchema } from '@/lib/recruitment/schemas';
import { recruitmentRules } from '@/lib/recruitment/settings';

/** The organisation's panel composition rule and retention period, set by an administrator. */
export const updateRecruitmentSettings = defineAction({
  name: 'recruitment.settings.update',
  permission: 'recruitment.settings.manage',
  input: recruitmentSettingsSchema,
  async run({ input, tx, audit }) {
    const current = await recruitmentRules(tx);
    const { version, ...fields } = input;
    if ((version ?? 0) !== current.version) throw conflict();
    if (current.version === 0) {
      await tx.recruitmentSettings.create({ data: { id: 1, ...fields } }).catch(() => {
        throw conflict();
      });
    } else {
      const { count } = await tx.recruitmentSettings.updateMany({ where: { id: 1, version: current.version }, data: { ...fields, version: { increment: 1 } } });
      if (count === 0) throw conflict();
    }
    await audit({
      action: 'recruitment.settings.update',
      recordType: 'RecruitmentSettings',
      recordId: '1',
      summary: `Set the panel rule to at least ${fields.minScorers} scorers, ${fields.minLivedExperience} with lived experience and ${fields.minHrOrManager} from HR or management; candidates' data kept ${fields.retentionMonths} months after a decision`,
    });
    return { saved: true };
  },
  revalidate: () => ['/settings/recruitment'],
});
