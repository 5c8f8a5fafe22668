import {
  asksForClinicalQualification,
  declarationsCover,
  checkSpecification,
  criteriaForStage,
  DEFAULT_COMPOSITION,
  eligibleScorers,
  everyoneSubmitted,
  guaranteedInterviewProblem,
  namesVisibleToPanel,
  nextStatus,
  panelProblems,
  panelsDiffer,
  retentionDate,
  scoreMatrix,
  scoringStageOf,
  type CriterionFacts,
  type PanelSeat,
} from '@/lib/recruitment/rules';
import { csvCell } from '@/lib/csv';

const criterion = (id: string, overrides: Partial<CriterionFacts> = {}): CriterionFacts => ({
  id,
  category: 'SKILLS_KNOWLEDGE',
  wording: `Criterion ${id}`,
  essential: false,
  assessedBy: ['INTERVIEW'],
  weight: 1,
  ...overrides,
});

const seat = (userId: string, overrides: Partial<PanelSeat> = {}): PanelSeat => ({ userId, shortlisting: true, interview: true, livedExperience: false, hrOrManager: false, ...overrides });

describe('person specification checks', () => {
  it('needs an essential lived experience criterion, and a criterion at each stage', () => {
    expect(checkSpecification([]).problems).toEqual(['Add at least one criterion', expect.stringContaining('lived experience criterion marked essential')]);
    const desirableOnly = checkSpecification([criterion('a', { category: 'LIVED_EXPERIENCE', assessedBy: ['APPLICATION', 'INTERVIEW'] })]);
    expect(desirableOnly.problems).toEqual([expect.stringContaining('lived experience criterion marked essential')]);
    const noInterview = checkSpecification([criterion('a', { category: 'LIVED_EXPERIENCE', essential: true, assessedBy: ['APPLICATION'] })]);
    expect(noInterview.problems).toEqual(['Assess at least one criterion at interview or by a task']);
    const noApplication = checkSpecification([criterion('a', { category: 'LIVED_EXPERIENCE', essential: true, assessedBy: ['TASK'] })]);
    expect(noApplication.problems).toEqual(['Assess at least one criterion from the application, so that the panel can shortlist']);
    const unassessed = checkSpecification([criterion('a', { category: 'LIVED_EXPERIENCE', essential: true, assessedBy: ['APPLICATION', 'INTERVIEW'] }), criterion('b', { assessedBy: [] })]);
    expect(unassessed.problems).toEqual(['Say where “Criterion b” is assessed']);
    expect(checkSpecification([criterion('a', { category: 'LIVED_EXPERIENCE', essential: true, assessedBy: ['APPLICATION', 'INTERVIEW'] })])).toEqual({ problems: [], warnings: [] });
  });

  it('warns, without refusing, when a clinical qualification is made essential', () => {
    const base = criterion('a', { category: 'LIVED_EXPERIENCE', essential: true, assessedBy: ['APPLICATION', 'INTERVIEW'] });
    const check = checkSpecification([base, criterion('b', { wording: 'Registered Mental Health Nurse (RMN) with NMC registration', essential: true })]);
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([expect.stringContaining('makes a clinical qualification essential')]);
    expect(checkSpecification([base, criterion('b', { wording: 'Social work degree', essential: false })]).warnings).toEqual([]);
    expect(asksForClinicalQualification('A nursing qualification')).toBe(true);
    expect(asksForClinicalQualification('Lived experience of recovery')).toBe(false);
    expect(asksForClinicalQualification('Knowledge of the Mental Health Act')).toBe(false);
  });

  it('scores application criteria at shortlisting and interview or task criteria at interview', () => {
    const criteria = [criterion('a', { assessedBy: ['APPLICATION'] }), criterion('b', { assessedBy: ['TASK'] }), criterion('c', { assessedBy: ['APPLICATION', 'INTERVIEW'] })];
    expect(criteriaForStage(criteria, 'SHORTLISTING').map((item) => item.id)).toEqual(['a', 'c']);
    expect(criteriaForStage(criteria, 'INTERVIEW').map((item) => item.id)).toEqual(['b', 'c']);
  });
});

