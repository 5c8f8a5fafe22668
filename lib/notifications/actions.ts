'use server';

import { defineAction } from '@/lib/action';
import { conflict } from '@/lib/action-error';
import { DELIVERY_CHOICES } from '@/lib/notifications/labels';
import { MUTABLE_KINDS } from '@/lib/notifications/rules';
import { notificationPreferenceSchema, notificationSettingsSchema } from '@/lib/notifications/schemas';

/** My account: which requests I am emailed about, and whether one at a time or a daily summary. */
export const updateMyNotificationPreference = defineAction({
  name: 'account.notifications.update',
  permission: 'account.update',
  input: notificationPreferenceSchema,
  async run({ input, user, tx, audit }) {
    const emailed = new Set(input.emailed);
    const mutedKinds = MUTABLE_KINDS.filter((kind) => !emailed.has(kind));
    await tx.notificationPreference.upsert({
      where: { userId: user.id },
      create: { userId: user.id, delivery: input.delivery, mutedKinds },
      update: { delivery: input.delivery, mutedKinds },
    });
    const summary = `${DELIVERY_CHOICES[input.delivery].label}; ${mutedKinds.length === 0 ? 'emailed about everything' : `not emailed about ${mutedKinds.length} kind${mutedKinds.length === 1 ? '' : 's'} of request`}`;
    await audit({ action: 'account.notifications.update', recordType: 'User', recordId: user.id, summary: `Changed their email notifications: ${summary}` });
    return { userId: user.id };
  },
  revalidate: () => ['/account'],
});

/** Settings: the organisation's reminder span. Guarded by `version`: two administrators cannot overwrite each other unseen. */
export const updateNotificationSettings = defineAction({
  name: 'notifications.settings.update',
  permission: 'notifications.manage',
  input: notificationSettingsSchema,
  async run({ input, tx, audit }) {
    const data = { reminderWorkingDays: input.reminderWorkingDays };
    if (input.version === 1) {
      // No row yet: the first save creates it; a concurrent first save makes this one a conflict.
      const created = await tx.notificationSettings.createMany({ data: [{ id: 1, ...data }], skipDuplicates: true });
      if (created.count === 0) {
        const { count } = await tx.notificationSettings.updateMany({ where: { id: 1, version: 1 }, data: { ...data, version: { increment: 1 } } });
        if (count === 0) throw conflict();
      }
    } else {
      const { count } = await tx.notificationSettings.updateMany({ where: { id: 1, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) throw conflict();
    }
    const days = input.reminderWorkingDays;
    await audit({
      action: 'notifications.settings.update',
      recordType: 'NotificationSettings',
      recordId: '1',
      summary: `Reminders after ${days} working day${days === 1 ? '' : 's'}; managers told after ${2 * days}`,
    });
    return { reminderWorkingDays: days };
  },
  revalidate: () => ['/settings/notifications'],
});
