import 'server-only';
import { db } from '@/lib/db';
import type { ScoringStage } from '@/lib/generated/prisma/enums';
import { pageArgs, toPage } from '@/lib/pagination';
import { editableSpecificationsWhere, getSpecificationAccess, getVacancyAccess, visibleVacanciesWhere, type VacancyAccess } from '@/lib/recruitment/access';
import { candidateLabel } from '@/lib/recruitment/labels';
import { currentScores, panelSeats, specificationCriteria, stageScores, type StageScores } from '@/lib/recruitment/records';
import { checkSpecification, criteriaForStage, eligibleScorers, everyoneSubmitted, MEETS_THRESHOLD, namesVisibleToPanel, panelProblems, panelsDiffer, SCORE_MAX, scoringStageOf } from '@/lib/recruitment/rules';
import { recruitmentRules } from '@/lib/recruitment/settings';
import type { CurrentUser } from '@/lib/auth/gate';
import { can } from '@/lib/permissions';

/*
 * What each recruitment page shows, already cut to what the person may see:
 * HR sees candidates in full; a team's manager sees the vacancy and counts, no
 * candidate; a panel member sees "Candidate 7" and the application's
 * non-identifying answers at shortlisting, names from the interview stage, and
 * nobody's scores until every eligible member has submitted. Drafts are read
 * only by their author.
 */

// ---- Lists ----

export async function listVacancies(user: CurrentUser, page: number) {
  const where = visibleVacanciesWhere(user);
  const [items, total] = await Promise.all([
    db.vacancy.findMany({
      where,
      orderBy: [{ closingDate: 'desc' }, { id: 'asc' }],
      ...pageArgs(page),
      select: {
        id: true,
        title: true,
        status: true,
        closingDate: true,
        reach: true,
        team: { select: { name: true } },
        panel: { where: { userId: user.id }, select: { role: true } },
        _count: { select: { candidates: true } },
      },
    }),
    db.vacancy.count({ where }),
  ]);
  return toPage(items, total, page);
}

export async function listSpecifications(user: CurrentUser, page: number) {
  const where = editableSpecificationsWhere(user);
  const [items, total] = await Promise.all([
    db.personSpecification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      ...pageArgs(page),
      select: { id: true, title: true, createdAt: true, team: { select: { name: true } }, roleVersion: { select: { number: true, role: { select: { title: true } } } }, _count: { select: { vacancies: true } } },
    }),
    db.personSpecification.count({ where }),
  ]);
  return toPage(items, total, page);
}

/** Roles with an agreed version that a person may build a specification for: their teams' (HR: every team's). */
export function agreedRolesFor(user: CurrentUser) {
  const teams = can(user, 'recruitment.specification.manage') ? null : user.memberships.filter((membership) => can(user, 'recruitment.specification.manage', { teamId: membership.teamId })).map((membership) => membership.teamId);
  return db.role.findMany({
    where: { team: { archivedAt: null }, versions: { some: { status: 'AGREED' } }, ...(teams ? { teamId: { in: teams } } : {}) },
    orderBy: [{ team: { name: 'asc' } }, { title: 'asc' }],
    take: 500,
    select: { id: true, title: true, team: { select: { name: true } } },
  });
}

// ---- A person specification ----

export async function getSpecification(user: CurrentUser, specificationId: string) {
  const access = await getSpecificationAccess(user, specificationId);
  if (!access) return null;
  const [criteria, vacancies] = await Promise.all([
    specificationCriteria(db, specificationId),
    db.vacancy.findMany({ where: { specificationId, ...visibleVacanciesWhere(user) }, orderBy: { createdAt: 'desc' }, take: 50, select: { id: true, title: true, status: true } }),
  ]);
  return { ...access, criteria, vacancies, check: checkSpecification(criteria) };
}

export type SpecificationDetail = NonNullable<Awaited<ReturnType<typeof getSpecification>>>;

