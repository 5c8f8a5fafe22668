import { ActionError, fieldError } from '@/lib/action-error';
import type { db, Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TaskOwnerRole } from '@/lib/generated/prisma/enums';
import { parseContent } from '@/lib/roles/gate';
import { dueDate, isOverdue, openParityIssues, parityIssues, roleTerms, type ContractType, type ParityIssue, type Weekday } from '@/lib/onboarding/rules';

type Client = Tx | typeof db;

/*
 * The steps onboarding's actions share: locking a placement, finding the
 * people a form names, making a plan from a template, and the facts parity is
 * judged on (read by pages and by the acceptance action alike).
 */

export const placementSelect = {
  id: true,
  userId: true,
  teamId: true,
  roleVersionId: true,
  appointmentId: true,
  startDate: true,
  contractType: true,
  band: true,
  hoursPerWeek: true,
  workingDays: true,
  lineManagerId: true,
  peerSupervisorId: true,
  endedAt: true,
  version: true,
  user: { select: { name: true } },
  team: { select: { name: true } },
} as const;

/** The placement, locked for the rest of the transaction: changes to it and its plan happen one at a time. */
export async function lockPlacement(tx: Tx, placementId: string) {
  await tx.$queryRaw`SELECT id FROM "Placement" WHERE id = ${placementId}::uuid FOR UPDATE`;
  return tx.placement.findUniqueOrThrow({ where: { id: placementId }, select: placementSelect });
}

export type LockedPlacement = Awaited<ReturnType<typeof lockPlacement>>;

export function requireCurrent(placement: { endedAt: Date | null }): void {
  if (placement.endedAt) throw new ActionError('CONFLICT', 'This placement has ended: its plan and arrangements are kept as they were.');
}

/** An active account by email, or a field error naming the field. */
export async function personByEmail(tx: Tx, email: string, field: string, what: string) {
  const person = await tx.user.findUnique({ where: { email }, select: { id: true, name: true, disabledAt: true } });
  if (!person || person.disabledAt) throw fieldError(field, `There is no active PeerRoles account for ${email}: enter the email address of ${what}`);
  return person;
}

/** Who does each kind of template task for this placement; null where nobody is named yet (the manager assigns it). */
export function taskOwners(placement: { userId: string; lineManagerId: string | null; peerSupervisorId: string | null }, people: { managerId: string; hrId: string | null }): Record<TaskOwnerRole, string | null> {
  const manager = placement.lineManagerId ?? people.managerId;
  return {
    MANAGER: manager,
    PEER_WORKER: placement.userId,
    HR: people.hrId,
    SUPERVISOR: placement.peerSupervisorId ?? placement.lineManagerId,
    IT_ADMIN: manager,
  };
}

/**
 * Starts a plan from a template: every task of the template, with its owner
 * and a due date from the placement's start date (the peer worker's own on a
 * day they work, nobody else's on a weekend). Returns the plan and how many
 * tasks it has.
 */
export async function startPlan(
  tx: Tx,
  placement: { id: string; userId: string; startDate: Date; workingDays: Weekday[]; lineManagerId: string | null; peerSupervisorId: string | null },
  options: { templateId: string; reason: 'JOINING' | 'ROLE_CHANGE' | 'ARRANGEMENTS_CHANGE'; createdById: string; hrId: string | null; from?: Date },
) {
  const template = await tx.onboardingTemplate.findUnique({
    where: { id: options.templateId },
    select: { id: true, name: true, archivedAt: true, tasks: { orderBy: { position: 'asc' }, select: { section: true, title: true, description: true, ownerRole: true, offsetDays: true, required: true } } },
  });
  if (!template || template.archivedAt) throw fieldError('templateId', 'Select a template from the list');
  if (template.tasks.length === 0) throw fieldError('templateId', 'This template has no tasks: add some, or choose another');
  const owners = taskOwners(placement, { managerId: options.createdById, hrId: options.hrId });
  // A plan for a change counts from the day of the change, not from the original start.
  const from = options.from ?? placement.startDate;
  const plan = await tx.onboardingPlan.create({ data: { placementId: placement.id, templateId: template.id, reason: options.reason, createdById: options.createdById }, select: { id: true } });
  await tx.onboardingTask.createMany({
    data: template.tasks.map((task) => ({
      planId: plan.id,
      section: task.section,
      title: task.title,
      description: task.description,
      ownerRole: task.ownerRole,
      ownerId: owners[task.ownerRole],
      required: task.required,
      // A change's plan has no "before the start": preparation falls due on the day of the change, not overdue at once.
      dueOn: dueDate(from, options.from ? Math.max(0, task.offsetDays) : task.offsetDays, { isPeerWorker: task.ownerRole === 'PEER_WORKER', workingDays: placement.workingDays }),
    })),
  });
  return { planId: plan.id, templateName: template.name, tasks: template.tasks.length };
}

