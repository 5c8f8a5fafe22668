import type { Tx } from '@/lib/db';
import type { PermissionScope } from '@/lib/permissions';

/** The scope of an action on a team (lib/action.ts): the team itself, or null when it does not exist. */
export async function teamScope(input: { teamId: string }, tx: Tx): Promise<PermissionScope | null> {
  return (await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } })) ? { teamId: input.teamId } : null;
}
