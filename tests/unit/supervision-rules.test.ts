// Supervision's pure rules (issue 12): when each type of supervision is next due,
// due soon (within 7 days) or overdue, and the small-numbers rule for check-in
// figures, including a withheld figure that the others would give away.
import fc from 'fast-check';
import { SMALL_GROUP_THRESHOLD } from '@/lib/small-numbers';
import {
  CHECK_IN_MINIMUM,
  CHECK_IN_QUESTIONS,
  DUE_SOON_DAYS,
  calendarDay,
  checkInFigures,
  checkInThreshold,
  dueState,
  nextDue,
  nextQuarter,
  previousQuarter,
  quarterOf,
  quarterStart,
  quartersBetween,
  type CheckInQuestion,
  type CheckInRow,
  type Figure,
} from '@/lib/supervision/rules';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('nextDue', () => {
  const arrangement = { everyWeeks: 4, startsOn: day('2027-01-04') };

  it('is the arrangement’s start before the first session', () => {
    expect(nextDue(arrangement, null)).toEqual(day('2027-01-04'));
    // A start stored with a time of day is still that calendar day.
    expect(nextDue({ everyWeeks: 4, startsOn: new Date('2027-01-04T15:30:00.000Z') }, null)).toEqual(day('2027-01-04'));
  });

  it('is every N weeks after the last session once there is one', () => {
    expect(nextDue(arrangement, day('2027-01-05'))).toEqual(day('2027-02-02'));
    expect(nextDue({ everyWeeks: 1, startsOn: day('2027-01-04') }, day('2027-12-28'))).toEqual(day('2028-01-04'));
    expect(nextDue({ everyWeeks: 52, startsOn: day('2027-01-04') }, day('2027-03-01'))).toEqual(day('2028-02-28'));
    // Across the clocks going forward (UK, 28 March 2027): still whole calendar days.
    expect(nextDue({ everyWeeks: 2, startsOn: day('2027-01-04') }, day('2027-03-20'))).toEqual(day('2027-04-03'));
    expect(nextDue(arrangement, new Date('2027-01-05T22:45:00.000Z'))).toEqual(day('2027-02-02'));
  });
});

describe('dueState', () => {
  const today = day('2027-01-10');

  it('says due soon from 7 days before the due day up to the day itself', () => {
    expect(DUE_SOON_DAYS).toBe(7);
    expect(dueState(day('2027-01-18'), today)).toBe('ON_TIME'); // 8 days away
    expect(dueState(day('2027-01-17'), today)).toBe('DUE_SOON'); // 7 days away
    expect(dueState(day('2027-01-11'), today)).toBe('DUE_SOON');
    expect(dueState(day('2027-01-10'), today)).toBe('DUE_SOON'); // due today
  });

  it('says overdue the day after the due day, and from then on', () => {
    expect(dueState(day('2027-01-09'), today)).toBe('OVERDUE');
    expect(dueState(day('2026-06-01'), today)).toBe('OVERDUE');
  });

  it('goes by calendar days, whatever the time of day', () => {
    expect(dueState(day('2027-01-10'), new Date('2027-01-10T23:59:59.000Z'))).toBe('DUE_SOON');
    expect(dueState(day('2027-01-09'), new Date('2027-01-10T00:00:01.000Z'))).toBe('OVERDUE');
    expect(dueState(new Date('2027-01-17T23:00:00.000Z'), new Date('2027-01-10T01:00:00.000Z'))).toBe('DUE_SOON');
    expect(dueState(new Date('2027-01-18T00:30:00.000Z'), new Date('2027-01-10T23:30:00.000Z'))).toBe('ON_TIME');
  });

  it('follows a peer worker from before their first session to overdue', () => {
    const arrangement = { everyWeeks: 2, startsOn: day('2027-02-01') };
    // Before the first session: due on the start day.
    expect(dueState(nextDue(arrangement, null), day('2027-01-10'))).toBe('ON_TIME');
    expect(dueState(nextDue(arrangement, null), day('2027-01-25'))).toBe('DUE_SOON');
    expect(dueState(nextDue(arrangement, null), day('2027-02-02'))).toBe('OVERDUE');
    // After a session on 3 February: due 17 February.
    const due = nextDue(arrangement, day('2027-02-03'));
    expect(due).toEqual(day('2027-02-17'));
    expect(dueState(due, day('2027-02-09'))).toBe('ON_TIME');
    expect(dueState(due, day('2027-02-10'))).toBe('DUE_SOON');
    expect(dueState(due, day('2027-02-17'))).toBe('DUE_SOON');
    expect(dueState(due, day('2027-02-18'))).toBe('OVERDUE');
  });

  it('calendarDay drops the time of day in UTC', () => {
    expect(calendarDay(new Date('2027-03-28T01:30:00.000Z'))).toEqual(day('2027-03-28'));
  });
});

