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
  'person.sessions.manage',
  'person.import',
  'audit.view',
  'account.update',
  // Roles (issue 3)
  'role.view',
  'role.draft',
  'role.review',
  'role.concern.reply',
  'role.concern.resolve',
  'role.expectations.answer',
  'role.expectations.view',
  'role.expectations.individual',
  'role.template.manage',
  'activity.manage',
  'team.policy.manage',
  'notifications.manage',
  'jobs.manage',
  // Recruitment (issue 10)
  'recruitment.view',
  'recruitment.specification.manage',
  'recruitment.vacancy.manage',
  'recruitment.decide',
  'recruitment.panel',
  'recruitment.panel.chair',
  'recruitment.settings.manage',
  // Onboarding (issue 11)
  'onboarding.view',
  'onboarding.plan.view',
  'onboarding.manage',
  'onboarding.task.update',
  'onboarding.task.note',
  'onboarding.parity.accept',
  'onboarding.team.manage',
  'onboarding.template.manage',
  'onboarding.wellbeing.read',
  // Supervision (issue 12)
  'supervision.view',
  'supervision.agreement.manage',
  'supervision.agreement.sign',
  'supervision.session.record',
  'supervision.session.read',
  'supervision.figures.view',
  'supervision.settings.manage',
  'library.read',
  'library.propose',
  'library.review',
  // Dashboards (issue 13)
  'dashboards.view',
  'dashboards.settings.manage',
  // Sign-in through the identity provider (issue 14)
  'signIn.settings.manage',
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
    'person.sessions.manage',
  'person.import',
    'audit.view',
    'role.view',
    'role.draft',
    'role.concern.reply',
    'role.concern.resolve',
    'role.expectations.view',
    'role.expectations.individual',
    'role.template.manage',
    'activity.manage',
    'team.policy.manage',
    'notifications.manage',
    'jobs.manage',
    // Administrators set the recruitment rules; candidates' data is HR's and the panel's, not theirs.
    'recruitment.settings.manage',
    // Administrators keep the onboarding templates; placements and plans are the team's.
    'onboarding.template.manage',
    // That supervision happens (type, date, duration, topics, signed or not) and the check-in figures the small-numbers rule allows: never a note.
    'supervision.view',
    'supervision.figures.view',
    'supervision.settings.manage',
    'library.read',
    // Where things stand across the organisation, and the thresholds of the early-warning signs.
    'dashboards.view',
    'dashboards.settings.manage',
    // Whether passwords are still allowed, and which email domains may join by signing in.
    'signIn.settings.manage',
  ],
  // HR runs recruitment for every team, so sees every team, who is in it and its agreed roles.
  HR: [
    ...everyone,
    'team.list',
    'team.view',
    'role.view',
    'recruitment.view',
    'recruitment.specification.manage',
    'recruitment.vacancy.manage',
    'recruitment.decide',
    // HR recruits to every team, so follows every placement and plan (never a peer worker's notes or wellbeing plan).
    'onboarding.view',
    'onboarding.plan.view',
    'supervision.view',
    'supervision.figures.view',
    'library.read',
    'dashboards.view',
  ],
  // Everyone in the organisation reads the peer practice library; external representatives do not.
  MEMBER: [...everyone, 'library.read'],
  // External representatives see only what they are invited to (later issues).
  SERVICE_USER_REP: [...everyone],
};

export const TEAM_ROLE_PERMISSIONS: Record<TeamRole, readonly Permission[]> = {
  MANAGER: [
    'team.view',
    'role.view',
    'role.draft',
    'role.concern.reply',
    'role.concern.resolve',
    'role.expectations.view',
    'role.expectations.individual',
    'activity.manage',
    // A manager builds the person specification with HR and follows the team's vacancies (not candidates' data).
    'recruitment.view',
    'recruitment.specification.manage',
    // A manager places peer workers in the team, runs their plans and settles parity with them.
    'onboarding.view',
    'onboarding.plan.view',
    'onboarding.manage',
    'onboarding.task.update',
    'onboarding.parity.accept',
    'onboarding.team.manage',
    // The manager sets up supervision agreements and sees what is due; never the notes.
    'supervision.view',
    'supervision.agreement.manage',
    'supervision.figures.view',
    // Where the team stands, and its early-warning signs.
    'dashboards.view',
  ],
  STAFF: ['team.view', 'role.view'],
  PEER_WORKER: ['team.view', 'role.view'],
};

/**
 * What a person's relation to one specific record grants, whatever their roles:
 * an invited reviewer may read and review that role version, the author of a
 * concern may resolve it, a participant may answer that expectations check.
 * The relation is found in the database by the action's or page's scope.
 */
export type RecordRelation =
  | 'REVIEWER'
  | 'CONCERN_AUTHOR'
  | 'PARTICIPANT'
  | 'PANEL_MEMBER'
  | 'PANEL_CHAIR'
  | 'PLACED_PEER_WORKER'
  | 'LINE_MANAGER'
  | 'PEER_SUPERVISOR'
  | 'TASK_OWNER'
  | 'WELLBEING_SHARED'
  | 'SUPERVISOR'
  | 'SESSION_PARTY'
  | 'TEAM_PEER_SUPERVISOR';

