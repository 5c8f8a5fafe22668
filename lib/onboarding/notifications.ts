import { db, lockKey, type Tx } from '@/lib/db';
import { queueNotifications, type NotificationDraft } from '@/lib/notifications/gate';
import { placementPath } from '@/lib/onboarding/paths';
import { addDays } from '@/lib/onboarding/rules';

/*
 * Who is told what about onboarding. An email names the team and links into
 * PeerRoles: never a task's notes, a wellbeing plan or a parity reason
 * (lib/mail/templates.ts).
 */

/** Everyone who owes tasks in a new plan (the peer worker included), once each with how many. */
export async function tellPlanStarted(tx: Tx, placementId: string, planId: string, teamName: string, actorId: string) {
  const owners = await tx.onboardingTask.groupBy({ by: ['ownerId'], where: { planId, ownerId: { not: null } }, _count: { _all: true } });
  const drafts: NotificationDraft[] = owners.flatMap((row) =>
    row.ownerId ? [{ kind: 'ONBOARDING_TASKS' as const, recipientId: row.ownerId, teamName, title: 'Onboarding plan', path: placementPath(placementId), requestKey: `plan:${planId}`, count: row._count._all }] : [],
  );
  return queueNotifications(tx, drafts, { except: actorId });
}

/** The new owner of one task (added or reassigned). */
export function tellTaskGiven(tx: Tx, taskId: string, ownerId: string, placementId: string, teamName: string, actorId: string) {
  return queueNotifications(tx, [{ kind: 'ONBOARDING_TASKS', recipientId: ownerId, teamName, title: 'Onboarding plan', path: placementPath(placementId), requestKey: `task:${taskId}`, count: 1 }], { except: actorId });
}

/** Told again at most once a week while anything they owe stays overdue. */
export const OVERDUE_REMINDER_DAYS = 7;

/**
 * The daily overdue-tasks job (working days): each person who owes onboarding
 * tasks past their due date, in current placements, gets one email with how
 * many, then not again for a week while they stay overdue. One run at a time.
 */
export async function remindOverdueTasks(now = new Date()): Promise<{ reminded: number }> {
  return db.$transaction(
    async (tx) => {
      await lockKey(tx, 'onboarding-overdue');
      const today = addDays(now, 0);
      const overdue = await tx.onboardingTask.groupBy({
        by: ['ownerId'],
        where: { ownerId: { not: null }, owner: { disabledAt: null }, removedAt: null, status: { not: 'COMPLETED' }, dueOn: { lt: today }, plan: { placement: { endedAt: null } } },
        _count: { _all: true },
      });
      if (overdue.length === 0) return { reminded: 0 };
      const recent = await tx.notification.findMany({
        where: { kind: 'ONBOARDING_OVERDUE', recipientId: { in: overdue.flatMap((row) => (row.ownerId ? [row.ownerId] : [])) }, createdAt: { gt: addDays(today, -OVERDUE_REMINDER_DAYS + 1) } },
        select: { recipientId: true },
        distinct: ['recipientId'],
      });
      const told = new Set(recent.map((row) => row.recipientId));
      const drafts: NotificationDraft[] = overdue.flatMap((row) =>
        row.ownerId && !told.has(row.ownerId) ? [{ kind: 'ONBOARDING_OVERDUE' as const, recipientId: row.ownerId, path: '/', requestKey: `overdue:${row.ownerId}`, count: row._count._all }] : [],
      );
      await queueNotifications(tx, drafts);
      return { reminded: drafts.length };
    },
    { timeout: 60_000 },
  );
}
