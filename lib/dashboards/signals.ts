/*
 * The four early-warning signs the research names (issue 13 §4), defined in
 * one place: what each measures, how a team's (or the organisation's) figures
 * turn into red, amber or green against thresholds an administrator can set,
 * and the words pages show beside them. Pure, so that every indicator and
 * threshold is unit-tested on hand-made cases; the nightly job
 * (lib/dashboards/measures.ts) supplies the figures.
 *
 * A sign is as bad as its worst indicator. An indicator with nothing to
 * measure (no placements, no sessions, no appointments, a check-in figure
 * withheld by the small-numbers rule) has no level and does not count; a sign whose
 * indicators all have none says so.
 */

export const SIGNS = ['EXPECTATIONS', 'ARRANGEMENTS', 'SUPERVISION', 'SHARED_VIEW'] as const;
export type Sign = (typeof SIGNS)[number];

export const SIGN_TITLES: Record<Sign, string> = {
  EXPECTATIONS: 'Expectations differ',
  ARRANGEMENTS: 'Arrangements keep peer workers lower',
  SUPERVISION: 'Supervision protects boundaries instead of growing practice',
  SHARED_VIEW: 'No shared view of peer practice',
};

/** The same, short enough for a table's column heading. */
export const SIGN_SHORT_TITLES: Record<Sign, string> = {
  EXPECTATIONS: 'Expectations',
  ARRANGEMENTS: 'Arrangements',
  SUPERVISION: 'Supervision',
  SHARED_VIEW: 'Shared view',
};

export type Level = 'RED' | 'AMBER' | 'GREEN' | 'NONE';

/** Worst first: how a sign's indicators combine, and how teams sort by a sign. */
export const LEVEL_ORDER: Record<Level, number> = { RED: 0, AMBER: 1, GREEN: 2, NONE: 3 };

export const LEVEL_LABELS: Record<Level, string> = { RED: 'Red', AMBER: 'Amber', GREEN: 'Green', NONE: 'Nothing to measure' };

/** The levels, worst first, as charts and tables list them. */
export const LEVELS: readonly Level[] = ['RED', 'AMBER', 'GREEN', 'NONE'];

/**
 * What the nightly job counts for a team over the last 12 months (or as
 * things stand): counts and shares only, never anyone's answers. The
 * organisation's are the teams' added together, except the check-in
 * averages, which are the organisation's own figures.
 */
export interface Measures {
  /** Roles in review or recruited to whose expectations check has contested activities not yet settled. */
  rolesWithUnsettledContested: number;
  /** Appointments made in the last 12 months, and how many of those candidates were reached by direct approach. */
  appointments: number;
  directApproachAppointments: number;
  /** Peer workers in the team (current members), and those with no current placement on an agreed role version. */
  peerWorkers: number;
  peerWorkersWithoutAgreedRole: number;
  /** Parity issues open on current placements (not accepted with a reason). */
  openParityIssues: number;
  /** Current placements, and those on sessional, voluntary or fixed-term contracts. */
  placements: number;
  insecurePlacements: number;
  /** Current placements whose working days miss the team's main meeting. */
  mainMeetingOnDayOff: number;
  /** Supervision sessions held in the last 12 months, and how many were peer supervision. */
  sessions: number;
  peerSessions: number;
  /** Current placements with no peer supervisor named, or with peer supervision overdue. */
  withoutPeerSupervision: number;
  /** Topics recorded in those sessions: about boundaries, and about using lived experience. */
  boundaryTopics: number;
  livedExperienceTopics: number;
  /** The last ended quarter's check-in averages, or null where the small-numbers rule withholds them (or nobody answered). */
  clearRole: number | null;
  practiseAsPeer: number | null;
  /** Library entries published in the last 12 months. */
  libraryEntries: number;
  /** Roles whose agreed version no peer worker agreed to, out of the roles with an agreed version. */
  agreedRoles: number;
  agreedWithoutPeerWorker: number;
}

export const EMPTY_MEASURES: Measures = {
  rolesWithUnsettledContested: 0,
  appointments: 0,
  directApproachAppointments: 0,
  peerWorkers: 0,
  peerWorkersWithoutAgreedRole: 0,
  openParityIssues: 0,
  placements: 0,
  insecurePlacements: 0,
  mainMeetingOnDayOff: 0,
  sessions: 0,
  peerSessions: 0,
  withoutPeerSupervision: 0,
  boundaryTopics: 0,
  livedExperienceTopics: 0,
  clearRole: null,
  practiseAsPeer: null,
  libraryEntries: 0,
  agreedRoles: 0,
  agreedWithoutPeerWorker: 0,
};

