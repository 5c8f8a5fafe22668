'use server';

import { defineAction, fieldErrorsOf } from '@/lib/action';
import { ActionError, conflict, fieldError, MESSAGES } from '@/lib/action-error';
import type { Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can } from '@/lib/permissions';
import { lockCheckForAnswers, lockOpenChecks, lockRole, lockVersion, lockVersionsInReview, nowAgreed, refreshAgreement, refreshVersionsInReview } from '@/lib/agreement/status';
import { parseContent, REQUIRED_FOR_SUBMISSION, sectionIsComplete, sectionTitle, type RoleContent } from '@/lib/roles/rules';
import { activityConsensus } from '@/lib/expectations/rules';
import {
  agreeVersionSchema,
  answerExpectationsSchema,
  closeExpectationsCheckSchema,
  createRoleSchema,
  inviteReviewersSchema,
  raiseConcernSchema,
  replyToConcernSchema,
  resolveConcernSchema,
  resolveContestedSchema,
  saveSectionSchema,
  sectionFormSchemas,
  sendExpectationsCheckSchema,
  submitDraftSchema,
} from '@/lib/roles/schemas';
import { checkScope, concernScope, roleScope, versionScope } from '@/lib/roles/access';
import { stakeholderGroups } from '@/lib/teams/stakeholders';
import { currentTemplate } from '@/lib/roles/template';
import { teamScope } from '@/lib/teams/access';

const rolePaths = (teamId: string, roleId: string) => [`/teams/${teamId}`, `/teams/${teamId}/roles/${roleId}`, '/requests'];

async function activeTeam(tx: Tx, teamId: string) {
  const team = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true, archivedAt: true } });
  if (team.archivedAt) throw new ActionError('CONFLICT', 'This team is archived: restore it before working on its roles.');
  return team;
}

/** Ids the client sent, checked against the stakeholder groups the database gives them. */
async function groupsFor(tx: Tx, teamId: string, userIds: string[]) {
  const unique = [...new Set(userIds)];
  const groups = await stakeholderGroups(tx, teamId, unique);
  if (groups.size !== unique.length) throw fieldError('userIds', 'Select people from the list: each must be in this team, HR or a service-user representative');
  return groups;
}

export const createRole = defineAction({
  name: 'role.create',
  permission: 'role.draft',
  input: createRoleSchema,
  scope: teamScope,
  async run({ input, user, tx, audit }) {
    const team = await activeTeam(tx, input.teamId);
    const template = await currentTemplate(tx);
    const role = await tx.role.create({
      data: { teamId: input.teamId, title: input.title, draft: template.content as unknown as Prisma.InputJsonValue, createdById: user.id },
      select: { id: true },
    });
    await audit({ action: 'role.create', recordType: 'Role', recordId: role.id, summary: `Started a role description "${input.title}" for ${team.name}` });
    return { roleId: role.id, teamId: input.teamId };
  },
  revalidate: (data) => rolePaths(data.teamId, data.roleId),
});

/**
 * Peer support values are chosen from the organisation's template; anything else
 * goes in "Other values". A value the draft already had stays allowed after an
 * administrator takes it off the list, so re-saving never loses it.
 */
async function refuseUnlistedValues(tx: Tx, selected: string[], alreadySelected: string[]): Promise<void> {
  const allowed = new Set([...(await currentTemplate(tx)).valueOptions, ...alreadySelected]);
  if (selected.some((value) => !allowed.has(value))) throw fieldError('selected', 'Select values from the list. Add any others under "Other values"');
}

