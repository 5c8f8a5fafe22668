// The early-warning signs' pure rules (issue 13 §4): each indicator's figure from
// a team's measures, its level against the thresholds (defaults or an
// administrator's), how a sign combines its indicators, which thresholds may be
// saved, the organisation's measures from its teams', and how a figure reads.
import fc from 'fast-check';
import {
  DEFAULT_THRESHOLDS,
  EMPTY_MEASURES,
  INDICATORS,
  INDICATOR_KEYS,
  LEVEL_LABELS,
  LEVEL_ORDER,
  SIGNS,
  addMeasures,
  formatValue,
  levelOf,
  readSigns,
  thresholdProblem,
  thresholdsFrom,
  worstLevel,
  type IndicatorKey,
  type Level,
  type Measures,
  type Sign,
  type Thresholds,
} from '@/lib/dashboards/signals';

const measures = (changes: Partial<Measures>): Measures => ({ ...EMPTY_MEASURES, ...changes });
const valuesOf = (m: Measures) => Object.fromEntries(INDICATOR_KEYS.map((key) => [key, INDICATORS[key].value(m)]));
const withThresholds = (changes: Partial<Thresholds>): Thresholds => ({ ...DEFAULT_THRESHOLDS, ...changes });
const COUNT_KEYS = INDICATOR_KEYS.filter((key) => INDICATORS[key].unit === 'COUNT');
const PERCENT_KEYS = INDICATOR_KEYS.filter((key) => INDICATORS[key].unit === 'PERCENT');
const SCORE_KEYS = INDICATOR_KEYS.filter((key) => INDICATORS[key].unit === 'SCORE');

/** Each sign's indicators, in the order a sign lists them. */
const SIGN_INDICATORS: Record<Sign, IndicatorKey[]> = {
  EXPECTATIONS: ['unsettledContested', 'directApproachShare', 'withoutAgreedRole'],
  ARRANGEMENTS: ['openParityIssues', 'insecureContractShare', 'mainMeetingOnDayOff'],
  SUPERVISION: ['peerSupervisionShare', 'withoutPeerSupervision', 'boundaryTopicShare'],
  SHARED_VIEW: ['clearRole', 'practiseAsPeer', 'libraryEntries', 'agreedWithoutPeerWorker'],
};

describe('INDICATORS', () => {
  it('names 13 indicators, each under its own key, in the order of its sign', () => {
    expect(INDICATOR_KEYS).toHaveLength(13);
    expect([...INDICATOR_KEYS]).toEqual(SIGNS.flatMap((sign) => SIGN_INDICATORS[sign]));
    for (const key of INDICATOR_KEYS) {
      expect(INDICATORS[key].key).toBe(key);
      expect(SIGN_INDICATORS[INDICATORS[key].sign]).toContain(key);
    }
    expect(Object.keys(INDICATORS).sort()).toEqual([...INDICATOR_KEYS].sort());
  });

  it('says which way is worse and in what unit', () => {
    const shape = Object.fromEntries(INDICATOR_KEYS.map((key) => [key, `${INDICATORS[key].direction} ${INDICATORS[key].unit}`]));
    expect(shape).toEqual({
      unsettledContested: 'HIGHER_IS_WORSE COUNT',
      directApproachShare: 'HIGHER_IS_WORSE PERCENT',
      withoutAgreedRole: 'HIGHER_IS_WORSE COUNT',
      openParityIssues: 'HIGHER_IS_WORSE COUNT',
      insecureContractShare: 'HIGHER_IS_WORSE PERCENT',
      mainMeetingOnDayOff: 'HIGHER_IS_WORSE COUNT',
      peerSupervisionShare: 'LOWER_IS_WORSE PERCENT',
      withoutPeerSupervision: 'HIGHER_IS_WORSE COUNT',
      boundaryTopicShare: 'HIGHER_IS_WORSE PERCENT',
      clearRole: 'LOWER_IS_WORSE SCORE',
      practiseAsPeer: 'LOWER_IS_WORSE SCORE',
      libraryEntries: 'LOWER_IS_WORSE COUNT',
      agreedWithoutPeerWorker: 'HIGHER_IS_WORSE COUNT',
    });
  });

  it('gives DEFAULT_THRESHOLDS as each indicator’s own amber and red', () => {
    expect(Object.keys(DEFAULT_THRESHOLDS).sort()).toEqual([...INDICATOR_KEYS].sort());
    for (const key of INDICATOR_KEYS) expect(DEFAULT_THRESHOLDS[key]).toEqual({ amber: INDICATORS[key].amber, red: INDICATORS[key].red });
    expect(DEFAULT_THRESHOLDS.openParityIssues).toEqual({ amber: 1, red: 3 });
    expect(DEFAULT_THRESHOLDS.peerSupervisionShare).toEqual({ amber: 40, red: 20 });
    expect(DEFAULT_THRESHOLDS.clearRole).toEqual({ amber: 3.5, red: 3 });
    expect(DEFAULT_THRESHOLDS.libraryEntries).toEqual({ amber: 2, red: 0 });
  });
});