/** Stored measures read back: a number where a number belongs; anything else as the empty team's. */
export function measuresFrom(value: unknown): Measures {
  const stored = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const read: Record<keyof Measures, number | null> = { ...EMPTY_MEASURES };
  for (const key of Object.keys(EMPTY_MEASURES) as Array<keyof Measures>) {
    const found = stored[key];
    if (typeof found === 'number' && Number.isFinite(found)) read[key] = found;
  }
  return read as unknown as Measures;
}

/** Contract types that keep a peer worker less secure than a permanent post. */
export const INSECURE_CONTRACTS = ['SESSIONAL', 'VOLUNTARY', 'FIXED_TERM'] as const;

/** Supervision topics about protecting boundaries, and about growing practice from lived experience (SupervisionTopic keys). */
export const BOUNDARY_TOPICS = ['own-boundaries', 'outside-role'] as const;
export const LIVED_EXPERIENCE_TOPICS = ['lived-experience', 'sharing-story'] as const;

/** Whether a bigger value is worse (a count of problems) or better (a share of peer supervision, an average). */
type Direction = 'HIGHER_IS_WORSE' | 'LOWER_IS_WORSE';
type Unit = 'COUNT' | 'PERCENT' | 'SCORE';

export interface Indicator {
  key: IndicatorKey;
  sign: Sign;
  label: string;
  /** The definition shown beside the figure. */
  definition: string;
  direction: Direction;
  unit: Unit;
  /** The figure, or null when there is nothing to measure. Percentages are 0 to 100. */
  value: (measures: Measures) => number | null;
  /** Default thresholds: amber from this value, red from that (inclusive, in the indicator's direction). */
  amber: number;
  red: number;
}

