/**
 * What other workflows may take from teams: the scope of an action on a team,
 * the check that a team is still active, who speaks for which stakeholder
 * group about its roles, and the words for its service types.
 */
import { ActionError } from '@/lib/action-error';
import type { db, Tx } from '@/lib/db';

export { teamScope, visibleTeamsWhere } from '@/lib/teams/access';
export { eligibleStakeholders, requireStakeholders, stakeholderGroups } from '@/lib/teams/stakeholders';
export { SERVICE_TYPE_LABELS, TEAM_ROLE_LABELS } from '@/lib/teams/labels';

/**
 * The opening step every action on a team's roles shares: an archived team
 * takes no more work on its roles (drafting, checks, answers, settling,
 * reviews) until it is restored. Returns the team's name for audit summaries.
 */
export async function activeTeam(tx: Tx, teamId: string): Promise<{ name: string }> {
  const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true, archivedAt: true } });
  if (team.archivedAt) throw new ActionError('CONFLICT', 'This team is archived: restore it before working on its roles.');
  return { name: team.name };
}

/** The managers of each of these teams: the people told when a request about the team's roles needs a manager. */
export async function teamManagers(client: Tx | typeof db, teamIds: readonly string[]): Promise<Map<string, string[]>> {
  const managers = new Map<string, string[]>();
  if (teamIds.length === 0) return managers;
  const rows = await client.teamMembership.findMany({ where: { teamId: { in: [...new Set(teamIds)] }, role: 'MANAGER', user: { disabledAt: null } }, select: { teamId: true, userId: true } });
  for (const row of rows) managers.set(row.teamId, [...(managers.get(row.teamId) ?? []), row.userId]);
  return managers;
}