export const saveDraftSection = defineAction({
  name: 'role.draft.save',
  permission: 'role.draft',
  input: saveSectionSchema,
  scope: (input, tx) => roleScope(tx, input.roleId),
  async run({ input, tx, audit }) {
    const parsed = sectionFormSchemas[input.section].safeParse(input.value);
    if (!parsed.success) {
      throw new ActionError('VALIDATION', MESSAGES.VALIDATION, fieldErrorsOf(parsed.error));
    }
    const role = await tx.role.findUniqueOrThrow({ where: { id: input.roleId }, select: { draft: true, teamId: true, title: true } });
    await activeTeam(tx, role.teamId);
    const current = parseContent(role.draft);
    if (input.section === 'values') await refuseUnlistedValues(tx, (parsed.data as RoleContent['values']).selected, current.values.selected);
    const draft: RoleContent = { ...current, [input.section]: parsed.data };
    // Optimistic concurrency: a save based on an older draft changes nothing and reports a conflict.
    const { count } = await tx.role.updateMany({
      where: { id: input.roleId, draftVersion: input.draftVersion },
      data: { draft: draft as unknown as Prisma.InputJsonValue, draftVersion: { increment: 1 }, draftChanged: true },
    });
    if (count === 0) throw conflict();
    await audit({ action: 'role.draft.save', recordType: 'Role', recordId: input.roleId, summary: `Edited "${sectionTitle(input.section)}" in the draft of ${role.title}` });
    return { roleId: input.roleId, teamId: role.teamId, draftVersion: input.draftVersion + 1 };
  },
  revalidate: (data) => rolePaths(data.teamId, data.roleId),
});

export const submitDraft = defineAction({
  name: 'role.submit',
  permission: 'role.draft',
  input: submitDraftSchema,
  scope: (input, tx) => roleScope(tx, input.roleId),
  async run({ input, user, tx, audit }) {
    // Two submissions of one draft must not both make a version.
    await lockRole(tx, input.roleId);
    const role = await tx.role.findUniqueOrThrow({
      where: { id: input.roleId },
      select: { draft: true, draftVersion: true, draftChanged: true, teamId: true, title: true },
    });
    await activeTeam(tx, role.teamId);
    if (role.draftVersion !== input.draftVersion) throw conflict();
    if (!role.draftChanged) throw new ActionError('CONFLICT', 'The draft has not changed since the last version was submitted.');
    const content = parseContent(role.draft);
    const incomplete = REQUIRED_FOR_SUBMISSION.filter((key) => !sectionIsComplete(content, key));
    if (incomplete.length > 0) {
      throw new ActionError('VALIDATION', MESSAGES.VALIDATION, { _form: incomplete.map((key) => `Complete "${sectionTitle(key)}" before submitting`) });
    }
    const latest = await tx.roleVersion.findFirst({ where: { roleId: input.roleId }, orderBy: { number: 'desc' }, select: { number: true } });
    const number = (latest?.number ?? 0) + 1;
    // Agreement starts afresh: a version still in review is superseded; an agreed one stays current until this one is agreed.
    await tx.roleVersion.updateMany({ where: { roleId: input.roleId, status: 'IN_REVIEW' }, data: { status: 'SUPERSEDED' } });
    const version = await tx.roleVersion.create({
      data: { roleId: input.roleId, number, content: content as unknown as Prisma.InputJsonValue, submittedById: user.id },
      select: { id: true },
    });
    await tx.role.update({ where: { id: input.roleId }, data: { draftChanged: false } });
    await audit({ action: 'role.submit', recordType: 'RoleVersion', recordId: version.id, summary: `Submitted version ${number} of ${role.title} for agreement` });
    return { roleId: input.roleId, teamId: role.teamId, versionId: version.id, number };
  },
  revalidate: (data) => rolePaths(data.teamId, data.roleId),
});

