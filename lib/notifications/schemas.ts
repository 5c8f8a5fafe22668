import { z } from 'zod';
import { MAX_REMINDER_WORKING_DAYS, MIN_REMINDER_WORKING_DAYS, MUTABLE_KINDS } from '@/lib/notifications/rules';
import { manyStrings, version } from '@/lib/schema-fields';

/** My account: which requests to be emailed about (ticked = emailed), and each or a daily summary. */
export const notificationPreferenceSchema = z.strictObject({
  delivery: z.enum(['EACH', 'DAILY_DIGEST'], { error: 'Select how you want your emails' }),
  emailed: manyStrings.pipe(z.array(z.enum(MUTABLE_KINDS, { error: 'Select from the list' }))),
});

/** Settings: after how many working days people are reminded (and managers told, after twice as many). */
export const notificationSettingsSchema = z.strictObject({
  reminderWorkingDays: z.coerce
    .number({ error: 'Enter a number of working days' })
    .int('Enter a whole number of working days')
    .min(MIN_REMINDER_WORKING_DAYS, `Enter a number of working days from ${MIN_REMINDER_WORKING_DAYS} to ${MAX_REMINDER_WORKING_DAYS}`)
    .max(MAX_REMINDER_WORKING_DAYS, `Enter a number of working days from ${MIN_REMINDER_WORKING_DAYS} to ${MAX_REMINDER_WORKING_DAYS}`),
  version,
});
