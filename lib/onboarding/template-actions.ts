'use server';

import { defineAction } from '@/lib/action';
import { ActionError, conflict } from '@/lib/action-error';
import { lockKey, type Tx } from '@/lib/db';
import { templatePath } from '@/lib/onboarding/paths';
import { archiveTemplateSchema, removeTemplateTaskSchema, saveTemplateSchema, saveTemplateTaskSchema } from '@/lib/onboarding/schemas';

/*
 * Administrators keep the organisation's onboarding templates (one per service
 * type if they like). A plan copies its template's tasks when it starts, so
 * changing a template changes no plan already under way. Each change bumps the
 * template's version: two administrators editing at once hear of the conflict.
 */

const TEMPLATES_PATH = '/onboarding/templates';

/** The template, locked, at the version the form showed. */
async function openTemplate(tx: Tx, templateId: string, version: number) {
  await tx.$queryRaw`SELECT id FROM "OnboardingTemplate" WHERE id = ${templateId}::uuid FOR UPDATE`;
  const template = await tx.onboardingTemplate.findUnique({ where: { id: templateId }, select: { id: true, name: true, version: true, archivedAt: true } });
  if (!template) throw new ActionError('NOT_FOUND', 'That template no longer exists.');
  if (template.archivedAt) throw new ActionError('CONFLICT', 'This template is archived.');
  if (template.version !== version) throw conflict();
  return template;
}

export const saveTemplate = defineAction({
  name: 'onboarding.template.save',
  permission: 'onboarding.template.manage',
  input: saveTemplateSchema,
  async run({ input, tx, audit }) {
    if (input.templateId) {
      await openTemplate(tx, input.templateId, input.version ?? 0);
      await tx.onboardingTemplate.update({ where: { id: input.templateId }, data: { name: input.name, serviceType: input.serviceType, version: { increment: 1 } } });
      await audit({ action: 'onboarding.template.save', recordType: 'OnboardingTemplate', recordId: input.templateId, summary: `Renamed or changed the onboarding template "${input.name}"` });
      return { templateId: input.templateId };
    }
    const template = await tx.onboardingTemplate.create({ data: { name: input.name, serviceType: input.serviceType }, select: { id: true } });
    await audit({ action: 'onboarding.template.save', recordType: 'OnboardingTemplate', recordId: template.id, summary: `Created the onboarding template "${input.name}"` });
    return { templateId: template.id };
  },
  revalidate: (data) => [TEMPLATES_PATH, templatePath(data.templateId)],
});

export const archiveTemplate = defineAction({
  name: 'onboarding.template.archive',
  permission: 'onboarding.template.manage',
  input: archiveTemplateSchema,
  async run({ input, tx, audit }) {
    // One archive at a time: two administrators archiving the last two templates at once (each locking only its own) would leave none.
    await lockKey(tx, 'onboarding-template-archive');
    const template = await openTemplate(tx, input.templateId, input.version);
    const others = await tx.onboardingTemplate.count({ where: { archivedAt: null, id: { not: template.id } } });
    if (others === 0) throw new ActionError('CONFLICT', 'This is the only template: add another before archiving it, so that placements can still start.');
    await tx.onboardingTemplate.update({ where: { id: template.id }, data: { archivedAt: new Date(), version: { increment: 1 } } });
    await audit({ action: 'onboarding.template.archive', recordType: 'OnboardingTemplate', recordId: template.id, summary: `Archived the onboarding template "${template.name}" (plans made from it are unchanged)` });
    return { templateId: template.id };
  },
  revalidate: (data) => [TEMPLATES_PATH, templatePath(data.templateId)],
});

export const saveTemplateTask = defineAction({
  name: 'onboarding.template.task.save',
  permission: 'onboarding.template.manage',
  input: saveTemplateTaskSchema,
  async run({ input, tx, audit }) {
    const template = await openTemplate(tx, input.templateId, input.version);
    const data = { section: input.section, title: input.title, description: input.description, ownerRole: input.ownerRole, offsetDays: input.offsetDays, required: input.required };
    let taskId = input.templateTaskId;
    if (taskId) {
      const { count } = await tx.onboardingTemplateTask.updateMany({ where: { id: taskId, templateId: template.id }, data });
      if (count === 0) throw new ActionError('NOT_FOUND', 'That task is no longer in this template.');
    } else {
      const last = await tx.onboardingTemplateTask.aggregate({ where: { templateId: template.id }, _max: { position: true } });
      taskId = (await tx.onboardingTemplateTask.create({ data: { ...data, templateId: template.id, position: (last._max.position ?? 0) + 1 }, select: { id: true } })).id;
    }
    await tx.onboardingTemplate.update({ where: { id: template.id }, data: { version: { increment: 1 } } });
    await audit({ action: 'onboarding.template.task.save', recordType: 'OnboardingTemplate', recordId: template.id, summary: `${input.templateTaskId ? 'Changed' : 'Added'} the task "${input.title}" in the onboarding template "${template.name}"` });
    return { templateId: template.id, templateTaskId: taskId };
  },
  revalidate: (data) => [templatePath(data.templateId)],
});

export const removeTemplateTask = defineAction({
  name: 'onboarding.template.task.remove',
  permission: 'onboarding.template.manage',
  input: removeTemplateTaskSchema,
  async run({ input, tx, audit }) {
    const template = await openTemplate(tx, input.templateId, input.version);
    const task = await tx.onboardingTemplateTask.findFirst({ where: { id: input.templateTaskId, templateId: template.id }, select: { id: true, title: true } });
    if (!task) throw new ActionError('NOT_FOUND', 'That task is no longer in this template.');
    await tx.onboardingTemplateTask.delete({ where: { id: task.id } });
    await tx.onboardingTemplate.update({ where: { id: template.id }, data: { version: { increment: 1 } } });
    await audit({ action: 'onboarding.template.task.remove', recordType: 'OnboardingTemplate', recordId: template.id, summary: `Removed the task "${task.title}" from the onboarding template "${template.name}" (plans already made keep it)` });
    return { templateId: template.id };
  },
  revalidate: (data) => [templatePath(data.templateId)],
});
