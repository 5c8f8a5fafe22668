'use server';

import { defineAction } from '@/lib/action';
import { ActionError, fieldError, MESSAGES } from '@/lib/action-error';
import { tellAboutConcern, tellReviewersInvited } from '@/lib/agreement/notifications';
import { openConcern, openVersion } from '@/lib/agreement/records';
import { refreshAgreement } from '@/lib/agreement/status';
import { agreeVersionSchema, inviteReviewersSchema, raiseConcernSchema, replyToConcernSchema, resolveConcernSchema } from '@/lib/agreement/schemas';
import { can } from '@/lib/permissions';
import { concernScope, rolePagePaths, sectionTitle, versionScope } from '@/lib/roles/gate';
import { requireStakeholders } from '@/lib/teams/gate';

export const inviteReviewers = defineAction({
  name: 'role.reviewers.invite',
  permission: 'role.draft',
  input: inviteReviewersSchema,
  scope: (input, tx, user) => versionScope(tx, input.versionId, user),
  async run({ input, user, tx, audit }) {
    const version = await openVersion(tx, input.versionId, { notInReview: 'Reviewers can only be invited to a version that is in review.' });
    const groups = await requireStakeholders(tx, version.teamId, input.userIds);
    const existing = new Set((await tx.reviewInvitation.findMany({ where: { versionId: input.versionId }, select: { userId: true } })).map((row) => row.userId));
    const fresh = [...groups].filter(([userId]) => !existing.has(userId));
    if (fresh.length === 0) throw fieldError('userIds', 'Everyone you selected has already been invited');
    const invitations = await tx.reviewInvitation.createManyAndReturn({
      data: fresh.map(([userId, group]) => ({ versionId: input.versionId, userId, group, invitedById: user.id })),
      select: { id: true, userId: true },
    });
    const role = await tellReviewersInvited(tx, version, invitations, user.id);
    await audit({ action: 'role.reviewers.invite', recordType: 'RoleVersion', recordId: input.versionId, summary: `Invited ${fresh.length} reviewer${fresh.length === 1 ? '' : 's'} to ${role.title}` });
    return { roleId: version.roleId, teamId: version.teamId, invited: fresh.length };
  },
  revalidate: (data) => rolePagePaths(data.teamId, data.roleId),
});

export const agreeVersion = defineAction({
  name: 'role.version.agree',
  permission: 'role.review',
  input: agreeVersionSchema,
  scope: (input, tx, user) => versionScope(tx, input.versionId, user),
  async run({ input, user, tx, audit }) {
    const version = await openVersion(tx, input.versionId, { notInReview: 'This version is no longer in review.' });
    const invitation = await tx.reviewInvitation.findUniqueOrThrow({ where: { versionId_userId: { versionId: input.versionId, userId: user.id } }, select: { group: true } });
    const already = await tx.agreement.findUnique({ where: { versionId_userId: { versionId: input.versionId, userId: user.id } }, select: { id: true } });
    if (already) throw new ActionError('CONFLICT', 'You have already agreed this version.');
    await tx.agreement.create({ data: { versionId: input.versionId, userId: user.id, group: invitation.group } });
    const state = await refreshAgreement(tx, input.versionId);
    await audit({ action: 'role.version.agree', recordType: 'RoleVersion', recordId: input.versionId, summary: `Agreed the version${state.becameAgreed ? '; the version is now Agreed' : ''}` });
    return { roleId: version.roleId, teamId: version.teamId, status: state.becameAgreed ? ('AGREED' as const) : ('IN_REVIEW' as const) };
  },
  revalidate: (data) => rolePagePaths(data.teamId, data.roleId),
});

export const raiseConcern = defineAction({
  name: 'role.concern.raise',
  permission: 'role.review',
  input: raiseConcernSchema,
  scope: (input, tx, user) => versionScope(tx, input.versionId, user),
  async run({ input, user, tx, audit }) {
    const version = await openVersion(tx, input.versionId, { notInReview: 'This version is no longer in review: concerns can be raised on the next version.' });
    const concern = await tx.concern.create({ data: { versionId: input.versionId, section: input.section, comment: input.comment, raisedById: user.id }, select: { id: true } });
    await tellAboutConcern(tx, 'CONCERN_RAISED', { id: concern.id, versionId: input.versionId }, user.id);
    await audit({ action: 'role.concern.raise', recordType: 'Concern', recordId: concern.id, summary: `Raised a concern about "${sectionTitle(input.section)}"` });
    return { roleId: version.roleId, teamId: version.teamId, concernId: concern.id };
  },
  revalidate: (data) => rolePagePaths(data.teamId, data.roleId),
});

export const replyToConcern = defineAction({
  name: 'role.concern.reply',
  permission: 'role.concern.reply',
  input: replyToConcernSchema,
  scope: (input, tx, user) => concernScope(tx, input.concernId, user),
  async run({ input, user, tx, audit }) {
    const concern = await openConcern(tx, input.concernId);
    if (concern.status !== 'OPEN') throw new ActionError('CONFLICT', 'This concern has been resolved.');
    await tx.concernReply.create({ data: { concernId: input.concernId, authorId: user.id, body: input.body } });
    await tellAboutConcern(tx, 'CONCERN_REPLIED', { id: input.concernId, versionId: concern.versionId }, user.id, [concern.raisedById]);
    await audit({ action: 'role.concern.reply', recordType: 'Concern', recordId: input.concernId, summary: `Replied to a concern about "${sectionTitle(concern.section)}"` });
    return { roleId: concern.roleId, teamId: concern.teamId };
  },
  revalidate: (data) => rolePagePaths(data.teamId, data.roleId),
});

export const resolveConcern = defineAction({
  name: 'role.concern.resolve',
  permission: 'role.concern.resolve',
  input: resolveConcernSchema,
  scope: (input, tx, user) => concernScope(tx, input.concernId, user),
  async run({ input, user, tx, audit }) {
    const concern = await openConcern(tx, input.concernId, { lock: true });
    const byAuthor = concern.raisedById === user.id;
    // Someone else's concern: only the team's manager (or an admin), and only with a reason.
    if (!byAuthor && !can(user, 'role.concern.resolve', { teamId: concern.teamId })) throw new ActionError('FORBIDDEN', MESSAGES.FORBIDDEN);
    if (!byAuthor && !input.reason) throw fieldError('reason', 'Enter why you are resolving a concern someone else raised');
    const { count } = await tx.concern.updateMany({
      where: { id: input.concernId, status: 'OPEN' },
      data: { status: 'RESOLVED', resolvedById: user.id, resolvedAt: new Date(), resolutionReason: input.reason || null },
    });
    if (count === 0) throw new ActionError('CONFLICT', 'This concern has already been resolved.');
    const state = concern.versionStatus === 'IN_REVIEW' ? await refreshAgreement(tx, concern.versionId) : null;
    await audit({
      action: 'role.concern.resolve',
      recordType: 'Concern',
      recordId: input.concernId,
      summary: `Resolved a concern about "${sectionTitle(concern.section)}"${byAuthor ? '' : ' raised by someone else'}${state?.becameAgreed ? '; the version is now Agreed' : ''}`,
    });
    return { roleId: concern.roleId, teamId: concern.teamId };
  },
  revalidate: (data) => rolePagePaths(data.teamId, data.roleId),
});
