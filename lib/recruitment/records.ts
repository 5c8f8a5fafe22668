import { ActionError, MESSAGES } from '@/lib/action-error';
import type { db, Tx } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ScoringStage, VacancyStatus } from '@/lib/generated/prisma/enums';
import { criteriaForStage, eligibleScorers, everyoneSubmitted, scoreMatrix, type PanelSeat, type ScoreMatrix } from '@/lib/recruitment/rules';

type Client = Tx | typeof db;

/*
 * The steps recruitment's actions share, inside their transaction: the vacancy
 * locked while its status or panel changes, the panel as the composition rule
 * reads it, and a candidate's scores as the panel may see them.
 */

/** The vacancy, locked until the transaction ends, so two status moves or panel changes cannot interleave. */
export async function lockVacancy(tx: Tx, vacancyId: string) {
  await tx.$queryRaw`SELECT id FROM "Vacancy" WHERE id = ${vacancyId}::uuid FOR UPDATE`;
  return tx.vacancy.findUniqueOrThrow({
    where: { id: vacancyId },
    select: { id: true, teamId: true, title: true, status: true, version: true, posts: true, specificationId: true, roleVersionId: true, createdById: true, team: { select: { name: true } } },
  });
}

export type LockedVacancy = Awaited<ReturnType<typeof lockVacancy>>;

/** Refuses changes that a vacancy's status no longer allows. */
export function requireStatus(vacancy: { status: VacancyStatus }, allowed: readonly VacancyStatus[], message: string): void {
  if (!allowed.includes(vacancy.status)) throw new ActionError('CONFLICT', message);
}

/** What the composition rule and the matrix read of each panel member. */
export const seatSelect = {
  id: true,
  userId: true,
  role: true,
  shortlisting: true,
  interview: true,
  conflictsDeclaredAt: true,
  user: { select: { name: true, orgRole: true, disabledAt: true, memberships: { where: { team: { archivedAt: null } }, select: { role: true } } } },
} satisfies Prisma.PanelMemberSelect;

export const seatOrder = [{ role: 'asc' }, { createdAt: 'asc' }] satisfies Prisma.PanelMemberOrderByWithRelationInput[];

export type Seat = PanelSeat & { id: string; role: 'CHAIR' | 'MEMBER'; name: string; conflictsDeclaredAt: Date | null };

/**
 * The panel as the composition rule reads it: lived experience is a peer worker
 * in any team or a service-user representative; HR or management is HR or a
 * manager of any team. Disabled people do not count.
 */
export function seatsFrom(members: ReadonlyArray<SeatRow>): Seat[] {
  return members
    .filter((member) => !member.user.disabledAt)
    .map((member) => ({
      id: member.id,
      userId: member.userId,
      role: member.role,
      name: member.user.name,
      shortlisting: member.shortlisting,
      interview: member.interview,
      conflictsDeclaredAt: member.conflictsDeclaredAt,
      livedExperience: member.user.orgRole === 'SERVICE_USER_REP' || member.user.memberships.some((membership) => membership.role === 'PEER_WORKER'),
      hrOrManager: member.user.orgRole === 'HR' || member.user.memberships.some((membership) => membership.role === 'MANAGER'),
    }));
}

export async function panelSeats(client: Client, vacancyId: string): Promise<Seat[]> {
  return seatsFrom(await client.panelMember.findMany({ where: { vacancyId }, orderBy: seatOrder, select: seatSelect }));
}

/** The candidate with what every action on them checks: their vacancy and where they stand. */
export async function openCandidate(tx: Tx, candidateId: string) {
  // The vacancy is locked first, then the candidate read: every action on a vacancy's candidates queues on the same
  // lock, so two decisions cannot both pass the version check, and the order matches moveVacancy's.
  const { vacancyId } = await tx.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { vacancyId: true } });
  const vacancy = await lockVacancy(tx, vacancyId);
  const candidate = await tx.candidate.findUniqueOrThrow({
    where: { id: candidateId },
    select: {
      id: true,
      number: true,
      version: true,
      vacancyId: true,
      guaranteedInterview: true,
      shortlistOutcome: true,
      outcome: true,
      purgedAt: true,
      email: true,
      name: true,
    },
  });
  return { candidate, vacancy };
}

/** Refuses someone who declared a conflict of interest with the candidate: they neither score nor decide about them. */
export async function requireNoConflict(tx: Tx, candidateId: string, userId: string, doing: string): Promise<void> {
  if (await tx.conflictDeclaration.findUnique({ where: { candidateId_userId: { candidateId, userId } }, select: { id: true } })) {
    throw new ActionError('FORBIDDEN', `You declared a conflict of interest with this candidate, so you do not ${doing}.`);
  }
}

export const criterionSelect = {
  id: true,
  position: true,
  category: true,
  wording: true,
  essential: true,
  assessedBy: true,
  weight: true,
  descriptors: true,
  questions: true,
} satisfies Prisma.CriterionSelect;

export const criterionOrder = [{ position: 'asc' }, { id: 'asc' }] satisfies Prisma.CriterionOrderByWithRelationInput[];

