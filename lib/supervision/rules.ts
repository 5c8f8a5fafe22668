import { ukDate } from '@/lib/notifications/rules';
import { addDays } from '@/lib/onboarding/rules';
import { SMALL_GROUP_THRESHOLD } from '@/lib/small-numbers';

/*
 * Supervision's rules, pure so that they are unit-tested on hand-made cases
 * (issue 12): when each type of supervision is next due, and the small-numbers
 * rule for check-in figures (withheld below the threshold, and never so that a
 * withheld figure can be worked out from the ones shown).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A date at UTC midnight (dates are stored as calendar days). */
export const calendarDay = (date: Date): Date => addDays(date, 0);

// ---- Due and overdue ----

/** "Due soon" is within this many days. */
export const DUE_SOON_DAYS = 7;

export type DueState = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE';

/** When a type of supervision is next due: every N weeks after the last session, or from the arrangement's start before the first. */
export function nextDue(arrangement: { everyWeeks: number; startsOn: Date }, lastHeldOn: Date | null): Date {
  return lastHeldOn ? addDays(lastHeldOn, arrangement.everyWeeks * 7) : calendarDay(arrangement.startsOn);
}

/** Overdue once the due day has passed; due soon from 7 days before it. */
export function dueState(due: Date, today: Date): DueState {
  const days = Math.round((calendarDay(due).getTime() - calendarDay(today).getTime()) / DAY_MS);
  if (days < 0) return 'OVERDUE';
  return days <= DUE_SOON_DAYS ? 'DUE_SOON' : 'ON_TIME';
}

// ---- Check-ins ----

export const CHECK_IN_QUESTIONS = ['supported', 'clearRole', 'equalMember', 'experienceValued', 'practiseAsPeer'] as const;
export type CheckInQuestion = (typeof CHECK_IN_QUESTIONS)[number];

export const CHECK_IN_WORDING: Record<CheckInQuestion, string> = {
  supported: 'I feel supported',
  clearRole: 'I am clear about my role',
  equalMember: 'I am treated as an equal member of the team',
  experienceValued: 'My lived experience is valued',
  practiseAsPeer: 'I can practise as a peer rather than as a junior clinician',
};

/**
 * Check-in figures need at least this many different peer workers: the shared
 * small-numbers constant, never below 5 for answers about how supported and
 * equal people feel, and an organisation may raise it (SupervisionSettings).
 */
export const CHECK_IN_MINIMUM = Math.max(SMALL_GROUP_THRESHOLD, 5);

export function checkInThreshold(organisationSetting: number | null | undefined): number {
  return Math.max(CHECK_IN_MINIMUM, organisationSetting ?? 0);
}

