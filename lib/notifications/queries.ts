import { db } from '@/lib/db';
import { COUNT_LIMIT, pageArgs, toPage } from '@/lib/pagination';
import { DEFAULT_EMAIL_PREFERENCE, DEFAULT_REMINDER_WORKING_DAYS, type EmailPreference } from '@/lib/notifications/rules';

/** A person's email choices, or the defaults. */
export async function emailPreferenceOf(userId: string): Promise<EmailPreference> {
  const row = await db.notificationPreference.findUnique({ where: { userId }, select: { delivery: true, mutedKinds: true } });
  return row ?? DEFAULT_EMAIL_PREFERENCE;
}

/** The organisation's notification settings, with the version a save must match (1 before the first save). */
export async function notificationSettings(): Promise<{ reminderWorkingDays: number; version: number }> {
  const row = await db.notificationSettings.findUnique({ where: { id: 1 }, select: { reminderWorkingDays: true, version: true } });
  return row ?? { reminderWorkingDays: DEFAULT_REMINDER_WORKING_DAYS, version: 1 };
}

/** The demo outbox, newest first, a page at a time; counted up to COUNT_LIMIT. */
export async function listOutboxEmails(page = 1) {
  const [items, total] = await Promise.all([
    db.outboxEmail.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...pageArgs(page), select: { id: true, to: true, subject: true, text: true, createdAt: true } }),
    db.outboxEmail.count({ take: COUNT_LIMIT + 1 }),
  ]);
  return { ...toPage(items, Math.min(total, COUNT_LIMIT), page), moreThanCounted: total > COUNT_LIMIT };
}
