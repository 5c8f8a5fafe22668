'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, fieldError } from '@/lib/action-error';
import type { Tx } from '@/lib/db';
import { placementScope, taskScope } from '@/lib/onboarding/access';
import { TASK_STATUS_LABELS } from '@/lib/onboarding/labels';
import { tellTaskGiven } from '@/lib/onboarding/notifications';
import { placementPath, taskPath } from '@/lib/onboarding/paths';
import { lockPlacement, personByEmail, requireCurrent } from '@/lib/onboarding/records';
import { addTaskSchema, reassignTaskSchema, removeTaskSchema, taskNoteSchema, taskStatusSchema } from '@/lib/onboarding/schemas';

/*
 * A plan's tasks: their owner (or the team's manager) moves them on; the
 * manager adds, removes (the task stays in the history) and reassigns them;
 * the peer worker keeps private notes on their own.
 */

/** The task with its placement locked: a task changes one person at a time. */
async function openTask(tx: Tx, taskId: string) {
  const { plan } = await tx.onboardingTask.findUniqueOrThrow({ where: { id: taskId }, select: { plan: { select: { placementId: true } } } });
  const placement = await lockPlacement(tx, plan.placementId);
  const task = await tx.onboardingTask.findUniqueOrThrow({ where: { id: taskId }, select: { id: true, title: true, ownerId: true, status: true, removedAt: true, version: true } });
  return { task, placement };
}

/** Anyone the manager may give a task to: an active member of the team, HR (who do the HR tasks for every team), or the placement's own line manager or peer supervisor (who may be in another team). */
async function requireEligibleOwner(tx: Tx, email: string, placement: { teamId: string; lineManagerId: string | null; peerSupervisorId: string | null }) {
  const person = await personByEmail(tx, email, 'ownerEmail', 'a member of the team or HR');
  if (person.id === placement.lineManagerId || person.id === placement.peerSupervisorId) return person;
  const eligible = await tx.user.count({ where: { id: person.id, OR: [{ orgRole: 'HR' }, { memberships: { some: { teamId: placement.teamId } } }] } });
  if (eligible === 0) throw fieldError('ownerEmail', `${person.name} is not in this team or HR: give the task to a member of the team or to HR`);
  return person;
}

export const updateTaskStatus = defineAction({
  name: 'onboarding.task.status',
  permission: 'onboarding.task.update',
  input: taskStatusSchema,
  scope: (input, tx, user) => taskScope(tx, input.taskId, user),
  async run({ input, user, tx, audit }) {
    const { task, placement } = await openTask(tx, input.taskId);
    requireCurrent(placement);
    if (task.removedAt) throw new ActionError('CONFLICT', 'This task was removed from the plan.');
    if (task.version !== input.version) throw conflict();
    const completed = input.status === 'COMPLETED';
    await tx.onboardingTask.update({
      where: { id: task.id },
      data: {
        status: input.status,
        cannotStartReason: input.status === 'CANNOT_START' ? input.cannotStartReason : null,
        completedAt: completed ? new Date() : null,
        completedById: completed ? user.id : null,
        version: { increment: 1 },
      },
    });
    await audit({ action: 'onboarding.task.status', recordType: 'OnboardingTask', recordId: task.id, summary: `"${task.title}" for ${placement.user.name}: ${TASK_STATUS_LABELS[input.status].toLowerCase()}` });
    return { taskId: task.id, placementId: placement.id };
  },
  revalidate: (data) => [taskPath(data.taskId), placementPath(data.placementId), '/'],
});

