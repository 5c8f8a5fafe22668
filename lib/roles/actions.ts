'use server';

import { defineAction, fieldErrorsOf } from '@/lib/action';
import { ActionError, conflict, fieldError, MESSAGES } from '@/lib/action-error';
import { lockKey, type Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { roleScope } from '@/lib/roles/access';
import { openRole, rolePagePaths } from '@/lib/roles/records';
import { parseContent, REQUIRED_FOR_SUBMISSION, sectionIsComplete, sectionTitle, type RoleContent } from '@/lib/roles/rules';
import { createRoleSchema, saveSectionSchema, sectionFormSchemas, submitDraftSchema, updateTemplateSchema } from '@/lib/roles/schemas';
import { currentTemplate } from '@/lib/roles/template';
import { activeTeam, teamScope } from '@/lib/teams/gate';

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
  revalidate: (data) => rolePagePaths(data.teamId, data.roleId),
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
    const role = await openRole(tx, input.roleId);
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
  revalidate: (data) => rolePagePaths(data.teamId, data.roleId),
});

export const submitDraft = defineAction({
  name: 'role.submit',
  permission: 'role.draft',
  input: submitDraftSchema,
  scope: (input, tx) => roleScope(tx, input.roleId),
  async run({ input, user, tx, audit }) {
    // Two submissions of one draft must not both make a version.
    const role = await openRole(tx, input.roleId, { lock: true });
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
  revalidate: (data) => rolePagePaths(data.teamId, data.roleId),
});

/** The organisation's template that new role descriptions start from (settings, administrators). */
export const updateRoleTemplate = defineAction({
  name: 'role.template.update',
  permission: 'role.template.manage',
  input: updateTemplateSchema,
  async run({ input, tx, audit }) {
    await lockKey(tx, 'role-template');
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
