// Factories for onboarding: a template, a placement with its plan, team
// meetings and systems access. Like the other factories they write straight to
// the database (no permission checks, no audit events), keeping the domain's
// invariants: a placement is on a role version, its plan's due dates come from
// lib/onboarding/rules.ts through the same startPlan the actions use.
import { db, type Tx } from '@/lib/db';
import type { ContractType, TaskOwnerRole, TaskSection, Weekday } from '@/lib/generated/prisma/enums';
import { DEFAULT_TEMPLATE_TASKS } from '@/lib/onboarding/default-template';
import { startPlan } from '@/lib/onboarding/records';

type Client = Tx;
type Ref = { id: string };

export interface TemplateTaskOptions {
  section?: TaskSection;
  title?: string;
  ownerRole?: TaskOwnerRole;
  offsetDays?: number;
  required?: boolean;
}

/** A template: the default tasks from UK guidance unless others are given. */
export async function createTemplate(options: { name?: string; tasks?: TemplateTaskOptions[] } = {}, client: Client = db) {
  const tasks = options.tasks
    ? options.tasks.map((task, index) => ({
        section: task.section ?? 'INDUCTION',
        title: task.title ?? `Task ${index + 1}`,
        description: '',
        ownerRole: task.ownerRole ?? 'MANAGER',
        offsetDays: task.offsetDays ?? index,
        required: task.required ?? true,
      }))
    : DEFAULT_TEMPLATE_TASKS;
  return client.onboardingTemplate.create({
    data: { name: options.name ?? `Template ${Math.random().toString(36).slice(2, 8)}`, tasks: { create: tasks.map((task, index) => ({ ...task, position: index + 1 })) } },
    select: { id: true, name: true },
  });
}

export interface PlacementOptions {
  startDate?: Date;
  contractType?: ContractType;
  band?: number | null;
  hoursPerWeek?: number;
  workingDays?: Weekday[];
  lineManager?: Ref | null;
  peerSupervisor?: Ref | null;
  template?: Ref;
  hr?: Ref | null;
  appointmentId?: string | null;
}

/** A current placement of `person` in `team` on `roleVersion`, with its joining plan. */
export async function createPlacement(team: Ref, person: Ref, roleVersion: Ref, createdBy: Ref, options: PlacementOptions = {}, client: Client = db) {
  const placement = await client.placement.create({
    data: {
      teamId: team.id,
      userId: person.id,
      roleVersionId: roleVersion.id,
      appointmentId: options.appointmentId ?? null,
      startDate: options.startDate ?? new Date(Date.UTC(2026, 11, 7)),
      contractType: options.contractType ?? 'PERMANENT',
      band: options.band === undefined ? 4 : options.band,
      hoursPerWeek: options.hoursPerWeek ?? 37.5,
      workingDays: options.workingDays ?? ['MON', 'TUE', 'WED', 'THU', 'FRI'],
      lineManagerId: options.lineManager?.id ?? null,
      peerSupervisorId: options.peerSupervisor?.id ?? null,
      createdById: createdBy.id,
    },
    select: { id: true, userId: true, teamId: true, startDate: true, workingDays: true, lineManagerId: true, peerSupervisorId: true, version: true },
  });
  const template = options.template ?? (await createTemplate({}, client));
  const plan = await startPlan(client, placement, { templateId: template.id, reason: 'JOINING', createdById: createdBy.id, hrId: options.hr?.id ?? null });
  return { ...placement, planId: plan.planId };
}

export type FactoryPlacement = Awaited<ReturnType<typeof createPlacement>>;

export function createMeeting(team: Ref, options: { name?: string; day?: Weekday; time?: string; main?: boolean } = {}, client: Client = db) {
  return client.teamMeeting.create({ data: { teamId: team.id, name: options.name ?? 'Team meeting', day: options.day ?? 'WED', time: options.time ?? '10:00', main: options.main ?? false }, select: { id: true } });
}

export function grantSystem(person: Ref, system: string, client: Client = db) {
  return client.systemAccess.create({ data: { userId: person.id, system }, select: { id: true } });
}