describe('the panel composition rule', () => {
  const valid = [seat('hr', { hrOrManager: true }), seat('peer', { livedExperience: true })];

  it('passes with two scorers, one with lived experience and one from HR or management', () => {
    expect(panelProblems(valid, DEFAULT_COMPOSITION, 'SHORTLISTING')).toEqual([]);
    expect(panelProblems(valid, DEFAULT_COMPOSITION, 'INTERVIEW')).toEqual([]);
  });

  it('says what each stage lacks', () => {
    expect(panelProblems([seat('hr', { hrOrManager: true })], DEFAULT_COMPOSITION, 'SHORTLISTING')).toEqual([
      'The shortlisting panel needs at least 2 scorers',
      'The shortlisting panel needs at least 1 member with lived experience (a peer worker or a service-user representative)',
    ]);
    expect(panelProblems([seat('a'), seat('b', { livedExperience: true })], DEFAULT_COMPOSITION, 'INTERVIEW')).toEqual(['The interview panel needs at least 1 member from HR or a team manager']);
    // The peer worker sits at shortlisting only: the interview panel has no lived experience.
    const split = [seat('hr', { hrOrManager: true }), seat('peer', { livedExperience: true, interview: false }), seat('staff')];
    expect(panelProblems(split, DEFAULT_COMPOSITION, 'SHORTLISTING')).toEqual([]);
    expect(panelProblems(split, DEFAULT_COMPOSITION, 'INTERVIEW')).toEqual([expect.stringContaining('interview panel needs at least 1 member with lived experience')]);
  });

  it('follows the organisation’s numbers, and one person can count for both', () => {
    const strict = { minScorers: 3, minLivedExperience: 2, minHrOrManager: 1 };
    expect(panelProblems(valid, strict, 'INTERVIEW')).toHaveLength(2);
    expect(panelProblems([seat('both', { livedExperience: true, hrOrManager: true })], { minScorers: 1, minLivedExperience: 1, minHrOrManager: 1 }, 'INTERVIEW')).toEqual([]);
  });

  it('warns when the shortlisting and interview panels differ', () => {
    expect(panelsDiffer(valid)).toBe(false);
    expect(panelsDiffer([...valid, seat('x', { shortlisting: false })])).toBe(true);
  });
});

describe('the score matrix', () => {
  const criteria = [
    { id: 'lived', weight: 1, essential: true },
    { id: 'values', weight: 2, essential: true },
    { id: 'records', weight: 1, essential: false },
  ];
  const sheets = [
    { memberId: 'claire', scores: new Map([['lived', 3], ['values', 1], ['records', 2]]) },
    { memberId: 'jade', scores: new Map([['lived', 4], ['values', 3], ['records', 2]]) },
    { memberId: 'margaret', scores: new Map([['lived', 3], ['values', 2], ['records', 1]]) },
  ];

  it('gives each member’s score, the mean and the spread per criterion', () => {
    const matrix = scoreMatrix(criteria, sheets);
    expect(matrix.members).toEqual(['claire', 'jade', 'margaret']);
    expect(matrix.rows.map((row) => [row.criterionId, row.scores, row.mean, row.spread])).toEqual([
      ['lived', [3, 4, 3], 3.33, 1],
      ['values', [1, 3, 2], 2, 2],
      ['records', [2, 2, 1], 1.67, 1],
    ]);
  });

  it('flags criteria where members differ by 2 or more, rather than averaging the difference away', () => {
    const matrix = scoreMatrix(criteria, sheets);
    expect(matrix.divergentCriteria).toEqual(['values']);
    expect(matrix.rows.map((row) => row.divergent)).toEqual([false, true, false]);
    expect(scoreMatrix(criteria, [sheets[0], { memberId: 'x', scores: new Map([['lived', 4], ['values', 2], ['records', 3]]) }]).divergentCriteria).toEqual([]);
  });

  it('weights the totals', () => {
    const matrix = scoreMatrix(criteria, sheets);
    // claire 3 + 2×1 + 2 = 7; jade 4 + 2×3 + 2 = 12; margaret 3 + 2×2 + 1 = 8
    expect(matrix.memberTotals).toEqual([7, 12, 8]);
    expect(matrix.weightedTotal).toBe(3.33 + 2 * 2 + 1.67);
    expect(matrix.weightedMaximum).toBe(4 * (1 + 2 + 1));
  });

  it('meets every essential criterion only when each essential mean reaches the threshold', () => {
    expect(scoreMatrix(criteria, sheets).meetsEveryEssential).toBe(true);
    const low = [{ memberId: 'a', scores: new Map([['lived', 1], ['values', 4], ['records', 4]]) }, { memberId: 'b', scores: new Map([['lived', 2], ['values', 4], ['records', 0]]) }];
    expect(scoreMatrix(criteria, low).meetsEveryEssential).toBe(false);
    // A desirable criterion below the threshold does not matter.
    const desirableLow = [{ memberId: 'a', scores: new Map([['lived', 2], ['values', 2], ['records', 0]]) }];
    expect(scoreMatrix(criteria, desirableLow).meetsEveryEssential).toBe(true);
  });

  it('waits for every eligible member: those at the stage without a conflict', () => {
    const seats = [seat('claire'), seat('jade', { shortlisting: false }), seat('margaret')];
    expect(eligibleScorers(seats, 'SHORTLISTING', new Set())).toEqual(['claire', 'margaret']);
    expect(eligibleScorers(seats, 'INTERVIEW', new Set(['margaret']))).toEqual(['claire', 'jade']);
    expect(everyoneSubmitted(['claire', 'margaret'], new Set(['claire']))).toBe(false);
    expect(everyoneSubmitted(['claire', 'margaret'], new Set(['claire', 'margaret', 'someone else']))).toBe(true);
    expect(everyoneSubmitted([], new Set())).toBe(false);
  });
});

