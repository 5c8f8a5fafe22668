import { ActionError, MESSAGES } from '@/lib/action-error';
import type { Tx } from '@/lib/db';
import { lockVersion } from '@/lib/agreement/status';
import { activeTeam } from '@/lib/teams/gate';

/**
 * The opening steps every action on one version shares: take the version lock
 * (so a last sign-off and a new concern cannot interleave), check it exists,
 * that it is in review when `notInReview` says what to tell someone when it is
 * not, and that its team is active.
 */
export async function openVersion(tx: Tx, versionId: string, { notInReview }: { notInReview?: string } = {}) {
  const version = await lockVersion(tx, versionId);
  if (!version) throw new ActionError('NOT_FOUND', MESSAGES.NOT_FOUND);
  if (notInReview !== undefined && version.status !== 'IN_REVIEW') throw new ActionError('CONFLICT', notInReview);
  await activeTeam(tx, version.teamId);
  return version;
}

/**
 * The opening steps of an action on one concern: check it exists, lock its
 * version when the action can change the version's agreement (resolving), and
 * check the team is active.
 */
export async function openConcern(tx: Tx, concernId: string, { lock = false }: { lock?: boolean } = {}) {
  const concern = await tx.concern.findUnique({
    where: { id: concernId },
    select: { status: true, section: true, raisedById: true, versionId: true, version: { select: { roleId: true, role: { select: { teamId: true } } } } },
  });
  if (!concern) throw new ActionError('NOT_FOUND', MESSAGES.NOT_FOUND);
  const version = lock ? await openVersion(tx, concern.versionId) : null;
  if (!lock) await activeTeam(tx, concern.version.role.teamId);
  return { ...concern, roleId: concern.version.roleId, teamId: concern.version.role.teamId, versionStatus: version?.status ?? null };
}
