'use server';

import { defineAction } from '@/lib/action';
import { ActionError, fieldError } from '@/lib/action-error';
import { lockKey } from '@/lib/db';
import { archiveActivitySchema, createActivitySchema } from '@/lib/expectations/schemas';
import { teamScope } from '@/lib/teams/gate';

/* The catalogue of activities that expectations checks ask about: the organisation's (administrators) and each team's own (its managers). */

export const createActivity = defineAction({
  name: 'activity.create',
  permission: 'activity.manage',
  input: createActivitySchema,
  // A team's own activity needs permission in that team; an organisation-wide one needs it everywhere.
  scope: async (input, tx) => (input.teamId ? teamScope({ teamId: input.teamId }, tx) : {}),
  async run({ input, tx, audit }) {
    // Serialise additions so two people adding the same activity at once cannot both pass the check below.
    await lockKey(tx, 'activity-name');
    const clash = await tx.activity.findFirst({
      where: { name: { equals: input.name, mode: 'insensitive' }, archivedAt: null, OR: [{ teamId: null }, ...(input.teamId ? [{ teamId: input.teamId }] : [])] },
      select: { id: true },
    });
    if (clash) throw fieldError('name', 'This activity is already in the catalogue');
    const last = await tx.activity.aggregate({ _max: { sortOrder: true } });
    const activity = await tx.activity.create({
      data: { teamId: input.teamId, name: input.name, description: input.description, sortOrder: (last._max.sortOrder ?? 0) + 10 },
      select: { id: true },
    });
    await audit({ action: 'activity.create', recordType: 'Activity', recordId: activity.id, summary: `Added "${input.name}" to the ${input.teamId ? "team's" : "organisation's"} activity catalogue` });
    return { activityId: activity.id, teamId: input.teamId };
  },
  revalidate: (data) => ['/settings/activities', ...(data.teamId ? [`/teams/${data.teamId}/activities`] : [])],
});

export const archiveActivity = defineAction({
  name: 'activity.archive',
  permission: 'activity.manage',
  input: archiveActivitySchema,
  scope: async (input, tx) => {
    const activity = await tx.activity.findUnique({ where: { id: input.activityId }, select: { teamId: true } });
    if (!activity) return null;
    return activity.teamId ? { teamId: activity.teamId } : {};
  },
  async run({ input, tx, audit }) {
    const activity = await tx.activity.findUniqueOrThrow({ where: { id: input.activityId }, select: { name: true, teamId: true } });
    const { count } = await tx.activity.updateMany({ where: { id: input.activityId, archivedAt: null }, data: { archivedAt: new Date() } });
    if (count === 0) throw new ActionError('CONFLICT', 'This activity has already been removed from the catalogue.');
    await audit({ action: 'activity.archive', recordType: 'Activity', recordId: input.activityId, summary: `Removed "${activity.name}" from the activity catalogue` });
    return { teamId: activity.teamId };
  },
  revalidate: (data) => ['/settings/activities', ...(data.teamId ? [`/teams/${data.teamId}/activities`] : [])],
});
