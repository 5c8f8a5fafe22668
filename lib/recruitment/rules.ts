import type { AssessmentMethod, CriterionCategory, ScoringStage, VacancyStatus } from '@/lib/generated/prisma/enums';

/*
 * The rules of recruiting against an agreed role, pure so that they can be
 * unit-tested and read in one place: what a person specification must hold,
 * who must sit on a panel, how scores are aggregated and where the panel
 * disagrees, the guaranteed-interview rule, and how long candidates' data is kept.
 */

export const SCORE_MIN = 0;
export const SCORE_MAX = 4;
/** A criterion is met when the panel's mean score reaches this ("meets the criterion"). */
export const MEETS_THRESHOLD = 2;
/** Members whose scores for a criterion differ by this much or more discuss it before moderating. */
export const DIVERGENCE = 2;

export const DEFAULT_DESCRIPTORS: readonly string[] = [
  'No evidence',
  'Limited evidence',
  'Meets the criterion',
  'Good evidence',
  'Strong evidence, with examples',
];

// ---- Person specification ----

export interface CriterionFacts {
  id: string;
  category: CriterionCategory;
  wording: string;
  essential: boolean;
  assessedBy: readonly AssessmentMethod[];
  weight: number;
}

/** The stage at which a method of assessment is scored. */
export function stageOfMethod(method: AssessmentMethod): ScoringStage {
  return method === 'APPLICATION' ? 'SHORTLISTING' : 'INTERVIEW';
}

/** The criteria a stage scores, in the order given. */
export function criteriaForStage<C extends Pick<CriterionFacts, 'assessedBy'>>(criteria: readonly C[], stage: ScoringStage): C[] {
  return criteria.filter((criterion) => criterion.assessedBy.some((method) => stageOfMethod(method) === stage));
}

const CLINICAL_QUALIFICATION =
  /\b(registered (mental health )?nurse|rmn|nmc|hcpc|nursing (degree|qualification|registration)|clinical (qualification|registration|degree)|professional registration|qualified (nurse|social worker|psychologist|therapist|clinician)|social work (degree|qualification|registration)|(psychology|medical|nursing|social work) degree)\b/iu;

/** Wording that asks for a clinical or professional qualification: peer roles rest on lived experience, not these. */
export function asksForClinicalQualification(wording: string): boolean {
  return CLINICAL_QUALIFICATION.test(wording);
}

export interface SpecificationCheck {
  /** What stops the specification being used for a vacancy. */
  problems: string[];
  /** What the author should think twice about, but may keep. */
  warnings: string[];
}

export function checkSpecification(criteria: readonly CriterionFacts[]): SpecificationCheck {
  const problems: string[] = [];
  const warnings: string[] = [];
  if (criteria.length === 0) problems.push('Add at least one criterion');
  if (!criteria.some((criterion) => criterion.category === 'LIVED_EXPERIENCE' && criterion.essential)) {
    problems.push('Add at least one lived experience criterion marked essential: lived experience is what the role rests on');
  }
  for (const criterion of criteria) {
    if (criterion.assessedBy.length === 0) problems.push(`Say where “${criterion.wording}” is assessed`);
    if (criterion.essential && asksForClinicalQualification(criterion.wording)) {
      warnings.push(`“${criterion.wording}” makes a clinical qualification essential: it can shut out people whose lived experience is what the role needs`);
    }
  }
  if (criteria.length > 0 && criteriaForStage(criteria, 'SHORTLISTING').length === 0) problems.push('Assess at least one criterion from the application, so that the panel can shortlist');
  if (criteria.length > 0 && criteriaForStage(criteria, 'INTERVIEW').length === 0) problems.push('Assess at least one criterion at interview or by a task');
  return { problems, warnings };
}

// ---- Panels ----

export interface CompositionRule {
  minScorers: number;
  minLivedExperience: number;
  minHrOrManager: number;
}

