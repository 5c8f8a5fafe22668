import type { LibraryEntryStatus, LibraryScope, SupervisionActionStatus, SupervisionType } from '@/lib/generated/prisma/enums';
import type { DueState } from '@/lib/supervision/rules';

/** Supervision's words for its enums, shared by pages and forms. */

export const TYPE_LABELS: Record<SupervisionType, string> = {
  PEER: 'Peer supervision',
  LINE_MANAGEMENT: 'Line management',
  CLINICAL: 'Clinical or practice supervision',
  GROUP_REFLECTIVE: 'Group reflective practice',
};

export const TYPE_HINTS: Record<SupervisionType, string> = {
  PEER: 'From an experienced peer worker, about practising as a peer.',
  LINE_MANAGEMENT: 'Usually from the line manager: workload, development and wellbeing.',
  CLINICAL: 'From a clinician or practice lead, about the work with the people they support.',
  GROUP_REFLECTIVE: 'With colleagues, led by a facilitator.',
};

export const DUE_LABELS: Record<DueState, string> = { ON_TIME: 'On time', DUE_SOON: 'Due soon', OVERDUE: 'Overdue' };

export const ACTION_STATUS_LABELS: Record<SupervisionActionStatus, string> = { OPEN: 'Open', DONE: 'Done', DROPPED: 'Dropped' };

export const ENTRY_STATUS_LABELS: Record<LibraryEntryStatus, string> = {
  PROPOSED: 'Waiting for review',
  PUBLISHED: 'Published',
  WITHDRAWN: 'Withdrawn',
  DECLINED: 'Declined',
};

export const SCOPE_LABELS: Record<LibraryScope, string> = { TEAM: 'Your team', ORGANISATION: 'Everyone in the organisation' };

/** "every 4 weeks", "every week". */
export function everyWeeks(weeks: number): string {
  return weeks === 1 ? 'every week' : `every ${weeks} weeks`;
}

/** "1 hour 30 minutes", "45 minutes". */
export function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [hours > 0 ? `${hours} hour${hours === 1 ? '' : 's'}` : '', rest > 0 || hours === 0 ? `${rest} minute${rest === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ');
}

/** "2026-Q4" as "October to December 2026". */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  const months = ['January to March', 'April to June', 'July to September', 'October to December'][Number(q) - 1] ?? quarter;
  return `${months} ${year}`;
}
