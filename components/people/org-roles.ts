import type { OrgRole } from '@/lib/generated/prisma/enums';
import { ORG_ROLE_LABELS } from '@/lib/people/labels';

/** The order roles are offered in: the most common first, the most powerful last. */
const ORDER: OrgRole[] = ['MEMBER', 'HR', 'SERVICE_USER_REP', 'ADMIN'];

const HINTS: Record<OrgRole, string> = {
  MEMBER: 'Most people. What they can see and do comes from the teams they are in.',
  HR: 'Runs recruitment for every team, so can see every team and who is in it.',
  SERVICE_USER_REP: 'Someone from outside the trust who sits on review groups or recruitment panels. Sees only what they are invited to.',
  ADMIN: 'Manages teams and people, and can see the audit log.',
};

export const ORG_ROLE_OPTIONS = ORDER.map((role) => ({ value: role, label: ORG_ROLE_LABELS[role], hint: HINTS[role] }));
