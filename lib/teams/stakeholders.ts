import type { Tx } from '@/lib/db';
import type { StakeholderGroup } from '@/lib/generated/prisma/enums';
import { db } from '@/lib/db';

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

export const STAKEHOLDER_GROUP_LABELS: Record<StakeholderGroup, string> = {
  MANAGER: 'Manager',
  STAFF: 'Non-peer staff',
  PEER_WORKER: 'Peer workers',
  SERVICE_USER_REP: 'Service-user representatives',
  HR: 'HR',
};