// ---- A vacancy ----

/** Where each candidate stands, for the vacancy page: full rows for HR, labels and the person's own progress for the panel, nothing for others. */
export async function getVacancy(user: CurrentUser, vacancyId: string) {
  const access = await getVacancyAccess(user, vacancyId);
  if (!access) return null;
  const { vacancy, seat, canManage } = access;
  const [seats, rules, candidates, mySheets, submittedSheets, myConflicts, counts] = await Promise.all([
    panelSeats(db, vacancyId),
    recruitmentRules(db),
    canManage || seat
      ? db.candidate.findMany({
          where: { vacancyId },
          orderBy: { number: 'asc' },
          select: { id: true, number: true, name: canManage || namesVisibleToPanel(vacancy.status), guaranteedInterview: canManage, adjustments: canManage, shortlistOutcome: true, outcome: true, purgedAt: true, createdAt: true, appointment: { select: { id: true } } },
        })
      : Promise.resolve([]),
    seat ? db.scoreSheet.findMany({ where: { userId: user.id, candidate: { vacancyId } }, select: { candidateId: true, stage: true, submittedAt: true } }) : Promise.resolve([]),
    canManage || seat
      ? db.scoreSheet.groupBy({ by: ['candidateId', 'stage'], where: { candidate: { vacancyId }, submittedAt: { not: null } }, _count: { _all: true } })
      : Promise.resolve([]),
    seat ? db.conflictDeclaration.findMany({ where: { vacancyId, userId: user.id }, select: { candidateId: true } }) : Promise.resolve([]),
    db.candidate.groupBy({ by: ['shortlistOutcome', 'outcome'], where: { vacancyId }, _count: { _all: true } }),
  ]);
  const conflicted = new Set(myConflicts.map((conflict) => conflict.candidateId));
  const submittedCount = new Map(submittedSheets.map((row) => [`${row.candidateId}:${row.stage}`, row._count._all]));
  const mine = new Map(mySheets.map((sheet) => [`${sheet.candidateId}:${sheet.stage}`, sheet.submittedAt ? ('SUBMITTED' as const) : ('DRAFT' as const)]));
  const stage = scoringStageOf(vacancy.status);
  const latestCandidate = candidates.reduce<Date | null>((latest, candidate) => (!latest || candidate.createdAt > latest ? candidate.createdAt : latest), null);
  const declarationsCurrent = Boolean(seat?.conflictsDeclaredAt && (!latestCandidate || latestCandidate <= seat.conflictsDeclaredAt));
  const rows = candidates
    // At interview the panel works on the candidates invited; HR sees everyone.
    .filter((candidate) => canManage || stage !== 'INTERVIEW' || candidate.shortlistOutcome === 'INVITED')
    .map((candidate) => ({
      id: candidate.id,
      label: canManage || namesVisibleToPanel(vacancy.status) ? (candidate.name ?? `${candidateLabel(candidate.number)} (data deleted)`) : candidateLabel(candidate.number),
      number: candidate.number,
      guaranteedInterview: canManage ? candidate.guaranteedInterview : null,
      adjustments: canManage ? Boolean(candidate.adjustments) : null,
      shortlistOutcome: candidate.shortlistOutcome,
      outcome: candidate.outcome,
      purged: Boolean(candidate.purgedAt),
      appointed: Boolean(candidate.appointment),
      conflicted: conflicted.has(candidate.id),
      myShortlisting: mine.get(`${candidate.id}:SHORTLISTING`) ?? null,
      myInterview: mine.get(`${candidate.id}:INTERVIEW`) ?? null,
      submittedShortlisting: submittedCount.get(`${candidate.id}:SHORTLISTING`) ?? 0,
      submittedInterview: submittedCount.get(`${candidate.id}:INTERVIEW`) ?? 0,
    }));
  return {
    ...access,
    seats,
    rules,
    problems: { SHORTLISTING: panelProblems(seats, rules, 'SHORTLISTING'), INTERVIEW: panelProblems(seats, rules, 'INTERVIEW') },
    panelsDiffer: panelsDiffer(seats),
    candidates: rows,
    counts: {
      total: counts.reduce((sum, row) => sum + row._count._all, 0),
      invited: counts.filter((row) => row.shortlistOutcome === 'INVITED').reduce((sum, row) => sum + row._count._all, 0),
      appointed: counts.filter((row) => row.outcome === 'APPOINTED').reduce((sum, row) => sum + row._count._all, 0),
    },
    declarationsCurrent,
    stage,
  };
}