export const inviteReviewers = defineAction({
  name: 'role.reviewers.invite',
  permission: 'role.draft',
  input: inviteReviewersSchema,
  scope: (input, tx, user) => versionScope(tx, input.versionId, user.id),
  async run({ input, user, tx, audit }) {
    const version = await lockVersion(tx, input.versionId);
    if (!version) throw new ActionError('NOT_FOUND', MESSAGES.NOT_FOUND);
    if (version.status !== 'IN_REVIEW') throw new ActionError('CONFLICT', 'Reviewers can only be invited to a version that is in review.');
    await activeTeam(tx, version.teamId);
    const groups = await groupsFor(tx, version.teamId, input.userIds);
    const existing = new Set((await tx.reviewInvitation.findMany({ where: { versionId: input.versionId }, select: { userId: true } })).map((row) => row.userId));
    const fresh = [...groups].filter(([userId]) => !existing.has(userId));
    if (fresh.length === 0) throw fieldError('userIds', 'Everyone you selected has already been invited');
    await tx.reviewInvitation.createMany({ data: fresh.map(([userId, group]) => ({ versionId: input.versionId, userId, group, invitedById: user.id })) });
    const role = await tx.role.findUniqueOrThrow({ where: { id: version.roleId }, select: { title: true } });
    await audit({ action: 'role.reviewers.invite', recordType: 'RoleVersion', recordId: input.versionId, summary: `Invited ${fresh.length} reviewer${fresh.length === 1 ? '' : 's'} to ${role.title}` });
    return { roleId: version.roleId, teamId: version.teamId, invited: fresh.length };
  },
  revalidate: (data) => rolePaths(data.teamId, data.roleId),
});

export const agreeVersion = defineAction({
  name: 'role.version.agree',
  permission: 'role.review',
  input: agreeVersionSchema,
  scope: (input, tx, user) => versionScope(tx, input.versionId, user.id),
  async run({ input, user, tx, audit }) {
    const version = await lockVersion(tx, input.versionId);
    if (!version) throw new ActionError('NOT_FOUND', MESSAGES.NOT_FOUND);
    if (version.status !== 'IN_REVIEW') throw new ActionError('CONFLICT', 'This version is no longer in review.');
    await activeTeam(tx, version.teamId);
    const invitation = await tx.reviewInvitation.findUniqueOrThrow({ where: { versionId_userId: { versionId: input.versionId, userId: user.id } }, select: { group: true } });
    const already = await tx.agreement.findUnique({ where: { versionId_userId: { versionId: input.versionId, userId: user.id } }, select: { id: true } });
    if (already) throw new ActionError('CONFLICT', 'You have already agreed this version.');
    await tx.agreement.create({ data: { versionId: input.versionId, userId: user.id, group: invitation.group } });
    const state = await refreshAgreement(tx, input.versionId);
    await audit({ action: 'role.version.agree', recordType: 'RoleVersion', recordId: input.versionId, summary: `Agreed the version${state.becameAgreed ? '; the version is now Agreed' : ''}` });
    return { roleId: version.roleId, teamId: version.teamId, status: state.becameAgreed ? ('AGREED' as const) : ('IN_REVIEW' as const) };
  },
  revalidate: (data) => rolePaths(data.teamId, data.roleId),
});

export const raiseConcern = defineAction({
  name: 'role.concern.raise',
  permission: 'role.review',
  input: raiseConcernSchema,
  scope: (input, tx, user) => versionScope(tx, input.versionId, user.id),
  async run({ input, user, tx, audit }) {
    const version = await lockVersion(tx, input.versionId);
    if (!version) throw new ActionError('NOT_FOUND', MESSAGES.NOT_FOUND);
    if (version.status !== 'IN_REVIEW') throw new ActionError('CONFLICT', 'This version is no longer in review: concerns can be raised on the next version.');
    await activeTeam(tx, version.teamId);
    const concern = await tx.concern.create({ data: { versionId: input.versionId, section: input.section, comment: input.comment, raisedById: user.id }, select: { id: true } });
    await audit({ action: 'role.concern.raise', recordType: 'Concern', recordId: concern.id, summary: `Raised a concern about "${sectionTitle(input.section)}"` });
    return { roleId: version.roleId, teamId: version.teamId, concernId: concern.id };
  },
  revalidate: (data) => rolePaths(data.teamId, data.roleId),
});

