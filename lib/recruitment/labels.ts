import type { AssessmentMethod, CandidateReach, ConflictKind, CriterionCategory, PanelRole, RecruitmentOutcome, ScoringStage, ShortlistOutcome, VacancyStatus } from '@/lib/generated/prisma/enums';

/** Recruitment's words for its enums, shared by pages, exports and audit summaries. */

export const CATEGORY_LABELS: Record<CriterionCategory, string> = {
  LIVED_EXPERIENCE: 'Lived experience',
  VALUES: 'Values',
  SKILLS_KNOWLEDGE: 'Skills and knowledge',
  PRACTICAL: 'Practical',
};

export const METHOD_LABELS: Record<AssessmentMethod, string> = {
  APPLICATION: 'Application (shortlisting)',
  INTERVIEW: 'Interview',
  TASK: 'Task or presentation',
};

export const STAGE_LABELS: Record<ScoringStage, string> = { SHORTLISTING: 'Shortlisting', INTERVIEW: 'Interview' };

export const STATUS_LABELS: Record<VacancyStatus, string> = {
  DRAFT: 'Draft',
  OPEN: 'Open',
  SHORTLISTING: 'Shortlisting',
  INTERVIEWING: 'Interviewing',
  DECIDED: 'Decided',
  CLOSED: 'Closed',
};

export const REACH_LABELS: Record<CandidateReach, string> = { OPEN_ADVERT: 'Open advert', DIRECT_APPROACH: 'Direct approach' };

export const PANEL_ROLE_LABELS: Record<PanelRole, string> = { CHAIR: 'Chair', MEMBER: 'Member' };

export const CONFLICT_LABELS: Record<ConflictKind, string> = {
  KNOWS_THEM: 'I know them personally',
  RELATED: 'We are related',
  LINE_MANAGED_THEM: 'I have line-managed them',
  SUPPORTED_AS_SERVICE_USER: 'I have supported them as a service user',
};

export const SHORTLIST_LABELS: Record<ShortlistOutcome, string> = { INVITED: 'Invited to interview', NOT_INVITED: 'Not invited' };

export const OUTCOME_LABELS: Record<RecruitmentOutcome, string> = { APPOINTED: 'Appointed', RESERVE: 'Reserve', NOT_APPOINTED: 'Not appointed' };

/** "Candidate 7": how the panel knows a candidate while names are withheld. */
export const candidateLabel = (number: number) => `Candidate ${number}`;
