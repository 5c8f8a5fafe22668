import 'server-only';
import { db } from '@/lib/db';
import type { ScoringStage, VacancyStatus } from '@/lib/generated/prisma/enums';
import { pageArgs, toPage } from '@/lib/pagination';
import { editableSpecificationsWhere, getSpecificationAccess, getVacancyAccess, visibleVacanciesWhere } from '@/lib/recruitment/access';
import { candidateLabel } from '@/lib/recruitment/labels';
import { criterionOrder, criterionSelect, currentScores, scoringFactsSelect, seatOrder, seatSelect, seatsFrom, specificationCriteria, stageScoresFrom, type StageScores } from '@/lib/recruitment/records';
import { checkSpecification, criteriaForStage, declarationsCover, eligibleScorers, everyoneSubmitted, MEETS_THRESHOLD, namesVisibleToPanel, panelProblems, panelsDiffer, SCORE_MAX, scoringStageOf } from '@/lib/recruitment/rules';
import { recruitmentRules } from '@/lib/recruitment/settings';
import type { CurrentUser } from '@/lib/auth/gate';
import { teamsGranting } from '@/lib/permissions';

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
  const teams = teamsGranting(user, 'recruitment.specification.manage');
  return db.role.findMany({
    where: { team: { archivedAt: null }, versions: { some: { status: 'AGREED' } }, ...(teams === 'ALL' ? {} : { teamId: { in: teams } }) },
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
  const namesShown = canManage || namesVisibleToPanel(vacancy.status);
  // The panel, the candidates and where each stands, in one query. The panel's own progress comes from their sheets; for
  // others' sheets only whether they were submitted is read, never a score.
  const [found, rules] = await Promise.all([
    db.vacancy.findUniqueOrThrow({
      where: { id: vacancyId },
      select: {
        panel: { orderBy: seatOrder, select: seatSelect },
        candidates: {
          orderBy: { number: 'asc' },
          select: {
            id: true,
            number: true,
            name: namesShown,
            guaranteedInterview: true,
            adjustments: canManage,
            shortlistOutcome: true,
            outcome: true,
            purgedAt: true,
            createdAt: true,
            appointment: { select: { id: true } },
            conflicts: { where: { userId: user.id }, select: { userId: true } },
            sheets: { where: { OR: [{ submittedAt: { not: null } }, { userId: user.id }] }, select: { userId: true, stage: true, submittedAt: true } },
          },
        },
      },
    }),
    recruitmentRules(db),
  ]);
  const seats = seatsFrom(found.panel);
  const latestCandidate = found.candidates.reduce<Date | null>((latest, candidate) => (!latest || candidate.createdAt > latest ? candidate.createdAt : latest), null);
  const declarationsCurrent = declarationsCover(seat?.conflictsDeclaredAt, latestCandidate);
  // Managers who do not sit on the panel see counts only. A panel member sees the candidates once shortlisting has
  // started and they have declared against the names: before that, a row changing as they declare would show which
  // number a name is.
  const panelSees = Boolean(seat) && vacancy.status !== 'DRAFT' && vacancy.status !== 'OPEN' && (declarationsCurrent || namesShown);
  const candidates = canManage || panelSees ? found.candidates : [];
  const conflicted = new Set(found.candidates.filter((candidate) => candidate.conflicts.length > 0).map((candidate) => candidate.id));
  const submittedCount = new Map<string, number>();
  const mine = new Map<string, 'SUBMITTED' | 'DRAFT'>();
  for (const candidate of candidates) {
    for (const sheet of candidate.sheets) {
      const key = `${candidate.id}:${sheet.stage}`;
      if (sheet.submittedAt) submittedCount.set(key, (submittedCount.get(key) ?? 0) + 1);
      if (sheet.userId === user.id) mine.set(key, sheet.submittedAt ? 'SUBMITTED' : 'DRAFT');
    }
  }
  const stage = scoringStageOf(vacancy.status);
  const rows = candidates
    // At interview the panel works on the candidates invited; HR sees everyone.
    .filter((candidate) => canManage || stage !== 'INTERVIEW' || candidate.shortlistOutcome === 'INVITED')
    .map((candidate) => ({
      id: candidate.id,
      label: namesShown ? (candidate.name ?? `${candidateLabel(candidate.number)} (data deleted)`) : candidateLabel(candidate.number),
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
      total: found.candidates.length,
      invited: found.candidates.filter((candidate) => candidate.shortlistOutcome === 'INVITED').length,
      appointed: found.candidates.filter((candidate) => candidate.outcome === 'APPOINTED').length,
    },
    declarationsCurrent,
    stage,
  };
}

export type VacancyDetail = NonNullable<Awaited<ReturnType<typeof getVacancy>>>;

/**
 * The conflicts page, in one query after access. A panel member gets the
 * candidates' names in alphabetical order with their declaration keys, not
 * their ids or numbers, so that the list cannot be matched to the anonymised
 * applications; the chair and HR get every member's declarations (names, never
 * numbers).
 */
export async function getConflicts(user: CurrentUser, vacancyId: string) {
  const access = await getVacancyAccess(user, vacancyId);
  if (!access || (!access.seat && !access.canManage)) return null;
  const seesEveryone = access.isChair || access.canManage;
  const candidates = await db.candidate.findMany({
    where: { vacancyId },
    orderBy: [{ name: 'asc' }, { declarationKey: 'asc' }],
    select: {
      name: true,
      declarationKey: true,
      purgedAt: true,
      createdAt: true,
      conflicts: { where: seesEveryone ? {} : { userId: user.id }, orderBy: { createdAt: 'asc' }, select: { id: true, userId: true, kind: true, note: true, createdAt: true, user: { select: { name: true } } } },
    },
  });
  const latest = candidates.reduce<Date | null>((at, candidate) => (!at || candidate.createdAt > at ? candidate.createdAt : at), null);
  return {
    access,
    declarationsCurrent: declarationsCover(access.seat?.conflictsDeclaredAt, latest),
    names: access.seat
      ? candidates
          .filter((candidate) => !candidate.purgedAt)
          .map((candidate) => {
            const mine = candidate.conflicts.find((conflict) => conflict.userId === user.id);
            return { name: candidate.name ?? '', declarationKey: candidate.declarationKey, declaration: mine ? { kind: mine.kind, note: mine.note } : null };
          })
      : null,
    // The chair reads who declared what; before the interview stage without the candidate's name, since the candidate
    // pages show which members do not score whom. HR sees the names throughout.
    everyone: seesEveryone
      ? candidates.flatMap((candidate) =>
          candidate.conflicts.map((conflict) => ({
            id: conflict.id,
            kind: conflict.kind,
            note: access.canManage || namesVisibleToPanel(access.vacancy.status) ? conflict.note : null,
            createdAt: conflict.createdAt,
            user: conflict.user,
            candidate: { name: access.canManage || namesVisibleToPanel(access.vacancy.status) ? candidate.name : null },
          })),
        )
      : null,
  };
}

/** What the "record a candidate" form needs: HR only, the vacancy and its shortlisting criteria. */
export async function getCandidateForm(user: CurrentUser, vacancyId: string) {
  const access = await getVacancyAccess(user, vacancyId);
  if (!access?.canManage) return null;
  const criteria = criteriaForStage(await specificationCriteria(db, access.vacancy.specificationId), 'SHORTLISTING');
  return { access, criteria: criteria.map((criterion) => ({ id: criterion.id, wording: criterion.wording })) };
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
      // Everything else the page shows, in the same query: the answers, moderation notes, and what the matrix reads.
      answers: { select: { criterionId: true, text: true, identifying: true } },
      moderation: { orderBy: { createdAt: 'asc' }, select: { id: true, stage: true, criterionId: true, text: true, createdAt: true, author: { select: { name: true } } } },
      conflicts: scoringFactsSelect(user.id).conflicts,
      sheets: scoringFactsSelect(user.id).sheets,
      vacancy: { select: { ...scoringFactsSelect(user.id).vacancy.select, candidates: { orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true } } } },
    },
  });
  if (!candidate) return null;
  const { vacancy, seat, canManage } = access;
  const conflicted = candidate.conflicts.some((conflict) => conflict.userId === user.id);
  const stage = scoringStageOf(vacancy.status);
  const namesShown = canManage || namesVisibleToPanel(vacancy.status);
  if (!canManage) {
    // The panel reads applications once shortlisting starts, and at interview only those it invited.
    if (vacancy.status === 'DRAFT' || vacancy.status === 'OPEN') return null;
    if (stage === 'INTERVIEW' && candidate.shortlistOutcome !== 'INVITED') return null;
  }
  const heading = namesShown ? (candidate.name ?? `${candidateLabel(candidate.number)} (personal data deleted)`) : candidateLabel(candidate.number);
  if (!canManage && conflicted) return { access, blocked: 'CONFLICT' as const, heading, candidate: { id: candidate.id, number: candidate.number } };
  // A member declares conflicts against the names before they read any application.
  if (!canManage && !declarationsCover(seat?.conflictsDeclaredAt, candidate.vacancy.candidates[0]?.createdAt)) return { access, blocked: 'DECLARE_FIRST' as const, heading, candidate: { id: candidate.id, number: candidate.number } };

  const criteria = candidate.vacancy.specification.criteria;
  // At shortlisting the panel reads the answers HR did not mark identifying.
  const answers = candidate.answers.filter((answer) => namesShown || !answer.identifying);
  const shortlisting = stageScoresFrom(candidate, 'SHORTLISTING');
  const interview = stageScoresFrom(candidate, 'INTERVIEW');
  const own = new Map<ScoringStage, OwnSheet>(seat ? candidate.sheets.filter((sheet) => sheet.userId === user.id).map((sheet) => [sheet.stage, { submittedAt: sheet.submittedAt, scores: sheet.scores }]) : []);
  const moderation = candidate.moderation;
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
      // What the matrix was built from stays here: others' sheets are never handed to a page.
      vacancy: undefined,
      conflicts: undefined,
      sheets: undefined,
      answers: undefined,
      moderation: undefined,
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
  const facts = scoringFactsSelect(null);
  const found = await db.candidate.findFirst({
    where: { id: candidateId, vacancyId },
    select: { id: true, number: true, name: true, outcome: true, shortlistOutcome: true, purgedAt: true, conflicts: facts.conflicts, sheets: facts.sheets, vacancy: facts.vacancy },
  });
  if (!found) return null;
  const { id, number, name, outcome, shortlistOutcome, purgedAt } = found;
  const candidate = { id, number, name, outcome, shortlistOutcome, purgedAt };
  const criteria = found.vacancy.specification.criteria;
  const stages = (['SHORTLISTING', 'INTERVIEW'] as const).map((stage) => stageScoresFrom(found, stage));
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