/** The contract, band and hours the agreed role version says, for parity. */
export async function roleVersionTerms(client: Client, roleVersionId: string) {
  const version = await client.roleVersion.findUniqueOrThrow({ where: { id: roleVersionId }, select: { content: true } });
  return roleTerms(parseContent(version.content).working);
}

/** What parity is judged on, for a placement: its arrangements, the peer worker's systems, the agreed role's terms and the acceptances. */
const placementParitySelect = {
  userId: true,
  workingDays: true,
  contractType: true,
  band: true,
  hoursPerWeek: true,
  peerSupervisorId: true,
  roleVersion: { select: { content: true } },
  user: { select: { systemAccess: { select: { system: true } } } },
  acceptances: { select: { key: true, facts: true, reason: true, createdAt: true, acceptedBy: { select: { name: true } } } },
} satisfies Prisma.PlacementSelect;

/** And for its team: the meetings, and the systems its non-peer colleagues have. */
const teamParitySelect = {
  meetings: { orderBy: [{ day: 'asc' }, { time: 'asc' }], select: { id: true, name: true, day: true, time: true, main: true } },
  memberships: { where: { role: { not: 'PEER_WORKER' }, user: { disabledAt: null } }, select: { userId: true, user: { select: { systemAccess: { select: { system: true } } } } } },
} satisfies Prisma.TeamSelect;

type ParityPlacement = Prisma.PlacementGetPayload<{ select: typeof placementParitySelect }>;
type ParityTeam = Prisma.TeamGetPayload<{ select: typeof teamParitySelect }>;

function judgeParity(placement: ParityPlacement, team: ParityTeam) {
  const colleagues = team.memberships.filter((membership) => membership.userId !== placement.userId);
  const colleagueSystems = new Map<string, number>();
  for (const colleague of colleagues) for (const { system } of colleague.user.systemAccess) colleagueSystems.set(system, (colleagueSystems.get(system) ?? 0) + 1);
  const issues = parityIssues({
    workingDays: placement.workingDays,
    contractType: placement.contractType as ContractType,
    band: placement.band,
    hoursPerWeek: Number(placement.hoursPerWeek),
    peerSupervisorId: placement.peerSupervisorId,
    systems: placement.user.systemAccess.map((access) => access.system),
    team: { meetings: team.meetings, colleagueSystems, colleagues: colleagues.length },
    role: roleTerms(parseContent(placement.roleVersion.content).working),
  });
  return { issues, open: openParityIssues(issues, placement.acceptances), acceptances: placement.acceptances };
}

/**
 * The placement's parity issues, and which are still open: the facts are read
 * in one query (the placement, the team's meetings, the systems its non-peer
 * colleagues have, the agreed role's terms, the acceptances), then judged by
 * lib/onboarding/rules.ts.
 */
export async function placementParity(client: Client, placementId: string): Promise<{ issues: ParityIssue[]; open: ParityIssue[]; acceptances: Array<{ key: string; facts: string; reason: string; createdAt: Date; acceptedBy: { name: string } }> }> {
  const placement = await client.placement.findUniqueOrThrow({ where: { id: placementId }, select: { ...placementParitySelect, team: { select: teamParitySelect } } });
  return judgeParity(placement, placement.team);
}

export interface TeamPlacementMeasures {
  /** Current placements, and those on sessional, voluntary or fixed-term contracts. */
  placements: number;
  insecurePlacements: number;
  /** Parity issues open across them. */
  openParityIssues: number;
  /** Placements whose working days miss the team's main meeting. */
  mainMeetingOnDayOff: number;
}

/**
 * Teams' current placements with each one's open parity issues, judged
 * exactly as each placement's page judges them, a team's facts read once for
 * all its placements: one query, for the dashboards' measures and work list.
 */
