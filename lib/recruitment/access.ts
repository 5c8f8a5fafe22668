import { db, type Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can, teamsGranting, type PermissionScope, type PermissionSubject, type RecordRelation } from '@/lib/permissions';
import { isUuid } from '@/lib/schema-fields';

type Client = Tx | typeof db;
type Person = PermissionSubject & { id: string };

/*
 * Who may see what of recruitment, decided here for pages, exports and actions.
 * HR runs every vacancy; a team's managers follow their team's vacancies and
 * build person specifications, but see no candidate's data; a panel member sees
 * the one vacancy they sit on, and what the stage allows of its candidates.
 * Administrators set the rules and see no candidates. Relations to a vacancy
 * come from the database, never the client.
 */

const vacancySelect = (userId: string) =>
  ({
    id: true,
    teamId: true,
    title: true,
    status: true,
    posts: true,
    closingDate: true,
    reach: true,
    decidedAt: true,
    version: true,
    specificationId: true,
    roleVersionId: true,
    team: { select: { name: true } },
    roleVersion: { select: { number: true, roleId: true, role: { select: { title: true } } } },
    panel: { where: { userId }, select: { id: true, role: true, shortlisting: true, interview: true, conflictsDeclaredAt: true } },
  }) satisfies Prisma.VacancySelect;

/** What one person may do with one vacancy; null when they may see nothing of it (outsiders find no vacancy). */
export async function getVacancyAccess(user: Person, vacancyId: string, client: Client = db) {
  if (!isUuid(vacancyId)) return null;
  const found = await client.vacancy.findUnique({ where: { id: vacancyId }, select: vacancySelect(user.id) });
  if (!found) return null;
  const { panel, ...vacancy } = found;
  const seat = panel[0] ?? null;
  const scope: PermissionScope = { teamId: vacancy.teamId, relations: relationsOf(seat) };
  const access = {
    vacancy,
    seat,
    userId: user.id,
    /** HR: the panel, candidates' data, stages, the full record. */
    canManage: can(user, 'recruitment.vacancy.manage', scope),
    /** HR or the panel's chair: shortlisting outcomes and decisions. */
    canDecide: can(user, 'recruitment.decide', scope),
    /** The chair sees every member's conflict declarations. */
    isChair: seat?.role === 'CHAIR',
    canView: can(user, 'recruitment.view', scope),
  };
  return access.canView || seat ? access : null;
}

export type VacancyAccess = NonNullable<Awaited<ReturnType<typeof getVacancyAccess>>>;

function relationsOf(seat: { role: 'CHAIR' | 'MEMBER' } | null): RecordRelation[] {
  if (!seat) return [];
  return seat.role === 'CHAIR' ? ['PANEL_MEMBER', 'PANEL_CHAIR'] : ['PANEL_MEMBER'];
}

/** The vacancies a person may see in lists: every one for HR, their teams' for managers, the ones they sit on for panel members. */
export function visibleVacanciesWhere(user: Person): Prisma.VacancyWhereInput {
  const teams = teamsGranting(user, 'recruitment.view');
  if (teams === 'ALL') return {};
  return { OR: [{ teamId: { in: teams } }, { panel: { some: { userId: user.id } } }] };
}

/** The person specifications a person may build on: every team's for HR, their own teams' for managers. */
export function editableSpecificationsWhere(user: Person): Prisma.PersonSpecificationWhereInput {
  const teams = teamsGranting(user, 'recruitment.specification.manage');
  return teams === 'ALL' ? {} : { teamId: { in: teams } };
}

/** Whether a person builds person specifications anywhere (HR, or a manager of some team): the pages and links for it. */
export function buildsSpecifications(user: PermissionSubject): boolean {
  const teams = teamsGranting(user, 'recruitment.specification.manage');
  return teams === 'ALL' || teams.length > 0;
}

/**
 * One person specification: those who may edit it, and panel members of a
 * vacancy that uses it (who read its criteria and interview pack). Null otherwise.
 */
export async function getSpecificationAccess(user: Person, specificationId: string, client: Client = db) {
  if (!isUuid(specificationId)) return null;
  const specification = await client.personSpecification.findUnique({
    where: { id: specificationId },
    select: {
      id: true,
      teamId: true,
      title: true,
      version: true,
      roleVersionId: true,
      team: { select: { name: true } },
      roleVersion: { select: { number: true, roleId: true, role: { select: { title: true } } } },
      vacancies: { where: { panel: { some: { userId: user.id } } }, select: { id: true }, take: 1 },
      _count: { select: { vacancies: { where: { status: { notIn: ['DRAFT', 'OPEN'] } } } } },
    },
  });
  if (!specification) return null;
  const { vacancies, _count, ...rest } = specification;
  const canEdit = can(user, 'recruitment.specification.manage', { teamId: rest.teamId });
  if (!canEdit && vacancies.length === 0) return null;
  // Criteria are fixed once a vacancy using them starts scoring: scores point at them.
  return { specification: rest, canEdit, locked: _count.vacancies > 0 };
}

export type SpecificationAccess = NonNullable<Awaited<ReturnType<typeof getSpecificationAccess>>>;

/*
 * Scopes for lib/action.ts: the team and the person's relations to the record,
 * from the database. Null when the record does not exist.
 */

export async function specificationScope(tx: Tx, specificationId: string): Promise<PermissionScope | null> {
  const specification = await tx.personSpecification.findUnique({ where: { id: specificationId }, select: { teamId: true } });
  return specification ? { teamId: specification.teamId } : null;
}

export async function criterionScope(tx: Tx, criterionId: string): Promise<PermissionScope | null> {
  const criterion = await tx.criterion.findUnique({ where: { id: criterionId }, select: { specification: { select: { teamId: true } } } });
  return criterion ? { teamId: criterion.specification.teamId } : null;
}

export async function vacancyScope(tx: Tx, vacancyId: string, user: Person): Promise<PermissionScope | null> {
  const vacancy = await tx.vacancy.findUnique({ where: { id: vacancyId }, select: { teamId: true, panel: { where: { userId: user.id }, select: { role: true } } } });
  return vacancy ? { teamId: vacancy.teamId, relations: relationsOf(vacancy.panel[0] ?? null) } : null;
}

export async function candidateScope(tx: Tx, candidateId: string, user: Person): Promise<PermissionScope | null> {
  const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { vacancyId: true } });
  return candidate ? vacancyScope(tx, candidate.vacancyId, user) : null;
}

export async function panelMemberScope(tx: Tx, panelMemberId: string, user: Person): Promise<PermissionScope | null> {
  const member = await tx.panelMember.findUnique({ where: { id: panelMemberId }, select: { vacancyId: true } });
  return member ? vacancyScope(tx, member.vacancyId, user) : null;
}