export const RELATION_PERMISSIONS: Record<RecordRelation, readonly Permission[]> = {
  REVIEWER: ['role.view', 'role.review', 'role.concern.reply'],
  CONCERN_AUTHOR: ['role.concern.resolve'],
  PARTICIPANT: ['role.expectations.answer', 'role.expectations.view'],
  // A panel member works on their vacancy only; the chair also sees the declarations and records decisions.
  PANEL_MEMBER: ['recruitment.panel'],
  PANEL_CHAIR: ['recruitment.panel', 'recruitment.panel.chair', 'recruitment.decide'],
  // The peer worker sees their own placement and plan, and keeps private notes on the tasks they owe;
  // they sign their supervision agreement, record sessions and propose library entries.
  PLACED_PEER_WORKER: ['onboarding.view', 'onboarding.plan.view', 'onboarding.task.note', 'supervision.view', 'supervision.agreement.sign', 'supervision.session.record', 'library.propose'],
  // Their line manager follows the plan and settles parity, as the team's manager does.
  LINE_MANAGER: ['onboarding.view', 'onboarding.plan.view', 'onboarding.parity.accept', 'supervision.view', 'supervision.agreement.manage'],
  PEER_SUPERVISOR: ['onboarding.view', 'onboarding.plan.view', 'supervision.view'],
  // Whoever owes a task (in the team or not: HR, IT) sees the plan it is in and moves that task on.
  TASK_OWNER: ['onboarding.plan.view', 'onboarding.task.update'],
  // Someone a peer worker shared their wellbeing plan with, until they revoke it.
  WELLBEING_SHARED: ['onboarding.wellbeing.read'],
  // A supervisor in the peer worker's agreement: records sessions of their type and signs the agreement.
  SUPERVISOR: ['supervision.view', 'supervision.agreement.sign', 'supervision.session.record'],
  // The two people in one session (the peer worker and that session's supervisor): the only ones who read its notes.
  SESSION_PARTY: ['supervision.session.read'],
  // The peer supervisor of a current placement in a team reviews that team's library entries before they are published.
  TEAM_PEER_SUPERVISOR: ['library.review'],
};

export interface PermissionSubject {
  orgRole: OrgRole;
  memberships: ReadonlyArray<{ teamId: string; role: TeamRole }>;
}

export interface PermissionScope {
  teamId?: string;
  /** The person's relations to the specific record, looked up in the database. */
  relations?: readonly RecordRelation[];
}

/** An own property of a table or scope: never one inherited from a (polluted) prototype. */
function ownValue<T extends object, K extends PropertyKey>(object: T, key: K): unknown {
  return Object.hasOwn(object, key) ? (object as Record<PropertyKey, unknown>)[key] : undefined;
}

function granted(table: Record<string, readonly Permission[]>, key: string, permission: Permission): boolean {
  const permissions = ownValue(table, key);
  return Array.isArray(permissions) && permissions.includes(permission);
}

/**
 * True when the person may do `permission`: across the organisation, within
 * `scope.teamId`, or through a relation to the record. Only own properties of
 * the scope and the tables count, so nothing inherited can widen what is granted.
 */
export function can(subject: PermissionSubject | null | undefined, permission: Permission, scope: PermissionScope = {}): boolean {
  if (!subject) return false;
  if (granted(ORG_ROLE_PERMISSIONS, subject.orgRole, permission)) return true;
  const relations = ownValue(scope, 'relations');
  if (Array.isArray(relations) && relations.some((relation) => typeof relation === 'string' && granted(RELATION_PERMISSIONS, relation, permission))) return true;
  const teamId = ownValue(scope, 'teamId');
  if (typeof teamId !== 'string' || !teamId) return false;
  return subject.memberships.some((membership) => membership.teamId === teamId && granted(TEAM_ROLE_PERMISSIONS, membership.role, permission));
}

/**
 * Could this person do `permission` on some record? True for permissions any
 * relation grants, since only the record can tell. Used to refuse outsiders
 * before validating their input, so error messages reveal nothing.
 */
export function couldEver(subject: PermissionSubject, permission: Permission): boolean {
  return (
    can(subject, permission) ||
    subject.memberships.some((membership) => can(subject, permission, { teamId: membership.teamId })) ||
    Object.values(RELATION_PERMISSIONS).some((granted) => granted.includes(permission))
  );
}

/**
 * Where a person may do `permission` through their roles: 'ALL' when their
 * organisation role grants it, otherwise the teams whose team role does (an
 * empty list: nowhere). Relations to single records are not counted: lists
 * that include them add their own condition.
 */
export function teamsGranting(subject: PermissionSubject, permission: Permission): 'ALL' | string[] {
  if (can(subject, permission)) return 'ALL';
  return subject.memberships.filter((membership) => can(subject, permission, { teamId: membership.teamId })).map((membership) => membership.teamId);
}
