'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict, fieldError, MESSAGES } from '@/lib/action-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import { archiveActivitySchema, createActivitySchema, updatePolicySchema, updateTemplateSchema } from '@/lib/roles/schemas';
import { lockVersion, nowAgreed, refreshVersionsInReview } from '@/lib/agreement/status';
import { currentTemplate } from '@/lib/roles/template';
import { teamScope } from '@/lib/teams/access';

export const updateRoleTemplate = defineAction({
  name: 'role.template.update',
  permission: 'role.template.manage',
  input: updateTemplateSchema,
  async run({ input, tx, audit }) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('role-template'))`;
    const template = await currentTemplate(tx);
    if (template.version !== input.version) throw conflict();
    const content = {
      ...template.content,
      purpose: { text: input.purpose },
      training: { text: input.training },
      progression: { text: input.progression },
      values: { selected: input.valueOptions, notes: '' },
      notPart: { items: template.content.notPart.items.filter((item) => input.notPartOptions.includes(item)) },
    } as unknown as Prisma.InputJsonValue;
    const data = { content, valueOptions: input.valueOptions, notPartOptions: input.notPartOptions };
    const saved = template.id
      ? await tx.roleTemplate.update({ where: { id: template.id }, data: { ...data, version: { increment: 1 } }, select: { id: true } })
      : await tx.roleTemplate.create({ data: { ...data, version: 2 }, select: { id: true } });
    await audit({ action: 'role.template.update', recordType: 'RoleTemplate', recordId: saved.id, summary: 'Updated the role description template' });
    return { templateId: saved.id };
  },
  revalidate: () => ['/settings/template'],
});

export const createActivity = defineAction({
  name: 'activity.create',
  permission: 'activity.manage',
  input: createActivitySchema,
  // A team's own activity needs permission in that team; an organisation-wide one needs it everywhere.
  scope: async (input, tx) => (input.teamId ? teamScope({ teamId: input.teamId }, tx) : {}),
  async run({ input, tx, audit }) {
    // Serialise additions so two people adding the same activity at once cannot both pass the check below.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('activity-name'))`;
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

export const updateAgreementPolicy = defineAction({
  name: 'team.policy.update',
  permission: 'team.policy.manage',
  input: updatePolicySchema,
  scope: teamScope,
  async run({ input, tx, audit }) {
    const total = Object.values(input.minimums).reduce((sum, value) => sum + value, 0);
    if (total === 0) throw new ActionError('VALIDATION', MESSAGES.VALIDATION, { _form: ['At least one group must be required to agree'] });
    const team = await tx.team.findUniqueOrThrow({ where: { id: input.teamId }, select: { name: true } });
    // The two expectations settings live on the team, with its version: a policy saved (or the team edited) since the form was shown is a conflict.
    const { count } = await tx.team.updateMany({
      where: { id: input.teamId, ...(input.version === undefined ? {} : { version: input.version }) },
      data: { requireExpectationsCheck: input.requireExpectationsCheck, requireContestedSettled: input.requireContestedSettled, version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await tx.agreementRequirement.deleteMany({ where: { teamId: input.teamId } });
    await tx.agreementRequirement.createMany({ data: Object.entries(input.minimums).map(([group, minimum]) => ({ teamId: input.teamId, group: group as keyof typeof input.minimums, minimum })) });
    // Versions in review are judged by the new policy at once: one that now meets it becomes Agreed.
    const inReview = await tx.roleVersion.findMany({ where: { status: 'IN_REVIEW', role: { teamId: input.teamId } }, orderBy: { id: 'asc' }, select: { id: true } });
    for (const version of inReview) await lockVersion(tx, version.id);
    const agreed = await refreshVersionsInReview(tx, inReview.map((version) => version.id));
    const summary = Object.entries(input.minimums).filter(([, minimum]) => minimum > 0).map(([group, minimum]) => `${group} ${minimum}`).join(', ');
    const expectations = `expectations check required: ${input.requireExpectationsCheck ? 'yes' : 'no'}; contested activities must be settled: ${input.requireContestedSettled ? 'yes' : 'no'}`;
    await audit({ action: 'team.policy.update', recordType: 'Team', recordId: input.teamId, summary: `Set the agreement policy for ${team.name}: ${summary}; ${expectations}${nowAgreed(agreed, true)}` });
    return { teamId: input.teamId };
  },
  revalidate: (data) => [`/teams/${data.teamId}`, `/teams/${data.teamId}/policy`],
});
