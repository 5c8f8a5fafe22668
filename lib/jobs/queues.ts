/*
 * The background work queues and how each retries. Failed jobs retry with
 * exponential backoff (retryDelay, then twice that, and so on); a job that
 * fails retryLimit + 1 times stays failed, and administrators see it on the
 * "Failed background jobs" page with its error and a Retry button.
 */
export const NOTIFICATION_EMAIL_QUEUE = 'notification.email';
export const NOTIFICATION_DIGEST_QUEUE = 'notification.digest';
export const NOTIFICATION_REMINDERS_QUEUE = 'notification.reminders';
export const SESSIONS_PURGE_QUEUE = 'sessions.purge';
export const NOTIFICATION_PURGE_QUEUE = 'notification.purge';
export const RECRUITMENT_PURGE_QUEUE = 'recruitment.purge';
export const ONBOARDING_OVERDUE_QUEUE = 'onboarding.overdue';
export const SUPERVISION_OVERDUE_QUEUE = 'supervision.overdue';
export const SUPERVISION_FIGURES_QUEUE = 'supervision.figures';
export const DASHBOARD_MEASURES_QUEUE = 'dashboards.measures';
export const PEOPLE_IMPORT_QUEUE = 'people.import';
export const PEOPLE_IMPORT_PURGE_QUEUE = 'people.import.purge';

export interface QueuePolicy {
  /** What administrators read on the failed jobs page. */
  label: string;
  retryLimit: number;
  /** Seconds before the first retry; doubled each time after. */
  retryDelay: number;
  retryBackoff: boolean;
  /** A job still running after this long is failed (and retried). */
  expireInSeconds: number;
}

export const QUEUES: Record<string, QueuePolicy> = {
  // 30 s, 1, 2, 4, 8, 16 min, 32 min: about an hour of a relay outage before a person is needed.
  [NOTIFICATION_EMAIL_QUEUE]: { label: 'Send a notification email', retryLimit: 7, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
  [NOTIFICATION_DIGEST_QUEUE]: { label: 'Send the daily summaries', retryLimit: 5, retryDelay: 300, retryBackoff: true, expireInSeconds: 900 },
  [NOTIFICATION_REMINDERS_QUEUE]: { label: 'Send reminders of waiting requests', retryLimit: 5, retryDelay: 300, retryBackoff: true, expireInSeconds: 900 },
  [SESSIONS_PURGE_QUEUE]: { label: 'Remove old ended sessions', retryLimit: 3, retryDelay: 600, retryBackoff: true, expireInSeconds: 900 },
  [NOTIFICATION_PURGE_QUEUE]: { label: 'Forget expired set-password links and old outbox emails', retryLimit: 3, retryDelay: 600, retryBackoff: true, expireInSeconds: 900 },
  // Batches of 200 candidates, each its own transaction: a retry carries on where the failed run stopped.
  [ONBOARDING_OVERDUE_QUEUE]: { label: 'Remind people of overdue onboarding tasks', retryLimit: 5, retryDelay: 300, retryBackoff: true, expireInSeconds: 900 },
  [SUPERVISION_OVERDUE_QUEUE]: { label: 'Remind people of overdue supervision', retryLimit: 5, retryDelay: 300, retryBackoff: true, expireInSeconds: 900 },
  // One transaction; a retry works out whatever the failed run did not.
  [SUPERVISION_FIGURES_QUEUE]: { label: 'Work out check-in figures for quarters that have ended', retryLimit: 5, retryDelay: 300, retryBackoff: true, expireInSeconds: 900 },
  [DASHBOARD_MEASURES_QUEUE]: { label: 'Count what the early-warning signs read, for every team', retryLimit: 5, retryDelay: 300, retryBackoff: true, expireInSeconds: 1800 },
  // All or nothing in one transaction: a failure is not retried (the administrator sees why and uploads again).
  [PEOPLE_IMPORT_QUEUE]: { label: 'Import people and teams from a file', retryLimit: 0, retryDelay: 60, retryBackoff: false, expireInSeconds: 1800 },
  [PEOPLE_IMPORT_PURGE_QUEUE]: { label: 'Forget the staff lists of old imports', retryLimit: 3, retryDelay: 600, retryBackoff: true, expireInSeconds: 900 },
  [RECRUITMENT_PURGE_QUEUE]: { label: 'Delete candidates’ personal data under the retention rule', retryLimit: 3, retryDelay: 600, retryBackoff: true, expireInSeconds: 1800 },
};

export function queueLabel(name: string): string {
  return Object.hasOwn(QUEUES, name) ? QUEUES[name].label : name;
}
