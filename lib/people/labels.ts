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

/** What an import does with each row, in words (the preview, the result page and the result file). */
export const IMPORT_OUTCOME_LABELS = { CREATE: 'Add', UPDATE: 'Update', UNCHANGED: 'No change', ERROR: 'Problem' } as const;

/** Where an import is, in words. */
export const IMPORT_STATUS_LABELS = { DRAFT: 'Not confirmed', QUEUED: 'Waiting to start', RUNNING: 'Importing', DONE: 'Complete', FAILED: 'Not imported' } as const;
