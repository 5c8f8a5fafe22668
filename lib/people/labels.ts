import type { OrgRole } from '@/lib/generated/prisma/enums';

/** Organisation roles in words: in full for forms and audit summaries, short for tables. */
export const ORG_ROLE_LABELS: Record<OrgRole, string> = {
  MEMBER: 'Team member (no organisation role)',
  ADMIN: 'Administrator',
  HR: 'HR and recruitment',
  SERVICE_USER_REP: 'Service-user representative (external)',
};

/** Short labels for tables. */
export const ORG_ROLE_SHORT_LABELS: Record<OrgRole, string> = {
  MEMBER: 'Team member',
  ADMIN: 'Administrator',
  HR: 'HR and recruitment',
  SERVICE_USER_REP: 'Service-user representative',
};
