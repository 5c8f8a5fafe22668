import type { OrgRole, TeamRole } from '@/lib/generated/prisma/enums';

export const ORG_ROLE_LABELS: Record<OrgRole, string> = {
  ADMIN: 'Administrator',
  HR: 'HR and recruitment',
  MEMBER: 'Team member',
  SERVICE_USER_REP: 'Service-user representative',
};

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  MANAGER: 'Manager',
  STAFF: 'Staff',
  PEER_WORKER: 'Peer worker',
};
