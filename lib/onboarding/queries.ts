import 'server-only';
import type { CurrentUser } from '@/lib/auth/gate';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ContractType, ServiceType, TaskStatus, Weekday } from '@/lib/generated/prisma/enums';
import { getPlacementAccess, placementRelations, teamsManaged, visiblePlacementsWhere } from '@/lib/onboarding/access';
import { placementParity } from '@/lib/onboarding/records';
import { addDays, isOverdue, roleTerms } from '@/lib/onboarding/rules';
import { pageArgs, toPage } from '@/lib/pagination';
import { can } from '@/lib/permissions';
import { pendingPlacements } from '@/lib/recruitment/gate';
import { parseContent } from '@/lib/roles/gate';
import { isUuid } from '@/lib/schema-fields';

/*
 * What each onboarding page shows, already cut to what the person may see
 * (lib/onboarding/access.ts decides): the peer worker, the team's managers,
 * HR, their line manager and peer supervisor see the placement; whoever owes
 * one of its tasks sees the plan; other team members see names and role titles
 * only; outsiders find nothing. Private task notes reach only the peer worker
 * who owes the task. Each page reads in at most four round trips, whatever the
 * data holds: relations are nested selects (joined in one statement).
 */

/** Today as the date inputs store dates: UTC midnight. */
const today = () => addDays(new Date(), 0);

const OPEN_STATUSES: TaskStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'CANNOT_START'];

/** How many tasks a placement's plans hold, how many are done and how many are late: from the unfinished tasks' due dates and a count. */
const progressSelect = () =>
  ({
    select: {
      _count: { select: { tasks: { where: { removedAt: null } } } },
      tasks: { where: { removedAt: null, status: { in: OPEN_STATUSES } }, select: { dueOn: true } },
    },
  }) satisfies Prisma.Placement$plansArgs;

function progressOf(plans: ReadonlyArray<{ _count: { tasks: number }; tasks: ReadonlyArray<{ dueOn: Date }> }>, ended: boolean, on: Date) {
  const total = plans.reduce((sum, plan) => sum + plan._count.tasks, 0);
  const open = plans.flatMap((plan) => plan.tasks);
  return { total, completed: total - open.length, overdue: ended ? 0 : open.filter((task) => task.dueOn.getTime() < on.getTime()).length };
}

// ---- The onboarding page ----

/** The placements a person may open, current ones first, with the plan's progress. */
export async function listPlacements(user: CurrentUser, page: number) {
  const where = visiblePlacementsWhere(user);
  const on = today();
  const orderBy: Prisma.PlacementOrderByWithRelationInput[] = [{ endedAt: { sort: 'desc', nulls: 'first' } }, { startDate: 'desc' }, { id: 'asc' }];
  // The page's ids first, then their details: joined in one query, the plans' progress would be worked out for
  // every placement HR may see (all of them) before the page was cut.
  const [ids, total] = await Promise.all([db.placement.findMany({ where, orderBy, ...pageArgs(page), select: { id: true } }), db.placement.count({ where })]);
  const rows = await db.placement.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    orderBy,
    select: {
      id: true,
      startDate: true,
      endedAt: true,
      user: { select: { name: true } },
      team: { select: { name: true } },
      roleVersion: { select: { role: { select: { title: true } } } },
      plans: progressSelect(),
    },
  });
  const items = rows.map((row) => ({
    id: row.id,
    name: row.user.name,
    teamName: row.team.name,
    roleTitle: row.roleVersion.role.title,
    startDate: row.startDate,
    endedAt: row.endedAt,
    progress: progressOf(row.plans, Boolean(row.endedAt), on),
  }));
  return toPage(items, total, page);
}

export type PlacementRow = Awaited<ReturnType<typeof listPlacements>>['items'][number];

/**
 * The current peer worker placements in the person's own teams that they may
 * not open: names and role titles only, as any colleague would know them.
 */