describe('the guaranteed interview rule', () => {
  it('asks for a reason only when an opted-in candidate who met every essential criterion is not invited', () => {
    const opted = { guaranteedInterview: true };
    expect(guaranteedInterviewProblem(opted, true, false, '')).toMatch(/invite them, or record why not/u);
    expect(guaranteedInterviewProblem(opted, true, false, '   ')).not.toBeNull();
    expect(guaranteedInterviewProblem(opted, true, false, 'Withdrew their application')).toBeNull();
    expect(guaranteedInterviewProblem(opted, true, true, '')).toBeNull();
    expect(guaranteedInterviewProblem(opted, false, false, '')).toBeNull();
    expect(guaranteedInterviewProblem({ guaranteedInterview: false }, true, false, '')).toBeNull();
  });
});

describe('vacancy stages and retention', () => {
  it('moves one step at a time, and shows names from the interview stage', () => {
    expect(nextStatus('DRAFT')).toBe('OPEN');
    expect(nextStatus('INTERVIEWING')).toBe('DECIDED');
    expect(nextStatus('CLOSED')).toBeNull();
    expect(scoringStageOf('SHORTLISTING')).toBe('SHORTLISTING');
    expect(scoringStageOf('INTERVIEWING')).toBe('INTERVIEW');
    expect(scoringStageOf('OPEN')).toBeNull();
    expect(namesVisibleToPanel('SHORTLISTING')).toBe(false);
    expect(namesVisibleToPanel('INTERVIEWING')).toBe(true);
  });

  it('keeps personal data for whole calendar months after the decision', () => {
    expect(retentionDate(new Date('2026-06-15T10:00:00Z'), 6).toISOString()).toBe('2026-12-15T10:00:00.000Z');
    // 31 August + 6 months: the last day of February.
    expect(retentionDate(new Date('2026-08-31T00:00:00Z'), 6).toISOString()).toBe('2027-02-28T00:00:00.000Z');
  });
});

describe('CSV cells', () => {
  it('quotes every cell and neutralises what a spreadsheet would run as a formula', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    for (const formula of ['=SUM(A1)', '+1', '-1+2', '@cmd']) expect(csvCell(formula)).toBe(`"'${formula}"`);
    expect(csvCell(3)).toBe('"3"');
    expect(csvCell(null)).toBe('""');
  });
});

describe('declarations that cover the candidates', () => {
  it('covers the candidates recorded before the member confirmed, and no one added since', () => {
    const confirmed = new Date('2027-01-10T12:00:00Z');
    expect(declarationsCover(null, null)).toBe(false);
    expect(declarationsCover(confirmed, null)).toBe(true);
    expect(declarationsCover(confirmed, new Date('2027-01-10T11:00:00Z'))).toBe(true);
    expect(declarationsCover(confirmed, new Date('2027-01-10T13:00:00Z'))).toBe(false);
  });
});
