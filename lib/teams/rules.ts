/**
 * Who speaks for whom about a team's roles. A person's stakeholder group comes
 * from their role in the team, or from their organisation role (HR, service-user
 * representative): see stakeholderGroups in lib/teams/stakeholders.ts.
 */
export const STAKEHOLDER_GROUPS = ['MANAGER', 'STAFF', 'PEER_WORKER', 'SERVICE_USER_REP', 'HR'] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];
