import type { Tx } from '@/lib/db';
import type { PermissionScope, RecordRelation } from '@/lib/permissions';

/**
 * Scopes for lib/action.ts: find the record's team and the person's relations
 * to it, in the database. Null when the record does not exist.
 */

export async function roleScope(tx: Tx, roleId: string): Promise<PermissionScope | null> {
  const role = await tx.role.findUnique({ where: { id: roleId }, select: { teamId: true } });
  return role ? { teamId: role.teamId } : null;
}

export async function versionScope(tx: Tx, versionId: string, userId: string): Promise<PermissionScope | null> {
  const version = await tx.roleVersion.findUnique({
    where: { id: versionId },
    select: { role: { select: { teamId: true } }, reviewers: { where: { userId }, select: { id: true } } },
  });
  if (!version) return null;
  const relations: RecordRelation[] = version.reviewers.length > 0 ? ['REVIEWER'] : [];
  return { teamId: version.role.teamId, relations };
}

export async function concernScope(tx: Tx, concernId: string, userId: string): Promise<PermissionScope | null> {
  const concern = await tx.concern.findUnique({
    where: { id: concernId },
    select: { raisedById: true, version: { select: { role: { select: { teamId: true } }, reviewers: { where: { userId }, select: { id: true } } } } },
  });
  if (!concern) return null;
  const relations: RecordRelation[] = [];
  if (concern.version.reviewers.length > 0) relations.push('REVIEWER');
  if (concern.raisedById === userId) relations.push('CONCERN_AUTHOR');
  return { teamId: concern.version.role.teamId, relations };
}

export async function checkScope(tx: Tx, checkId: string, userId: string): Promise<PermissionScope | null> {
  const check = await tx.expectationCheck.findUnique({
    where: { id: checkId },
    select: { role: { select: { teamId: true } }, participants: { where: { userId }, select: { id: true } } },
  });
  if (!check) return null;
  const relations: RecordRelation[] = check.participants.length > 0 ? ['PARTICIPANT'] : [];
  return { teamId: check.role.teamId, relations };
}
