// What the demo teams' onboarding shares (prisma/demo-onboarding.ts,
// demo-supervision.ts, demo-crisis-team.ts, demo-inpatient-ward.ts): a team's
// meetings and the systems its people have, and a peer worker placed on an
// agreed role version with everything in their plan done so far. Built with the
// factories in tests/factories/onboarding.ts, so plans and due dates come from
// the same startPlan the actions use; every record is audited as the seed's.
import { DEFAULT_TEMPLATE_NAME } from '@/lib/onboarding/default-template';
import { addDays, weekdayOf, type Weekday } from '@/lib/onboarding/rules';
import type { ContractType } from '@/lib/generated/prisma/enums';
import type { Tx } from '@/lib/db';
import { getAgreedVersion } from '@/lib/roles/gate';
import { createMeeting, createPlacement, grantSystem } from '../tests/factories/onboarding';
import type { DemoPerson, DemoRoleContext } from './demo-roles';

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** `hours` hours into `day`. */
export const at = (day: Date, hours: number) => new Date(day.getTime() + hours * HOUR_MS);

/** The latest day on or before `date` that is `day`. */
export function lastOn(date: Date, day: Weekday): Date {
  let result = addDays(date, 0);
  while (weekdayOf(result) !== day) result = addDays(result, -1);
  return result;
}

type Team = { id: string; name: string };

/** The team's role of this title with its agreed version, and the default template to place peer workers from; null when either is missing. */
export async function agreedRoleOf(tx: Tx, team: { id: string }, title: string) {
  const role = await tx.role.findFirst({ where: { teamId: team.id, title }, select: { id: true } });
  const version = role ? await getAgreedVersion(role.id, tx).catch(() => null) : null;
  const template = await tx.onboardingTemplate.findFirst({ where: { name: DEFAULT_TEMPLATE_NAME, archivedAt: null }, select: { id: true } });
  return version && template ? { version, template } : null;
}

export interface DemoMeeting {
  name: string;
  day: Weekday;
  time: string;
  main: boolean;
}

/** The team's regular meetings, unless the app has recorded some already. */
export async function recordMeetings(context: DemoRoleContext, team: Team, meetings: readonly DemoMeeting[]): Promise<void> {
  if ((await context.tx.teamMeeting.count({ where: { teamId: team.id } })) > 0) return;
  for (const meeting of meetings) {
    const created = await createMeeting(team, meeting, context.tx);
    await context.audit('seed.onboarding.meeting.add', 'TeamMeeting', created.id, `recorded ${team.name}'s ${meeting.name} (${meeting.day} ${meeting.time}${meeting.main ? ', the main decision-making meeting' : ''})`);
  }
}

/** The systems each person (by email) has access to, those they lack added; one audit event for the team. */
export async function recordSystems(context: DemoRoleContext, team: Team, systemsByEmail: Record<string, readonly string[]>): Promise<void> {
  let granted = 0;
  for (const [email, systems] of Object.entries(systemsByEmail)) {
    const person = context.person(email);
    const has = new Set((await context.tx.systemAccess.findMany({ where: { userId: person.id }, select: { system: true } })).map((access) => access.system));
    for (const system of systems.filter((name) => !has.has(name))) {
      await grantSystem(person, system, context.tx);
      granted += 1;
    }
  }
  if (granted > 0) await context.audit('seed.onboarding.systems', 'Team', team.id, `recorded ${granted} systems people in ${team.name} have access to`);
}

export interface OnboardedPlacement {
  startDate: Date;
  contractType: ContractType;
  band: number;
  hoursPerWeek: number;
  workingDays: Weekday[];
  lineManager: DemoPerson;
  peerSupervisor: DemoPerson | null;
  hr: DemoPerson;
  template: { id: string };
}

/**
 * `person` placed in `team` on `version` from the default template, every task
 * that fell due before today done on its due day (an hour ago, if that is still
 * to come). Returns the placement as the supervision demos use it.
 */
export async function placeOnboarded(context: DemoRoleContext, team: Team, person: DemoPerson, version: { id: string }, placedBy: DemoPerson, terms: OnboardedPlacement, now: Date) {
  const { tx } = context;
  const made = await createPlacement(team, person, version, placedBy, terms, tx);
  await context.audit('seed.onboarding.placement.start', 'Placement', made.id, `placed ${person.name} in ${team.name}, with a plan from "${DEFAULT_TEMPLATE_NAME}"`);
  const today = addDays(now, 0);
  for (const task of await tx.onboardingTask.findMany({ where: { planId: made.planId, dueOn: { lt: today } }, select: { id: true, dueOn: true, ownerId: true } })) {
    const completedAt = at(task.dueOn, 15) < now ? at(task.dueOn, 15) : new Date(now.getTime() - HOUR_MS);
    await tx.onboardingTask.update({ where: { id: task.id }, data: { status: 'COMPLETED', completedAt, completedById: task.ownerId, version: { increment: 1 } } });
  }
  await context.audit('seed.onboarding.tasks', 'Placement', made.id, `recorded progress on ${person.name}'s onboarding plan`);
  return { id: made.id, userId: made.userId, teamId: made.teamId, startDate: made.startDate };
}

export type DemoPlacement = Awaited<ReturnType<typeof placeOnboarded>>;

/** The person's current placement in the team, as the supervision demos use it, or null. */
export function currentPlacement(tx: Tx, team: { id: string }, person: { id: string }): Promise<DemoPlacement | null> {
  return tx.placement.findFirst({ where: { teamId: team.id, userId: person.id, endedAt: null }, select: { id: true, userId: true, teamId: true, startDate: true } });
}

/** The person's current placement in the team, or one made by `place` when they have none: re-running the seed places nobody twice. */
export async function placedOnce(tx: Tx, team: { id: string }, person: { id: string }, place: () => Promise<DemoPlacement>): Promise<{ placement: DemoPlacement; created: boolean }> {
  const existing = await currentPlacement(tx, team, person);
  return existing ? { placement: existing, created: false } : { placement: await place(), created: true };
}
