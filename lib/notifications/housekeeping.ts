import { INVITATION_LIFETIME_MS } from '@/lib/auth/gate';
import { db } from '@/lib/db';

/** How long the demo outbox keeps an email. */
export const OUTBOX_KEPT_DAYS = 90;

/**
 * The nightly tidy-up (lib/jobs/schedules.ts): a set-password link's token is
 * forgotten once the link has expired, whatever became of its email (never sent,
 * failed every try), and the outbox keeps OUTBOX_KEPT_DAYS of emails.
 */
export async function purgeNotifications(now = new Date()): Promise<{ tokensForgotten: number; outboxEmailsRemoved: number }> {
  const [tokens, outbox] = await db.$transaction([
    db.notification.updateMany({ where: { secretPath: { not: null }, createdAt: { lt: new Date(now.getTime() - INVITATION_LIFETIME_MS) } }, data: { secretPath: null } }),
    db.outboxEmail.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - OUTBOX_KEPT_DAYS * 24 * 60 * 60 * 1000) } } }),
  ]);
  return { tokensForgotten: tokens.count, outboxEmailsRemoved: outbox.count };
}