export const addTask = defineAction({
  name: 'onboarding.task.add',
  permission: 'onboarding.manage',
  input: addTaskSchema,
  scope: (input, tx, user) => placementScope(tx, input.placementId, user),
  async run({ input, user, tx, audit }) {
    const placement = await lockPlacement(tx, input.placementId);
    requireCurrent(placement);
    const owner = await requireEligibleOwner(tx, input.ownerEmail, placement);
    // Added tasks join the latest plan: the one the peer worker is working through now.
    const plan = await tx.onboardingPlan.findFirst({ where: { placementId: placement.id }, orderBy: { createdAt: 'desc' }, select: { id: true } });
    if (!plan) throw new ActionError('CONFLICT', 'This placement has no plan to add to.');
    const task = await tx.onboardingTask.create({
      data: {
        planId: plan.id,
        section: input.section,
        title: input.title,
        description: input.description,
        ownerRole: owner.id === placement.userId ? 'PEER_WORKER' : 'MANAGER',
        ownerId: owner.id,
        dueOn: input.dueOn,
        required: input.required,
      },
      select: { id: true },
    });
    await tellTaskGiven(tx, task.id, owner.id, placement.id, placement.team.name, user.id);
    await audit({ action: 'onboarding.task.add', recordType: 'OnboardingTask', recordId: task.id, summary: `Added "${input.title}" to ${placement.user.name}'s plan, for ${owner.name}` });
    return { taskId: task.id, placementId: placement.id };
  },
  revalidate: (data) => [placementPath(data.placementId), '/'],
});

export const removeTask = defineAction({
  name: 'onboarding.task.remove',
  permission: 'onboarding.manage',
  input: removeTaskSchema,
  scope: (input, tx, user) => taskScope(tx, input.taskId, user),
  async run({ input, user, tx, audit }) {
    const { task, placement } = await openTask(tx, input.taskId);
    requireCurrent(placement);
    if (task.removedAt) throw new ActionError('CONFLICT', 'This task was already removed.');
    if (task.version !== input.version) throw conflict();
    // Kept, with who removed it and when: the plan's history shows it.
    await tx.onboardingTask.update({ where: { id: task.id }, data: { removedAt: new Date(), removedById: user.id, version: { increment: 1 } } });
    await audit({ action: 'onboarding.task.remove', recordType: 'OnboardingTask', recordId: task.id, summary: `Removed "${task.title}" from ${placement.user.name}'s plan (kept in its history)` });
    return { taskId: task.id, placementId: placement.id };
  },
  revalidate: (data) => [placementPath(data.placementId), '/'],
});

export const reassignTask = defineAction({
  name: 'onboarding.task.reassign',
  permission: 'onboarding.manage',
  input: reassignTaskSchema,
  scope: (input, tx, user) => taskScope(tx, input.taskId, user),
  async run({ input, user, tx, audit }) {
    const { task, placement } = await openTask(tx, input.taskId);
    requireCurrent(placement);
    if (task.removedAt) throw new ActionError('CONFLICT', 'This task was removed from the plan.');
    if (task.version !== input.version) throw conflict();
    const owner = await requireEligibleOwner(tx, input.ownerEmail, placement);
    if (owner.id === task.ownerId) throw fieldError('ownerEmail', `${owner.name} already does this task`);
    await tx.onboardingTask.update({ where: { id: task.id }, data: { ownerId: owner.id, version: { increment: 1 } } });
    await tellTaskGiven(tx, task.id, owner.id, placement.id, placement.team.name, user.id);
    await audit({ action: 'onboarding.task.reassign', recordType: 'OnboardingTask', recordId: task.id, summary: `Gave "${task.title}" in ${placement.user.name}'s plan to ${owner.name}` });
    return { taskId: task.id, placementId: placement.id };
  },
  revalidate: (data) => [taskPath(data.taskId), placementPath(data.placementId), '/'],
});

export const addTaskNote = defineAction({
  name: 'onboarding.task.note',
  permission: 'onboarding.task.note',
  input: taskNoteSchema,
  scope: (input, tx, user) => taskScope(tx, input.taskId, user),
  async run({ input, user, tx, audit }) {
    const { task, placement } = await openTask(tx, input.taskId);
    // Notes are the peer worker's own, on the tasks they owe.
    if (placement.userId !== user.id || task.ownerId !== user.id) throw new ActionError('FORBIDDEN', 'You keep notes on your own tasks only.');
    requireCurrent(placement);
    if (task.removedAt) throw new ActionError('CONFLICT', 'This task was removed from the plan.');
    const note = await tx.onboardingTaskNote.create({ data: { taskId: task.id, authorId: user.id, text: input.text }, select: { id: true } });
    // The audit log says a note was added, never what it says.
    await audit({ action: 'onboarding.task.note', recordType: 'OnboardingTaskNote', recordId: note.id, summary: `Added a private note to "${task.title}"` });
    return { taskId: task.id, placementId: placement.id };
  },
  revalidate: (data) => [taskPath(data.taskId)],
});