describe('quarterOf', () => {
  it('names fixed calendar quarters', () => {
    expect(quarterOf(day('2027-01-01'))).toBe('2027-Q1');
    // By the UK calendar: 23:59 BST on 31 March is still Q1; 00:30 BST on 1 July is Q3.
    expect(quarterOf(new Date('2027-03-31T22:59:59.999Z'))).toBe('2027-Q1');
    expect(quarterOf(new Date('2027-06-30T23:30:00Z'))).toBe('2027-Q3');
    expect(quarterOf(day('2027-04-01'))).toBe('2027-Q2');
    expect(quarterOf(day('2027-06-30'))).toBe('2027-Q2');
    expect(quarterOf(day('2027-07-01'))).toBe('2027-Q3');
    expect(quarterOf(day('2027-09-30'))).toBe('2027-Q3');
    expect(quarterOf(day('2027-10-01'))).toBe('2027-Q4');
    expect(quarterOf(new Date('2027-12-31T23:59:59.999Z'))).toBe('2027-Q4');
    expect(quarterOf(day('2028-01-01'))).toBe('2028-Q1');
  });
});

describe('quarter arithmetic', () => {
  it('steps across years both ways', () => {
    expect(nextQuarter('2026-Q3')).toBe('2026-Q4');
    expect(nextQuarter('2026-Q4')).toBe('2027-Q1');
    expect(previousQuarter('2027-Q1')).toBe('2026-Q4');
    expect(previousQuarter('2026-Q2')).toBe('2026-Q1');
    expect(quartersBetween('2026-Q3', '2027-Q2')).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    expect(quartersBetween('2026-Q3', '2026-Q3')).toEqual(['2026-Q3']);
    expect(quartersBetween('2027-Q1', '2026-Q4')).toEqual([]);
    expect(() => nextQuarter('2026-Q5')).toThrow(/Not a quarter/u);
  });

  it('starts each quarter at UK midnight: an hour before UTC midnight in summer time', () => {
    expect(quarterStart('2027-Q1').toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(quarterStart('2027-Q2').toISOString()).toBe('2027-03-31T23:00:00.000Z');
    expect(quarterStart('2027-Q3').toISOString()).toBe('2027-06-30T23:00:00.000Z');
    expect(quarterStart('2027-Q4').toISOString()).toBe('2027-09-30T23:00:00.000Z');
  });

  it('agrees with quarterOf at every boundary: the instant a quarter starts is in it, the one before in the last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 4 }), (year, index) => {
        const quarter = `${year}-Q${index}`;
        const start = quarterStart(quarter);
        expect(quarterOf(start)).toBe(quarter);
        expect(quarterOf(new Date(start.getTime() - 1))).toBe(previousQuarter(quarter));
      }),
    );
  });
});

