import { db, type Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CurrentUser } from '@/lib/auth/gate';
import { can, type PermissionScope, type PermissionSubject, type RecordRelation } from '@/lib/permissions';
import { isUuid } from '@/lib/schema-fields';

type Client = Tx | typeof db;

/**
 * Who may see what of one role, decided in one place for pages, route handlers
 * and actions alike (as Documenso's buildTeamWhereQuery is for teams). The
 * person's relations to the role's records come from the database, never the
 * client: the versions they were invited to review and the expectations checks
 * they were asked to answer. Null when the role does not exist.
 */
async function roleWithRelations(client: Client, userId: string, roleId: string) {
  if (!isUuid(roleId)) return null;
  const role = await client.role.findUnique({
    where: { id: roleId },
    select: {
      id: true,
      teamId: true,
      title: true,
      draftVersion: true,
      draftChanged: true,
      team: { select: { name: true, archivedAt: true } },
      versions: { where: { reviewers: { some: { userId } } }, select: { id: true } },
      checks: { where: { participants: { some: { userId } } }, select: { id: true } },
      _count: { select: { versions: { where: { agreedAt: { not: null } } } } },
    },
  });
  if (!role) return null;
  const { versions, checks, _count, ...rest } = role;
  return { role: rest, everAgreed: _count.versions > 0, reviewerOf: new Set(versions.map((row) => row.id)), participantOf: new Set(checks.map((row) => row.id)) };
}

/**
 * What one person may see of one role. Null when they may see nothing of it:
 * outsiders find no role at all. The team's managers (and admins) see
 * everything; the rest of the team and HR see agreed versions; invited
 * reviewers see the versions they were invited to; participants see the
 * expectations checks they were asked to answer, in aggregate.
 */
export async function getRoleAccess(user: CurrentUser, roleId: string, client: Client = db) {
  const found = await roleWithRelations(client, user.id, roleId);
  if (!found) return null;
  const { role, everAgreed, reviewerOf, participantOf } = found;
  const scope = { teamId: role.teamId };
  const access = {
    role,
    userId: user.id,
    canDraft: can(user, 'role.draft', scope),
    canViewAgreed: can(user, 'role.view', scope),
    canSeeIndividualAnswers: can(user, 'role.expectations.individual', scope),
    reviewerOf,
    participantOf,
  };
  if (access.canDraft || reviewerOf.size > 0 || participantOf.size > 0) return access;
  // The rest of the team and HR see a role only once it has an agreed version: a draft's existence is not theirs to see.
  return access.canViewAgreed && everAgreed ? access : null;
}

export type RoleAccess = NonNullable<Awaited<ReturnType<typeof getRoleAccess>>>;

/** The versions this person may read, as a where clause. */
export function visibleVersionsWhere(access: RoleAccess): Prisma.RoleVersionWhereInput {
  return { roleId: access.role.id, ...visibleAmongTheRolesVersions(access) };
}

/** The same, within a query that is already about the role's versions (a nested select of the role). */
export function visibleAmongTheRolesVersions(access: RoleAccess): Prisma.RoleVersionWhereInput {
  if (access.canDraft) return {};
  const visible: Prisma.RoleVersionWhereInput[] = [{ id: { in: [...access.reviewerOf] } }];
  if (access.canViewAgreed) visible.push({ agreedAt: { not: null } });
  return { OR: visible };
}

/** The expectations checks of the role this person may open: all for drafters, otherwise those they were asked to answer. */
export function visibleChecksWhere(access: RoleAccess): Prisma.ExpectationCheckWhereInput {
  return { roleId: access.role.id, ...(access.canDraft ? {} : { id: { in: [...access.participantOf] } }) };
}

/*
 * Scopes for lib/action.ts: the team a record belongs to and the person's
 * relations to it, from the same relations the pages read. Null when the record
 * does not exist.
 */

export async function roleScope(tx: Tx, roleId: string): Promise<PermissionScope | null> {
  const role = await tx.role.findUnique({ where: { id: roleId }, select: { teamId: true } });
  return role ? { teamId: role.teamId } : null;
}

async function scopeThroughRole(tx: Tx, user: PermissionSubject & { id: string }, roleId: string | undefined, relationsOf: (found: NonNullable<Awaited<ReturnType<typeof roleWithRelations>>>) => RecordRelation[]) {
  const found = roleId ? await roleWithRelations(tx, user.id, roleId) : null;
  return found ? { teamId: found.role.teamId, relations: relationsOf(found) } : null;
}

export async function versionScope(tx: Tx, versionId: string, user: PermissionSubject & { id: string }): Promise<PermissionScope | null> {
  const version = await tx.roleVersion.findUnique({ where: { id: versionId }, select: { roleId: true } });
  return scopeThroughRole(tx, user, version?.roleId, (found) => (found.reviewerOf.has(versionId) ? ['REVIEWER'] : []));
}

export async function checkScope(tx: Tx, checkId: string, user: PermissionSubject & { id: string }): Promise<PermissionScope | null> {
  const check = await tx.expectationCheck.findUnique({ where: { id: checkId }, select: { roleId: true } });
  return scopeThroughRole(tx, user, check?.roleId, (found) => (found.participantOf.has(checkId) ? ['PARTICIPANT'] : []));
}

export async function concernScope(tx: Tx, concernId: string, user: PermissionSubject & { id: string }): Promise<PermissionScope | null> {
  const concern = await tx.concern.findUnique({ where: { id: concernId }, select: { raisedById: true, versionId: true, version: { select: { roleId: true } } } });
  return scopeThroughRole(tx, user, concern?.version.roleId, (found) => [
    ...(concern && found.reviewerOf.has(concern.versionId) ? (['REVIEWER'] as const) : []),
    ...(concern?.raisedById === user.id ? (['CONCERN_AUTHOR'] as const) : []),
  ]);
}