export type VacancyDetail = NonNullable<Awaited<ReturnType<typeof getVacancy>>>;

/**
 * For a panel member declaring conflicts: the candidates' names in alphabetical
 * order with their declaration keys, not their ids or numbers, so that the list
 * cannot be matched to the anonymised applications.
 */
export async function getDeclarationList(access: VacancyAccess) {
  if (!access.seat) return null;
  const candidates = await db.candidate.findMany({
    where: { vacancyId: access.vacancy.id, purgedAt: null },
    orderBy: [{ name: 'asc' }, { declarationKey: 'asc' }],
    select: { name: true, declarationKey: true, conflicts: { where: { userId: access.userId }, select: { kind: true, note: true } } },
  });
  return candidates.map((candidate) => ({ name: candidate.name ?? '', declarationKey: candidate.declarationKey, declaration: candidate.conflicts[0] ?? null }));
}

/** Every member's declarations, for the chair and HR: who declared what about whom (names, never numbers). */
export async function getAllDeclarations(access: VacancyAccess) {
  if (!access.isChair && !access.canManage) return null;
  return db.conflictDeclaration.findMany({
    where: { vacancyId: access.vacancy.id },
    orderBy: [{ candidate: { name: 'asc' } }, { createdAt: 'asc' }],
    // No number: with it the chair could match the names to the anonymised applications at shortlisting.
    select: { id: true, kind: true, note: true, createdAt: true, user: { select: { name: true } }, candidate: { select: { name: true } } },
  });
}

// ---- A candidate ----

export interface OwnSheet {
  submittedAt: Date | null;
  scores: Array<{ id: string; criterionId: string; score: number; evidence: string | null; correctsId: string | null; reason: string | null; createdAt: Date }>;
}

/**
 * One candidate as this person may see them, or null (not found for outsiders,
 * managers who are not on the panel, and members with a conflict see only why).
 */