describe('checkInThreshold', () => {
  it('is never below 5, nor below the shared small-numbers constant', () => {
    expect(CHECK_IN_MINIMUM).toBeGreaterThanOrEqual(5);
    expect(CHECK_IN_MINIMUM).toBeGreaterThanOrEqual(SMALL_GROUP_THRESHOLD);
    expect(checkInThreshold(null)).toBe(CHECK_IN_MINIMUM);
    expect(checkInThreshold(undefined)).toBe(CHECK_IN_MINIMUM);
    expect(checkInThreshold(0)).toBe(CHECK_IN_MINIMUM);
    expect(checkInThreshold(3)).toBe(CHECK_IN_MINIMUM);
    expect(checkInThreshold(-10)).toBe(CHECK_IN_MINIMUM);
  });

  it('lets an organisation raise it', () => {
    expect(checkInThreshold(8)).toBe(8);
    expect(checkInThreshold(50)).toBe(50);
  });
});

// ---- Check-in figures ----

const Q1 = day('2027-02-15');
const Q2 = day('2027-05-15');

function answers(value: number): Record<CheckInQuestion, number> {
  return Object.fromEntries(CHECK_IN_QUESTIONS.map((question) => [question, value])) as Record<CheckInQuestion, number>;
}

/** `count` different peer workers in `teamId`, each answering once with `value` to every question. */
function team(teamId: string, count: number, { at = Q1, value = 4, prefix = teamId }: { at?: Date; value?: number; prefix?: string } = {}): CheckInRow[] {
  return Array.from({ length: count }, (_, index) => ({ peerWorkerId: `${prefix}-person-${index}`, teamId, answeredAt: at, answers: answers(value) }));
}

const figuresFor = (rows: CheckInRow[], threshold = 5) => checkInFigures(rows, threshold);

function shown(figure: Figure | undefined): Extract<Figure, { shown: true }> {
  expect(figure?.shown).toBe(true);
  return figure as Extract<Figure, { shown: true }>;
}