/** The specification's criteria in order, as the rules read them. */
export function specificationCriteria(client: Client, specificationId: string) {
  return client.criterion.findMany({ where: { specificationId }, orderBy: criterionOrder, select: criterionSelect });
}

/** Each score sheet's current scores: a correction replaces the score it corrects. */
export function currentScores(scores: ReadonlyArray<{ id: string; criterionId: string; score: number; correctsId: string | null; createdAt: Date }>): Map<string, number> {
  const corrected = new Set(scores.map((score) => score.correctsId).filter((id): id is string => id !== null));
  const current = new Map<string, number>();
  for (const score of [...scores].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    if (!corrected.has(score.id)) current.set(score.criterionId, score.score);
  }
  return current;
}

export interface StageScores {
  stage: ScoringStage;
  /** Who must submit: the members at this stage without a conflict with the candidate. */
  eligible: Array<{ userId: string; name: string }>;
  submitted: Set<string>;
  complete: boolean;
  /** Only once every eligible member has submitted: the matrix, with each column's member. */
  matrix: (ScoreMatrix & { memberNames: string[] }) | null;
}

export const scoreSelect = { id: true, criterionId: true, score: true, evidence: true, correctsId: true, reason: true, createdAt: true } satisfies Prisma.ScoreSelect;

export const sheetSelect = { userId: true, stage: true, submittedAt: true, scores: { orderBy: { createdAt: 'asc' }, select: scoreSelect } } satisfies Prisma.ScoreSheetSelect;

/**
 * Everything the matrix reads about one candidate, in one query: the panel,
 * the conflicts declared, the specification's criteria, and the score sheets.
 * Only submitted sheets are read, and the viewer's own (a draft is its
 * author's alone); stageScoresFrom uses only the submitted ones.
 */
export const scoringFactsSelect = (viewerId: string | null) => ({
  conflicts: { select: { userId: true } },
  sheets: { where: { OR: [{ submittedAt: { not: null } }, ...(viewerId ? [{ userId: viewerId }] : [])] }, select: sheetSelect },
  vacancy: { select: { panel: { orderBy: seatOrder, select: seatSelect }, specification: { select: { criteria: { orderBy: criterionOrder, select: criterionSelect } } } } },
});

type SeatRow = Prisma.PanelMemberGetPayload<{ select: typeof seatSelect }>;
type CriterionRow = Prisma.CriterionGetPayload<{ select: typeof criterionSelect }>;
type SheetRow = Prisma.ScoreSheetGetPayload<{ select: typeof sheetSelect }>;

/** What scoringFactsSelect reads (a page may read more in the same query). */
export interface ScoringFacts {
  conflicts: ReadonlyArray<{ userId: string }>;
  sheets: readonly SheetRow[];
  vacancy: { panel: readonly SeatRow[]; specification: { criteria: readonly CriterionRow[] } };
}

/**
 * A candidate's scores at one stage as anyone other than their author may see
 * them: who has submitted (never what) until every eligible member has, then
 * the matrix of submitted sheets. Never a draft.
 */
export function stageScoresFrom(facts: ScoringFacts, stage: ScoringStage): StageScores {
  const seats = seatsFrom(facts.vacancy.panel);
  const conflicted = new Set(facts.conflicts.map((conflict) => conflict.userId));
  const eligibleIds = eligibleScorers(seats, stage, conflicted);
  const names = new Map(seats.map((seat) => [seat.userId, seat.name]));
  const sheets = facts.sheets.filter((sheet) => sheet.stage === stage && sheet.submittedAt !== null && eligibleIds.includes(sheet.userId));
  const submitted = new Set(sheets.map((sheet) => sheet.userId));
  const complete = everyoneSubmitted(eligibleIds, submitted);
  const eligible = eligibleIds.map((userId) => ({ userId, name: names.get(userId) ?? '' }));
  if (!complete) return { stage, eligible, submitted, complete, matrix: null };
  const byMember = new Map(sheets.map((sheet) => [sheet.userId, currentScores(sheet.scores)]));
  const matrix = scoreMatrix(
    criteriaForStage(facts.vacancy.specification.criteria, stage),
    eligibleIds.map((userId) => ({ memberId: userId, scores: byMember.get(userId) ?? new Map() })),
  );
  return { stage, eligible, submitted, complete, matrix: { ...matrix, memberNames: eligibleIds.map((userId) => names.get(userId) ?? '') } };
}

/** The same for one candidate, read in one query (actions, inside their transaction). */
export async function stageScores(client: Client, candidate: { id: string }, stage: ScoringStage): Promise<StageScores> {
  const facts = await client.candidate.findUniqueOrThrow({ where: { id: candidate.id }, select: scoringFactsSelect(null) });
  return stageScoresFrom(facts, stage);
}

/** Refuses a change to a record that has been purged: its personal data is gone. */
export function requireNotPurged(candidate: { purgedAt: Date | null }): void {
  if (candidate.purgedAt) throw new ActionError('CONFLICT', 'This candidate’s personal data has been deleted under the retention rule.');
}

/** An action that reached a record through a relation the person no longer holds. */
export function notOnPanel(): ActionError {
  return new ActionError('FORBIDDEN', MESSAGES.FORBIDDEN);
}
