import type { Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can, type PermissionScope, type PermissionSubject } from '@/lib/permissions';

/**
 * The teams a person may see, as a where clause: every team for those who may
 * list teams, otherwise only their own. Outsiders find no row at all.
 */
export function visibleTeamsWhere(user: PermissionSubject & { id: string }): Prisma.TeamWhereInput {
  return can(user, 'team.list') ? {} : { memberships: { some: { userId: user.id } } };
}

/**
 * The scope of an action on a team (lib/action.ts): the team itself, or null
 * when it does not exist. The wrapper then asks can() with this team, the same
 * rule visibleTeamsWhere applies to reads: a team permission comes from the
 * organisation role or from a membership of this team.
 */
export async function teamScope(input: { teamId: string }, tx: Tx): Promise<PermissionScope | null> {
  return (await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } })) ? { teamId: input.teamId } : null;
}
