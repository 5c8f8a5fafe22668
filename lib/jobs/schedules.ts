/*
 * Everything PeerRoles does on a schedule, in one place. Cron expressions
 * (minute hour day-of-month month day-of-week) in UK time: pg-boss sends one job
 * per tick however many workers run, and the clock change is handled for us.
 * Later workflows add a line
 * here and a handler in lib/jobs/handlers.ts.
 */
import { DASHBOARD_MEASURES_QUEUE, NOTIFICATION_DIGEST_QUEUE, ONBOARDING_OVERDUE_QUEUE, NOTIFICATION_PURGE_QUEUE, NOTIFICATION_REMINDERS_QUEUE, PEOPLE_IMPORT_PURGE_QUEUE, RECRUITMENT_PURGE_QUEUE, SESSIONS_PURGE_QUEUE, SUPERVISION_FIGURES_QUEUE, SUPERVISION_OVERDUE_QUEUE } from '@/lib/jobs/queues';
import { UK_TIME_ZONE } from '@/lib/notifications/rules';

export interface Schedule {
  queue: string;
  cron: string;
  tz: string;
  why: string;
}

export const SCHEDULES: readonly Schedule[] = [
  { queue: NOTIFICATION_DIGEST_QUEUE, cron: '0 7 * * *', tz: UK_TIME_ZONE, why: 'one summary email for people who chose a daily digest, before the working day' },
  { queue: NOTIFICATION_REMINDERS_QUEUE, cron: '0 9 * * 1-5', tz: UK_TIME_ZONE, why: 'remind people of requests waiting N working days, and tell managers after 2N' },
  { queue: ONBOARDING_OVERDUE_QUEUE, cron: '5 9 * * 1-5', tz: UK_TIME_ZONE, why: 'remind people of onboarding tasks past their due date, at most once a week each' },
  { queue: SUPERVISION_OVERDUE_QUEUE, cron: '10 9 * * 1-5', tz: UK_TIME_ZONE, why: 'remind peer workers and their supervisors of supervision past its due date, at most once a week each' },
  { queue: SUPERVISION_FIGURES_QUEUE, cron: '20 0 * * *', tz: UK_TIME_ZONE, why: 'work out the check-in figures of a quarter once it has ended (a quarter in progress is never shown), and any worked out under another threshold' },
  { queue: DASHBOARD_MEASURES_QUEUE, cron: '40 0 * * *', tz: UK_TIME_ZONE, why: 'count what the early-warning signs read for every team, after the check-in figures are worked out' },
  { queue: SESSIONS_PURGE_QUEUE, cron: '30 3 * * *', tz: UK_TIME_ZONE, why: 'remove sessions that ended or lapsed more than 90 days ago' },
  { queue: NOTIFICATION_PURGE_QUEUE, cron: '45 3 * * *', tz: UK_TIME_ZONE, why: 'forget set-password tokens once their links expire, and outbox emails after 90 days' },
  { queue: PEOPLE_IMPORT_PURGE_QUEUE, cron: '0 4 * * *', tz: UK_TIME_ZONE, why: 'forget the staff lists of imports left unconfirmed for a week, and of imports written or failed 30 days ago' },
  { queue: RECRUITMENT_PURGE_QUEUE, cron: '15 4 * * *', tz: UK_TIME_ZONE, why: 'delete the personal data of candidates whose retention date has passed, keeping the anonymised statistics' },
];
