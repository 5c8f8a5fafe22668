import { fieldError } from '@/lib/action-error';
import { db, type Tx } from '@/lib/db';
import type { StakeholderGroup } from '@/lib/generated/prisma/enums';

/**
 * The stakeholder group a person speaks for about a team's role, decided by the
 * database and never by the client: their role in that team, otherwise HR or
 * service-user representative by organisation role. Others have no group and
 * cannot be asked to review or answer.
 */
export async function stakeholderGroups(client: Tx | typeof db, teamId: string, userIds: readonly string[]): Promise<Map<string, StakeholderGroup>> {
  const people = await client.user.findMany({
    where: { id: { in: [...userIds] }, disabledAt: null },
    select: { id: true, orgRole: true, memberships: { where: { teamId }, select: { role: true } } },
  });
  const groups = new Map<string, StakeholderGroup>();
  for (const person of people) {
    const teamRole = person.memberships[0]?.role;
    if (teamRole) groups.set(person.id, teamRole);
    else if (person.orgRole === 'HR' || person.orgRole === 'SERVICE_USER_REP') groups.set(person.id, person.orgRole);
  }
  return groups;
}

/** Ids the client sent, checked against the stakeholder groups the database gives them: each must be in the team, HR or a representative. */
export async function requireStakeholders(tx: Tx, teamId: string, userIds: string[]): Promise<Map<string, StakeholderGroup>> {
  const unique = [...new Set(userIds)];
  const groups = await stakeholderGroups(tx, teamId, unique);
  if (groups.size !== unique.length) throw fieldError('userIds', 'Select people from the list: each must be in this team, HR or a service-user representative');
  return groups;
}

/** Everyone who could be asked about a team's role, with their group, for the pickers. */
export async function eligibleStakeholders(teamId: string) {
  const people = await db.user.findMany({
    where: {
      disabledAt: null,
      OR: [{ memberships: { some: { teamId, team: { archivedAt: null } } } }, { orgRole: { in: ['HR', 'SERVICE_USER_REP'] } }],
    },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, jobTitle: true, orgRole: true, memberships: { where: { teamId }, select: { role: true } } },
    take: 500,
  });
  return people.map((person) => ({
    id: person.id,
    name: person.name,
    jobTitle: person.jobTitle,
    group: (person.memberships[0]?.role ?? person.orgRole) as StakeholderGroup,
  }));
}