export const INDICATOR_KEYS = [
  'unsettledContested',
  'directApproachShare',
  'withoutAgreedRole',
  'openParityIssues',
  'insecureContractShare',
  'mainMeetingOnDayOff',
  'peerSupervisionShare',
  'withoutPeerSupervision',
  'boundaryTopicShare',
  'clearRole',
  'practiseAsPeer',
  'libraryEntries',
  'agreedWithoutPeerWorker',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export const INDICATORS: Record<IndicatorKey, Indicator> = {
  unsettledContested: {
    key: 'unsettledContested',
    sign: 'EXPECTATIONS',
    label: 'Roles with contested activities unsettled',
    definition: 'Roles in review or recruited to whose expectations check found activities the groups disagree on, not yet settled in the description.',
    direction: 'HIGHER_IS_WORSE',
    unit: 'COUNT',
    value: (m) => m.rolesWithUnsettledContested,
    amber: 1,
    red: 2,
  },
  directApproachShare: {
    key: 'directApproachShare',
    sign: 'EXPECTATIONS',
    label: 'Appointments by direct approach',
    definition: 'Of the appointments in the last 12 months, the share whose candidate was approached directly rather than through an open advert.',
    direction: 'HIGHER_IS_WORSE',
    unit: 'PERCENT',
    value: (m) => share(m.directApproachAppointments, m.appointments),
    amber: 25,
    red: 50,
  },
  withoutAgreedRole: {
    key: 'withoutAgreedRole',
    sign: 'EXPECTATIONS',
    label: 'Peer workers without an agreed role',
    definition: 'Peer workers in the team with no current placement on an agreed version of a role. Measured only where the team has peer workers.',
    direction: 'HIGHER_IS_WORSE',
    unit: 'COUNT',
    value: (m) => (m.peerWorkers === 0 ? null : m.peerWorkersWithoutAgreedRole),
    amber: 1,
    red: 2,
  },
  openParityIssues: {
    key: 'openParityIssues',
    sign: 'ARRANGEMENTS',
    label: 'Open parity issues',
    definition: 'Differences between peer workers’ arrangements and their colleagues’ (meetings on days off, systems access, contract, band or hours below the role, no peer supervisor) not yet resolved or accepted with a reason.',
    direction: 'HIGHER_IS_WORSE',
    unit: 'COUNT',
    value: (m) => (m.placements === 0 ? null : m.openParityIssues),
    amber: 1,
    red: 3,
  },
  insecureContractShare: {
    key: 'insecureContractShare',
    sign: 'ARRANGEMENTS',
    label: 'Peer workers on sessional, voluntary or fixed-term contracts',
    definition: 'The share of current peer worker placements on sessional, voluntary or fixed-term contracts. PeerRoles does not hold other staff’s contracts, so this is set against the thresholds rather than against colleagues.',
    direction: 'HIGHER_IS_WORSE',
    unit: 'PERCENT',
    value: (m) => share(m.insecurePlacements, m.placements),
    amber: 25,
    red: 50,
  },
  mainMeetingOnDayOff: {
    key: 'mainMeetingOnDayOff',
    sign: 'ARRANGEMENTS',
    label: 'Main team meeting on a peer worker’s day off',
    definition: 'Current placements whose working days miss the team’s main decision-making meeting.',
    direction: 'HIGHER_IS_WORSE',
    unit: 'COUNT',
    value: (m) => (m.placements === 0 ? null : m.mainMeetingOnDayOff),
    amber: 1,
    red: 2,
  },
  peerSupervisionShare: {
    key: 'peerSupervisionShare',
    sign: 'SUPERVISION',
    label: 'Sessions that are peer supervision',
    definition: 'Of the supervision sessions held in the last 12 months, the share that were peer supervision by an experienced peer worker.',
    direction: 'LOWER_IS_WORSE',
    unit: 'PERCENT',
    value: (m) => share(m.peerSessions, m.sessions),
    amber: 40,
    red: 20,
  },
  withoutPeerSupervision: {
    key: 'withoutPeerSupervision',
    sign: 'SUPERVISION',
    label: 'Peer workers without peer supervision',
    definition: 'Current placements with no peer supervisor named, or whose peer supervision is overdue.',
    direction: 'HIGHER_IS_WORSE',
    unit: 'COUNT',
    value: (m) => (m.placements === 0 ? null : m.withoutPeerSupervision),
    amber: 1,
    red: 2,
  },
  boundaryTopicShare: {
    key: 'boundaryTopicShare',
    sign: 'SUPERVISION',
    label: 'Boundaries against lived experience',
    definition: 'Of the sessions’ topics about boundaries (boundaries I set for myself; being asked to act outside the peer role) and about lived experience (using it in practice; sharing my story safely), the share about boundaries.',
    direction: 'HIGHER_IS_WORSE',
    unit: 'PERCENT',
    value: (m) => share(m.boundaryTopics, m.boundaryTopics + m.livedExperienceTopics),
    amber: 50,
    red: 70,
  },
  clearRole: {
    key: 'clearRole',
    sign: 'SHARED_VIEW',
    label: '“I am clear about my role”',
    definition: 'The average check-in answer, from 1 to 5, in the last quarter that has ended; withheld where fewer peer workers answered than the small-numbers threshold.',
    direction: 'LOWER_IS_WORSE',
    unit: 'SCORE',
    value: (m) => m.clearRole,
    amber: 3.5,
    red: 3,
  },
  practiseAsPeer: {
    key: 'practiseAsPeer',
    sign: 'SHARED_VIEW',
    label: '“I can practise as a peer rather than as a junior clinician”',
    definition: 'The average check-in answer, from 1 to 5, in the last quarter that has ended; withheld where fewer peer workers answered than the small-numbers threshold.',
    direction: 'LOWER_IS_WORSE',
    unit: 'SCORE',
    value: (m) => m.practiseAsPeer,
    amber: 3.5,
    red: 3,
  },
  libraryEntries: {
    key: 'libraryEntries',
    sign: 'SHARED_VIEW',
    label: 'Library entries in the last 12 months',
    definition: 'Reflections on peer practice published in the library in the last 12 months. Measured only where the team has peer workers.',
    direction: 'LOWER_IS_WORSE',
    unit: 'COUNT',
    value: (m) => (m.peerWorkers === 0 ? null : m.libraryEntries),
    amber: 2,
    red: 0,
  },
  agreedWithoutPeerWorker: {
    key: 'agreedWithoutPeerWorker',
    sign: 'SHARED_VIEW',
    label: 'Roles agreed without a peer worker',
    definition: 'Roles whose agreed version no peer worker agreed to. Measured only where the team has an agreed role.',
    direction: 'HIGHER_IS_WORSE',
    unit: 'COUNT',
    value: (m) => (m.agreedRoles === 0 ? null : m.agreedWithoutPeerWorker),
    amber: 1,
    red: 2,
  },
};

/** Amber and red thresholds for every indicator: the organisation's setting, or the defaults above. */
export type Thresholds = Record<IndicatorKey, { amber: number; red: number }>;

export const DEFAULT_THRESHOLDS: Thresholds = Object.fromEntries(INDICATOR_KEYS.map((key) => [key, { amber: INDICATORS[key].amber, red: INDICATORS[key].red }])) as Thresholds;

/** The thresholds in force: the saved ones where they are valid, the default for any indicator missing (one added since they were saved). */
export function thresholdsFrom(saved: Partial<Record<string, { amber: number; red: number }>> | null | undefined): Thresholds {
  return Object.fromEntries(
    INDICATOR_KEYS.map((key) => {
      const value = saved?.[key];
      return [key, value && thresholdProblem(key, value) === null ? { amber: value.amber, red: value.red } : { ...DEFAULT_THRESHOLDS[key] }];
    }),
  ) as Thresholds;
}

/** Why a pair of thresholds cannot be used, or null: red must be at least as bad as amber, and percentages and scores within their range. */
export function thresholdProblem(key: IndicatorKey, { amber, red }: { amber: number; red: number }): string | null {
  const indicator = INDICATORS[key];
  if (!Number.isFinite(amber) || !Number.isFinite(red)) return 'Enter numbers';
  const [min, max] = indicator.unit === 'PERCENT' ? [0, 100] : indicator.unit === 'SCORE' ? [1, 5] : [0, 10_000];
  if (amber < min || amber > max || red < min || red > max) return `Enter numbers from ${min} to ${max}`;
  if (indicator.unit === 'COUNT' && (!Number.isInteger(amber) || !Number.isInteger(red))) return 'Enter whole numbers';
  if (indicator.direction === 'HIGHER_IS_WORSE' ? red < amber : red > amber) {
    return indicator.direction === 'HIGHER_IS_WORSE' ? 'Red must be the same as amber or higher' : 'Red must be the same as amber or lower';
  }
  return null;
}

/** One indicator's level: red from its red threshold, amber from its amber one, else green; none without a figure. */
export function levelOf(key: IndicatorKey, value: number | null, thresholds: Thresholds): Level {
  if (value === null) return 'NONE';
  const { amber, red } = thresholds[key];
  if (INDICATORS[key].direction === 'HIGHER_IS_WORSE') return value >= red ? 'RED' : value >= amber ? 'AMBER' : 'GREEN';
  return value <= red ? 'RED' : value <= amber ? 'AMBER' : 'GREEN';
}

export interface IndicatorReading {
  key: IndicatorKey;
  value: number | null;
  level: Level;
}

export interface SignReading {
  sign: Sign;
  level: Level;
  indicators: IndicatorReading[];
}

/** The worst level among these, ignoring indicators with nothing to measure; none when all have none. */
export function worstLevel(levels: readonly Level[]): Level {
  return levels.reduce<Level>((worst, level) => (LEVEL_ORDER[level] < LEVEL_ORDER[worst] ? level : worst), 'NONE');
}

/** Every sign for a team's or the organisation's measures, with the figures behind each. */
export function readSigns(measures: Measures, thresholds: Thresholds): Record<Sign, SignReading> {
  return Object.fromEntries(
    SIGNS.map((sign) => {
      const indicators = INDICATOR_KEYS.filter((key) => INDICATORS[key].sign === sign).map((key) => {
        const value = INDICATORS[key].value(measures);
        return { key, value, level: levelOf(key, value, thresholds) };
      });
      return [sign, { sign, level: worstLevel(indicators.map((indicator) => indicator.level)), indicators }];
    }),
  ) as Record<Sign, SignReading>;
}

/** The organisation's measures: the teams' counts added together, with the organisation's own check-in averages. */
export function addMeasures(teams: readonly Measures[], organisationCheckIns: { clearRole: number | null; practiseAsPeer: number | null }): Measures {
  const total: Measures = { ...EMPTY_MEASURES };
  for (const team of teams) {
    for (const key of Object.keys(total) as Array<keyof Measures>) {
      if (key === 'clearRole' || key === 'practiseAsPeer') continue;
      total[key] = (total[key] as number) + (team[key] as number);
    }
  }
  return { ...total, ...organisationCheckIns };
}

/** How a figure reads: "3", "42.5%", "3.8". */
export function formatValue(key: IndicatorKey, value: number | null): string {
  if (value === null) return 'Nothing to measure';
  const unit = INDICATORS[key].unit;
  return unit === 'PERCENT' ? `${value}%` : unit === 'SCORE' ? value.toFixed(1) : String(value);
}