export async function getCandidate(user: CurrentUser, vacancyId: string, candidateId: string) {
  const access = await getVacancyAccess(user, vacancyId);
  if (!access || (!access.canManage && !access.seat)) return null;
  const candidate = await db.candidate.findFirst({
    where: { id: candidateId, vacancyId },
    select: {
      id: true,
      number: true,
      version: true,
      name: true,
      email: true,
      phone: true,
      adjustments: true,
      guaranteedInterview: true,
      shortlistOutcome: true,
      shortlistReason: true,
      packReleasedAt: true,
      outcome: true,
      rationale: true,
      essentialJustification: true,
      decidedAt: true,
      retainUntil: true,
      purgedAt: true,
      appointment: { select: { user: { select: { name: true } }, placedAt: true } },
      conflicts: { where: { userId: user.id }, select: { kind: true } },
      vacancy: { select: { candidates: { orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true } } } },
    },
  });
  if (!candidate) return null;
  const { vacancy, seat, canManage } = access;
  const conflicted = candidate.conflicts.length > 0;
  const stage = scoringStageOf(vacancy.status);
  const namesShown = canManage || namesVisibleToPanel(vacancy.status);
  if (!canManage) {
    // The panel reads applications once shortlisting starts, and at interview only those it invited.
    if (vacancy.status === 'DRAFT' || vacancy.status === 'OPEN') return null;
    if (stage === 'INTERVIEW' && candidate.shortlistOutcome !== 'INVITED') return null;
  }
  const heading = namesShown ? (candidate.name ?? `${candidateLabel(candidate.number)} (personal data deleted)`) : candidateLabel(candidate.number);
  if (!canManage && conflicted) return { access, blocked: 'CONFLICT' as const, heading, candidate: { id: candidate.id, number: candidate.number } };
  const latest = candidate.vacancy.candidates[0]?.createdAt;
  const declared = seat?.conflictsDeclaredAt;
  // A member declares conflicts against the names before they read any application.
  if (!canManage && (!declared || (latest && latest > declared))) return { access, blocked: 'DECLARE_FIRST' as const, heading, candidate: { id: candidate.id, number: candidate.number } };

  const [criteria, answers, shortlisting, interview, ownSheets, moderation] = await Promise.all([
    specificationCriteria(db, vacancy.specificationId),
    db.applicationAnswer.findMany({
      // At shortlisting the panel reads the answers HR did not mark identifying.
      where: { candidateId, ...(namesShown ? {} : { identifying: false }) },
      select: { criterionId: true, text: true, identifying: true },
    }),
    stageScores(db, { id: candidateId, vacancyId }, vacancy.specificationId, 'SHORTLISTING'),
    stageScores(db, { id: candidateId, vacancyId }, vacancy.specificationId, 'INTERVIEW'),
    seat
      ? db.scoreSheet.findMany({
          where: { candidateId, userId: user.id },
          select: { stage: true, submittedAt: true, scores: { orderBy: { createdAt: 'asc' }, select: { id: true, criterionId: true, score: true, evidence: true, correctsId: true, reason: true, createdAt: true } } },
        })
      : Promise.resolve([]),
    db.moderationNote.findMany({ where: { candidateId }, orderBy: { createdAt: 'asc' }, select: { id: true, stage: true, criterionId: true, text: true, createdAt: true, author: { select: { name: true } } } }),
  ]);
  const own = new Map<ScoringStage, OwnSheet>(ownSheets.map((sheet) => [sheet.stage, { submittedAt: sheet.submittedAt, scores: sheet.scores }]));
  const isEligible = (state: StageScores) => state.eligible.some((member) => member.userId === user.id);
  return {
    access,
    blocked: null,
    heading,
    namesShown,
    stage,
    criteria,
    candidate: {
      ...candidate,
      vacancy: undefined,
      conflicts: undefined,
      // At shortlisting the panel knows the candidate by number only.
      name: namesShown ? candidate.name : null,
      // Contact details are HR's; adjustments reach the panel with the names, from the interview stage.
      email: canManage ? candidate.email : null,
      phone: canManage ? candidate.phone : null,
      adjustments: canManage || namesShown ? candidate.adjustments : null,
      guaranteedInterview: canManage ? candidate.guaranteedInterview : null,
    },
    answers: new Map(answers.map((answer) => [answer.criterionId, answer])),
    stages: { SHORTLISTING: shortlisting, INTERVIEW: interview },
    own,
    eligibleAt: { SHORTLISTING: isEligible(shortlisting), INTERVIEW: isEligible(interview) },
    // The matrix is for the panel that scored, HR and the chair: never before every eligible member has submitted.
    moderation: shortlisting.complete || interview.complete ? moderation.filter((note) => (note.stage === 'SHORTLISTING' ? shortlisting.complete : interview.complete)) : [],
  };
}

export type CandidateView = NonNullable<Awaited<ReturnType<typeof getCandidate>>>;

// ---- Feedback and the full record (HR) ----