const stageEnded = (status: VacancyStatus, stage: ScoringStage) =>
  stage === 'SHORTLISTING' ? ['INTERVIEWING', 'DECIDED', 'CLOSED'].includes(status) : ['DECIDED', 'CLOSED'].includes(status);

/** The complete scoring record of a vacancy, for a subject-access request or an appeal: HR only. */
export async function getVacancyRecord(user: CurrentUser, vacancyId: string) {
  const access = await getVacancyAccess(user, vacancyId);
  if (!access?.canManage) return null;
  const found = await db.vacancy.findUniqueOrThrow({
    where: { id: vacancyId },
    select: {
      panel: { orderBy: seatOrder, select: seatSelect },
      specification: { select: { criteria: { orderBy: criterionOrder, select: criterionSelect } } },
      candidates: {
        orderBy: { number: 'asc' },
        select: {
          id: true,
          number: true,
          name: true,
          shortlistOutcome: true,
          shortlistReason: true,
          outcome: true,
          rationale: true,
          essentialJustification: true,
          decidedAt: true,
          decidedBy: { select: { name: true } },
          purgedAt: true,
          // Submitted sheets only: a draft is its author's alone, even in the record.
          sheets: {
            where: { submittedAt: { not: null } },
            orderBy: [{ stage: 'asc' }, { submittedAt: 'asc' }],
            select: { candidateId: true, userId: true, stage: true, submittedAt: true, user: { select: { name: true } }, scores: { orderBy: { createdAt: 'asc' }, select: { id: true, criterionId: true, score: true, evidence: true, correctsId: true, reason: true, createdAt: true } } },
          },
          conflicts: { orderBy: { createdAt: 'asc' }, select: { candidateId: true, userId: true, kind: true, note: true, createdAt: true, user: { select: { name: true } } } },
          moderation: { orderBy: { createdAt: 'asc' }, select: { candidateId: true, stage: true, criterionId: true, text: true, createdAt: true, author: { select: { name: true } } } },
        },
      },
    },
  });
  const criteria = found.specification.criteria;
  const seats = seatsFrom(found.panel);
  const candidates = found.candidates.map((candidate) => ({
    id: candidate.id,
    number: candidate.number,
    name: candidate.name,
    shortlistOutcome: candidate.shortlistOutcome,
    shortlistReason: candidate.shortlistReason,
    outcome: candidate.outcome,
    rationale: candidate.rationale,
    essentialJustification: candidate.essentialJustification,
    decidedAt: candidate.decidedAt,
    decidedBy: candidate.decidedBy,
    purgedAt: candidate.purgedAt,
  }));
  const sheets = found.candidates.flatMap((candidate) => candidate.sheets);
  const declarations = found.candidates.flatMap((candidate) => candidate.conflicts);
  const moderation = found.candidates.flatMap((candidate) => candidate.moderation);
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
    // Once a stage has ended its submitted sheets are the record, complete or not (a member who never submitted cannot hide them).
    sheets: sheets.filter((sheet) => complete(sheet.candidateId, sheet.stage) || stageEnded(access.vacancy.status, sheet.stage)),
    declarations,
    moderation,
    current: (scores: OwnSheet['scores']) => currentScores(scores),
  };
}
