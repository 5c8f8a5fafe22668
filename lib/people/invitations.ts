import type { Tx } from '@/lib/db';
import { createInvitation, createInvitations } from '@/lib/auth/gate';
import { queueNotifications } from '@/lib/notifications/gate';

/**
 * Issues a one-time set-password link and emails it to the person's own
 * address, so that whoever added them need not pass it on. Returns the link's
 * path (shown once to the person who added them, for the demo and for
 * people without email yet).
 */
export async function issuePasswordLink(tx: Tx, userId: string, actorId: string): Promise<string> {
  const invitationPath = await createInvitation(tx, userId, actorId);
  await queueNotifications(tx, [{ kind: 'PASSWORD_LINK', recipientId: userId, path: '/set-password', secretPath: invitationPath }]);
  return invitationPath;
}

/** The same for many people at once (an import's newcomers): a link and its email each, in three statements. */
export async function issuePasswordLinks(tx: Tx, userIds: readonly string[], actorId: string): Promise<void> {
  const paths = await createInvitations(tx, userIds, actorId);
  await queueNotifications(tx, [...paths].map(([recipientId, secretPath]) => ({ kind: 'PASSWORD_LINK' as const, recipientId, path: '/set-password', secretPath })));
}
