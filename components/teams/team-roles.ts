import type { TeamRole } from '@/lib/generated/prisma/enums';

/** The order and wording of the groups on a team page. */
export const TEAM_ROLE_GROUPS: ReadonlyArray<{ role: TeamRole; heading: string; empty: string; count: (n: number) => string }> = [
  { role: 'MANAGER', heading: 'Managers', empty: 'No managers in this team.', count: (n) => `${n} ${n === 1 ? 'manager' : 'managers'}` },
  { role: 'STAFF', heading: 'Staff (non-peer)', empty: 'No non-peer staff in this team.', count: (n) => `${n} non-peer staff` },
  { role: 'PEER_WORKER', heading: 'Peer workers', empty: 'No peer workers in this team yet.', count: (n) => `${n} ${n === 1 ? 'peer worker' : 'peer workers'}` },
];

/** Hints for choosing someone's team role. */
export const TEAM_ROLE_HINTS: Record<TeamRole, string> = {
  MANAGER: 'Leads the team: drafts peer worker roles, opens vacancies and plans onboarding.',
  STAFF: 'Nurses, occupational therapists, psychologists and other colleagues who are not in a peer role.',
  PEER_WORKER: 'Employed because of their own lived experience of mental distress and of using services.',
};
