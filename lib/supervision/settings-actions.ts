'use server';

import { defineAction } from '@/lib/action';
import { conflict } from '@/lib/action-error';
import { lockKey } from '@/lib/db';
import { refreshCheckInFigures } from '@/lib/supervision/figures';
import { CHECK_INS_PATH, FIGURES_PATH, SUPERVISION_PATH } from '@/lib/supervision/paths';
import { supervisionSettingsSchema } from '@/lib/supervision/schemas';

/** The organisation's supervision settings: one row (id 1), changed with its version like every shared record. */
export const saveSupervisionSettings = defineAction({
  name: 'supervision.settings.save',
  permission: 'supervision.settings.manage',
  input: supervisionSettingsSchema,
  async run({ input, tx, audit }) {
    // A first save from two tabs at once: the second waits, then finds the row and checks its version.
    await lockKey(tx, 'supervision-settings');
    const existing = await tx.supervisionSettings.findUnique({ where: { id: 1 }, select: { version: true } });
    let version: number;
    if (existing) {
      const { count } = await tx.supervisionSettings.updateMany({ where: { id: 1, version: input.version ?? -1 }, data: { smallNumbersThreshold: input.smallNumbersThreshold, version: { increment: 1 } } });
      if (count === 0) throw conflict();
      version = existing.version + 1;
    } else {
      version = (await tx.supervisionSettings.create({ data: { id: 1, smallNumbersThreshold: input.smallNumbersThreshold }, select: { version: true } })).version;
    }
    // Every ended quarter's figures, worked out again under the new threshold before anyone reads them.
    await refreshCheckInFigures({ tx, force: true });
    await audit({ action: 'supervision.settings.save', recordType: 'SupervisionSettings', recordId: '1', summary: `Set the smallest group whose check-in figures are shown to ${input.smallNumbersThreshold} peer workers` });
    return { version };
  },
  revalidate: () => [SUPERVISION_PATH, CHECK_INS_PATH, FIGURES_PATH],
});
