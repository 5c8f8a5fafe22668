/*
 * What each queue's job does. The worker (lib/jobs/worker.ts) runs them; each
 * returns a small summary pg-boss keeps with the job (no personal data).
 */
import { purgeOldSessions } from '@/lib/auth/gate';
import { DASHBOARD_MEASURES_QUEUE, NOTIFICATION_DIGEST_QUEUE, NOTIFICATION_EMAIL_QUEUE, NOTIFICATION_PURGE_QUEUE, NOTIFICATION_REMINDERS_QUEUE, ONBOARDING_OVERDUE_QUEUE, PEOPLE_IMPORT_PURGE_QUEUE, PEOPLE_IMPORT_QUEUE, RECRUITMENT_PURGE_QUEUE, SESSIONS_PURGE_QUEUE, SUPERVISION_FIGURES_QUEUE, SUPERVISION_OVERDUE_QUEUE } from '@/lib/jobs/queues';
import { takeMeasures } from '@/lib/dashboards/measures';
import { deliverNotification, sendDigests } from '@/lib/notifications/delivery';
import { purgeNotifications } from '@/lib/notifications/housekeeping';
import { sendReminders } from '@/lib/notifications/reminders';
import { remindOverdueTasks } from '@/lib/onboarding/notifications';
import { purgeImports, writeQueuedImport } from '@/lib/people/import-records';
import { purgeExpiredCandidates } from '@/lib/recruitment/retention';
import { isUuid } from '@/lib/schema-fields';
import { refreshCheckInFigures } from '@/lib/supervision/figures';
import { remindOverdueSupervision } from '@/lib/supervision/notifications';

export type JobHandler = (data: unknown) => Promise<unknown>;

/** The record a job names (`{ notificationId }`, `{ importId }`): a uuid, or the job fails. */
function idOf(data: unknown, key: string): string {
  const id = typeof data === 'object' && data !== null && key in data ? (data as Record<string, unknown>)[key] : null;
  if (typeof id !== 'string' || !isUuid(id)) throw new Error(`The job names no ${key}`);
  return id;
}

export const HANDLERS: Record<string, JobHandler> = {
  [NOTIFICATION_EMAIL_QUEUE]: async (data) => ({ result: await deliverNotification(idOf(data, 'notificationId')) }),
  [NOTIFICATION_DIGEST_QUEUE]: async () => ({ emails: await sendDigests() }),
  [NOTIFICATION_REMINDERS_QUEUE]: async () => sendReminders(),
  [SESSIONS_PURGE_QUEUE]: async () => ({ removed: await purgeOldSessions() }),
  [NOTIFICATION_PURGE_QUEUE]: async () => purgeNotifications(),
  [RECRUITMENT_PURGE_QUEUE]: async () => purgeExpiredCandidates(),
  [ONBOARDING_OVERDUE_QUEUE]: async () => remindOverdueTasks(),
  [SUPERVISION_OVERDUE_QUEUE]: async () => remindOverdueSupervision(),
  [SUPERVISION_FIGURES_QUEUE]: async () => refreshCheckInFigures(),
  [DASHBOARD_MEASURES_QUEUE]: async () => takeMeasures(),
  [PEOPLE_IMPORT_QUEUE]: async (data) => writeQueuedImport(idOf(data, 'importId')),
  [PEOPLE_IMPORT_PURGE_QUEUE]: async () => purgeImports(),
};