export const DEFAULT_COMPOSITION: CompositionRule = { minScorers: 2, minLivedExperience: 1, minHrOrManager: 1 };

export interface PanelSeat {
  userId: string;
  shortlisting: boolean;
  interview: boolean;
  /** A peer worker in any team, or a service-user representative. */
  livedExperience: boolean;
  /** HR, or a manager of any team. */
  hrOrManager: boolean;
}

function sitsAt(seat: PanelSeat, stage: ScoringStage): boolean {
  return stage === 'SHORTLISTING' ? seat.shortlisting : seat.interview;
}

/** What the panel for a stage lacks under the rule: empty when it may go ahead. */
export function panelProblems(seats: readonly PanelSeat[], rule: CompositionRule, stage: ScoringStage): string[] {
  const panel = seats.filter((seat) => sitsAt(seat, stage));
  const stageName = stage === 'SHORTLISTING' ? 'shortlisting' : 'interview';
  const problems: string[] = [];
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (panel.length < rule.minScorers) problems.push(`The ${stageName} panel needs at least ${plural(rule.minScorers, 'scorer', 'scorers')}`);
  if (panel.filter((seat) => seat.livedExperience).length < rule.minLivedExperience) {
    problems.push(`The ${stageName} panel needs at least ${plural(rule.minLivedExperience, 'member', 'members')} with lived experience (a peer worker or a service-user representative)`);
  }
  if (panel.filter((seat) => seat.hrOrManager).length < rule.minHrOrManager) {
    problems.push(`The ${stageName} panel needs at least ${plural(rule.minHrOrManager, 'member', 'members')} from HR or a team manager`);
  }
  return problems;
}

/** True when the people scoring applications are not the people interviewing. */
export function panelsDiffer(seats: readonly PanelSeat[]): boolean {
  return seats.some((seat) => seat.shortlisting !== seat.interview);
}

// ---- Vacancy status ----

export const VACANCY_STAGES: readonly VacancyStatus[] = ['DRAFT', 'OPEN', 'SHORTLISTING', 'INTERVIEWING', 'DECIDED', 'CLOSED'];

/** The status a vacancy moves on to next, or null at the end. Moves are one step forward at a time. */
export function nextStatus(status: VacancyStatus): VacancyStatus | null {
  const index = VACANCY_STAGES.indexOf(status);
  return index >= 0 && index < VACANCY_STAGES.length - 1 ? VACANCY_STAGES[index + 1] : null;
}

/** The scoring stage a vacancy status is in, if any. */
export function scoringStageOf(status: VacancyStatus): ScoringStage | null {
  if (status === 'SHORTLISTING') return 'SHORTLISTING';
  if (status === 'INTERVIEWING') return 'INTERVIEW';
  return null;
}

/**
 * A member's conflict declarations cover the candidates recorded before they
 * confirmed them; a candidate added since means declaring again before reading
 * any application.
 */
export function declarationsCover(confirmedAt: Date | null | undefined, latestCandidateAt: Date | null | undefined): boolean {
  return Boolean(confirmedAt) && (!latestCandidateAt || latestCandidateAt <= confirmedAt!);
}

/** Names reach the panel from the interview stage on; at shortlisting the panel sees "Candidate 7". */
export function namesVisibleToPanel(status: VacancyStatus): boolean {
  return status === 'INTERVIEWING' || status === 'DECIDED' || status === 'CLOSED';
}

// ---- Scores ----

export interface SheetScores {
  memberId: string;
  scores: ReadonlyMap<string, number>;
}

export interface CriterionRow {
  criterionId: string;
  weight: number;
  essential: boolean;
  /** Each member's score, in the order of the sheets; null where they gave none. */
  scores: Array<number | null>;
  mean: number | null;
  /** Highest minus lowest score. */
  spread: number | null;
  /** Members differ by DIVERGENCE or more: discuss before moderating. */
  divergent: boolean;
  meets: boolean;
}

