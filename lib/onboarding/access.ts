import { db, type Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can, teamsGranting, type PermissionScope, type PermissionSubject, type RecordRelation } from '@/lib/permissions';
import { isUuid } from '@/lib/schema-fields';

type Client = Tx | typeof db;
type Person = PermissionSubject & { id: string };

/*
 * Who may see what of onboarding, decided here for pages and actions. The peer
 * worker sees their own placement and plan; the team's managers, their line
 * manager and peer supervisor see the plan; whoever owes one of its tasks (HR,
 * IT) sees the plan too; HR follows every placement (it recruits to every
 * team); other team members see only names and roles; people outside the team
 * nothing. Private task notes are the peer worker's alone, and a wellbeing plan
 * is read only by the people its owner shares it with, until they revoke it.
 * Relations come from the database, never the client.
 */

interface PlacementPeople {
  userId: string;
  lineManagerId: string | null;
  peerSupervisorId: string | null;
}

/** A person's relations to a placement: theirs, their line manager, their peer supervisor, or owing one of its tasks. */
export function placementRelations(placement: PlacementPeople, userId: string, ownsTask: boolean): RecordRelation[] {
  const relations: RecordRelation[] = [];
  if (placement.userId === userId) relations.push('PLACED_PEER_WORKER');
  if (placement.lineManagerId === userId) relations.push('LINE_MANAGER');
  if (placement.peerSupervisorId === userId) relations.push('PEER_SUPERVISOR');
  if (ownsTask) relations.push('TASK_OWNER');
  return relations;
}

const ownedTaskWhere = (userId: string): Prisma.OnboardingTaskWhereInput => ({ ownerId: userId, removedAt: null });

/** What one person may do with one placement; null when they may see nothing of it (outsiders find no placement). */
export async function getPlacementAccess(user: Person, placementId: string, client: Client = db) {
  if (!isUuid(placementId)) return null;
  const found = await client.placement.findUnique({
    where: { id: placementId },
    select: {
      id: true,
      teamId: true,
      userId: true,
      lineManagerId: true,
      peerSupervisorId: true,
      endedAt: true,
      version: true,
      plans: { where: { tasks: { some: ownedTaskWhere(user.id) } }, select: { id: true }, take: 1 },
    },
  });
  if (!found) return null;
  const { plans, ...placement } = found;
  const relations = placementRelations(placement, user.id, plans.length > 0);
  const scope: PermissionScope = { teamId: placement.teamId, relations };
  const access = {
    placement,
    relations,
    isPeerWorker: placement.userId === user.id,
    canView: can(user, 'onboarding.view', scope),
    canSeePlan: can(user, 'onboarding.plan.view', scope),
    /** The team's managers: change the placement, add, remove and reassign tasks, keep the team's meetings. */
    canManage: can(user, 'onboarding.manage', scope),
    canAcceptParity: can(user, 'onboarding.parity.accept', scope),
  };
  return access.canView || access.canSeePlan ? access : null;
}

export type PlacementAccess = NonNullable<Awaited<ReturnType<typeof getPlacementAccess>>>;

/** The placements a person may open from lists: every one for HR, their teams' for managers, and the ones they are related to. */
export function visiblePlacementsWhere(user: Person): Prisma.PlacementWhereInput {
  const teams = teamsGranting(user, 'onboarding.view');
  if (teams === 'ALL') return {};
  return {
    OR: [
      { teamId: { in: teams } },
      { userId: user.id },
      { lineManagerId: user.id },
      { peerSupervisorId: user.id },
      { plans: { some: { tasks: { some: ownedTaskWhere(user.id) } } } },
    ],
  };
}

/** The teams where a person places peer workers and keeps the team's meetings and systems: 'ALL' or a list. */
export function teamsManaged(user: PermissionSubject): 'ALL' | string[] {
  return teamsGranting(user, 'onboarding.manage');
}

/** Whether someone may read a person's wellbeing plan: only its owner, and the people it is shared with now. */
export async function wellbeingRelations(client: Client, ownerId: string, readerId: string): Promise<RecordRelation[]> {
  if (ownerId === readerId) return [];
  const share = await client.wellbeingShare.findFirst({ where: { plan: { userId: ownerId }, sharedWithId: readerId, revokedAt: null }, select: { id: true } });
  return share ? ['WELLBEING_SHARED'] : [];
}

/*
 * Scopes for lib/action.ts: the team and the person's relations to the record,
 * from the database. Null when the record does not exist.
 */

export async function placementScope(tx: Tx, placementId: string, user: Person): Promise<PermissionScope | null> {
  const access = await getPlacementAccess(user, placementId, tx);
  if (access) return { teamId: access.placement.teamId, relations: access.relations };
  const exists = await tx.placement.findUnique({ where: { id: placementId }, select: { teamId: true } });
  return exists ? { teamId: exists.teamId, relations: [] } : null;
}

/** A task's scope: the placement's team, and TASK_OWNER only for the task's own owner (owing another task in the plan is not enough). */
export async function taskScope(tx: Tx, taskId: string, user: Person): Promise<PermissionScope | null> {
  const task = await tx.onboardingTask.findUnique({
    where: { id: taskId },
    select: { ownerId: true, plan: { select: { placement: { select: { teamId: true, userId: true, lineManagerId: true, peerSupervisorId: true } } } } },
  });
  if (!task) return null;
  const placement = task.plan.placement;
  return { teamId: placement.teamId, relations: placementRelations(placement, user.id, task.ownerId === user.id) };
}

export async function meetingScope(tx: Tx, meetingId: string): Promise<PermissionScope | null> {
  const meeting = await tx.teamMeeting.findUnique({ where: { id: meetingId }, select: { teamId: true } });
  return meeting ? { teamId: meeting.teamId } : null;
}