export const replyToConcern = defineAction({
  name: 'role.concern.reply',
  permission: 'role.concern.reply',
  input: replyToConcernSchema,
  scope: (input, tx, user) => concernScope(tx, input.concernId, user.id),
  async run({ input, user, tx, audit }) {
    const concern = await tx.concern.findUniqueOrThrow({
      where: { id: input.concernId },
      select: { status: true, section: true, version: { select: { roleId: true, role: { select: { teamId: true } } } } },
    });
    if (concern.status !== 'OPEN') throw new ActionError('CONFLICT', 'This concern has been resolved.');
    await activeTeam(tx, concern.version.role.teamId);
    await tx.concernReply.create({ data: { concernId: input.concernId, authorId: user.id, body: input.body } });
    await audit({ action: 'role.concern.reply', recordType: 'Concern', recordId: input.concernId, summary: `Replied to a concern about "${sectionTitle(concern.section)}"` });
    return { roleId: concern.version.roleId, teamId: concern.version.role.teamId };
  },
  revalidate: (data) => rolePaths(data.teamId, data.roleId),
});

export const resolveConcern = defineAction({
  name: 'role.concern.resolve',
  permission: 'role.concern.resolve',
  input: resolveConcernSchema,
  scope: (input, tx, user) => concernScope(tx, input.concernId, user.id),
  async run({ input, user, tx, audit }) {
    const concern = await tx.concern.findUniqueOrThrow({ where: { id: input.concernId }, select: { versionId: true, raisedById: true, section: true } });
    const version = await lockVersion(tx, concern.versionId);
    if (!version) throw new ActionError('NOT_FOUND', MESSAGES.NOT_FOUND);
    await activeTeam(tx, version.teamId);
    const byAuthor = concern.raisedById === user.id;
    // Someone else's concern: only the team's manager (or an admin), and only with a reason.
    if (!byAuthor && !can(user, 'role.concern.resolve', { teamId: version.teamId })) throw new ActionError('FORBIDDEN', MESSAGES.FORBIDDEN);
    if (!byAuthor && !input.reason) throw fieldError('reason', 'Enter why you are resolving a concern someone else raised');
    const { count } = await tx.concern.updateMany({
      where: { id: input.concernId, status: 'OPEN' },
      data: { status: 'RESOLVED', resolvedById: user.id, resolvedAt: new Date(), resolutionReason: input.reason || null },
    });
    if (count === 0) throw new ActionError('CONFLICT', 'This concern has already been resolved.');
    const state = version.status === 'IN_REVIEW' ? await refreshAgreement(tx, concern.versionId) : null;
    await audit({
      action: 'role.concern.resolve',
      recordType: 'Concern',
      recordId: input.concernId,
      summary: `Resolved a concern about "${sectionTitle(concern.section)}"${byAuthor ? '' : ' raised by someone else'}${state?.becameAgreed ? '; the version is now Agreed' : ''}`,
    });
    return { roleId: version.roleId, teamId: version.teamId };
  },
  revalidate: (data) => rolePaths(data.teamId, data.roleId),
});

export const sendExpectationsCheck = defineAction({
  name: 'role.expectations.send',
  permission: 'role.draft',
  input: sendExpectationsCheckSchema,
  scope: (input, tx) => roleScope(tx, input.roleId),
  async run({ input, user, tx, audit }) {
    // Two checks sent at once must not both stay open.
    await lockRole(tx, input.roleId);
    const role = await tx.role.findUniqueOrThrow({ where: { id: input.roleId }, select: { teamId: true, title: true } });
    await activeTeam(tx, role.teamId);
    const groups = await groupsFor(tx, role.teamId, input.userIds);
    // Closing the previous check makes it the one the agreement rule reads: take the version lock first.
    const inReview = await lockVersionsInReview(tx, input.roleId);
    // One open check per role: sending a new one closes the previous round, once answers being saved to it are in.
    const open = await lockOpenChecks(tx, { roleId: input.roleId });
    const { count: closed } = await tx.expectationCheck.updateMany({ where: { id: { in: open } }, data: { closedAt: new Date() } });
    const check = await tx.expectationCheck.create({
      data: { roleId: input.roleId, createdById: user.id, participants: { create: [...groups].map(([userId, group]) => ({ userId, group })) } },
      select: { id: true },
    });
    const agreed = closed > 0 ? await refreshVersionsInReview(tx, inReview) : [];
    await audit({
      action: 'role.expectations.send',
      recordType: 'ExpectationCheck',
      recordId: check.id,
      summary: `Sent an expectations check about ${role.title} to ${groups.size} ${groups.size === 1 ? 'person' : 'people'}${closed > 0 ? ', closing the previous one' : ''}${nowAgreed(agreed)}`,
    });
    return { roleId: input.roleId, teamId: role.teamId, checkId: check.id };
  },
  revalidate: (data) => rolePaths(data.teamId, data.roleId),
});