export interface ScoreMatrix {
  members: string[];
  rows: CriterionRow[];
  /** Each member's weighted total, in the order of the sheets. */
  memberTotals: number[];
  /** The sum over criteria of weight × mean score. */
  weightedTotal: number;
  /** The highest weighted total possible: every criterion scored SCORE_MAX. */
  weightedMaximum: number;
  divergentCriteria: string[];
  meetsEveryEssential: boolean;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * The panel's scores for one candidate at one stage, as the panel sees them
 * once every member has submitted: per criterion each score, the mean, the
 * spread and whether members differ enough to discuss it; weighted totals.
 */
export function scoreMatrix(criteria: ReadonlyArray<Pick<CriterionFacts, 'id' | 'weight' | 'essential'>>, sheets: readonly SheetScores[]): ScoreMatrix {
  const rows: CriterionRow[] = criteria.map((criterion) => {
    const scores = sheets.map((sheet) => sheet.scores.get(criterion.id) ?? null);
    const given = scores.filter((score): score is number => score !== null);
    const mean = given.length > 0 ? round(given.reduce((sum, score) => sum + score, 0) / given.length) : null;
    const spread = given.length > 0 ? Math.max(...given) - Math.min(...given) : null;
    return {
      criterionId: criterion.id,
      weight: criterion.weight,
      essential: criterion.essential,
      scores,
      mean,
      spread,
      divergent: spread !== null && spread >= DIVERGENCE,
      meets: mean !== null && mean >= MEETS_THRESHOLD,
    };
  });
  const memberTotals = sheets.map((_, index) => rows.reduce((sum, row) => sum + row.weight * (row.scores[index] ?? 0), 0));
  return {
    members: sheets.map((sheet) => sheet.memberId),
    rows,
    memberTotals,
    weightedTotal: round(rows.reduce((sum, row) => sum + row.weight * (row.mean ?? 0), 0)),
    weightedMaximum: rows.reduce((sum, row) => sum + row.weight * SCORE_MAX, 0),
    divergentCriteria: rows.filter((row) => row.divergent).map((row) => row.criterionId),
    meetsEveryEssential: rows.every((row) => !row.essential || row.meets),
  };
}

/**
 * Who must submit before anyone sees the matrix: the members who sit at this
 * stage, less those who declared a conflict with the candidate.
 */
export function eligibleScorers(seats: ReadonlyArray<Pick<PanelSeat, 'userId' | 'shortlisting' | 'interview'>>, stage: ScoringStage, conflicted: ReadonlySet<string>): string[] {
  return seats.filter((seat) => (stage === 'SHORTLISTING' ? seat.shortlisting : seat.interview) && !conflicted.has(seat.userId)).map((seat) => seat.userId);
}

/** True once every eligible member has submitted (and there is at least one). */
export function everyoneSubmitted(eligible: readonly string[], submitted: ReadonlySet<string>): boolean {
  return eligible.length > 0 && eligible.every((userId) => submitted.has(userId));
}

// ---- Guaranteed interview ----

/**
 * A candidate who opted into a guaranteed-interview scheme (Disability
 * Confident) and meets every essential shortlisting criterion is invited to
 * interview, or the reason they are not is recorded. Null when the decision
 * stands; otherwise what is missing.
 */
export function guaranteedInterviewProblem(candidate: { guaranteedInterview: boolean }, meetsEveryEssential: boolean, invited: boolean, reason: string): string | null {
  if (!candidate.guaranteedInterview || !meetsEveryEssential || invited || reason.trim() !== '') return null;
  return 'This candidate opted into the guaranteed interview scheme and meets every essential criterion: invite them, or record why not';
}

// ---- Retention ----

export const DEFAULT_RETENTION_MONTHS = 6;

/** When a candidate's personal data is purged: this many calendar months after the decision. */
export function retentionDate(decidedAt: Date, months: number): Date {
  const date = new Date(decidedAt);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date;
}
