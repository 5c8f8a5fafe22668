import type { ContractType, PlanReason, TaskOwnerRole, TaskSection, TaskStatus, Weekday } from '@/lib/generated/prisma/enums';
import type { ParityKind } from '@/lib/onboarding/rules';

/** Onboarding's words for its enums, shared by pages, forms and audit summaries. */

export const CONTRACT_LABELS: Record<ContractType, string> = {
  PERMANENT: 'Permanent',
  FIXED_TERM: 'Fixed-term',
  BANK: 'Bank',
  SESSIONAL: 'Sessional',
  VOLUNTARY: 'Voluntary',
};

export const WEEKDAY_LABELS: Record<Weekday, string> = { MON: 'Monday', TUE: 'Tuesday', WED: 'Wednesday', THU: 'Thursday', FRI: 'Friday', SAT: 'Saturday', SUN: 'Sunday' };

export const WEEKDAY_SHORT: Record<Weekday, string> = { MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat', SUN: 'Sun' };

/** The sections of a plan in the order the "complete multiple tasks" page shows them. */
export const SECTION_LABELS: Record<TaskSection, string> = {
  TEAM_PREPARATION: 'Prepare the team before the start date',
  INDUCTION: 'Induction',
  PEER_TRAINING: 'Peer support training',
  SYSTEMS_ACCESS: 'Systems access',
  SUPERVISION_SETUP: 'Set up supervision',
  INTRODUCTIONS: 'Introductions and shadowing',
  FIRST_REVIEWS: 'First reviews',
};

export const OWNER_ROLE_LABELS: Record<TaskOwnerRole, string> = {
  MANAGER: 'Manager',
  PEER_WORKER: 'Peer worker',
  HR: 'HR',
  SUPERVISOR: 'Supervisor',
  IT_ADMIN: 'IT or admin',
};

/** The NHS "complete multiple tasks" statuses. */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  NOT_STARTED: 'Not yet started',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  CANNOT_START: 'Cannot start yet',
};

export const PLAN_REASON_LABELS: Record<PlanReason, string> = {
  JOINING: 'Joining the team',
  ROLE_CHANGE: 'A change of role version',
  ARRANGEMENTS_CHANGE: 'A change of working arrangements',
};

export function describeWorkingDays(days: readonly Weekday[]): string {
  return days.length === 0 ? 'Not recorded' : days.map((day) => WEEKDAY_SHORT[day]).join(', ');
}

/** A parity issue's kind, in a list of them (the issue's own message says the particulars). */
export const PARITY_KIND_LABELS: Record<ParityKind, string> = {
  MEETING_ON_DAY_OFF: 'A team meeting on a day they do not work',
  SYSTEMS_ACCESS: 'Systems access colleagues have',
  CONTRACT_BELOW_ROLE: 'Contract less secure than the agreed role',
  BAND_BELOW_ROLE: 'Band below the agreed role',
  HOURS_BELOW_ROLE: 'Fewer hours than the agreed role',
  NO_PEER_SUPERVISOR: 'No peer supervisor named',
};
