import type pg from 'pg';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { EmailState, NotificationKind } from '@/lib/generated/prisma/enums';
import { renderDigestEmail, renderNotificationEmail, type EmailFacts } from '@/lib/mail/templates';
import { absoluteLink, sendEmail } from '@/lib/mail/transport';
import { emailRoute } from '@/lib/notifications/rules';

/*
 * The worker's side of the outbox (lib/notifications/outbox.ts):
 * 1. dispatchQueued: each QUEUED notification becomes a mail job (inserted in
 *    the same transaction as its state change, so each gets exactly one), waits
 *    for the digest, or is not emailed because its recipient switched it off.
 * 2. deliverNotification: the mail job. It locks its notification and sends
 *    only while it is still SENDING, so two workers holding the same job (after
 *    an expiry) cannot both send it; a failure rolls back and the job retries.
 * 3. sendDigests: the daily summary for people who chose one.
 */

interface QueuedRow {
  id: string;
  kind: NotificationKind;
  delivery: 'EACH' | 'DAILY_DIGEST' | null;
  mutedKinds: NotificationKind[] | null;
  disabled: boolean;
}

/** Inserts the mail jobs for these notification ids through the given client (pg-boss's `insert` with `db`). */
export type EnqueueEmails = (client: pg.PoolClient, notificationIds: readonly string[]) => Promise<void>;

/** Moves up to `limit` queued notifications on; returns how many it handled. Several workers may run it at once. */
export async function dispatchQueued(pool: pg.Pool, enqueue: EnqueueEmails, limit = 100): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<QueuedRow>(
      `SELECT n.id::text AS id, n.kind::text AS kind, p.delivery::text AS delivery, p."mutedKinds"::text[] AS "mutedKinds", (u."disabledAt" IS NOT NULL) AS disabled
       FROM "Notification" n
       JOIN "User" u ON u.id = n."recipientId"
       LEFT JOIN "NotificationPreference" p ON p."userId" = n."recipientId"
       WHERE n."emailState" = 'QUEUED'
       ORDER BY n."createdAt", n.id
       LIMIT $1
       FOR UPDATE OF n SKIP LOCKED`,
      [limit],
    );
    const next = new Map<EmailState, string[]>([['SENDING', []], ['DIGEST', []], ['NOT_SENT', []]]);
    for (const row of rows) {
      const route = row.disabled ? 'NOT_SENT' : emailRoute(row.kind, row.delivery ? { delivery: row.delivery, mutedKinds: row.mutedKinds ?? [] } : null);
      next.get(route === 'SEND' ? 'SENDING' : route)!.push(row.id);
    }
    const sending = next.get('SENDING')!;
    if (sending.length > 0) await enqueue(client, sending);
    for (const [state, ids] of next) {
      // Not emailed: a set-password link's token goes now, not when it would have been sent.
      const forget = state === 'NOT_SENT' ? ', "secretPath" = NULL' : '';
      if (ids.length > 0) await client.query(`UPDATE "Notification" SET "emailState" = $1::"EmailState"${forget} WHERE id = ANY($2::uuid[])`, [state, ids]);
    }
    await client.query('COMMIT');
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  teamName: string | null;
  title: string | null;
  path: string;
  requestKey: string | null;
  count: number | null;
  secretPath: string | null;
  emailState: EmailState;
  email: string;
  disabled: boolean;
}

/** What an email is made from: the notification and its recipient's address (`n` and `u`), read by the mail job and the digest alike. */
const NOTIFICATION_WITH_RECIPIENT = Prisma.sql`
  SELECT n.id::text AS id, n.kind::text AS kind, n."teamName", n.title, n.path, n."requestKey", n.count, n."secretPath", n."emailState"::text AS "emailState",
         u.email, (u."disabledAt" IS NOT NULL) AS disabled
  FROM "Notification" n JOIN "User" u ON u.id = n."recipientId"`;

function factsOf(row: NotificationRow): EmailFacts {
  return { kind: row.kind, teamName: row.teamName, title: row.title, link: absoluteLink(row.secretPath ?? row.path), requestKey: row.requestKey, count: row.count };
}

const messageIdOf = (id: string) => `<${id}@peerroles.notifications>`;

/** The mail job: sends one notification's email, once. */
export async function deliverNotification(notificationId: string): Promise<'sent' | 'skipped'> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<NotificationRow[]>`
        ${NOTIFICATION_WITH_RECIPIENT}
        WHERE n.id = ${notificationId}::uuid
        FOR UPDATE OF n`;
      // Sent already (a repeat of the job), or taken back: nothing to do.
      if (!row || row.emailState !== 'SENDING') return 'skipped';
      if (row.disabled) {
        await tx.notification.update({ where: { id: row.id }, data: { emailState: 'NOT_SENT', secretPath: null } });
        return 'skipped';
      }
      await sendEmail(tx, { to: row.email, ...renderNotificationEmail(factsOf(row)), messageId: messageIdOf(row.id), secretLink: row.secretPath ? absoluteLink(row.secretPath) : undefined });
      await tx.notification.update({ where: { id: row.id }, data: { emailState: 'SENT', emailedAt: new Date(), secretPath: null } });
      return 'sent';
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/**
 * The daily digest: one email per person with notifications waiting for it.
 * One person's failure (a rejected address) does not hold up the others: theirs
 * stay waiting, and the job fails at the end so it is retried for them.
 * Returns how many emails went.
 */
export async function sendDigests(): Promise<number> {
  const recipients = await db.notification.findMany({ where: { emailState: 'DIGEST' }, distinct: ['recipientId'], select: { recipientId: true } });
  let sent = 0;
  let failed = 0;
  for (const { recipientId } of recipients) {
    const done = await digestFor(recipientId).catch(() => {
      failed += 1;
      return false;
    });
    if (done) sent += 1;
  }
  if (failed > 0) throw new Error(`${failed} of ${recipients.length} daily summaries could not be sent; ${sent} were`);
  return sent;
}

function digestFor(recipientId: string): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<NotificationRow[]>`
        ${NOTIFICATION_WITH_RECIPIENT}
        WHERE n."recipientId" = ${recipientId}::uuid AND n."emailState" = 'DIGEST'
        ORDER BY n."createdAt", n.id
        FOR UPDATE OF n SKIP LOCKED`;
      if (rows.length === 0) return false;
      const ids = rows.map((row) => row.id);
      if (rows[0].disabled) {
        await tx.notification.updateMany({ where: { id: { in: ids } }, data: { emailState: 'NOT_SENT' } });
        return false;
      }
      await sendEmail(tx, { to: rows[0].email, ...renderDigestEmail(rows.map(factsOf)), messageId: messageIdOf(`digest-${ids[0]}`) });
      await tx.notification.updateMany({ where: { id: { in: ids } }, data: { emailState: 'SENT', emailedAt: new Date() } });
      return true;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