describe('indicator values', () => {
  // Every count different, so that an indicator reading the wrong field shows.
  const team: Measures = {
    rolesWithUnsettledContested: 3,
    appointments: 3,
    directApproachAppointments: 1,
    peerWorkers: 12,
    peerWorkersWithoutAgreedRole: 2,
    openParityIssues: 4,
    placements: 8,
    insecurePlacements: 3,
    mainMeetingOnDayOff: 1,
    sessions: 6,
    peerSessions: 4,
    withoutPeerSupervision: 5,
    boundaryTopics: 2,
    livedExperienceTopics: 5,
    clearRole: 3.8,
    practiseAsPeer: 4.25,
    libraryEntries: 7,
    agreedRoles: 11,
    agreedWithoutPeerWorker: 9,
  };

  it('reads every indicator from a team’s measures', () => {
    expect(valuesOf(team)).toEqual({
      unsettledContested: 3,
      directApproachShare: 33.3, // 1 of 3
      withoutAgreedRole: 2,
      openParityIssues: 4,
      insecureContractShare: 37.5, // 3 of 8
      mainMeetingOnDayOff: 1,
      peerSupervisionShare: 66.7, // 4 of 6
      withoutPeerSupervision: 5,
      boundaryTopicShare: 28.6, // 2 of 2 + 5
      clearRole: 3.8,
      practiseAsPeer: 4.25,
      libraryEntries: 7,
      agreedWithoutPeerWorker: 9,
    });
  });

  it('passes counts through as they are, zero included, where there is something to count them in', () => {
    const present = { peerWorkers: 4, placements: 3, agreedRoles: 2 };
    for (const [key, field] of [
      ['unsettledContested', 'rolesWithUnsettledContested'],
      ['withoutAgreedRole', 'peerWorkersWithoutAgreedRole'],
      ['openParityIssues', 'openParityIssues'],
      ['mainMeetingOnDayOff', 'mainMeetingOnDayOff'],
      ['withoutPeerSupervision', 'withoutPeerSupervision'],
      ['agreedWithoutPeerWorker', 'agreedWithoutPeerWorker'],
    ] as const) {
      expect(INDICATORS[key].value(measures({ ...present, [field]: 17 }))).toBe(17);
      expect(INDICATORS[key].value(measures({ ...present, [field]: 0 }))).toBe(0);
    }
  });

  it('has nothing to measure for counts about peer workers, placements or agreed roles where the team has none', () => {
    expect(INDICATORS.withoutAgreedRole.value(measures({ peerWorkers: 0, peerWorkersWithoutAgreedRole: 0 }))).toBeNull();
    for (const key of ['openParityIssues', 'mainMeetingOnDayOff', 'withoutPeerSupervision'] as const) expect([key, INDICATORS[key].value(measures({ placements: 0 }))]).toEqual([key, null]);
    expect(INDICATORS.agreedWithoutPeerWorker.value(measures({ agreedRoles: 0 }))).toBeNull();
    // Roles with contested activities are counted whatever else the team has.
    expect(INDICATORS.unsettledContested.value(measures({ rolesWithUnsettledContested: 0 }))).toBe(0);
  });

  it('gives shares as percentages to one decimal place', () => {
    const direct = (part: number, whole: number) => INDICATORS.directApproachShare.value(measures({ appointments: whole, directApproachAppointments: part }));
    expect(direct(1, 3)).toBe(33.3);
    expect(direct(2, 3)).toBe(66.7);
    expect(direct(1, 6)).toBe(16.7);
    expect(direct(1, 8)).toBe(12.5);
    expect(direct(0, 5)).toBe(0);
    expect(direct(5, 5)).toBe(100);
    expect(INDICATORS.insecureContractShare.value(measures({ placements: 3, insecurePlacements: 2 }))).toBe(66.7);
    expect(INDICATORS.peerSupervisionShare.value(measures({ sessions: 7, peerSessions: 1 }))).toBe(14.3);
  });

  it('sets boundary topics against boundary and lived-experience topics together', () => {
    const boundary = (boundaryTopics: number, livedExperienceTopics: number) => INDICATORS.boundaryTopicShare.value(measures({ boundaryTopics, livedExperienceTopics }));
    expect(boundary(1, 2)).toBe(33.3);
    expect(boundary(3, 1)).toBe(75);
    expect(boundary(4, 0)).toBe(100);
    expect(boundary(0, 4)).toBe(0);
  });

  it('has nothing to measure for a share whose whole is 0', () => {
    // No appointments, no placements, no sessions, no topics: even with parts recorded.
    expect(INDICATORS.directApproachShare.value(measures({ appointments: 0, directApproachAppointments: 0 }))).toBeNull();
    expect(INDICATORS.insecureContractShare.value(measures({ placements: 0, insecurePlacements: 0 }))).toBeNull();
    expect(INDICATORS.peerSupervisionShare.value(measures({ sessions: 0, peerSessions: 0 }))).toBeNull();
    expect(INDICATORS.boundaryTopicShare.value(measures({ boundaryTopics: 0, livedExperienceTopics: 0 }))).toBeNull();
    // Sessions held but no boundary or lived-experience topics among them.
    expect(INDICATORS.boundaryTopicShare.value(measures({ sessions: 4, peerSessions: 2 }))).toBeNull();
    expect(INDICATORS.peerSupervisionShare.value(measures({ sessions: 4, peerSessions: 2 }))).toBe(50);
  });

  it('passes check-in averages through, a withheld one as nothing to measure', () => {
    expect(INDICATORS.clearRole.value(measures({ clearRole: 4.2, practiseAsPeer: 2.9 }))).toBe(4.2);
    expect(INDICATORS.practiseAsPeer.value(measures({ clearRole: 4.2, practiseAsPeer: 2.9 }))).toBe(2.9);
    expect(INDICATORS.clearRole.value(measures({ clearRole: null, practiseAsPeer: 2.9 }))).toBeNull();
    expect(INDICATORS.practiseAsPeer.value(measures({ clearRole: 4.2, practiseAsPeer: null }))).toBeNull();
  });

  it('measures library entries only where the team has peer workers', () => {
    expect(INDICATORS.libraryEntries.value(measures({ peerWorkers: 0, libraryEntries: 0 }))).toBeNull();
    // Entries counted to a team that no longer has peer workers: still nothing to measure.
    expect(INDICATORS.libraryEntries.value(measures({ peerWorkers: 0, libraryEntries: 3 }))).toBeNull();
    expect(INDICATORS.libraryEntries.value(measures({ peerWorkers: 1, libraryEntries: 0 }))).toBe(0);
    expect(INDICATORS.libraryEntries.value(measures({ peerWorkers: 2, libraryEntries: 3 }))).toBe(3);
  });
});

