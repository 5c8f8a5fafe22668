import { db, lockKey } from '@/lib/db';
import { reviewsWaiting } from '@/lib/agreement/gate';
import { checkAnswersWaiting } from '@/lib/expectations/gate';
import { queueNotifications, type NotificationDraft } from '@/lib/notifications/outbox';
import { DEFAULT_REMINDER_WORKING_DAYS, isManagerNoticeDue, isReminderDue, type PendingRequest } from '@/lib/notifications/rules';
import { teamManagers } from '@/lib/teams/gate';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The organisation's reminder span in working days (NotificationSettings, or the default). */
export async function reminderWorkingDays(client: Pick<typeof db, 'notificationSettings'> = db): Promise<number> {
  const settings = await client.notificationSettings.findUnique({ where: { id: 1 }, select: { reminderWorkingDays: true } });
  return settings?.reminderWorkingDays ?? DEFAULT_REMINDER_WORKING_DAYS;
}

/**
 * The daily reminders job. Everyone with a request waiting N working days is
 * reminded (and again every N working days while it waits); the team's managers
 * are told how many have not responded once the oldest has waited 2N. Requests
 * that were answered, closed or withdrawn are no longer waiting, so their
 * reminders stop by themselves. One run at a time (an advisory lock): a second
 * worker running the same tick finds the reminders already written.
 */
export async function sendReminders(now = new Date()): Promise<{ reminders: number; managerNotices: number }> {
  return db.$transaction(
    async (tx) => {
      await lockKey(tx, 'notification-reminders');
      const days = await reminderWorkingDays(tx);
      // N working days by UK date are at least N calendar dates back, so anything asked at least N - 1 whole
      // days ago may be due (a request made at 10:00 on Monday is due at 09:00 on Thursday): fetch those,
      // then apply the working-day rule.
      const before = new Date(now.getTime() - (days - 1) * DAY_MS);
      const waiting: PendingRequest[] = [...(await reviewsWaiting(tx, before)), ...(await checkAnswersWaiting(tx, before))];
      if (waiting.length === 0) return { reminders: 0, managerNotices: 0 };

      const groups = new Map<string, PendingRequest[]>();
      for (const request of waiting) groups.set(request.groupKey, [...(groups.get(request.groupKey) ?? []), request]);
      const earlier = await tx.notification.groupBy({
        by: ['requestKey', 'kind'],
        where: { OR: [{ kind: 'REMINDER', requestKey: { in: waiting.map((request) => request.requestKey) } }, { kind: 'NOT_RESPONDED', requestKey: { in: [...groups.keys()] } }] },
        _max: { createdAt: true },
      });
      const last = new Map(earlier.map((row) => [`${row.kind}\0${row.requestKey}`, row._max.createdAt]));

      const due = new Map<string, PendingRequest[]>();
      for (const request of waiting) {
        if (!isReminderDue({ since: request.since, lastRemindedAt: last.get(`REMINDER\0${request.requestKey}`) ?? null }, days, now)) continue;
        due.set(request.recipientId, [...(due.get(request.recipientId) ?? []), request]);
      }
      const drafts: NotificationDraft[] = [];
      for (const [recipientId, requests] of due) {
        const [first, ...others] = requests;
        if (others.length === 0) {
          drafts.push({ kind: 'REMINDER', recipientId, teamName: first.teamName, title: first.title, path: first.path, requestKey: first.requestKey });
          continue;
        }
        // Several at once (HR reviews every role): one email with the count and the Requests page; each request is still recorded as reminded.
        drafts.push({ kind: 'REMINDER', recipientId, path: '/requests', requestKey: first.requestKey, count: requests.length });
        for (const request of others) drafts.push({ kind: 'REMINDER', recipientId, teamName: request.teamName, title: request.title, path: request.path, requestKey: request.requestKey, bundled: true });
      }
      const reminders = drafts.length;

      const managers = await teamManagers(tx, [...new Set(waiting.map((request) => request.teamId))]);
      for (const [groupKey, requests] of groups) {
        const oldest = requests.reduce((first, request) => (request.since < first ? request.since : first), requests[0].since);
        if (!isManagerNoticeDue(oldest, last.get(`NOT_RESPONDED\0${groupKey}`) ?? null, days, now)) continue;
        const overdue = requests.filter((request) => isManagerNoticeDue(request.since, null, days, now));
        const { teamId, teamName, title, managerPath } = requests[0];
        for (const managerId of managers.get(teamId) ?? []) {
          drafts.push({ kind: 'NOT_RESPONDED', recipientId: managerId, teamName, title, path: managerPath, requestKey: groupKey, count: overdue.length });
        }
      }
      await queueNotifications(tx, drafts);
      return { reminders, managerNotices: drafts.length - reminders };
    },
    { timeout: 60_000 },
  );
}