export async function teamPeerWorkers(user: CurrentUser) {
  const teamIds = user.memberships.filter((membership) => !can(user, 'onboarding.view', { teamId: membership.teamId })).map((membership) => membership.teamId);
  if (teamIds.length === 0) return [];
  const rows = await db.placement.findMany({
    where: { teamId: { in: teamIds }, endedAt: null, NOT: visiblePlacementsWhere(user) },
    orderBy: [{ team: { name: 'asc' } }, { user: { name: 'asc' } }, { id: 'asc' }],
    take: 200,
    select: { id: true, user: { select: { name: true } }, team: { select: { name: true } }, roleVersion: { select: { role: { select: { title: true } } } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.user.name, teamName: row.team.name, roleTitle: row.roleVersion.role.title }));
}

/** The teams where the person places peer workers, by name: only teams they are a member of (no organisation role places anyone). */
export function managedTeams(user: CurrentUser): Array<{ id: string; name: string }> {
  const managed = teamsManaged(user);
  return user.memberships
    .filter((membership) => managed === 'ALL' || managed.includes(membership.teamId))
    .map((membership) => ({ id: membership.teamId, name: membership.team.name }));
}

/** People recruitment handed on to the teams this person manages, waiting for their placement to start. */
export async function waitingPlacements(user: CurrentUser) {
  const teams = managedTeams(user);
  if (teams.length === 0) return [];
  const names = new Map(teams.map((team) => [team.id, team.name]));
  const rows = await pendingPlacements(db, [...names.keys()]);
  return rows.map((row) => ({ appointmentId: row.id, name: row.user.name, email: row.user.email, teamName: names.get(row.teamId) ?? '', vacancyTitle: row.vacancy.title, handedOnAt: row.createdAt }));
}

// ---- Starting a placement ----

export interface ArrangementDefaults {
  contractType: ContractType | null;
  hoursPerWeek: number | null;
  workingDays: Weekday[];
  band: number | null;
}

/** What the agreed role version says of the working arrangements: the form's starting values. */
function defaultsFrom(content: unknown): ArrangementDefaults {
  const working = parseContent(content).working;
  const terms = roleTerms(working);
  return { contractType: terms.contractType, hoursPerWeek: working.hoursPerWeek, workingDays: [...working.workingDays], band: terms.band };
}

/** Templates to choose from: the one for the team's kind of service first, then the general ones, then the rest. */
async function templatesFor(serviceType: ServiceType | null) {
  const templates = await db.onboardingTemplate.findMany({
    where: { archivedAt: null },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 200,
    select: { id: true, name: true, serviceType: true, _count: { select: { tasks: true } } },
  });
  const rank = (template: { serviceType: ServiceType | null }) => (serviceType && template.serviceType === serviceType ? 0 : template.serviceType === null ? 1 : 2);
  return templates
    .filter((template) => template._count.tasks > 0)
    .sort((a, b) => rank(a) - rank(b))
    .map((template) => ({ id: template.id, name: template.name, serviceType: template.serviceType, tasks: template._count.tasks }));
}

export type TemplateOption = Awaited<ReturnType<typeof templatesFor>>[number];

/**
 * What the "start a placement" form needs: from a recruitment appointment in a
 * team the person manages (the person, team and role fixed), or directly (the
 * agreed roles of the teams they manage). Null for anyone who places nobody,
 * and for an appointment that is not theirs to place or is already placed.
 */
export async function getStartPlacementForm(user: CurrentUser, { appointmentId, roleId }: { appointmentId: string; roleId: string }) {
  const managed = teamsManaged(user);
  if (managed !== 'ALL' && managed.length === 0) return null;
  const inManagedTeams = managed === 'ALL' ? {} : { teamId: { in: managed } };
  if (appointmentId) {
    if (!isUuid(appointmentId)) return null;
    const appointment = await db.appointment.findFirst({
      where: { id: appointmentId, ...inManagedTeams, team: { archivedAt: null } },
      select: {
        id: true,
        createdAt: true,
        placedAt: true,
        placement: { select: { id: true } },
        user: { select: { name: true, email: true } },
        team: { select: { name: true, serviceType: true } },
        vacancy: { select: { title: true } },
        roleVersion: { select: { number: true, content: true, role: { select: { title: true } } } },
      },
    });
    if (!appointment) return null;
    // Already placed (the form was just posted without JavaScript, or an old link): say so, and where the placement is.
    if (appointment.placedAt) return { kind: 'PLACED' as const, name: appointment.user.name, placementId: appointment.placement?.id ?? null };
    return {
      kind: 'APPOINTMENT' as const,
      appointment: {
        id: appointment.id,
        name: appointment.user.name,
        email: appointment.user.email,
        teamName: appointment.team.name,
        vacancyTitle: appointment.vacancy.title,
        roleTitle: appointment.roleVersion.role.title,
        versionNumber: appointment.roleVersion.number,
      },
      roles: [],
      selectedRoleId: null,
      defaults: defaultsFrom(appointment.roleVersion.content),
      templates: await templatesFor(appointment.team.serviceType),
    };
  }
  const roles = await db.role.findMany({
    where: { ...inManagedTeams, team: { archivedAt: null }, versions: { some: { status: 'AGREED' } } },
    orderBy: [{ team: { name: 'asc' } }, { title: 'asc' }, { id: 'asc' }],
    take: 500,
    select: {
      id: true,
      title: true,
      team: { select: { name: true, serviceType: true } },
      versions: { where: { status: 'AGREED' }, orderBy: { number: 'desc' }, take: 1, select: { number: true, content: true } },
    },
  });
  const options = roles.flatMap((role) => (role.versions[0] ? [{ id: role.id, title: role.title, teamName: role.team.name, serviceType: role.team.serviceType, versionNumber: role.versions[0].number, defaults: defaultsFrom(role.versions[0].content) }] : []));
  // The role chosen in the link (?roleId=), or the only one: its agreed arrangements fill the form.
  const selected = options.find((role) => role.id === roleId) ?? (options.length === 1 ? options[0] : null);
  return {
    kind: 'DIRECT' as const,
    appointment: null,
    roles: options.map((role) => ({ id: role.id, title: role.title, teamName: role.teamName, versionNumber: role.versionNumber })),
    selectedRoleId: selected?.id ?? null,
    defaults: selected?.defaults ?? { contractType: null, hoursPerWeek: null, workingDays: [], band: null },
    templates: await templatesFor(selected?.serviceType ?? (new Set(options.map((role) => role.serviceType)).size === 1 ? (options[0]?.serviceType ?? null) : null)),
  };
}

export type StartPlacementForm = NonNullable<Awaited<ReturnType<typeof getStartPlacementForm>>>;

// ---- A placement ----

/** The values a placement change's history records (lib/onboarding/placement-actions.ts snapshot), as stored. */
export type ChangeValues = Record<string, unknown>;

const asValues = (value: Prisma.JsonValue): ChangeValues => (value && typeof value === 'object' && !Array.isArray(value) ? (value as ChangeValues) : {});

/**
 * One placement as this person may see it, or null. Those who may view it
 * (the peer worker, managers, HR, line manager, peer supervisor) get the
 * arrangements, parity issues and history; those who may see the plan get its
 * tasks by section.
 */
export async function getPlacement(user: CurrentUser, placementId: string) {
  const access = await getPlacementAccess(user, placementId);
  if (!access) return null;
  const { canView, canSeePlan } = access;
  const current = !access.placement.endedAt;
  const [found, parity] = await Promise.all([
    db.placement.findUniqueOrThrow({
      where: { id: placementId },
      select: {
        id: true,
        startDate: true,
        contractType: true,
        band: true,
        hoursPerWeek: true,
        workingDays: true,
        endedAt: true,
        version: true,
        user: { select: { name: true } },
        team: { select: { name: true } },
        lineManager: { select: { name: true } },
        peerSupervisor: { select: { name: true } },
        roleVersion: {
          // Every version of the role, small: the history names versions by id, and managers are told of a newer agreed one.
          select: { id: true, number: true, roleId: true, role: { select: { title: true, versions: { orderBy: { number: 'desc' }, take: 200, select: { id: true, number: true, status: true } } } } },
        },
        changes: { orderBy: { createdAt: 'desc' }, take: canView ? 50 : 0, select: { id: true, before: true, after: true, createdAt: true, changedBy: { select: { name: true } } } },
        plans: {
          orderBy: { createdAt: 'asc' },
          take: canSeePlan ? undefined : 0,
          select: {
            id: true,
            reason: true,
            createdAt: true,
            template: { select: { name: true } },
            tasks: {
              orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
              select: { id: true, section: true, title: true, status: true, cannotStartReason: true, dueOn: true, required: true, removedAt: true, owner: { select: { name: true } }, removedBy: { select: { name: true } } },
            },
          },
        },
      },
    }),
    // Parity is for the people who settle it and the peer worker, while the placement is current.
    canView && current ? placementParity(db, placementId) : null,
  ]);
  const on = today();
  // The history names people by id: one read for them (the role's versions came with the role).
  const peopleIds = new Set<string>();
  for (const change of found.changes) {
    for (const values of [change.before, change.after]) {
      if (!values || typeof values !== 'object' || Array.isArray(values)) continue;
      for (const key of ['lineManagerId', 'peerSupervisorId'] as const) {
        const value = (values as ChangeValues)[key];
        if (typeof value === 'string' && isUuid(value)) peopleIds.add(value);
      }
    }
  }
  const people = peopleIds.size > 0 ? await db.user.findMany({ where: { id: { in: [...peopleIds] } }, select: { id: true, name: true } }) : [];
  const versions = found.roleVersion.role.versions;

  const plans = found.plans.map((plan) => {
    const live = plan.tasks.filter((task) => !task.removedAt);
    return {
      id: plan.id,
      reason: plan.reason,
      createdAt: plan.createdAt,
      templateName: plan.template?.name ?? null,
      tasks: live.map((task) => ({
        id: task.id,
        section: task.section,
        title: task.title,
        status: task.status,
        cannotStartReason: task.cannotStartReason,
        dueOn: task.dueOn,
        required: task.required,
        owner: task.owner?.name ?? null,
        overdue: current && isOverdue(task, on),
      })),
    };
  });
  const tasks = plans.flatMap((plan) => plan.tasks);
  const agreed = versions.find((version) => version.status === 'AGREED')?.number ?? null;
  return {
    access,
    placement: {
      id: found.id,
      name: found.user.name,
      teamName: found.team.name,
      teamId: access.placement.teamId,
      roleTitle: found.roleVersion.role.title,
      roleId: found.roleVersion.roleId,
      versionNumber: found.roleVersion.number,
      /** A newer agreed version of the role than the one the placement holds, if there is one. */
      newerAgreedVersion: agreed !== null && agreed > found.roleVersion.number ? agreed : null,
      startDate: found.startDate,
      contractType: found.contractType,
      band: found.band,
      hoursPerWeek: Number(found.hoursPerWeek),
      workingDays: found.workingDays,
      lineManager: found.lineManager?.name ?? null,
      peerSupervisor: found.peerSupervisor?.name ?? null,
      endedAt: found.endedAt,
      version: found.version,
    },
    parity,
    plans,
    progress: { total: tasks.length, completed: tasks.filter((task) => task.status === 'COMPLETED').length, overdue: tasks.filter((task) => task.overdue).length },
    removedTasks: found.plans
      .flatMap((plan) => plan.tasks)
      .filter((task) => task.removedAt)
      .map((task) => ({ id: task.id, title: task.title, removedAt: task.removedAt!, removedBy: task.removedBy?.name ?? null }))
      .sort((a, b) => b.removedAt.getTime() - a.removedAt.getTime()),
    changes: found.changes.map((change) => ({ id: change.id, at: change.createdAt, by: change.changedBy.name, before: asValues(change.before), after: asValues(change.after) })),
    names: Object.fromEntries(people.map((person) => [person.id, person.name])) as Record<string, string>,
    versionNumbers: Object.fromEntries(versions.map((version) => [version.id, version.number])) as Record<string, number>,
  };
}

export type PlacementDetail = NonNullable<Awaited<ReturnType<typeof getPlacement>>>;
export type PlanTask = PlacementDetail['plans'][number]['tasks'][number];

/** Who, where and which role: the heading of the pages under a placement. */
function placementHeading(placementId: string) {
  return db.placement.findUniqueOrThrow({
    where: { id: placementId },
    select: { id: true, version: true, endedAt: true, user: { select: { name: true } }, team: { select: { name: true } }, roleVersion: { select: { number: true, role: { select: { title: true } } } } },
  });
}

function headingOf(found: Awaited<ReturnType<typeof placementHeading>>) {
  return { id: found.id, version: found.version, endedAt: found.endedAt, name: found.user.name, teamName: found.team.name, roleTitle: found.roleVersion.role.title, versionNumber: found.roleVersion.number };
}

export type PlacementHeading = ReturnType<typeof headingOf>;

/** A placement the person manages (end it, add a task), or null. An ended one is returned too: the page says it has ended. */
export async function getManagedPlacement(user: CurrentUser, placementId: string) {
  const access = await getPlacementAccess(user, placementId);
  if (!access?.canManage) return null;
  return { access, placement: headingOf(await placementHeading(placementId)) };
}

/** The change form: the arrangements as they are, the role's agreed version, and the templates for a short plan. */
export async function getChangePlacementForm(user: CurrentUser, placementId: string) {
  const access = await getPlacementAccess(user, placementId);
  if (!access?.canManage || access.placement.endedAt) return null;
  const found = await db.placement.findUniqueOrThrow({
    where: { id: placementId },
    select: {
      id: true,
      version: true,
      startDate: true,
      contractType: true,
      band: true,
      hoursPerWeek: true,
      workingDays: true,
      user: { select: { name: true } },
      team: { select: { name: true, serviceType: true } },
      lineManager: { select: { email: true } },
      peerSupervisor: { select: { email: true } },
      roleVersion: { select: { number: true, role: { select: { title: true, versions: { where: { status: 'AGREED' }, orderBy: { number: 'desc' }, take: 1, select: { number: true } } } } } },
    },
  });
  const agreed = found.roleVersion.role.versions[0]?.number ?? null;
  return {
    access,
    placement: {
      id: found.id,
      version: found.version,
      name: found.user.name,
      teamName: found.team.name,
      roleTitle: found.roleVersion.role.title,
      versionNumber: found.roleVersion.number,
      newerAgreedVersion: agreed !== null && agreed > found.roleVersion.number ? agreed : null,
      startDate: found.startDate,
      contractType: found.contractType,
      band: found.band,
      hoursPerWeek: Number(found.hoursPerWeek),
      workingDays: found.workingDays,
      lineManagerEmail: found.lineManager?.email ?? '',
      peerSupervisorEmail: found.peerSupervisor?.email ?? '',
    },
    templates: await templatesFor(found.team.serviceType),
  };
}

/**
 * One parity issue of a current placement, for someone who may accept it (the
 * team's managers, the line manager). The key comes from the address: only an
 * issue the placement has now, judged on the server, is found. `open` is false
 * once it is accepted on the facts it has now (the page then says so).
 */
export async function getParityIssue(user: CurrentUser, placementId: string, keys: readonly string[]) {
  const access = await getPlacementAccess(user, placementId);
  if (!access?.canAcceptParity || access.placement.endedAt) return null;
  const [found, parity] = await Promise.all([placementHeading(placementId), placementParity(db, placementId)]);
  const issue = parity.issues.find((candidate) => keys.includes(candidate.key));
  if (!issue) return null;
  const acceptance = parity.acceptances.find((candidate) => candidate.key === issue.key) ?? null;
  return { access, placement: headingOf(found), issue, open: parity.open.some((candidate) => candidate.key === issue.key), acceptance };
}

// ---- A task ----

/**
 * One task of a plan, for someone who may see the plan, or null. Who may move
 * it on (its owner, the team's managers), who may reassign or remove it
 * (managers), and the private notes: only for the peer worker whose placement
 * it is, on a task they owe. Nobody else is told that notes exist.
 */
export async function getTask(user: CurrentUser, taskId: string) {
  if (!isUuid(taskId)) return null;
  const task = await db.onboardingTask.findUnique({
    where: { id: taskId },
    select: {
      id: true,
      section: true,
      title: true,
      description: true,
      status: true,
      cannotStartReason: true,
      dueOn: true,
      required: true,
      ownerId: true,
      version: true,
      removedAt: true,
      completedAt: true,
      owner: { select: { name: true, email: true } },
      completedBy: { select: { name: true } },
      removedBy: { select: { name: true } },
      plan: { select: { reason: true, placement: { select: { id: true, user: { select: { name: true } }, team: { select: { name: true } }, roleVersion: { select: { role: { select: { title: true } } } } } } } },
      // Only the author's own notes are ever read; they reach the page only when the author is the peer worker who owes the task.
      notes: { where: { authorId: user.id }, orderBy: { createdAt: 'desc' }, take: 100, select: { id: true, text: true, createdAt: true } },
    },
  });
  if (!task) return null;
  const access = await getPlacementAccess(user, task.plan.placement.id);
  if (!access?.canSeePlan) return null;
  const placement = access.placement;
  const current = !placement.endedAt && !task.removedAt;
  const ownsTask = task.ownerId === user.id;
  const canUpdate = current && can(user, 'onboarding.task.update', { teamId: placement.teamId, relations: placementRelations(placement, user.id, ownsTask) });
  const keepsNotes = access.isPeerWorker && ownsTask;
  return {
    access,
    placement: { id: placement.id, name: task.plan.placement.user.name, teamName: task.plan.placement.team.name, roleTitle: task.plan.placement.roleVersion.role.title, endedAt: placement.endedAt },
    task: {
      id: task.id,
      section: task.section,
      title: task.title,
      description: task.description,
      status: task.status,
      cannotStartReason: task.cannotStartReason,
      dueOn: task.dueOn,
      required: task.required,
      version: task.version,
      removedAt: task.removedAt,
      completedAt: task.completedAt,
      completedBy: task.completedBy?.name ?? null,
      removedBy: task.removedBy?.name ?? null,
      owner: task.owner ? { name: task.owner.name, email: access.canManage ? task.owner.email : null } : null,
      ownsTask,
      planReason: task.plan.reason,
      overdue: current && isOverdue(task, today()),
    },
    canUpdate,
    canManage: current && access.canManage,
    notes: keepsNotes ? task.notes : null,
  };
}

export type TaskDetail = NonNullable<Awaited<ReturnType<typeof getTask>>>;

// ---- The tasks a person owes ----

/** What the person owes: unfinished, not removed, in a current placement. The owner is the signed-in person, so no other scope applies. */
const owedWhere: Prisma.OnboardingTaskWhereInput = { removedAt: null, status: { in: OPEN_STATUSES }, plan: { placement: { endedAt: null } } };

const owedSelect = {
  id: true,
  title: true,
  section: true,
  status: true,
  cannotStartReason: true,
  dueOn: true,
  plan: { select: { placement: { select: { id: true, userId: true, user: { select: { name: true } }, team: { select: { name: true } } } } } },
} as const;

function owedRow(task: Prisma.OnboardingTaskGetPayload<{ select: typeof owedSelect }>, userId: string, on: Date) {
  const placement = task.plan.placement;
  return {
    id: task.id,
    title: task.title,
    section: task.section,
    status: task.status,
    cannotStartReason: task.cannotStartReason,
    dueOn: task.dueOn,
    overdue: isOverdue(task, on),
    placementId: placement.id,
    /** Whose onboarding it is for: null when it is the person's own. */
    forName: placement.userId === userId ? null : placement.user.name,
    teamName: placement.team.name,
  };
}

export type OwedTask = ReturnType<typeof owedRow>;

/** A slice of the tasks the person owes, soonest due first, and how many there are: one statement (the count and the rows under the person). */
async function owedTasks(user: CurrentUser, range: { skip: number; take: number }) {
  const found = await db.user.findUnique({
    where: { id: user.id },
    select: {
      _count: { select: { onboardingTasksOwned: { where: owedWhere } } },
      onboardingTasksOwned: { where: owedWhere, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }], ...range, select: owedSelect },
    },
  });
  const on = today();
  return { items: (found?.onboardingTasksOwned ?? []).map((row) => owedRow(row, user.id, on)), total: found?._count.onboardingTasksOwned ?? 0 };
}

/** Every unfinished task the person owes in current placements, soonest due first. */
export async function listOwedTasks(user: CurrentUser, page: number) {
  const { items, total } = await owedTasks(user, pageArgs(page));
  return toPage(items, total, page);
}