/** A team's current placements with what their parity is judged on, who they are and when they started. */
const currentPlacementsSelect = { where: { endedAt: null }, select: { ...placementParitySelect, id: true, startDate: true, user: { select: { name: true, systemAccess: { select: { system: true } } } } } } as const;

async function judgedPlacements(client: Client, where: Prisma.TeamWhereInput) {
  const teams = await client.team.findMany({ where, select: { id: true, name: true, ...teamParitySelect, placements: currentPlacementsSelect } });
  return teams.map((team) => ({ team, placements: team.placements.map((placement) => ({ placement, open: judgeParity(placement, team).open.length })) }));
}

/**
 * Every team's current placements measured for the dashboards' nightly job:
 * how many, how many on the contracts it calls insecure, their open parity
 * issues, and how many miss the team's main meeting.
 */
export async function placementMeasuresByTeam(client: Client, { insecureContracts }: { insecureContracts: readonly string[] }): Promise<Map<string, TeamPlacementMeasures>> {
  const byTeam = new Map<string, TeamPlacementMeasures>();
  for (const { team, placements } of await judgedPlacements(client, { placements: { some: { endedAt: null } } })) {
    const mainDays = team.meetings.filter((meeting) => meeting.main).map((meeting) => meeting.day);
    byTeam.set(team.id, {
      placements: placements.length,
      insecurePlacements: placements.filter(({ placement }) => insecureContracts.includes(placement.contractType)).length,
      openParityIssues: placements.reduce((sum, { open }) => sum + open, 0),
      mainMeetingOnDayOff: placements.filter(({ placement }) => mainDays.some((day) => !placement.workingDays.includes(day))).length,
    });
  }
  return byTeam;
}

/** For a manager's work list: each current placement in these teams with parity issues still open, and how many. */
export async function openParityByPlacement(client: Client, teamIds: readonly string[]): Promise<Array<{ placementId: string; personName: string; teamId: string; teamName: string; startDate: Date; open: number }>> {
  if (teamIds.length === 0) return [];
  return (await judgedPlacements(client, { id: { in: [...teamIds] }, archivedAt: null })).flatMap(({ team, placements }) =>
    placements
      .filter(({ open }) => open > 0)
      .map(({ placement, open }) => ({ placementId: placement.id, personName: placement.user.name, teamId: team.id, teamName: team.name, startDate: placement.startDate, open })),
  );
}

export interface PlacementProgress {
  placementId: string;
  personName: string;
  startDate: Date;
  contractType: ContractType;
  /** The onboarding tasks of its plans not removed: how many, done, overdue (not done, due before today) and marked as cannot start yet. */
  tasks: number;
  completed: number;
  overdue: number;
  cannotStart: number;
  /** The kinds of parity issue still open, judged as the placement's page judges them. */
  openParity: ParityIssue['kind'][];
}

/**
 * A team's current placements for its dashboard, earliest start first: each
 * one's onboarding progress and open parity issues (judged as the
 * placement's page judges them), in one query whatever the team's size.
 * Counts and kinds only: no task note, wellbeing plan or parity message.
 */
export async function onboardingOfTeam(client: Client, teamId: string, today: Date): Promise<PlacementProgress[]> {
  const team = await client.team.findUnique({
    where: { id: teamId },
    select: {
      ...teamParitySelect,
      placements: { ...currentPlacementsSelect, select: { ...currentPlacementsSelect.select, plans: { select: { tasks: { where: { removedAt: null }, select: { status: true, dueOn: true } } } } } },
    },
  });
  if (!team) return [];
  return team.placements
    .map((placement): PlacementProgress => {
      const tasks = placement.plans.flatMap((plan) => plan.tasks);
      return {
        placementId: placement.id,
        personName: placement.user.name,
        startDate: placement.startDate,
        contractType: placement.contractType as ContractType,
        tasks: tasks.length,
        completed: tasks.filter((task) => task.status === 'COMPLETED').length,
        overdue: tasks.filter((task) => isOverdue(task, today)).length,
        cannotStart: tasks.filter((task) => task.status === 'CANNOT_START').length,
        openParity: judgeParity(placement, team).open.map((issue) => issue.kind),
      };
    })
    .sort((a, b) => a.startDate.getTime() - b.startDate.getTime() || a.personName.localeCompare(b.personName, 'en-GB'));
}
