'use server';

import { defineAction } from '@/lib/action';
import { conflict } from '@/lib/action-error';
import { lockKey } from '@/lib/db';
import { relevelTeams } from '@/lib/dashboards/levels';
import { DASHBOARDS_PATH } from '@/lib/dashboards/paths';
import { dashboardSettingsSchema } from '@/lib/dashboards/schemas';
import { formatValue, INDICATOR_KEYS, INDICATORS, thresholdsFrom } from '@/lib/dashboards/signals';

/** The organisation's thresholds for the early-warning signs: one row (id 1), changed with its version like every shared record. */
export const saveDashboardSettings = defineAction({
  name: 'dashboards.settings.save',
  permission: 'dashboards.settings.manage',
  input: dashboardSettingsSchema,
  async run({ input, tx, audit }) {
    // A first save from two tabs at once: the second waits, then finds the row and checks its version.
    await lockKey(tx, 'dashboard-settings');
    const existing = await tx.dashboardSettings.findUnique({ where: { id: 1 }, select: { version: true, thresholds: true } });
    const before = thresholdsFrom(existing?.thresholds as Parameters<typeof thresholdsFrom>[0]);
    let version: number;
    if (existing) {
      const { count } = await tx.dashboardSettings.updateMany({ where: { id: 1, version: input.version ?? -1 }, data: { thresholds: input.thresholds, version: { increment: 1 } } });
      if (count === 0) throw conflict();
      version = existing.version + 1;
    } else {
      version = (await tx.dashboardSettings.create({ data: { id: 1, thresholds: input.thresholds }, select: { version: true } })).version;
    }
    // Every team's levels under the new thresholds, before anyone reads them sorted.
    await relevelTeams(tx, thresholdsFrom(input.thresholds));
    const changed = INDICATOR_KEYS.filter((key) => before[key].amber !== input.thresholds[key].amber || before[key].red !== input.thresholds[key].red).map(
      (key) => `${INDICATORS[key].label}: amber ${formatValue(key, input.thresholds[key].amber)}, red ${formatValue(key, input.thresholds[key].red)}`,
    );
    await audit({
      action: 'dashboards.settings.save',
      recordType: 'DashboardSettings',
      recordId: '1',
      summary: changed.length === 0 ? 'Saved the thresholds of the early-warning signs unchanged' : `Changed the thresholds of the early-warning signs: ${changed.join('; ')}`,
    });
    return { version };
  },
  revalidate: () => [DASHBOARDS_PATH],
});
