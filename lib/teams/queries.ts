import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CurrentUser } from '@/lib/auth/gate';
import { pageArgs, toPage } from '@/lib/pagination';
import { can } from '@/lib/permissions';
import { isUuid } from '@/lib/schema-fields';

/**
 * The teams a person may see, as a where clause: every team for those who may
 * list teams, otherwise only their own. Outsiders find no row at all.
 */
export function visibleTeamsWhere(user: CurrentUser): Prisma.TeamWhereInput {
  return can(user, 'team.list') ? {} : { memberships: { some: { userId: user.id } } };
}

export async function listTeams(user: CurrentUser, options: { page: number; archived?: boolean; search?: string }) {
  const search = options.search?.trim().slice(0, 100);
  const where: Prisma.TeamWhereInput = {
    ...visibleTeamsWhere(user),
    archivedAt: options.archived ? { not: null } : null,
    ...(search ? { name: { contains: search, mode: 'insensitive' } } : {}),
  };
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
  if (!isUuid(teamId)) return null;
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

export const PEOPLE_TO_ADD_LIMIT = 200;

/**
 * Active people who are not yet in the team, for the add-member picker: the
 * first PEOPLE_TO_ADD_LIMIT by name, narrowed by a name or email search. `more`
 * says the list was cut short, so the page can ask for a search.
 */
export async function listPeopleToAdd(teamId: string, search?: string) {
  const term = search?.trim().slice(0, 100);
  const people = await db.user.findMany({
    where: {
      disabledAt: null,
      memberships: { none: { teamId } },
      ...(term ? { OR: [{ name: { contains: term, mode: 'insensitive' } }, { email: { contains: term.toLowerCase() } }] } : {}),
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, email: true, jobTitle: true },
    take: PEOPLE_TO_ADD_LIMIT + 1,
  });
  return { people: people.slice(0, PEOPLE_TO_ADD_LIMIT), more: people.length > PEOPLE_TO_ADD_LIMIT };
}
