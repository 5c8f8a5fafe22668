import { ActionError } from '@/lib/action-error';
import { lockKey, type Tx } from '@/lib/db';

/**
 * Refuses a change that would leave the organisation with no active
 * administrator: `leaving` are the people losing the role or their account.
 * Holds the administrators' lock for the rest of the transaction, so two
 * such changes cannot each leave the other as the last one.
 */
export async function assertAnAdminRemains(tx: Tx, leaving: readonly string[], message = 'This is the only active administrator: make someone else an administrator first.'): Promise<void> {
  await lockKey(tx, 'org-admins');
  const others = await tx.user.count({ where: { orgRole: 'ADMIN', disabledAt: null, id: { notIn: [...leaving] } } });
  if (others === 0) throw new ActionError('CONFLICT', message);
}