describe('levelOf', () => {
  it('has nothing to measure without a figure, whatever the indicator', () => {
    for (const key of INDICATOR_KEYS) expect(levelOf(key, null, DEFAULT_THRESHOLDS)).toBe('NONE');
  });

  it('is red from the red threshold, amber from the amber one, else green, for every indicator’s defaults', () => {
    for (const key of INDICATOR_KEYS) {
      const { amber, red } = DEFAULT_THRESHOLDS[key];
      // One step worse (+ where higher is worse, - where lower is).
      const worse = (INDICATORS[key].direction === 'HIGHER_IS_WORSE' ? 1 : -1) * (INDICATORS[key].unit === 'COUNT' ? 1 : 0.1);
      expect([key, levelOf(key, red + worse, DEFAULT_THRESHOLDS)]).toEqual([key, 'RED']);
      expect([key, levelOf(key, red, DEFAULT_THRESHOLDS)]).toEqual([key, 'RED']);
      expect([key, levelOf(key, red - worse, DEFAULT_THRESHOLDS)]).toEqual([key, 'AMBER']);
      expect([key, levelOf(key, amber, DEFAULT_THRESHOLDS)]).toEqual([key, 'AMBER']);
      expect([key, levelOf(key, amber - worse, DEFAULT_THRESHOLDS)]).toEqual([key, 'GREEN']);
    }
  });

  it('reads higher-is-worse figures on hand-made cases', () => {
    // Open parity issues: amber from 1, red from 3.
    expect(levelOf('openParityIssues', 0, DEFAULT_THRESHOLDS)).toBe('GREEN');
    expect(levelOf('openParityIssues', 1, DEFAULT_THRESHOLDS)).toBe('AMBER');
    expect(levelOf('openParityIssues', 2, DEFAULT_THRESHOLDS)).toBe('AMBER');
    expect(levelOf('openParityIssues', 3, DEFAULT_THRESHOLDS)).toBe('RED');
    expect(levelOf('openParityIssues', 40, DEFAULT_THRESHOLDS)).toBe('RED');
    // Direct approach: amber from 25%, red from 50%.
    expect(levelOf('directApproachShare', 0, DEFAULT_THRESHOLDS)).toBe('GREEN');
    expect(levelOf('directApproachShare', 24.9, DEFAULT_THRESHOLDS)).toBe('GREEN');
    expect(levelOf('directApproachShare', 25, DEFAULT_THRESHOLDS)).toBe('AMBER');
    expect(levelOf('directApproachShare', 49.9, DEFAULT_THRESHOLDS)).toBe('AMBER');
    expect(levelOf('directApproachShare', 50, DEFAULT_THRESHOLDS)).toBe('RED');
    expect(levelOf('directApproachShare', 100, DEFAULT_THRESHOLDS)).toBe('RED');
  });

  it('reads lower-is-worse figures on hand-made cases', () => {
    // Peer supervision: amber at 40% or less, red at 20% or less.
    expect(levelOf('peerSupervisionShare', 100, DEFAULT_THRESHOLDS)).toBe('GREEN');
    expect(levelOf('peerSupervisionShare', 40.1, DEFAULT_THRESHOLDS)).toBe('GREEN');
    expect(levelOf('peerSupervisionShare', 40, DEFAULT_THRESHOLDS)).toBe('AMBER');
    expect(levelOf('peerSupervisionShare', 20.1, DEFAULT_THRESHOLDS)).toBe('AMBER');
    expect(levelOf('peerSupervisionShare', 20, DEFAULT_THRESHOLDS)).toBe('RED');
    expect(levelOf('peerSupervisionShare', 0, DEFAULT_THRESHOLDS)).toBe('RED');
    // "I am clear about my role": amber at 3.5 or less, red at 3 or less.
    expect(levelOf('clearRole', 3.6, DEFAULT_THRESHOLDS)).toBe('GREEN');
    expect(levelOf('clearRole', 3.5, DEFAULT_THRESHOLDS)).toBe('AMBER');
    expect(levelOf('clearRole', 3.1, DEFAULT_THRESHOLDS)).toBe('AMBER');
    expect(levelOf('clearRole', 3, DEFAULT_THRESHOLDS)).toBe('RED');
    expect(levelOf('clearRole', 1, DEFAULT_THRESHOLDS)).toBe('RED');
    // Library entries: amber at 2 or fewer, red at none.
    expect(levelOf('libraryEntries', 3, DEFAULT_THRESHOLDS)).toBe('GREEN');
    expect(levelOf('libraryEntries', 2, DEFAULT_THRESHOLDS)).toBe('AMBER');
    expect(levelOf('libraryEntries', 1, DEFAULT_THRESHOLDS)).toBe('AMBER');
    expect(levelOf('libraryEntries', 0, DEFAULT_THRESHOLDS)).toBe('RED');
  });

  it('uses the thresholds it is given, for that indicator only', () => {
    const custom = withThresholds({ openParityIssues: { amber: 5, red: 10 }, clearRole: { amber: 4, red: 2.5 } });
    expect(levelOf('openParityIssues', 4, custom)).toBe('GREEN');
    expect(levelOf('openParityIssues', 5, custom)).toBe('AMBER');
    expect(levelOf('openParityIssues', 9, custom)).toBe('AMBER');
    expect(levelOf('openParityIssues', 10, custom)).toBe('RED');
    expect(levelOf('clearRole', 4.1, custom)).toBe('GREEN');
    expect(levelOf('clearRole', 4, custom)).toBe('AMBER');
    expect(levelOf('clearRole', 2.6, custom)).toBe('AMBER');
    expect(levelOf('clearRole', 2.5, custom)).toBe('RED');
    // The others keep their defaults.
    expect(levelOf('withoutAgreedRole', 2, custom)).toBe('RED');
    expect(levelOf('practiseAsPeer', 3.5, custom)).toBe('AMBER');
    expect(levelOf('practiseAsPeer', 3.6, custom)).toBe('GREEN');
  });

  it('goes straight from green to red when red and amber are the same', () => {
    const custom = withThresholds({ mainMeetingOnDayOff: { amber: 2, red: 2 }, peerSupervisionShare: { amber: 30, red: 30 } });
    expect(levelOf('mainMeetingOnDayOff', 1, custom)).toBe('GREEN');
    expect(levelOf('mainMeetingOnDayOff', 2, custom)).toBe('RED');
    expect(levelOf('peerSupervisionShare', 30.1, custom)).toBe('GREEN');
    expect(levelOf('peerSupervisionShare', 30, custom)).toBe('RED');
  });

  it('never gives a worse figure a better level, for any thresholds thresholdProblem accepts (property)', () => {
    const bounds = (key: IndicatorKey) => (INDICATORS[key].unit === 'PERCENT' ? { min: 0, max: 100 } : INDICATORS[key].unit === 'SCORE' ? { min: 1, max: 5 } : { min: 0, max: 10_000 });
    const threshold = (key: IndicatorKey) => (INDICATORS[key].unit === 'COUNT' ? fc.integer(bounds(key)) : fc.double({ ...bounds(key), noNaN: true }));
    const value = (pair: { amber: number; red: number }) =>
      fc.oneof(fc.constantFrom(pair.amber, pair.red), fc.double({ min: -20_000, max: 20_000, noNaN: true }), fc.integer({ min: -5, max: 120 }));
    const arbitrary = fc.constantFrom(...INDICATOR_KEYS).chain((key) =>
      fc
        .tuple(threshold(key), threshold(key))
        .map(([a, b]) => (INDICATORS[key].direction === 'HIGHER_IS_WORSE' ? { amber: Math.min(a, b), red: Math.max(a, b) } : { amber: Math.max(a, b), red: Math.min(a, b) }))
        .chain((pair) => fc.tuple(fc.constant(key), fc.constant(pair), value(pair), value(pair))),
    );
    fc.assert(
      fc.property(arbitrary, ([key, pair, a, b]) => {
        expect(thresholdProblem(key, pair)).toBeNull();
        const thresholds = withThresholds({ [key]: pair });
        const [better, worse] = INDICATORS[key].direction === 'HIGHER_IS_WORSE' ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)];
        const betterLevel = levelOf(key, better, thresholds);
        const worseLevel = levelOf(key, worse, thresholds);
        expect(betterLevel).not.toBe('NONE');
        expect(worseLevel).not.toBe('NONE');
        // Worst first in LEVEL_ORDER: the worse figure's level comes no later.
        expect(LEVEL_ORDER[worseLevel]).toBeLessThanOrEqual(LEVEL_ORDER[betterLevel]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('worstLevel', () => {
  it('puts red before amber before green, in any order', () => {
    const levels: Level[] = ['GREEN', 'AMBER', 'RED'];
    for (const order of [levels, [...levels].reverse(), ['AMBER', 'RED', 'GREEN'] as Level[]]) expect(worstLevel(order)).toBe('RED');
    expect(worstLevel(['GREEN', 'AMBER', 'GREEN'])).toBe('AMBER');
    expect(worstLevel(['AMBER', 'GREEN'])).toBe('AMBER');
    expect(worstLevel(['GREEN', 'GREEN'])).toBe('GREEN');
    expect(worstLevel(['RED'])).toBe('RED');
  });

  it('ignores nothing to measure unless that is all there is', () => {
    expect(worstLevel(['NONE', 'GREEN', 'NONE'])).toBe('GREEN');
    expect(worstLevel(['NONE', 'AMBER'])).toBe('AMBER');
    expect(worstLevel(['RED', 'NONE'])).toBe('RED');
    expect(worstLevel(['NONE'])).toBe('NONE');
    expect(worstLevel(['NONE', 'NONE', 'NONE'])).toBe('NONE');
    expect(worstLevel([])).toBe('NONE');
  });
});

describe('readSigns', () => {
  // Every indicator green against the defaults.
  const green: Measures = {
    rolesWithUnsettledContested: 0,
    appointments: 4,
    directApproachAppointments: 0,
    peerWorkers: 4,
    peerWorkersWithoutAgreedRole: 0,
    openParityIssues: 0,
    placements: 4,
    insecurePlacements: 0,
    mainMeetingOnDayOff: 0,
    sessions: 10,
    peerSessions: 5, // 50%
    withoutPeerSupervision: 0,
    boundaryTopics: 1,
    livedExperienceTopics: 3, // 25%
    clearRole: 4.2,
    practiseAsPeer: 4,
    libraryEntries: 3,
    agreedRoles: 3,
    agreedWithoutPeerWorker: 0,
  };
  // Every indicator exactly at its amber threshold.
  const amber: Measures = {
    ...green,
    rolesWithUnsettledContested: 1,
    directApproachAppointments: 1, // 25%
    peerWorkersWithoutAgreedRole: 1,
    openParityIssues: 2,
    insecurePlacements: 1, // 25%
    mainMeetingOnDayOff: 1,
    peerSessions: 4, // 40%
    withoutPeerSupervision: 1,
    boundaryTopics: 2,
    livedExperienceTopics: 2, // 50%
    clearRole: 3.5,
    practiseAsPeer: 3.2,
    libraryEntries: 1,
    agreedWithoutPeerWorker: 1,
  };
  // Every indicator red.
  const red: Measures = {
    ...green,
    rolesWithUnsettledContested: 2,
    directApproachAppointments: 2, // 50%
    peerWorkersWithoutAgreedRole: 3,
    openParityIssues: 3,
    insecurePlacements: 4, // 100%
    mainMeetingOnDayOff: 2,
    peerSessions: 2, // 20%
    withoutPeerSupervision: 2,
    boundaryTopics: 7,
    livedExperienceTopics: 3, // 70%
    clearRole: 3,
    practiseAsPeer: 2.5,
    libraryEntries: 0,
    agreedWithoutPeerWorker: 2,
  };
  const levels = (m: Measures, thresholds = DEFAULT_THRESHOLDS) => {
    const signs = readSigns(m, thresholds);
    return Object.fromEntries(SIGNS.map((sign) => [sign, [signs[sign].level, ...signs[sign].indicators.map((indicator) => indicator.level)]]));
  };

  it('holds each sign’s own indicators, in order, with their figures', () => {
    const signs = readSigns(amber, DEFAULT_THRESHOLDS);
    expect(Object.keys(signs)).toEqual([...SIGNS]);
    for (const sign of SIGNS) {
      expect(signs[sign].sign).toBe(sign);
      expect(signs[sign].indicators.map((indicator) => indicator.key)).toEqual(SIGN_INDICATORS[sign]);
    }
    expect(signs.EXPECTATIONS.indicators).toEqual([
      { key: 'unsettledContested', value: 1, level: 'AMBER' },
      { key: 'directApproachShare', value: 25, level: 'AMBER' },
      { key: 'withoutAgreedRole', value: 1, level: 'AMBER' },
    ]);
    expect(signs.SUPERVISION.indicators.map((indicator) => indicator.value)).toEqual([40, 1, 50]);
    expect(signs.SHARED_VIEW.indicators.map((indicator) => indicator.value)).toEqual([3.5, 3.2, 1, 1]);
  });

  it('makes every sign green, amber or red as its indicators are', () => {
    expect(levels(green)).toEqual({
      EXPECTATIONS: ['GREEN', 'GREEN', 'GREEN', 'GREEN'],
      ARRANGEMENTS: ['GREEN', 'GREEN', 'GREEN', 'GREEN'],
      SUPERVISION: ['GREEN', 'GREEN', 'GREEN', 'GREEN'],
      SHARED_VIEW: ['GREEN', 'GREEN', 'GREEN', 'GREEN', 'GREEN'],
    });
    expect(levels(amber)).toEqual({
      EXPECTATIONS: ['AMBER', 'AMBER', 'AMBER', 'AMBER'],
      ARRANGEMENTS: ['AMBER', 'AMBER', 'AMBER', 'AMBER'],
      SUPERVISION: ['AMBER', 'AMBER', 'AMBER', 'AMBER'],
      SHARED_VIEW: ['AMBER', 'AMBER', 'AMBER', 'AMBER', 'AMBER'],
    });
    expect(levels(red)).toEqual({
      EXPECTATIONS: ['RED', 'RED', 'RED', 'RED'],
      ARRANGEMENTS: ['RED', 'RED', 'RED', 'RED'],
      SUPERVISION: ['RED', 'RED', 'RED', 'RED'],
      SHARED_VIEW: ['RED', 'RED', 'RED', 'RED', 'RED'],
    });
  });

  it('makes a sign as bad as its worst indicator, and leaves the other signs alone', () => {
    // One red indicator in expectations, one amber in arrangements, a mix in supervision.
    const team: Measures = { ...green, peerWorkersWithoutAgreedRole: 2, mainMeetingOnDayOff: 1, withoutPeerSupervision: 1, boundaryTopics: 7, livedExperienceTopics: 3 };
    expect(levels(team)).toEqual({
      EXPECTATIONS: ['RED', 'GREEN', 'GREEN', 'RED'],
      ARRANGEMENTS: ['AMBER', 'GREEN', 'GREEN', 'AMBER'],
      SUPERVISION: ['RED', 'GREEN', 'AMBER', 'RED'],
      SHARED_VIEW: ['GREEN', 'GREEN', 'GREEN', 'GREEN', 'GREEN'],
    });
    // Only the check-in answer about practising as a peer is low: the shared view is red.
    expect(levels({ ...green, practiseAsPeer: 2.8 }).SHARED_VIEW).toEqual(['RED', 'GREEN', 'RED', 'GREEN', 'GREEN']);
  });

  it('does not let an indicator with nothing to measure count', () => {
    // Placements but no sessions held and no topics: peer supervision's share and the
    // boundary share have nothing to measure, and the sign is the count's level.
    const team: Measures = { ...green, sessions: 0, peerSessions: 0, boundaryTopics: 0, livedExperienceTopics: 0, withoutPeerSupervision: 1 };
    expect(readSigns(team, DEFAULT_THRESHOLDS).SUPERVISION).toEqual({
      sign: 'SUPERVISION',
      level: 'AMBER',
      indicators: [
        { key: 'peerSupervisionShare', value: null, level: 'NONE' },
        { key: 'withoutPeerSupervision', value: 1, level: 'AMBER' },
        { key: 'boundaryTopicShare', value: null, level: 'NONE' },
      ],
    });
    // Check-in figures withheld: the shared view is read from library entries and agreed roles.
    expect(levels({ ...green, clearRole: null, practiseAsPeer: null }).SHARED_VIEW).toEqual(['GREEN', 'NONE', 'NONE', 'GREEN', 'GREEN']);
    expect(levels({ ...green, clearRole: null, practiseAsPeer: null, libraryEntries: 1 }).SHARED_VIEW).toEqual(['AMBER', 'NONE', 'NONE', 'AMBER', 'GREEN']);
  });

  it('reads a team with nothing to measure: every share, withheld check-in and library entries without peer workers', () => {
    // A team with no appointments, peer workers, placements, sessions, topics or agreed roles, and
    // its check-in figures withheld: only the count of roles with contested activities is measured.
    const signs = readSigns(EMPTY_MEASURES, DEFAULT_THRESHOLDS);
    const measured = SIGNS.flatMap((sign) => signs[sign].indicators.filter((indicator) => indicator.level !== 'NONE').map((indicator) => indicator.key));
    expect(measured).toEqual(['unsettledContested']);
    for (const sign of SIGNS) {
      for (const indicator of signs[sign].indicators) expect(indicator.value === null).toBe(indicator.level === 'NONE');
      expect(signs[sign].level).toBe(worstLevel(signs[sign].indicators.map((indicator) => indicator.level)));
    }
    // The signs with nothing to measure say so, rather than reading green.
    expect([signs.EXPECTATIONS.level, signs.ARRANGEMENTS.level, signs.SUPERVISION.level, signs.SHARED_VIEW.level]).toEqual(['GREEN', 'NONE', 'NONE', 'NONE']);
  });

  it('reads against the thresholds it is given', () => {
    // Stricter: one library entry a year is red, any direct approach amber.
    const strict = withThresholds({ libraryEntries: { amber: 4, red: 3 }, directApproachShare: { amber: 0, red: 50 } });
    expect(levels(green, strict).SHARED_VIEW).toEqual(['RED', 'GREEN', 'GREEN', 'RED', 'GREEN']);
    expect(levels(green, strict).EXPECTATIONS).toEqual(['AMBER', 'GREEN', 'AMBER', 'GREEN']);
    // More lenient: the red team's parity issues are only amber.
    expect(levels(red, withThresholds({ openParityIssues: { amber: 3, red: 6 } })).ARRANGEMENTS).toEqual(['RED', 'AMBER', 'RED', 'RED']);
    expect(levels({ ...green, openParityIssues: 3 }, withThresholds({ openParityIssues: { amber: 3, red: 6 } })).ARRANGEMENTS).toEqual(['AMBER', 'AMBER', 'GREEN', 'GREEN']);
  });
});

describe('thresholdProblem', () => {
  it('accepts the defaults for every indicator', () => {
    for (const key of INDICATOR_KEYS) expect([key, thresholdProblem(key, DEFAULT_THRESHOLDS[key])]).toEqual([key, null]);
  });

  it('accepts red the same as amber', () => {
    for (const key of INDICATOR_KEYS) {
      const { amber, red } = DEFAULT_THRESHOLDS[key];
      expect([key, thresholdProblem(key, { amber, red: amber })]).toEqual([key, null]);
      expect([key, thresholdProblem(key, { amber: red, red })]).toEqual([key, null]);
    }
  });

  it('refuses red less bad than amber, in either direction', () => {
    for (const key of INDICATOR_KEYS) {
      // The defaults swapped round: red is then on the better side of amber.
      const { amber, red } = DEFAULT_THRESHOLDS[key];
      expect([key, thresholdProblem(key, { amber: red, red: amber })]).toEqual([
        key,
        INDICATORS[key].direction === 'HIGHER_IS_WORSE' ? 'Red must be the same as amber or higher' : 'Red must be the same as amber or lower',
      ]);
    }
    expect(thresholdProblem('openParityIssues', { amber: 3, red: 2 })).toBe('Red must be the same as amber or higher');
    expect(thresholdProblem('directApproachShare', { amber: 50, red: 49.9 })).toBe('Red must be the same as amber or higher');
    expect(thresholdProblem('peerSupervisionShare', { amber: 20, red: 20.1 })).toBe('Red must be the same as amber or lower');
    expect(thresholdProblem('clearRole', { amber: 3, red: 3.5 })).toBe('Red must be the same as amber or lower');
    expect(thresholdProblem('libraryEntries', { amber: 0, red: 1 })).toBe('Red must be the same as amber or lower');
  });

  it('refuses counts that are not whole numbers, and accepts fractions for percentages and scores', () => {
    for (const key of COUNT_KEYS) {
      const { amber, red } = DEFAULT_THRESHOLDS[key];
      expect([key, thresholdProblem(key, { amber: amber + 0.5, red: red + 0.5 })]).toEqual([key, 'Enter whole numbers']);
      expect([key, thresholdProblem(key, { amber, red: red + 0.5 })]).toEqual([key, 'Enter whole numbers']);
    }
    expect(thresholdProblem('directApproachShare', { amber: 12.5, red: 33.3 })).toBeNull();
    expect(thresholdProblem('peerSupervisionShare', { amber: 37.5, red: 12.5 })).toBeNull();
    expect(thresholdProblem('clearRole', { amber: 3.75, red: 2.5 })).toBeNull();
  });

  it('refuses percentages outside 0 to 100', () => {
    for (const key of PERCENT_KEYS) {
      const { amber, red } = DEFAULT_THRESHOLDS[key];
      expect([key, thresholdProblem(key, { amber: -1, red })]).toEqual([key, 'Enter numbers from 0 to 100']);
      expect([key, thresholdProblem(key, { amber, red: -0.1 })]).toEqual([key, 'Enter numbers from 0 to 100']);
      expect([key, thresholdProblem(key, { amber: 100.1, red })]).toEqual([key, 'Enter numbers from 0 to 100']);
      expect([key, thresholdProblem(key, { amber, red: 150 })]).toEqual([key, 'Enter numbers from 0 to 100']);
    }
    // The ends themselves are allowed.
    expect(thresholdProblem('insecureContractShare', { amber: 0, red: 100 })).toBeNull();
    expect(thresholdProblem('peerSupervisionShare', { amber: 100, red: 0 })).toBeNull();
  });

  it('refuses scores outside 1 to 5', () => {
    for (const key of SCORE_KEYS) {
      expect([key, thresholdProblem(key, { amber: 3.5, red: 0.9 })]).toEqual([key, 'Enter numbers from 1 to 5']);
      expect([key, thresholdProblem(key, { amber: 3.5, red: 0 })]).toEqual([key, 'Enter numbers from 1 to 5']);
      expect([key, thresholdProblem(key, { amber: 5.1, red: 3 })]).toEqual([key, 'Enter numbers from 1 to 5']);
      expect([key, thresholdProblem(key, { amber: 5, red: 1 })]).toEqual([key, null]);
    }
  });

  it('refuses negative counts', () => {
    for (const key of COUNT_KEYS) expect([key, thresholdProblem(key, { amber: -1, red: -1 })]).toEqual([key, 'Enter numbers from 0 to 10000']);
    expect(thresholdProblem('libraryEntries', { amber: 0, red: 0 })).toBeNull();
  });

  it('refuses NaN and infinities', () => {
    for (const key of INDICATOR_KEYS) {
      const { amber, red } = DEFAULT_THRESHOLDS[key];
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expect([key, bad, thresholdProblem(key, { amber: bad, red })]).toEqual([key, bad, 'Enter numbers']);
        expect([key, bad, thresholdProblem(key, { amber, red: bad })]).toEqual([key, bad, 'Enter numbers']);
      }
    }
  });
});

describe('thresholdsFrom', () => {
  it('gives the defaults when nothing is saved', () => {
    expect(thresholdsFrom(null)).toEqual(DEFAULT_THRESHOLDS);
    expect(thresholdsFrom(undefined)).toEqual(DEFAULT_THRESHOLDS);
    expect(thresholdsFrom({})).toEqual(DEFAULT_THRESHOLDS);
  });

  it('uses a saved pair that is valid, and the defaults for the keys not saved', () => {
    const saved = { openParityIssues: { amber: 2, red: 5 }, clearRole: { amber: 4, red: 3.2 }, peerSupervisionShare: { amber: 30, red: 30 } };
    expect(thresholdsFrom(saved)).toEqual({ ...DEFAULT_THRESHOLDS, ...saved });
  });

  it('falls back to the default for an invalid saved pair, for that key only', () => {
    const result = thresholdsFrom({
      openParityIssues: { amber: 5, red: 2 }, // red less bad than amber
      withoutAgreedRole: { amber: 1.5, red: 2 }, // not whole
      directApproachShare: { amber: 10, red: 120 }, // over 100
      practiseAsPeer: { amber: Number.NaN, red: 3 },
      libraryEntries: { amber: 4, red: 1 }, // valid
    });
    expect(result).toEqual({
      ...DEFAULT_THRESHOLDS,
      libraryEntries: { amber: 4, red: 1 },
    });
  });

  it('falls back for a saved value that is not a pair of numbers (read from JSON)', () => {
    const saved = {
      openParityIssues: { amber: 2 },
      mainMeetingOnDayOff: { amber: '1', red: '2' },
      clearRole: null,
      agreedWithoutPeerWorker: { amber: 0, red: 1 },
    } as unknown as Parameters<typeof thresholdsFrom>[0];
    expect(thresholdsFrom(saved)).toEqual({ ...DEFAULT_THRESHOLDS, agreedWithoutPeerWorker: { amber: 0, red: 1 } });
  });

  it('ignores keys it does not know, and anything else stored beside a pair', () => {
    const result = thresholdsFrom({ retiredIndicator: { amber: 1, red: 2 }, constructor: { amber: 1, red: 2 }, unsettledContested: { amber: 2, red: 4, note: 'x' } as { amber: number; red: number } });
    expect(Object.keys(result).sort()).toEqual([...INDICATOR_KEYS].sort());
    expect(result).toEqual({ ...DEFAULT_THRESHOLDS, unsettledContested: { amber: 2, red: 4 } });
  });
});

describe('addMeasures', () => {
  const teamA: Measures = {
    rolesWithUnsettledContested: 1,
    appointments: 1,
    directApproachAppointments: 1,
    peerWorkers: 3,
    peerWorkersWithoutAgreedRole: 1,
    openParityIssues: 2,
    placements: 3,
    insecurePlacements: 2,
    mainMeetingOnDayOff: 1,
    sessions: 10,
    peerSessions: 1,
    withoutPeerSupervision: 0,
    boundaryTopics: 4,
    livedExperienceTopics: 1,
    clearRole: 4.5,
    practiseAsPeer: 4.4,
    libraryEntries: 2,
    agreedRoles: 2,
    agreedWithoutPeerWorker: 1,
  };
  const teamB: Measures = {
    rolesWithUnsettledContested: 0,
    appointments: 3,
    directApproachAppointments: 0,
    peerWorkers: 5,
    peerWorkersWithoutAgreedRole: 2,
    openParityIssues: 1,
    placements: 5,
    insecurePlacements: 0,
    mainMeetingOnDayOff: 0,
    sessions: 6,
    peerSessions: 5,
    withoutPeerSupervision: 3,
    boundaryTopics: 0,
    livedExperienceTopics: 5,
    clearRole: 2,
    practiseAsPeer: null,
    libraryEntries: 0,
    agreedRoles: 4,
    agreedWithoutPeerWorker: 0,
  };

  it('adds the teams’ counts and takes the organisation’s own check-in averages', () => {
    expect(addMeasures([teamA, teamB], { clearRole: 3.9, practiseAsPeer: 3.1 })).toEqual({
      rolesWithUnsettledContested: 1,
      appointments: 4,
      directApproachAppointments: 1,
      peerWorkers: 8,
      peerWorkersWithoutAgreedRole: 3,
      openParityIssues: 3,
      placements: 8,
      insecurePlacements: 2,
      mainMeetingOnDayOff: 1,
      sessions: 16,
      peerSessions: 6,
      withoutPeerSupervision: 3,
      boundaryTopics: 4,
      livedExperienceTopics: 6,
      clearRole: 3.9, // not 6.5 (summed) or 3.25 (averaged)
      practiseAsPeer: 3.1,
      libraryEntries: 2,
      agreedRoles: 6,
      agreedWithoutPeerWorker: 1,
    });
  });

  it('keeps a withheld organisation average withheld, whatever the teams’ figures', () => {
    const organisation = addMeasures([teamA, teamA], { clearRole: null, practiseAsPeer: 4 });
    expect(organisation.clearRole).toBeNull();
    expect(organisation.practiseAsPeer).toBe(4);
    expect(organisation.sessions).toBe(20);
  });

  it('works the organisation’s shares out from the added counts, not from the teams’ shares', () => {
    const organisation = addMeasures([teamA, teamB], { clearRole: null, practiseAsPeer: null });
    // Direct approach 1 of 1 and 0 of 3: 1 of 4 (25%), not the teams' 100% and 0% averaged.
    expect(INDICATORS.directApproachShare.value(organisation)).toBe(25);
    expect(INDICATORS.peerSupervisionShare.value(organisation)).toBe(37.5); // 6 of 16
    expect(INDICATORS.boundaryTopicShare.value(organisation)).toBe(40); // 4 of 10
  });

  it('is the empty measures with the given averages when there are no teams', () => {
    expect(addMeasures([], { clearRole: 4.1, practiseAsPeer: 3.2 })).toEqual({ ...EMPTY_MEASURES, clearRole: 4.1, practiseAsPeer: 3.2 });
    expect(addMeasures([], { clearRole: null, practiseAsPeer: null })).toEqual(EMPTY_MEASURES);
  });

  it('changes neither the teams’ measures nor EMPTY_MEASURES', () => {
    const before = { a: { ...teamA }, b: { ...teamB }, empty: { ...EMPTY_MEASURES } };
    addMeasures([teamA, teamB], { clearRole: 3, practiseAsPeer: 3 });
    expect(teamA).toEqual(before.a);
    expect(teamB).toEqual(before.b);
    expect(EMPTY_MEASURES).toEqual(before.empty);
    expect(EMPTY_MEASURES.clearRole).toBeNull();
    expect(EMPTY_MEASURES.appointments).toBe(0);
  });
});

describe('formatValue', () => {
  it('shows counts as they are', () => {
    expect(formatValue('openParityIssues', 3)).toBe('3');
    expect(formatValue('libraryEntries', 0)).toBe('0');
    expect(formatValue('agreedWithoutPeerWorker', 12)).toBe('12');
  });

  it('shows percentages with a percent sign', () => {
    expect(formatValue('directApproachShare', 42.5)).toBe('42.5%');
    expect(formatValue('peerSupervisionShare', 33.3)).toBe('33.3%');
    expect(formatValue('insecureContractShare', 0)).toBe('0%');
    expect(formatValue('boundaryTopicShare', 100)).toBe('100%');
  });

  it('shows scores to one decimal place', () => {
    expect(formatValue('clearRole', 3.8)).toBe('3.8');
    expect(formatValue('clearRole', 4)).toBe('4.0');
    expect(formatValue('practiseAsPeer', 3.84)).toBe('3.8');
    expect(formatValue('practiseAsPeer', 2.96)).toBe('3.0');
  });

  it('says there is nothing to measure without a figure, as the level’s label does', () => {
    for (const key of INDICATOR_KEYS) expect(formatValue(key, null)).toBe('Nothing to measure');
    expect(LEVEL_LABELS.NONE).toBe('Nothing to measure');
  });
});
