// Factories for onboarding: a template, a placement with its plan, team
// meetings and systems access. Like the other factories they write straight to
// the database (no permission checks, no audit events), keeping the domain's
// invariants: a placement is on a role version, its plan's due dates come from
// lib/onboarding/rules.ts through the same startPlan the actions use.
import { db, type Tx } from '@/lib/db';
import type { ContractType, TaskOwnerRole, TaskSection, Weekday } from '@/lib/generated/prisma/enums';
import { DEFAULT_TEMPLATE_TASKS } from '@/lib/onboarding/default-template';
import { startPlan } from '@/lib/onboarding/records';
import type { RoleContent } from '@/lib/roles/rules';
import { COMPLETE_ROLE_CONTENT, createRole, inviteReviewers, recordAgreement, roleContent, submitVersion } from './roles';

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

type World = {
  thisTeam: Ref;
  managerOfThisTeam: Ref;
  staff: Ref;
  peerWorker: Ref;
  hr: Ref;
};

/**
 * A role of the team with an agreed version whose working arrangements say
 * these terms (contract, hours, pay band as free text): what parity compares a
 * placement with. Agreed as agreedRole() agrees one.
 */
export async function agreedRoleWithTerms(world: World, working: Partial<RoleContent['working']>, client: Client = db) {
  const content = roleContent({ working: { ...COMPLETE_ROLE_CONTENT.working, ...working } });
  const role = await createRole({ team: world.thisTeam, createdBy: world.managerOfThisTeam, content }, client);
  const version = await submitVersion(role, world.managerOfThisTeam, client);
  const reviewers = [world.managerOfThisTeam, world.staff, world.peerWorker, world.hr];
  await inviteReviewers(version, reviewers, world.managerOfThisTeam, client);
  for (const reviewer of reviewers) await recordAgreement(version, reviewer, client);
  return { role, version };
}

/** A short template with one task for each kind of owner, most tests' plan. */
export const SMALL_TEMPLATE_TASKS: readonly TemplateTaskOptions[] = [
  { section: 'TEAM_PREPARATION', title: 'Talk with the team about the role', ownerRole: 'MANAGER', offsetDays: -7 },
  { section: 'INDUCTION', title: 'Complete the local induction', ownerRole: 'PEER_WORKER', offsetDays: 0 },
  { section: 'INDUCTION', title: 'Send the contract', ownerRole: 'HR', offsetDays: 1 },
  { section: 'SUPERVISION_SETUP', title: 'Agree peer supervision', ownerRole: 'SUPERVISOR', offsetDays: 10 },
  { section: 'SYSTEMS_ACCESS', title: 'Same email and records access as colleagues', ownerRole: 'IT_ADMIN', offsetDays: 0 },
];

/**
 * The world's peer worker placed in "this" team on a freshly agreed role by
 * its manager, with a plan from a small template (one task per kind of owner).
 * `tasks` has the plan's first task for each kind of owner.
 */
export async function placedPeerWorker(world: World, options: Omit<PlacementOptions, 'template'> & { roleVersion?: Ref } = {}, client: Client = db) {
  const roleVersion = options.roleVersion ?? (await agreedRoleWithTerms(world, {}, client)).version;
  const template = await createTemplate({ tasks: [...SMALL_TEMPLATE_TASKS] }, client);
  const placement = await createPlacement(world.thisTeam, world.peerWorker, roleVersion, world.managerOfThisTeam, { ...options, template }, client);
  const rows = await client.onboardingTask.findMany({ where: { planId: placement.planId }, orderBy: { createdAt: 'asc' }, select: { id: true, ownerRole: true, ownerId: true, title: true, dueOn: true, version: true } });
  const tasks = Object.fromEntries(SMALL_TEMPLATE_TASKS.map((task) => [task.ownerRole, rows.find((row) => row.title === task.title)!])) as Record<TaskOwnerRole, (typeof rows)[number]>;
  return { roleVersion, template, placement, tasks };
}

/** A date as the NHS date input posts it: day, month and year as text. */
export function dateFields(date: Date) {
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) };
}

/** The change-placement form as the page fills it: the placement's current arrangements at its current version, no plan. */
export async function changeFormFor(placementId: string, client: Client = db) {
  const placement = await client.placement.findUniqueOrThrow({
    where: { id: placementId },
    select: { version: true, startDate: true, contractType: true, band: true, hoursPerWeek: true, workingDays: true, lineManager: { select: { email: true } }, peerSupervisor: { select: { email: true } } },
  });
  return {
    placementId,
    version: placement.version,
    templateId: '',
    startDate: dateFields(placement.startDate),
    contractType: placement.contractType as string,
    band: placement.band === null ? '' : String(placement.band),
    hoursPerWeek: placement.hoursPerWeek.toString(),
    workingDays: [...placement.workingDays] as string[],
    lineManagerEmail: placement.lineManager?.email ?? '',
    peerSupervisorEmail: placement.peerSupervisor?.email ?? '',
  };
}
