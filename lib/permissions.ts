import type { OrgRole, TeamRole } from '@/lib/generated/prisma/enums';

/**
 * Who may do what, as data. Deny by default: a permission not listed for a role
 * is refused. Organisation roles grant across every team; team roles grant only
 * within the team where the person holds them. Pages, route handlers, server
 * actions and navigation all ask `can()`.
 */
export const PERMISSIONS = [
  'team.list',
  'team.view',
  'team.create',
  'team.update',
  'team.archive',
  'team.members.manage',
  'person.list',
  'person.view',
  'person.create',
  'person.update',
  'person.disable',
  'person.invite',
  'audit.view',
  'account.update',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const everyone: readonly Permission[] = ['account.update'];

export const ORG_ROLE_PERMISSIONS: Record<OrgRole, readonly Permission[]> = {
  ADMIN: [
    ...everyone,
    'team.list',
    'team.view',
    'team.create',
    'team.update',
    'team.archive',
    'team.members.manage',
    'person.list',
    'person.view',
    'person.create',
    'person.update',
    'person.disable',
    'person.invite',
    'audit.view',
  ],
  // HR runs recruitment for every team, so sees every team and who is in it.
  HR: [...everyone, 'team.list', 'team.view'],
  MEMBER: [...everyone],
  // External representatives see only what they are invited to (later issues).
  SERVICE_USER_REP: [...everyone],
};

export const TEAM_ROLE_PERMISSIONS: Record<TeamRole, readonly Permission[]> = {
  MANAGER: ['team.view'],
  STAFF: ['team.view'],
  PEER_WORKER: ['team.view'],
};

export interface PermissionSubject {
  orgRole: OrgRole;
  memberships: ReadonlyArray<{ teamId: string; role: TeamRole }>;
}

export interface PermissionScope {
  teamId?: string;
}

/** True when the person may do `permission`, across the organisation or within `scope.teamId`. */
export function can(subject: PermissionSubject | null | undefined, permission: Permission, scope: PermissionScope = {}): boolean {
  if (!subject) return false;
  if (ORG_ROLE_PERMISSIONS[subject.orgRole]?.includes(permission)) return true;
  if (!scope.teamId) return false;
  return subject.memberships.some(
    (membership) => membership.teamId === scope.teamId && TEAM_ROLE_PERMISSIONS[membership.role].includes(permission),
  );
}