export const answerExpectations = defineAction({
  name: 'role.expectations.answer',
  permission: 'role.expectations.answer',
  input: answerExpectationsSchema,
  scope: (input, tx, user) => checkScope(tx, input.checkId, user.id),
  async run({ input, user, tx, audit }) {
    const check = await tx.expectationCheck.findUniqueOrThrow({ where: { id: input.checkId }, select: { roleId: true, role: { select: { teamId: true, title: true } } } });
    await activeTeam(tx, check.role.teamId);
    // Answers change the contested activities the agreement rule reads: take the version lock first.
    const inReview = await lockVersionsInReview(tx, check.roleId);
    // Then hold off a close until these answers are in (or see that it has closed): a closed check's answers are frozen.
    const locked = await lockCheckForAnswers(tx, input.checkId);
    if (!locked || locked.closedAt) throw new ActionError('CONFLICT', 'This expectations check has closed.');
    const activities = await tx.activity.findMany({
      where: { archivedAt: null, OR: [{ teamId: null }, { teamId: check.role.teamId }] },
      select: { id: true },
    });
    const known = new Set(activities.map((activity) => activity.id));
    const unknown = Object.keys(input.answers).filter((activityId) => !known.has(activityId));
    if (unknown.length > 0) throw fieldError('answers', 'Answer only the activities listed');
    const missing = activities.filter((activity) => !input.answers[activity.id]);
    if (missing.length > 0) {
      throw new ActionError('VALIDATION', MESSAGES.VALIDATION, Object.fromEntries(missing.map((activity) => [`answers.${activity.id}`, ['Select core, sometimes or not part of the role']])));
    }
    const participant = await tx.expectationParticipant.findUniqueOrThrow({ where: { checkId_userId: { checkId: input.checkId, userId: user.id } }, select: { id: true } });
    for (const [activityId, answer] of Object.entries(input.answers)) {
      await tx.expectationResponse.upsert({
        where: { participantId_activityId: { participantId: participant.id, activityId } },
        create: { participantId: participant.id, activityId, answer },
        update: { answer },
      });
    }
    await tx.expectationParticipant.update({ where: { id: participant.id }, data: { submittedAt: new Date() } });
    // A changed answer can leave an activity no longer contested (or the check newly run): the version may now be Agreed.
    const agreed = await refreshVersionsInReview(tx, inReview);
    await audit({ action: 'role.expectations.answer', recordType: 'ExpectationCheck', recordId: input.checkId, summary: `Answered the expectations check about ${check.role.title}${nowAgreed(agreed)}` });
    return { roleId: check.roleId, teamId: check.role.teamId };
  },
  revalidate: (data) => rolePaths(data.teamId, data.roleId),
});

