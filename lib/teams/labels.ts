import type { ServiceType, StakeholderGroup, TeamRole } from '@/lib/generated/prisma/enums';

/** The words for teams' enums, in one place: forms, pages and audit summaries all use these. */
export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  COMMUNITY_MENTAL_HEALTH: 'Community mental health team',
  EARLY_INTERVENTION: 'Early intervention in psychosis',
  CRISIS_HOME_TREATMENT: 'Crisis and home treatment',
  INPATIENT_WARD: 'Inpatient ward',
  RECOVERY_COLLEGE: 'Recovery college',
  PERINATAL: 'Perinatal',
  OTHER: 'Other',
};

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  MANAGER: 'Manager',
  STAFF: 'Staff (non-peer)',
  PEER_WORKER: 'Peer worker',
};

export const STAKEHOLDER_GROUP_LABELS: Record<StakeholderGroup, string> = {
  MANAGER: 'Manager',
  STAFF: 'Non-peer staff',
  PEER_WORKER: 'Peer workers',
  SERVICE_USER_REP: 'Service-user representatives',
  HR: 'HR',
};
