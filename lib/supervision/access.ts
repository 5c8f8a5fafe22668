import { db, type Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can, teamsGranting, type PermissionScope, type PermissionSubject, type RecordRelation } from '@/lib/permissions';
import { isUuid } from '@/lib/schema-fields';

type Client = Tx | typeof db;
type Person = PermissionSubject & { id: string };

/*
 * Who may see what of supervision, decided here for pages, exports and actions.
 *
 * - That supervision happens (type, date, duration, topics, signed or not, due
 *   or overdue): the peer worker, their line manager and peer supervisor, the
 *   supervisors in their agreement, the team's managers, HR and administrators.
 * - A session's notes, comments and actions: ONLY the two parties to that
 *   session, the peer worker and that session's supervisor (SESSION_PARTY).
 *   No organisation or team role reaches them; `mayReadNotes` is the one test,
 *   and queries decrypt nothing for anyone else.
 * Relations come from the database, never the client.
 */

const agreementSelect = {
  id: true,
  teamId: true,
  peerWorkerId: true,
  placementId: true,
  signedByPeerWorkerAt: true,
  version: true,
  placement: { select: { lineManagerId: true, peerSupervisorId: true, endedAt: true } },
  arrangements: { where: { endedAt: null }, select: { id: true, supervisorId: true, type: true } },
} satisfies Prisma.SupervisionAgreementSelect;

type AgreementFacts = Prisma.SupervisionAgreementGetPayload<{ select: typeof agreementSelect }>;

/** A person's relations to an agreement: the peer worker, their line manager or peer supervisor, a supervisor in it. */
export function agreementRelations(agreement: AgreementFacts, userId: string): RecordRelation[] {
  const relations: RecordRelation[] = [];
  if (agreement.peerWorkerId === userId) relations.push('PLACED_PEER_WORKER');
  if (agreement.placement.lineManagerId === userId) relations.push('LINE_MANAGER');
  if (agreement.placement.peerSupervisorId === userId) relations.push('PEER_SUPERVISOR');
  if (agreement.arrangements.some((arrangement) => arrangement.supervisorId === userId)) relations.push('SUPERVISOR');
  return relations;
}

/** The one test for reading a session's notes, comments and actions: the peer worker or that session's supervisor. */
export function mayReadNotes(session: { peerWorkerId: string; supervisorId: string }, userId: string): boolean {
  return session.peerWorkerId === userId || session.supervisorId === userId;
}

/** What one person may do with one agreement; null when they may see nothing of it. */
export async function getAgreementAccess(user: Person, agreementId: string, client: Client = db) {
  if (!isUuid(agreementId)) return null;
  const agreement = await client.supervisionAgreement.findUnique({ where: { id: agreementId }, select: agreementSelect });
  if (!agreement) return null;
  const relations = agreementRelations(agreement, user.id);
  const scope: PermissionScope = { teamId: agreement.teamId, relations };
  const access = {
    agreement,
    relations,
    isPeerWorker: agreement.peerWorkerId === user.id,
    canView: can(user, 'supervision.view', scope),
    canManage: can(user, 'supervision.agreement.manage', scope),
    canSign: can(user, 'supervision.agreement.sign', scope),
    canRecord: can(user, 'supervision.session.record', scope),
  };
  return access.canView ? access : null;
}

export type AgreementAccess = NonNullable<Awaited<ReturnType<typeof getAgreementAccess>>>;

/** The agreements a person may open from lists: every one for HR and administrators, their teams' for managers, and their own. */
export function visibleAgreementsWhere(user: Person): Prisma.SupervisionAgreementWhereInput {
  const teams = teamsGranting(user, 'supervision.view');
  if (teams === 'ALL') return {};
  return {
    OR: [
      { teamId: { in: teams } },
      { peerWorkerId: user.id },
      { placement: { lineManagerId: user.id } },
      { placement: { peerSupervisorId: user.id } },
      { arrangements: { some: { supervisorId: user.id, endedAt: null } } },
    ],
  };
}

