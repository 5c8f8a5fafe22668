'use server';

import { defineAction } from '@/lib/action';
import { ActionError, fieldError, MESSAGES } from '@/lib/action-error';
import { lockVersionsInReview, nowAgreed, refreshVersionsInReview } from '@/lib/agreement/gate';
import { lockCheckForAnswers, lockOpenChecks, openCheck } from '@/lib/expectations/records';
import { activityConsensus } from '@/lib/expectations/rules';
import { answerExpectationsSchema, closeExpectationsCheckSchema, resolveContestedSchema, sendExpectationsCheckSchema } from '@/lib/expectations/schemas';
import { queueNotifications } from '@/lib/notifications/gate';
import { checkPath, checkScope, openRole, rolePagePaths, roleScope, sectionTitle } from '@/lib/roles/gate';
import { requireStakeholders } from '@/lib/teams/gate';

export const sendExpectationsCheck = defineAction({
  name: 'role.expectations.send',
  permission: 'role.draft',
  input: sendExpectationsCheckSchema,
  scope: (input, tx) => roleScope(tx, input.roleId),
  async run({ input, user, tx, audit }) {
    // Two checks sent at once must not both stay open.
    const role = await openRole(tx, input.roleId, { lock: true });
    const groups = await requireStakeholders(tx, role.teamId, input.userIds);
    // Closing the previous check makes it the one the agreement rule reads: take the version lock first.
    const inReview = await lockVersionsInReview(tx, input.roleId);
    // One open check per role: sending a new one closes the previous round, once answers being saved to it are in.
    const open = await lockOpenChecks(tx, { roleId: input.roleId });
    const { count: closed } = await tx.expectationCheck.updateMany({ where: { id: { in: open } }, data: { closedAt: new Date() } });
    const check = await tx.expectationCheck.create({
      data: { roleId: input.roleId, createdById: user.id, participants: { create: [...groups].map(([userId, group]) => ({ userId, group })) } },
      select: { id: true, participants: { select: { id: true, userId: true } } },
    });
    await queueNotifications(
      tx,
      check.participants.map((participant) => ({
        kind: 'CHECK_REQUESTED' as const,
        recipientId: participant.userId,
        teamName: role.teamName,
        title: role.title,
        path: checkPath(role.teamId, input.roleId, check.id),
        requestKey: `check:${participant.id}`,
      })),
      { except: user.id },
    );
    const agreed = closed > 0 ? await refreshVersionsInReview(tx, inReview) : [];
    await audit({
      action: 'role.expectations.send',
      recordType: 'ExpectationCheck',
      recordId: check.id,
      summary: `Sent an expectations check about ${role.title} to ${groups.size} ${groups.size === 1 ? 'person' : 'people'}${closed > 0 ? ', closing the previous one' : ''}${nowAgreed(agreed)}`,
    });
    return { roleId: input.roleId, teamId: role.teamId, checkId: check.id };
  },
  revalidate: (data) => rolePagePaths(data.teamId, data.roleId),
});

export const answerExpectations = defineAction({
  name: 'role.expectations.answer',
  permission: 'role.expectations.answer',
  input: answerExpectationsSchema,
  scope: (input, tx, user) => checkScope(tx, input.checkId, user),
  async run({ input, user, tx, audit }) {
    const check = await openCheck(tx, input.checkId);
    // Answers change the contested activities the agreement rule reads: take the version lock first.
    const inReview = await lockVersionsInReview(tx, check.roleId);
    // Then hold off a close until these answers are in (or see that it has closed): a closed check's answers are frozen.
    const locked = await lockCheckForAnswers(tx, input.checkId);
    if (!locked || locked.closedAt) throw new ActionError('CONFLICT', 'This expectations check has closed.');
    const activities = await tx.activity.findMany({
      where: { archivedAt: null, OR: [{ teamId: null }, { teamId: check.teamId }] },
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
    await audit({ action: 'role.expectations.answer', recordType: 'ExpectationCheck', recordId: input.checkId, summary: `Answered the expectations check about ${check.roleTitle}${nowAgreed(agreed)}` });
    return { roleId: check.roleId, teamId: check.teamId };
  },
  revalidate: (data) => rolePagePaths(data.teamId, data.roleId),
});

export const resolveContested = defineAction({
  name: 'role.contested.resolve',
  permission: 'role.draft',
  input: resolveContestedSchema,
  scope: (input, tx, user) => checkScope(tx, input.checkId, user),
  async run({ input, user, tx, audit }) {
    const check = await openCheck(tx, input.checkId);
    // Settling changes what the agreement rule reads: take the version lock first, as agreeing does.
    const inReview = await lockVersionsInReview(tx, check.roleId);
    const activity = await tx.activity.findFirst({
      where: { id: input.activityId, OR: [{ teamId: null }, { teamId: check.teamId }] },
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
    return { roleId: check.roleId, teamId: check.teamId, agreedVersions: agreed.map((version) => version.number) };
  },
  revalidate: (data) => rolePagePaths(data.teamId, data.roleId),
});

/**
 * Closes an open expectations check: its answers are frozen, and everyone who
 * took part may see its results (lib/expectations/queries.ts shows them nothing while
 * it is open, so that changing their own answers, or watching others arrive,
 * cannot give anyone's away). A closed check that was run becomes the one the
 * agreement rule reads, so the versions in review are judged again.
 */
export const closeExpectationsCheck = defineAction({
  name: 'role.expectations.close',
  permission: 'role.draft',
  input: closeExpectationsCheckSchema,
  scope: (input, tx, user) => checkScope(tx, input.checkId, user),
  async run({ input, tx, audit }) {
    const check = await openCheck(tx, input.checkId);
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
      summary: `Closed the expectations check about ${check.roleTitle} (${answered} of ${invited} answered) and shared its results with those who took part${nowAgreed(agreed)}`,
    });
    return { roleId: check.roleId, teamId: check.teamId, checkId: input.checkId, agreedVersions: agreed.map((version) => version.number) };
  },
  revalidate: (data) => rolePagePaths(data.teamId, data.roleId),
});
