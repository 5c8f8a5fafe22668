/*
 * The rules of bringing a peer worker in as an equal, pure so that they can be
 * unit-tested on hand-made cases and read in one place (issue 11): when each
 * onboarding task falls due, and where a placement's arrangements are not on a
 * par with the team's (parity issues). Dates are calendar days at UTC midnight,
 * as the date inputs store them.
 */

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The weekday of a date (UTC), in WEEKDAYS' terms. */
export function weekdayOf(date: Date): Weekday {
  // getUTCDay: 0 is Sunday.
  return WEEKDAYS[(date.getUTCDay() + 6) % 7];
}

export function addDays(date: Date, days: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) + days * DAY_MS);
}

// ---- Due dates ----

export interface TaskOwner {
  /** The peer worker whose placement it is: their own working days decide. */
  isPeerWorker: boolean;
  /** The peer worker's working days (ignored for anyone else). */
  workingDays: readonly Weekday[];
}

const WEEKEND: readonly Weekday[] = ['SAT', 'SUN'];

/**
 * When a template task falls due: the start date plus its signed offset
 * (negative is before the start). A task the peer worker owes moves to a day
 * they work; anyone else's never falls on a weekend. Tasks before the start
 * move earlier (preparation must be done by then), tasks from the start on move
 * later. A peer worker with no working days recorded is treated as working
 * Monday to Friday.
 */
export function dueDate(start: Date, offsetDays: number, owner: TaskOwner): Date {
  const works = owner.isPeerWorker && owner.workingDays.length > 0 ? new Set(owner.workingDays) : new Set(WEEKDAYS.filter((day) => !WEEKEND.includes(day)));
  const step = offsetDays < 0 ? -1 : 1;
  let date = addDays(start, offsetDays);
  for (let guard = 0; guard < 7 && !works.has(weekdayOf(date)); guard += 1) date = addDays(date, step);
  return date;
}

