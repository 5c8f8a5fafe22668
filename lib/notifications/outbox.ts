import type { Tx } from '@/lib/db';
import type { NotificationKind } from '@/lib/generated/prisma/enums';

/**
 * One person to tell about a change. It carries only what an email may carry
 * (lib/mail/templates.ts): the kind, the team and title, and a link.
 */
export interface NotificationDraft {
  kind: NotificationKind;
  recipientId: string;
  teamName?: string | null;
  title?: string | null;
  /** A path within PeerRoles, starting with "/". */
  path: string;
  requestKey?: string | null;
  count?: number | null;
  secretPath?: string | null;
  /** Told in another notification's email (reminders to one person go as one): recorded, never emailed itself. */
  bundled?: boolean;
}

/**
 * Writes notifications into the outbox inside the caller's transaction: if the
 * change rolls back, nobody is told; once it commits, the worker sends them
 * (lib/notifications/dispatch.ts), however long the mail server is down. The
 * person who made the change is not told about it, and nobody is told twice
 * about the same thing by one change.
 */
export async function queueNotifications(tx: Tx, drafts: readonly NotificationDraft[], { except }: { except?: string | null } = {}): Promise<number> {
  const seen = new Set<string>();
  const rows = drafts.filter((draft) => {
    const key = `${draft.kind}\0${draft.recipientId}\0${draft.requestKey ?? ''}`;
    if (draft.recipientId === except || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (rows.length === 0) return 0;
  await tx.notification.createMany({
    data: rows.map((row) => ({
      kind: row.kind,
      recipientId: row.recipientId,
      teamName: row.teamName ?? null,
      title: row.title ?? null,
      path: row.path,
      requestKey: row.requestKey ?? null,
      count: row.count ?? null,
      secretPath: row.secretPath ?? null,
      ...(row.bundled ? { emailState: 'BUNDLED' as const } : {}),
    })),
  });
  return rows.length;
}