describe('checkInFigures', () => {
  it('withholds a team below the threshold, and the organisation when it is below too', () => {
    const [quarter] = figuresFor(team('A', 4));
    expect(quarter.quarter).toBe('2027-Q1');
    expect(quarter.teams.get('A')).toEqual({ shown: false, reason: 'TOO_FEW' });
    expect(quarter.organisation).toEqual({ shown: false, reason: 'TOO_FEW' });
  });

  it('shows the organisation and teams at the threshold, with averages per question', () => {
    const rows = [
      ...team('A', 5, { value: 2 }),
      ...team('B', 5, { value: 4 }).map((row, index) => ({ ...row, answers: { ...row.answers, supported: index + 1 } })),
    ];
    const [quarter] = figuresFor(rows);
    const a = shown(quarter.teams.get('A'));
    const b = shown(quarter.teams.get('B'));
    const organisation = shown(quarter.organisation);
    expect(a.people).toBe(5);
    expect(a.averages).toEqual(answers(2));
    expect(b.averages).toEqual({ ...answers(4), supported: 3 });
    expect(organisation.people).toBe(10);
    expect(organisation.averages).toEqual({ ...answers(3), supported: 2.5 });
  });

  it('rounds averages to one decimal place', () => {
    const rows = team('A', 6, { value: 4 }).map((row, index) => ({ ...row, answers: { ...row.answers, clearRole: index === 0 ? 5 : 4 } }));
    expect(shown(figuresFor(rows)[0].teams.get('A')).averages.clearRole).toBe(4.2);
  });

  it('withholds a second team, the smallest shown, when the organisation figure beside the others would give a withheld team away', () => {
    // Organisation (3 + 6 + 8 + 9 people) minus teams B, C and D would be team A's 3 people.
    const rows = [...team('A', 3, { value: 1 }), ...team('B', 8), ...team('C', 6), ...team('D', 9)];
    const [quarter] = figuresFor(rows);
    expect(quarter.teams.get('A')).toEqual({ shown: false, reason: 'TOO_FEW' });
    expect(quarter.teams.get('C')).toEqual({ shown: false, reason: 'WOULD_REVEAL' });
    expect(shown(quarter.teams.get('B')).people).toBe(8);
    expect(shown(quarter.teams.get('D')).people).toBe(9);
    expect(shown(quarter.organisation).people).toBe(26);
    // What the shown figures give away is only A and C together: 9 people, at least the threshold.
  });

  it('withholds nothing more when the withheld teams together already reach the threshold', () => {
    const rows = [...team('A', 2), ...team('B', 3), ...team('C', 6)];
    const [quarter] = figuresFor(rows);
    expect(quarter.teams.get('A')).toEqual({ shown: false, reason: 'TOO_FEW' });
    expect(quarter.teams.get('B')).toEqual({ shown: false, reason: 'TOO_FEW' });
    expect(shown(quarter.teams.get('C')).people).toBe(6);
    expect(shown(quarter.organisation).people).toBe(11);
  });

  it('shows the organisation alone when every team is below the threshold but together they reach it', () => {
    const rows = [...team('A', 2), ...team('B', 2), ...team('C', 1)];
    const [quarter] = figuresFor(rows);
    for (const id of ['A', 'B', 'C']) expect(quarter.teams.get(id)).toEqual({ shown: false, reason: 'TOO_FEW' });
    expect(shown(quarter.organisation).people).toBe(5);
  });

  it('withholds the only other team when there is just one beside the withheld one, keeping the organisation figure', () => {
    const rows = [...team('A', 1, { value: 1 }), ...team('B', 12)];
    const [quarter] = figuresFor(rows);
    expect(quarter.teams.get('A')).toEqual({ shown: false, reason: 'TOO_FEW' });
    expect(quarter.teams.get('B')).toEqual({ shown: false, reason: 'WOULD_REVEAL' });
    expect(shown(quarter.organisation).people).toBe(13);
  });

  it('uses the organisation’s raised threshold', () => {
    const rows = [...team('A', 6), ...team('B', 8)];
    const [atFive] = figuresFor(rows, 5);
    expect(shown(atFive.teams.get('A')).people).toBe(6);
    const [atEight] = figuresFor(rows, 8);
    expect(atEight.teams.get('A')).toEqual({ shown: false, reason: 'TOO_FEW' });
    expect(atEight.teams.get('B')).toEqual({ shown: false, reason: 'WOULD_REVEAL' });
    expect(shown(atEight.organisation).people).toBe(14);
  });

  it('counts people as distinct peer workers: one person answering five times is one', () => {
    const onePerson = Array.from({ length: 5 }, (_, index) => ({ peerWorkerId: 'same-person', teamId: 'A', answeredAt: new Date(Q1.getTime() + index * 86_400_000), answers: answers(3) }));
    const [quarter] = figuresFor(onePerson);
    expect(quarter.teams.get('A')).toEqual({ shown: false, reason: 'TOO_FEW' });
    expect(quarter.organisation).toEqual({ shown: false, reason: 'TOO_FEW' });

    // Four people, one of whom answered three times: still four.
    const four = [...team('A', 4), ...team('A', 1).map((row) => ({ ...row, answeredAt: day('2027-03-01') })), ...team('A', 1).map((row) => ({ ...row, answeredAt: day('2027-03-20') }))];
    expect(four).toHaveLength(6);
    expect(figuresFor(four)[0].teams.get('A')).toEqual({ shown: false, reason: 'TOO_FEW' });

    const five = [...four, ...team('A', 1, { prefix: 'newcomer' })];
    expect(shown(figuresFor(five)[0].teams.get('A')).people).toBe(5);
  });

  it('never mixes quarters: people in different quarters do not add up', () => {
    const rows = [...team('A', 3, { at: Q1, prefix: 'early' }), ...team('A', 3, { at: Q2, prefix: 'late' })];
    const result = figuresFor(rows);
    expect(result.map((quarter) => quarter.quarter)).toEqual(['2027-Q1', '2027-Q2']);
    for (const quarter of result) {
      expect(quarter.teams.get('A')).toEqual({ shown: false, reason: 'TOO_FEW' });
      expect(quarter.organisation).toEqual({ shown: false, reason: 'TOO_FEW' });
    }
  });

  it('keeps each quarter’s answers to itself, at the boundary too', () => {
    // The quarter's edge by the UK calendar: BST has begun, so UTC is an hour behind.
    const lastMoment = new Date('2027-03-31T22:59:59.999Z');
    const firstMoment = new Date('2027-03-31T23:00:00.000Z');
    const rows = [...team('A', 5, { at: lastMoment, value: 1 }), ...team('A', 5, { at: firstMoment, value: 5 })];
    const [q1, q2] = figuresFor(rows);
    expect(q1.quarter).toBe('2027-Q1');
    expect(shown(q1.teams.get('A')).averages).toEqual(answers(1));
    expect(q2.quarter).toBe('2027-Q2');
    expect(shown(q2.teams.get('A')).averages).toEqual(answers(5));
  });

  it('sorts quarters in time order, across years', () => {
    const rows = [...team('A', 1, { at: day('2028-01-05') }), ...team('A', 1, { at: day('2027-11-05') }), ...team('A', 1, { at: day('2027-02-05') })];
    expect(figuresFor(rows).map((quarter) => quarter.quarter)).toEqual(['2027-Q1', '2027-Q4', '2028-Q1']);
  });

  it('gives nothing for no answers', () => {
    expect(checkInFigures([], 5)).toEqual([]);
  });

  // Whatever the answers: a shown figure stands for at least `threshold` people;
  // and while the organisation figure is shown, the withheld teams (all that
  // organisation minus the shown teams can reveal) together hold at least
  // `threshold` people, so no withheld team's figure can be worked out.
  it('never shows a figure that is, or gives away, fewer than the threshold (property)', () => {
    const row = fc.record({
      person: fc.integer({ min: 0, max: 14 }),
      team: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      quarter: fc.constantFrom(Q1, Q2),
      value: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 5, max: 8 }), (generated, threshold) => {
        const rows: CheckInRow[] = generated.map((item) => ({ peerWorkerId: `p${item.person}`, teamId: item.team, answeredAt: item.quarter, answers: answers(item.value) }));
        for (const quarter of checkInFigures(rows, threshold)) {
          const inQuarter = rows.filter((candidate) => quarterOf(candidate.answeredAt) === quarter.quarter);
          const peopleIn = (teams: string[]) => new Set(inQuarter.filter((candidate) => teams.includes(candidate.teamId)).map((candidate) => candidate.peerWorkerId)).size;
          const teamIds = [...new Set(inQuarter.map((candidate) => candidate.teamId))];
          expect([...quarter.teams.keys()].sort()).toEqual(teamIds.sort());
          const withheld: string[] = [];
          for (const [teamId, figure] of quarter.teams) {
            const people = peopleIn([teamId]);
            if (figure.shown) {
              expect(figure.people).toBe(people);
              expect(people).toBeGreaterThanOrEqual(threshold);
            } else {
              withheld.push(teamId);
              expect(figure.reason).toBe(people < threshold ? 'TOO_FEW' : 'WOULD_REVEAL');
            }
          }
          const everyone = peopleIn(teamIds);
          if (quarter.organisation.shown) {
            expect(quarter.organisation.people).toBe(everyone);
            expect(everyone).toBeGreaterThanOrEqual(threshold);
            if (withheld.length > 0) expect(peopleIn(withheld)).toBeGreaterThanOrEqual(threshold);
          } else {
            expect(quarter.organisation.reason).toBe(everyone < threshold ? 'TOO_FEW' : 'WOULD_REVEAL');
          }
          // At most one team is withheld only to protect others: the smallest shown one.
          const protective = [...quarter.teams.entries()].filter(([, figure]) => !figure.shown && figure.reason === 'WOULD_REVEAL');
          expect(protective.length).toBeLessThanOrEqual(1);
          for (const [protectedTeam] of protective) {
            for (const [teamId, figure] of quarter.teams) if (figure.shown) expect(peopleIn([teamId])).toBeGreaterThanOrEqual(peopleIn([protectedTeam]));
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