/** A task is overdue once its due day has passed and it is not completed (or removed). */
export function isOverdue(task: { dueOn: Date; status: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANNOT_START' }, today: Date): boolean {
  return task.status !== 'COMPLETED' && addDays(task.dueOn, 0).getTime() < addDays(today, 0).getTime();
}

// ---- Parity ----

export const CONTRACT_TYPES = ['PERMANENT', 'FIXED_TERM', 'BANK', 'SESSIONAL', 'VOLUNTARY'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** How secure a contract is, for "below what the role says": permanent highest, voluntary lowest. */
const CONTRACT_RANK: Record<ContractType, number> = { PERMANENT: 4, FIXED_TERM: 3, BANK: 2, SESSIONAL: 2, VOLUNTARY: 0 };

export interface TeamMeeting {
  id: string;
  name: string;
  day: Weekday;
  /** "HH:MM". */
  time: string;
  /** The team's main decision-making meeting. */
  main: boolean;
}

export interface ParityFacts {
  workingDays: readonly Weekday[];
  contractType: ContractType;
  band: number | null;
  hoursPerWeek: number;
  peerSupervisorId: string | null;
  /** The systems the peer worker has access to. */
  systems: readonly string[];
  team: {
    meetings: readonly TeamMeeting[];
    /** For each system, how many of the team's other (non-peer) members have it, and how many there are. */
    colleagueSystems: ReadonlyMap<string, number>;
    colleagues: number;
  };
  /** What the agreed role version says, where it says it. */
  role: { contractType: ContractType | null; band: number | null; hoursPerWeek: number | null };
}

export type ParityKind = 'MEETING_ON_DAY_OFF' | 'SYSTEMS_ACCESS' | 'CONTRACT_BELOW_ROLE' | 'BAND_BELOW_ROLE' | 'HOURS_BELOW_ROLE' | 'NO_PEER_SUPERVISOR';

export interface ParityIssue {
  kind: ParityKind;
  /** Stable for the same issue about the same thing (a meeting, a system): what an acceptance is recorded against. */
  key: string;
  /** The facts behind it: an acceptance holds while they are unchanged, and the issue shows again when they change. */
  facts: string;
  /** What the manager and the peer worker read. */
  message: string;
}

const DAY_NAMES: Record<Weekday, string> = { MON: 'Monday', TUE: 'Tuesday', WED: 'Wednesday', THU: 'Thursday', FRI: 'Friday', SAT: 'Saturday', SUN: 'Sunday' };

/**
 * Where the placement's arrangements keep the peer worker lower than the team:
 * team meetings on days they do not work (the main one said so), systems most
 * colleagues have and they do not, a contract, band or hours below what the
 * agreed role says, and no peer supervisor named.
 */
export function parityIssues(facts: ParityFacts): ParityIssue[] {
  const issues: ParityIssue[] = [];
  const works = new Set(facts.workingDays);
  for (const meeting of facts.team.meetings) {
    if (works.has(meeting.day)) continue;
    issues.push({
      kind: 'MEETING_ON_DAY_OFF',
      key: `meeting:${meeting.id}`,
      facts: `${meeting.day} ${meeting.time} ${meeting.main ? 'main' : ''} works:${[...works].sort().join(',')}`,
      message: `${meeting.main ? 'The team’s main decision-making meeting' : `The team’s ${meeting.name}`} is on ${DAY_NAMES[meeting.day]}s at ${meeting.time}, a day the peer worker does not work.`,
    });
  }
  const has = new Set(facts.systems);
  for (const [system, count] of [...facts.team.colleagueSystems].sort(([a], [b]) => a.localeCompare(b))) {
    // Access most colleagues have: a system one specialist uses is not a parity question.
    if (has.has(system) || facts.team.colleagues === 0 || count * 2 < facts.team.colleagues) continue;
    issues.push({ kind: 'SYSTEMS_ACCESS', key: `system:${system}`, facts: `${count}/${facts.team.colleagues}`, message: `${count} of ${facts.team.colleagues} colleagues in the team have ${system}; the peer worker does not.` });
  }
  const role = facts.role;
  if (role.contractType && CONTRACT_RANK[facts.contractType] < CONTRACT_RANK[role.contractType]) {
    issues.push({ kind: 'CONTRACT_BELOW_ROLE', key: 'contract', facts: `${facts.contractType}<${role.contractType}`, message: `The contract is less secure than the agreed role says.` });
  }
  if (role.band !== null && facts.band !== null && facts.band < role.band) {
    issues.push({ kind: 'BAND_BELOW_ROLE', key: 'band', facts: `${facts.band}<${role.band}`, message: `The placement is at band ${facts.band}; the agreed role says band ${role.band}.` });
  }
  if (role.hoursPerWeek !== null && facts.hoursPerWeek < role.hoursPerWeek) {
    issues.push({ kind: 'HOURS_BELOW_ROLE', key: 'hours', facts: `${facts.hoursPerWeek}<${role.hoursPerWeek}`, message: `The placement is ${facts.hoursPerWeek} hours a week; the agreed role says ${role.hoursPerWeek}.` });
  }
  if (!facts.peerSupervisorId) issues.push({ kind: 'NO_PEER_SUPERVISOR', key: 'peer-supervisor', facts: 'none', message: 'No peer supervisor is named.' });
  return issues;
}

/** The issues still open: not accepted, or accepted on facts that have since changed. */
export function openParityIssues(issues: readonly ParityIssue[], acceptances: ReadonlyArray<{ key: string; facts: string }>): ParityIssue[] {
  const accepted = new Map(acceptances.map((acceptance) => [acceptance.key, acceptance.facts]));
  return issues.filter((issue) => accepted.get(issue.key) !== issue.facts);
}

/**
 * What an agreed role version says of the contract, band and hours, from its
 * working arrangements. The band is free text there ("Band 4", "AfC 4", "4"):
 * the first whole number from 1 to 9 in it, or nothing when it names none.
 */
export function roleTerms(working: { contractType: string | null; hoursPerWeek: number | null; payBand: string }): ParityFacts['role'] {
  const contractType = working.contractType && (CONTRACT_TYPES as readonly string[]).includes(working.contractType) ? (working.contractType as ContractType) : null;
  const band = /(?:^|\D)([1-9])(?:\D|$)/u.exec(working.payBand)?.[1];
  return { contractType, band: band ? Number(band) : null, hoursPerWeek: working.hoursPerWeek };
}
