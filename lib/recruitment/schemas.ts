import { z } from 'zod';
import { AssessmentMethod, CandidateReach, ConflictKind, CriterionCategory, PanelRole, RecruitmentOutcome, ScoringStage, ShortlistOutcome } from '@/lib/generated/prisma/enums';
import { SCORE_MAX, SCORE_MIN } from '@/lib/recruitment/rules';
import { dateInput, email, id, lines, manyStrings, optionalLongText, optionalText, requiredLongText, requiredText, tickBox, version, wholeNumber, yesNo } from '@/lib/schema-fields';

// ---- Person specification ----

export const createSpecificationSchema = z.object({
  roleId: id('role'),
  title: requiredText('a title for the person specification', 200),
});

const descriptor = (score: number) => requiredText(`what a score of ${score} means`, 300);

export const saveCriterionSchema = z.object({
  specificationId: id('person specification'),
  /** Absent when adding a criterion. */
  criterionId: id('criterion').optional(),
  /** The specification's version as the form showed it. */
  version,
  category: z.enum(CriterionCategory, { error: 'Select a category' }),
  wording: requiredText('the criterion', 500),
  essential: yesNo('Select whether the criterion is essential or desirable'),
  assessedBy: manyStrings.pipe(z.array(z.enum(AssessmentMethod, { error: 'Select where the criterion is assessed' })).min(1, 'Select where the criterion is assessed')),
  weight: wholeNumber('a weight', 1, 5),
  descriptors: z.object({ 0: descriptor(0), 1: descriptor(1), 2: descriptor(2), 3: descriptor(3), 4: descriptor(4) }, { error: 'Say what each score means' }),
  questions: lines('interview questions').pipe(z.array(z.string().max(500, 'Each question must be 500 characters or fewer')).max(20, 'Keep to 20 questions or fewer')),
});

export const removeCriterionSchema = z.object({ criterionId: id('criterion'), version });

// ---- Vacancies ----

export const openVacancySchema = z.object({
  specificationId: id('person specification'),
  title: requiredText('the vacancy title', 200),
  posts: wholeNumber('the number of posts', 1, 50),
  closingDate: dateInput('the closing date', { notBefore: () => new Date() }),
  reach: z.enum(CandidateReach, { error: 'Select how candidates were reached' }),
});

export const moveVacancySchema = z.object({ vacancyId: id('vacancy'), version });

export const recruitmentSettingsSchema = z.object({
  version: version.optional(),
  minScorers: wholeNumber('the number of scorers', 1, 10),
  minLivedExperience: wholeNumber('the number with lived experience', 0, 10),
  minHrOrManager: wholeNumber('the number from HR or management', 0, 10),
  retentionMonths: wholeNumber('the number of months', 1, 72),
});

// ---- Panel ----

export const addPanelMemberSchema = z.object({
  vacancyId: id('vacancy'),
  email,
  role: z.enum(PanelRole, { error: 'Select chair or member' }),
  stages: manyStrings.pipe(z.array(z.enum(ScoringStage, { error: 'Select the stages they sit on' })).min(1, 'Select the stages they sit on')),
});

export const removePanelMemberSchema = z.object({ panelMemberId: id('panel member') });

export const declareConflictSchema = z.object({
  vacancyId: id('vacancy'),
  /** The candidate's declaration key from the list of names (not their id: see Candidate.declarationKey). */
  declarationKey: id('candidate'),
  kind: z.enum(ConflictKind, { error: 'Select how you know them' }),
  note: optionalText('Note', 300),
});

export const withdrawConflictSchema = z.object({ vacancyId: id('vacancy'), declarationKey: id('candidate') });

export const confirmDeclarationsSchema = z.object({ vacancyId: id('vacancy') });

// ---- Candidates ----

export const addCandidateSchema = z.object({
  vacancyId: id('vacancy'),
  name: requiredText('the candidate’s name', 200),
  email,
  phone: optionalText('Phone number', 40),
  adjustments: optionalLongText('Reasonable adjustments', 2000),
  guaranteedInterview: tickBox('Guaranteed interview scheme'),
  /** Keyed by criterion id (checked against the vacancy's shortlisting criteria). */
  answers: z.record(z.string().uuid('Unknown criterion'), optionalLongText('The answer', 10_000)).optional().default({}),
  identifying: manyStrings.pipe(z.array(z.string().uuid('Unknown criterion'))),
});

export const releasePackSchema = z.object({ candidateId: id('candidate') });

export const shortlistSchema = z.object({
  candidateId: id('candidate'),
  outcome: z.enum(ShortlistOutcome, { error: 'Select whether to invite them to interview' }),
  reason: optionalLongText('Reason', 2000),
});

// ---- Scoring ----

// An empty field is no score, never 0 (coercion alone would turn '' into 0, and a submitted score cannot change).
const scoreValue = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.coerce.number({ error: `Select a score from ${SCORE_MIN} to ${SCORE_MAX}` }).int().min(SCORE_MIN, `Select a score from ${SCORE_MIN} to ${SCORE_MAX}`).max(SCORE_MAX, `Select a score from ${SCORE_MIN} to ${SCORE_MAX}`),
);

export const saveScoresSchema = z.object({
  candidateId: id('candidate'),
  stage: z.enum(ScoringStage, { error: 'Select a stage' }),
  /** Keyed by criterion id: each a score and the evidence for it. */
  scores: z.record(z.string().uuid('Unknown criterion'), z.object({ score: scoreValue.optional().or(z.literal('').transform(() => undefined)), evidence: optionalLongText('Evidence', 5000) })),
  /** "submit" sends them to the panel (final); "save" keeps a private draft. */
  intent: z.enum(['save', 'submit'], { error: 'Choose to save or submit' }),
});

export const correctScoreSchema = z.object({
  scoreId: id('score'),
  score: scoreValue,
  evidence: optionalLongText('Evidence', 5000),
  reason: requiredLongText('the reason for the correction', 2000),
});

export const moderationNoteSchema = z.object({
  candidateId: id('candidate'),
  stage: z.enum(ScoringStage, { error: 'Select a stage' }),
  criterionId: z.union([z.literal(''), id('criterion')]).optional().transform((value) => value || null),
  text: requiredLongText('what the panel agreed', 5000),
});

// ---- Decisions ----

export const decideSchema = z.object({
  candidateId: id('candidate'),
  version,
  outcome: z.enum(RecruitmentOutcome, { error: 'Select the decision' }),
  rationale: requiredLongText('the rationale, referring to the criteria', 5000),
  essentialJustification: optionalLongText('Justification', 5000),
});

export const appointSchema = z.object({ candidateId: id('candidate') });