/** The fixed calendar quarter an instant falls in, by the UK calendar, as "2026-Q4". Figures are only ever by whole quarters. */
export function quarterOf(instant: Date): string {
  const [year, month] = ukDate(instant).split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

const QUARTER = /^(\d{4})-Q([1-4])$/u;

function quarterParts(quarter: string): { year: number; index: number } {
  const match = QUARTER.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  return { year: Number(match[1]), index: Number(match[2]) - 1 };
}

/** The quarter after this one: "2026-Q4" then "2027-Q1". */
export function nextQuarter(quarter: string): string {
  const { year, index } = quarterParts(quarter);
  return index === 3 ? `${year + 1}-Q1` : `${year}-Q${index + 2}`;
}

/** The quarter before this one: "2027-Q1" then "2026-Q4". */
export function previousQuarter(quarter: string): string {
  const { year, index } = quarterParts(quarter);
  return index === 0 ? `${year - 1}-Q4` : `${year}-Q${index}`;
}

/** The instant a quarter starts: midnight UK time on its first day (23:00 UTC the day before while British Summer Time is on). */
export function quarterStart(quarter: string): Date {
  const { year, index } = quarterParts(quarter);
  const utcMidnight = Date.UTC(year, index * 3, 1);
  // The UK is on UTC or an hour ahead: midnight there is either this instant or the hour before it.
  const hourBefore = new Date(utcMidnight - 60 * 60 * 1000);
  return ukDate(hourBefore) === new Date(utcMidnight).toISOString().slice(0, 10) ? hourBefore : new Date(utcMidnight);
}

/** Every quarter from `first` to `last`, both included, in order (none when `last` is before `first`). */
export function quartersBetween(first: string, last: string): string[] {
  const quarters: string[] = [];
  for (let quarter = first; quarter <= last; quarter = nextQuarter(quarter)) quarters.push(quarter);
  return quarters;
}

export interface CheckInRow {
  peerWorkerId: string;
  teamId: string;
  answeredAt: Date;
  answers: Record<CheckInQuestion, number>;
}

export type Figure = { shown: true; people: number; averages: Record<CheckInQuestion, number> } | { shown: false; reason: 'TOO_FEW' | 'WOULD_REVEAL' };

export interface QuarterFigures {
  quarter: string;
  organisation: Figure;
  teams: Map<string, Figure>;
}

/**
 * The average of each person's own average: every person in the group weighs
 * the same, however often they checked in. Averaged over answers, one person
 * answering twenty times beside four who answered once would make a figure of
 * "five people" that is really theirs.
 */
function averagesOf(rows: readonly CheckInRow[]): Record<CheckInQuestion, number> {
  const byPerson = new Map<string, CheckInRow[]>();
  for (const row of rows) {
    const theirs = byPerson.get(row.peerWorkerId);
    if (theirs) theirs.push(row);
    else byPerson.set(row.peerWorkerId, [row]);
  }
  const people = [...byPerson.values()];
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return Object.fromEntries(
    CHECK_IN_QUESTIONS.map((question) => [question, Math.round(mean(people.map((theirs) => mean(theirs.map((row) => row.answers[question])))) * 10) / 10]),
  ) as Record<CheckInQuestion, number>;
}

/**
 * The organisation's and each team's averages per question for each quarter,
 * withheld where fewer than `threshold` different peer workers answered. Then
 * no withheld group can be worked out from the others: if the teams withheld
 * in a quarter together hold fewer than `threshold` people while the
 * organisation figure is shown (organisation minus the shown teams would give
 * them away), the smallest shown teams are withheld too until they do, or the
 * organisation figure is withheld.
 *
 * With `viewerId`, people are counted as the shared rule counts them for that
 * viewer: other than the viewer, who knows their own answers and could take
 * them out of a figure (lib/small-numbers.ts). The averages are the same.
 */
export function checkInFigures(rows: readonly CheckInRow[], threshold: number, viewerId: string | null = null): QuarterFigures[] {
  const people = (group: readonly CheckInRow[]) => new Set(group.filter((row) => row.peerWorkerId !== viewerId).map((row) => row.peerWorkerId)).size;
  const byQuarter = new Map<string, CheckInRow[]>();
  // Pushed onto each group's list: copying the list for every row made figures over 20,000 check-ins take seconds.
  for (const row of rows) {
    const quarter = quarterOf(row.answeredAt);
    const group = byQuarter.get(quarter);
    if (group) group.push(row);
    else byQuarter.set(quarter, [row]);
  }
  return [...byQuarter.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, quarterRows]) => {
      const byTeam = new Map<string, CheckInRow[]>();
      for (const row of quarterRows) {
        const group = byTeam.get(row.teamId);
        if (group) group.push(row);
        else byTeam.set(row.teamId, [row]);
      }
      const teams = new Map<string, Figure>();
      const withheld: string[] = [];
      for (const [teamId, teamRows] of byTeam) {
        if (people(teamRows) >= threshold) teams.set(teamId, { shown: true, people: people(teamRows), averages: averagesOf(teamRows) });
        else {
          teams.set(teamId, { shown: false, reason: 'TOO_FEW' });
          withheld.push(teamId);
        }
      }
      let organisation: Figure = people(quarterRows) >= threshold ? { shown: true, people: people(quarterRows), averages: averagesOf(quarterRows) } : { shown: false, reason: 'TOO_FEW' };
      if (organisation.shown && withheld.length > 0) {
        const withheldPeople = () => people(withheld.flatMap((teamId) => byTeam.get(teamId) ?? []));
        const shownBySize = [...teams.entries()].filter(([, figure]) => figure.shown).sort(([, a], [, b]) => (a.shown && b.shown ? a.people - b.people : 0));
        while (withheldPeople() < threshold && shownBySize.length > 0) {
          const [teamId] = shownBySize.shift()!;
          teams.set(teamId, { shown: false, reason: 'WOULD_REVEAL' });
          withheld.push(teamId);
        }
        if (withheldPeople() < threshold) organisation = { shown: false, reason: 'WOULD_REVEAL' };
      }
      return { quarter, organisation, teams };
    });
}