export const resolveContested = defineAction({
  name: 'role.contested.resolve',
  permission: 'role.draft',
  input: resolveContestedSchema,
  scope: (input, tx, user) => checkScope(tx, input.checkId, user.id),
  async run({ input, user, tx, audit }) {
    const check = await tx.expectationCheck.findUniqueOrThrow({ where: { id: input.checkId }, select: { roleId: true, role: { select: { teamId: true } } } });
    await activeTeam(tx, check.role.teamId);
    // Settling changes what the agreement rule reads: take the version lock first, as agreeing does.
    const inReview = await lockVersionsInReview(tx, check.roleId);
    const activity = await tx.activity.findFirst({
      where: { id: input.activityId, OR: [{ teamId: null }, { teamId: check.role.teamId }] },
      select: { name: true },
    });
    if (!activity) throw fieldError('activityId', 'Select an activity from this check');
    const responses = await tx.expectationResponse.findMany({
      where: { activityId: input.activityId, participant: { checkId: input.checkId, submittedAt: { not: null } } },
      select: { answer: true, participant: { select: { group: true } } },
    });
    const consensus = activityConsensus(responses.map((response) => ({ group: response.participant.group, answer: response.answer })));
    if (!consensus.contested) throw new ActionError('CONFLICT', `"${activity.name}" is not contested in this check.`);
    const data = { outcome: input.outcome, section: input.section, note: input.note, resolvedById: user.id };
    await tx.contestedResolution.upsert({
      where: { checkId_activityId: { checkId: input.checkId, activityId: input.activityId } },
      create: { checkId: input.checkId, activityId: input.activityId, ...data },
      update: data,
    });
    // Settling the last contested activity lets a version whose other requirements are met become Agreed.
    const agreed = await refreshVersionsInReview(tx, inReview);
    await audit({
      action: 'role.contested.resolve',
      recordType: 'ExpectationCheck',
      recordId: input.checkId,
      summary: `Settled contested activity "${activity.name}": ${input.outcome.toLowerCase()}, in "${sectionTitle(input.section)}"${nowAgreed(agreed)}`,
    });
    return { roleId: check.roleId, teamId: check.role.teamId, agreedVersions: agreed.map((version) => version.number) };
  },
  revalidate: (data) => rolePaths(data.teamId, data.roleId),
});

/**
 * Closes an open expectations check: its answers are frozen, and everyone who
 * took part may see its results (lib/roles/queries.ts shows them nothing while
 * it is open, so that changing their own answers, or watching others arrive,
 * cannot give anyone's away). A closed check that was run becomes the one the
 * agreement rule reads, so the versions in review are judged again.
 */
export const closeExpectationsCheck = defineAction({
  name: 'role.expectations.close',
  permission: 'role.draft',
  input: closeExpectationsCheckSchema,
  scope: (input, tx, user) => checkScope(tx, input.checkId, user.id),
  async run({ input, tx, audit }) {
    const check = await tx.expectationCheck.findUniqueOrThrow({ where: { id: input.checkId }, select: { roleId: true, role: { select: { teamId: true, title: true } } } });
    await activeTeam(tx, check.role.teamId);
    // What the agreement rule reads changes: take the version lock first, as answering and settling do.
    const inReview = await lockVersionsInReview(tx, check.roleId);
    // Of two closes at once, the second finds it closed; answers being saved go in first, and any later are refused.
    const open = await lockOpenChecks(tx, { checkId: input.checkId });
    const { count } = await tx.expectationCheck.updateMany({ where: { id: { in: open }, closedAt: null }, data: { closedAt: new Date() } });
    if (count === 0) throw new ActionError('CONFLICT', 'This expectations check has already closed: its results are shared with everyone who took part.');
    const [invited, answered] = await Promise.all([
      tx.expectationParticipant.count({ where: { checkId: input.checkId } }),
      tx.expectationParticipant.count({ where: { checkId: input.checkId, submittedAt: { not: null } } }),
    ]);
    const agreed = await refreshVersionsInReview(tx, inReview);
    await audit({
      action: 'role.expectations.close',
      recordType: 'ExpectationCheck',
      recordId: input.checkId,
      summary: `Closed the expectations check about ${check.role.title} (${answered} of ${invited} answered) and shared its results with those who took part${nowAgreed(agreed)}`,
    });
    return { roleId: check.roleId, teamId: check.role.teamId, checkId: input.checkId, agreedVersions: agreed.map((version) => version.number) };
  },
  revalidate: (data) => rolePaths(data.teamId, data.roleId),
});
