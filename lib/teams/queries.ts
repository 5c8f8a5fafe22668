import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CurrentUser } from '@/lib/auth/current-user';
import { pageArgs, toPage } from '@/lib/pagination';
import { can } from '@/lib/permissions';

/**
 * The teams a person may see, as a where clause: every team for those who may
 * list teams, otherwise only their own. Outsiders find no row at all.
 */
export function visibleTeamsWhere(user: CurrentUser): Prisma.TeamWhereInput {
  return can(user, 'team.list') ? {} : { memberships: { some: { userId: user.id } } };
}

export async function listTeams(user: CurrentUser, options: { page: number; archived?: boolean }) {
  const where: Prisma.TeamWhereInput = { ...visibleTeamsWhere(user), archivedAt: options.archived ? { not: null } : null };
  const [items, total] = await Promise.all([
    db.team.findMany({
      where,
      orderBy: { name: 'asc' },
      ...pageArgs(options.page),
      select: { id: true, name: true, serviceType: true, archivedAt: true, _count: { select: { memberships: true } } },
    }),
    db.team.count({ where }),
  ]);
  return toPage(items, total, options.page);
}

/** One team with its members, or null when it does not exist or the person may not see it. */
export async function getTeam(user: CurrentUser, teamId: string) {
  if (!/^[0-9a-f-]{36}$/iu.test(teamId)) return null;
  return db.team.findFirst({
    where: { id: teamId, ...visibleTeamsWhere(user) },
    select: {
      id: true,
      name: true,
      serviceType: true,
      description: true,
      archivedAt: true,
      version: true,
      memberships: {
        orderBy: { user: { name: 'asc' } },
        select: { id: true, role: true, user: { select: { id: true, name: true, jobTitle: true, disabledAt: true } } },
      },
    },
  });
}

/** Active people who are not yet in the team, for the add-member picker. */
export async function listPeopleToAdd(teamId: string) {
  return db.user.findMany({
    where: { disabledAt: null, memberships: { none: { teamId } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, email: true, jobTitle: true },
    take: 500,
  });
}
