import type { Tx } from '@/lib/db';
import { queueNotifications } from '@/lib/notifications/gate';
import { roleHeading, versionPath } from '@/lib/roles/gate';
import { teamManagers } from '@/lib/teams/gate';

/*
 * Who is told what about a version, queued in the action's transaction. The
 * emails carry the kind, the team, the role title and a link: never a concern's
 * text or a reply (lib/mail/templates.ts).
 */

/** Each newly invited reviewer: a request to review, reminded until they agree or the version leaves review. */
export async function tellReviewersInvited(tx: Tx, version: { roleId: string; number: number }, invitations: ReadonlyArray<{ id: string; userId: string }>, actorId: string) {
  const role = await roleHeading(tx, version.roleId);
  await queueNotifications(
    tx,
    invitations.map((invitation) => ({
      kind: 'REVIEW_REQUESTED' as const,
      recipientId: invitation.userId,
      teamName: role.teamName,
      title: role.title,
      path: versionPath(role.teamId, role.roleId, version.number),
      requestKey: `review:${invitation.id}`,
    })),
    { except: actorId },
  );
  return role;
}

/** The version's reviewers and the team's managers, about a concern raised or replied to (not the person who wrote it). */
export async function tellAboutConcern(tx: Tx, kind: 'CONCERN_RAISED' | 'CONCERN_REPLIED', concern: { id: string; versionId: string }, actorId: string, alsoTell: readonly string[] = []) {
  const version = await tx.roleVersion.findUniqueOrThrow({ where: { id: concern.versionId }, select: { number: true, roleId: true, reviewers: { select: { userId: true } } } });
  const role = await roleHeading(tx, version.roleId);
  const managers = (await teamManagers(tx, [role.teamId])).get(role.teamId) ?? [];
  const recipients = [...version.reviewers.map((invitation) => invitation.userId), ...managers, ...alsoTell];
  await queueNotifications(
    tx,
    recipients.map((recipientId) => ({
      kind,
      recipientId,
      teamName: role.teamName,
      title: role.title,
      path: `${versionPath(role.teamId, role.roleId, version.number)}/concerns/${concern.id}`,
    })),
    { except: actorId },
  );
}

/** The team's managers, when a version of one of its roles becomes Agreed (whatever change made it so). */
export async function tellManagersAgreed(tx: Tx, version: { roleId: string; number: number }) {
  const role = await roleHeading(tx, version.roleId);
  const managers = (await teamManagers(tx, [role.teamId])).get(role.teamId) ?? [];
  await queueNotifications(
    tx,
    managers.map((recipientId) => ({ kind: 'VERSION_AGREED' as const, recipientId, teamName: role.teamName, title: role.title, path: versionPath(role.teamId, role.roleId, version.number) })),
  );
}
