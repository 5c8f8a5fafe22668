import { ActionError, MESSAGES } from '@/lib/action-error';
import type { Tx } from '@/lib/db';
import { activeTeam } from '@/lib/teams/gate';

/** Locks a role's row for the rest of the transaction: submissions and new checks for one role queue. */
export async function lockRole(tx: Tx, roleId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Role" WHERE "id" = ${roleId}::uuid FOR UPDATE`;
}

/**
 * The opening steps every action on one role shares: lock it when asked (so
 * that two submissions, or two checks sent at once, queue), check it exists,
 * and check its team is active. Returns what the actions read of it.
 */
export async function openRole(tx: Tx, roleId: string, { lock = false }: { lock?: boolean } = {}) {
  if (lock) await lockRole(tx, roleId);
  const role = await tx.role.findUnique({
    where: { id: roleId },
    select: { id: true, teamId: true, title: true, draft: true, draftVersion: true, draftChanged: true },
  });
  if (!role) throw new ActionError('NOT_FOUND', MESSAGES.NOT_FOUND);
  const team = await activeTeam(tx, role.teamId);
  return { ...role, teamName: team.name };
}

/** The pages whose content changes when anything about a role does. */
export const rolePagePaths = (teamId: string, roleId: string) => [`/teams/${teamId}`, `/teams/${teamId}/roles/${roleId}`, '/requests'];