/** A candidate's feedback: their panel's mean score per criterion against the maximum and the threshold. No other candidate, no panel member's name. */
export async function getFeedback(user: CurrentUser, vacancyId: string, candidateId: string) {
  const access = await getVacancyAccess(user, vacancyId);
  if (!access?.canManage) return null;
  const candidate = await db.candidate.findFirst({ where: { id: candidateId, vacancyId }, select: { id: true, vacancyId: true, number: true, name: true, outcome: true, shortlistOutcome: true, purgedAt: true } });
  if (!candidate) return null;
  const criteria = await specificationCriteria(db, access.vacancy.specificationId);
  const stages = await Promise.all((['SHORTLISTING', 'INTERVIEW'] as const).map((stage) => stageScores(db, candidate, access.vacancy.specificationId, stage)));
  return {
    access,
    candidate,
    threshold: MEETS_THRESHOLD,
    maximum: SCORE_MAX,
    stages: stages
      .filter((state) => state.matrix)
      .map((state) => ({
        stage: state.stage,
        rows: criteriaForStage(criteria, state.stage).map((criterion) => ({ criterion, row: state.matrix!.rows.find((row) => row.criterionId === criterion.id)! })),
      })),
  };
}

/** The complete scoring record of a vacancy, for a subject-access request or an appeal: HR only. */
export async function getVacancyRecord(user: CurrentUser, vacancyId: string) {
  const access = await getVacancyAccess(user, vacancyId);
  if (!access?.canManage) return null;
  const [criteria, candidates, sheets, declarations, moderation, seats] = await Promise.all([
    specificationCriteria(db, access.vacancy.specificationId),
    db.candidate.findMany({
      where: { vacancyId },
      orderBy: { number: 'asc' },
      select: { id: true, number: true, name: true, shortlistOutcome: true, shortlistReason: true, outcome: true, rationale: true, essentialJustification: true, decidedAt: true, decidedBy: { select: { name: true } }, purgedAt: true },
    }),
    // Submitted sheets only: a draft is its author's alone, even in the record.
    db.scoreSheet.findMany({
      where: { candidate: { vacancyId }, submittedAt: { not: null } },
      orderBy: [{ candidate: { number: 'asc' } }, { stage: 'asc' }, { submittedAt: 'asc' }],
      select: { candidateId: true, userId: true, stage: true, submittedAt: true, user: { select: { name: true } }, scores: { orderBy: { createdAt: 'asc' }, select: { id: true, criterionId: true, score: true, evidence: true, correctsId: true, reason: true, createdAt: true } } },
    }),
    db.conflictDeclaration.findMany({ where: { vacancyId }, orderBy: { createdAt: 'asc' }, select: { candidateId: true, userId: true, kind: true, note: true, createdAt: true, user: { select: { name: true } } } }),
    db.moderationNote.findMany({ where: { candidate: { vacancyId } }, orderBy: { createdAt: 'asc' }, select: { candidateId: true, stage: true, criterionId: true, text: true, createdAt: true, author: { select: { name: true } } } }),
    panelSeats(db, vacancyId),
  ]);
  // As everywhere else, nobody (HR included) reads a submitted sheet before every eligible member has submitted for that candidate at that stage.
  const submittedBy = new Map<string, Set<string>>();
  for (const sheet of sheets) submittedBy.set(`${sheet.candidateId}:${sheet.stage}`, (submittedBy.get(`${sheet.candidateId}:${sheet.stage}`) ?? new Set()).add(sheet.userId));
  const conflictedWith = (candidateId: string) => new Set(declarations.filter((declaration) => declaration.candidateId === candidateId).map((declaration) => declaration.userId));
  const complete = (candidateId: string, stage: ScoringStage) =>
    everyoneSubmitted(eligibleScorers(seats, stage, conflictedWith(candidateId)), submittedBy.get(`${candidateId}:${stage}`) ?? new Set());
  return {
    access,
    criteria,
    candidates,
    sheets: sheets.filter((sheet) => complete(sheet.candidateId, sheet.stage)),
    declarations,
    moderation,
    current: (scores: OwnSheet['scores']) => currentScores(scores),
  };
}
