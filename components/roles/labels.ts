import type { TagColour } from '@/components/ui/tag';
import type { RequirementGroup, RoleVersionStatus, StakeholderGroup } from '@/lib/generated/prisma/enums';

/** One person's group, for "Jo Bloggs (Peer worker)". lib/teams/stakeholders.ts has the plural labels. */
export const STAKEHOLDER_GROUP_SINGULAR: Record<StakeholderGroup, string> = {
  MANAGER: 'Manager',
  STAFF: 'Non-peer staff',
  PEER_WORKER: 'Peer worker',
  SERVICE_USER_REP: 'Service-user representative',
  HR: 'HR',
};

/** A requirement of the agreement policy, in "1 more agreement from …". */
export const REQUIREMENT_GROUP_LABELS: Record<RequirementGroup, string> = {
  MANAGER: 'the team manager',
  STAFF: 'non-peer staff',
  PEER_WORKER: 'peer workers',
  SERVICE_USER_REP: 'service-user representatives',
  HR: 'HR',
  PEER_OR_REP: 'peer workers or service-user representatives',
};

export const VERSION_STATUS: Record<RoleVersionStatus, { label: string; colour: TagColour }> = {
  IN_REVIEW: { label: 'In review', colour: 'blue' },
  AGREED: { label: 'Agreed', colour: 'green' },
  SUPERSEDED: { label: 'Superseded', colour: 'grey' },
};

/** "Superseded" alone hides that a version was once agreed; say so. */
export function versionStatusLabel(status: RoleVersionStatus, agreedAt: Date | null): string {
  if (status === 'SUPERSEDED' && agreedAt) return 'Superseded (was agreed)';
  return VERSION_STATUS[status].label;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "You have been asked to review this version as a peer worker." */
export const REVIEWING_AS: Record<StakeholderGroup, string> = {
  MANAGER: 'as the team manager',
  STAFF: 'as a member of non-peer staff',
  PEER_WORKER: 'as a peer worker',
  SERVICE_USER_REP: 'as a service-user representative',
  HR: 'for HR',
};
