import 'server-only';
import { cache } from 'react';
import type { CurrentUser } from '@/lib/auth/gate';
import { db } from '@/lib/db';
import { can } from '@/lib/permissions';
import { isUuid } from '@/lib/schema-fields';

/*
 * The organisation's onboarding templates, for the administrators who keep
 * them (lib/onboarding/template-actions.ts). Anyone else gets null, and the
 * page answers "not found". Plans copy a template's tasks when they start, so
 * nothing here reads plans beyond counting them.
 */

/** Whether this person keeps the onboarding templates. */
export function keepsTemplates(user: CurrentUser): boolean {
  return can(user, 'onboarding.template.manage');
}

/** Every template, current ones first, with how many tasks each has: one round trip. */
export async function listTemplates(user: CurrentUser) {
  if (!keepsTemplates(user)) return null;
  const templates = await db.onboardingTemplate.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    // Templates are few (one per service type at most, and their archived predecessors): a cap, not paging.
    take: 500,
    select: { id: true, name: true, serviceType: true, archivedAt: true, _count: { select: { tasks: true } } },
  });
  return { current: templates.filter((template) => !template.archivedAt), archived: templates.filter((template) => template.archivedAt) };
}

export type TemplateSummary = NonNullable<Awaited<ReturnType<typeof listTemplates>>>['current'][number];

/** One template with its tasks in their order, and how many plans were made from it: one round trip. */
export async function getTemplate(user: CurrentUser, templateId: string) {
  if (!keepsTemplates(user) || !isUuid(templateId)) return null;
  return db.onboardingTemplate.findUnique({
    where: { id: templateId },
    select: {
      id: true,
      name: true,
      serviceType: true,
      archivedAt: true,
      version: true,
      tasks: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: { id: true, section: true, title: true, description: true, ownerRole: true, offsetDays: true, required: true },
      },
      _count: { select: { plans: true } },
    },
  });
}

export type TemplateDetail = NonNullable<Awaited<ReturnType<typeof getTemplate>>>;
export type TemplateTask = TemplateDetail['tasks'][number];

// ---- Loaders: once per request, shared by a page and its metadata ----
// The page passes the signed-in person (requireUser(), itself cached, so the same object all request long):
// lib/auth/load is for app/ and load.ts files only (eslint's workflow boundaries).

export const loadTemplates = cache((user: CurrentUser) => listTemplates(user));

export const loadTemplate = cache((user: CurrentUser, templateId: string) => getTemplate(user, templateId));