/**
 * The teams whose library proposals the person reviews: those where they are
 * the peer supervisor of a current placement, named on the placement or
 * giving its peer supervision. A manager who names someone peer supervisor
 * makes them a reviewer of that team's entries only, never of other teams'.
 */
export async function peerSupervisedTeams(client: Client, userId: string): Promise<string[]> {
  const rows = await client.$queryRaw<Array<{ teamId: string }>>`
    SELECT p."teamId"::text AS "teamId" FROM "Placement" p WHERE p."peerSupervisorId" = ${userId}::uuid AND p."endedAt" IS NULL
    UNION
    SELECT a."teamId"::text FROM "SupervisionArrangement" r
      JOIN "SupervisionAgreement" a ON a.id = r."agreementId"
      JOIN "Placement" p ON p.id = a."placementId"
    WHERE r."supervisorId" = ${userId}::uuid AND r.type = 'PEER' AND r."endedAt" IS NULL AND p."endedAt" IS NULL`;
  return rows.map((row) => row.teamId);
}

/*
 * Scopes for lib/action.ts: the team and the person's relations to the record,
 * from the database. Null when the record does not exist.
 */

export async function agreementScope(tx: Tx, agreementId: string, user: Person): Promise<PermissionScope | null> {
  const agreement = await tx.supervisionAgreement.findUnique({ where: { id: agreementId }, select: agreementSelect });
  return agreement ? { teamId: agreement.teamId, relations: agreementRelations(agreement, user.id) } : null;
}

/** A new agreement's scope: the placement's team, and the line manager's relation to it. */
export async function placementForAgreementScope(tx: Tx, placementId: string, user: Person): Promise<PermissionScope | null> {
  const placement = await tx.placement.findUnique({ where: { id: placementId }, select: { teamId: true, lineManagerId: true } });
  if (!placement) return null;
  return { teamId: placement.teamId, relations: placement.lineManagerId === user.id ? ['LINE_MANAGER'] : [] };
}

export async function arrangementScope(tx: Tx, arrangementId: string, user: Person): Promise<PermissionScope | null> {
  const arrangement = await tx.supervisionArrangement.findUnique({ where: { id: arrangementId }, select: { agreementId: true } });
  return arrangement ? agreementScope(tx, arrangement.agreementId, user) : null;
}

/** A session's scope: the agreement's, plus SESSION_PARTY for the two people in it. */
export async function sessionScope(tx: Tx, sessionId: string, user: Person): Promise<PermissionScope | null> {
  const session = await tx.supervisionSession.findUnique({ where: { id: sessionId }, select: { agreementId: true, peerWorkerId: true, supervisorId: true } });
  if (!session) return null;
  const scope = await agreementScope(tx, session.agreementId, user);
  if (!scope) return null;
  return { teamId: scope.teamId, relations: [...(scope.relations ?? []), ...(mayReadNotes(session, user.id) ? (['SESSION_PARTY'] as const) : [])] };
}

export async function actionScope(tx: Tx, actionId: string, user: Person): Promise<PermissionScope | null> {
  const action = await tx.supervisionAction.findUnique({ where: { id: actionId }, select: { sessionId: true } });
  return action ? sessionScope(tx, action.sessionId, user) : null;
}

/** A library entry under review: TEAM_PEER_SUPERVISOR for a peer supervisor of a current placement in the entry's team. */
export async function libraryReviewScope(tx: Tx, entryId: string, user: Person): Promise<PermissionScope | null> {
  const entry = await tx.libraryEntry.findUnique({ where: { id: entryId }, select: { teamId: true } });
  if (!entry) return null;
  return { teamId: entry.teamId, relations: (await peerSupervisedTeams(tx, user.id)).includes(entry.teamId) ? ['TEAM_PEER_SUPERVISOR'] : [] };
}
