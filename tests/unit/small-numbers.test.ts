import { activityConsensus, EXPECTATION_ANSWERS, type AnswerCounts, type ExpectationAnswer } from '@/lib/expectations/rules';
import { SMALL_GROUP_THRESHOLD } from '@/lib/small-numbers';
import { type StakeholderGroup } from '@/lib/teams/rules';
import { isWithheld, participantConsensus, type ViewerAnswer } from '@/lib/expectations/small-numbers';

/** Answers as [group, answer], the viewer's own marked with a third element. */
const answers = (...rows: Array<[StakeholderGroup, ExpectationAnswer] | [StakeholderGroup, ExpectationAnswer, 'mine']>): ViewerAnswer[] =>
  rows.map(([group, answer, mine]) => ({ group, answer, mine: mine === 'mine' }));
const times = (count: number, group: StakeholderGroup, answer: ExpectationAnswer) => Array.from({ length: count }, () => [group, answer] as [StakeholderGroup, ExpectationAnswer]);
const counts = (core: number, sometimes: number, notPart: number): AnswerCounts => ({ CORE: core, SOMETIMES: sometimes, NOT_PART: notPart });

describe('SMALL_GROUP_THRESHOLD', () => {
  it('is 3, the smallest the product allows for expectations groups', () => {
    expect(SMALL_GROUP_THRESHOLD).toBe(3);
  });
});

describe('participantConsensus', () => {
  it('shows a group only when at least 3 people other than the viewer answered in it, and nothing else of the rest', () => {
    // One manager, one HR partner, one peer worker and four non-peer staff, one of them the viewer.
    const view = participantConsensus(
      answers(['MANAGER', 'CORE'], ['HR', 'NOT_PART'], ['PEER_WORKER', 'CORE'], ['STAFF', 'SOMETIMES', 'mine'], ...times(3, 'STAFF', 'SOMETIMES')),
    );
    expect(view).toEqual({
      groups: [
        { group: 'MANAGER', withheld: true },
        { group: 'STAFF', counts: counts(0, 4, 0), total: 4, position: 1, leaning: 'SOMETIMES' },
        { group: 'PEER_WORKER', withheld: true },
        { group: 'HR', withheld: true },
      ],
      agreementScore: null,
      contested: true,
      figuresWithheld: false,
    });
  });

  it("hides the viewer's own group of 3, whose counts less their own answer would give the other two away", () => {
    const group = [...times(2, 'STAFF', 'CORE')];
    const inside = participantConsensus(answers(['STAFF', 'NOT_PART', 'mine'], ...group, ...times(3, 'HR', 'CORE')));
    // And then everything: beside the contested flag, the other figures would narrow down the two colleagues.
    expect(inside).toMatchObject({ groups: [{ group: 'STAFF', withheld: true }, { group: 'HR', withheld: true }], figuresWithheld: true, agreementScore: null });
    // The same three, seen by someone in another group: shown.
    const outside = participantConsensus(answers(['STAFF', 'NOT_PART'], ...group, ['HR', 'CORE', 'mine'], ...times(3, 'HR', 'CORE')));
    expect(outside.groups.find((row) => row.group === 'STAFF')).toMatchObject({ counts: counts(2, 0, 1) });
    expect(outside.figuresWithheld).toBe(false);
  });

  it('scores only the groups shown, while the contested flag comes from everyone', () => {
    // Staff and peer workers say core; the single manager, representative and HR partner are hidden, the manager saying "not part".
    const rows = answers(
      ...times(3, 'STAFF', 'CORE'),
      ['PEER_WORKER', 'CORE', 'mine'],
      ...times(3, 'PEER_WORKER', 'CORE'),
      ['MANAGER', 'NOT_PART'],
      ['SERVICE_USER_REP', 'CORE'],
      ['HR', 'SOMETIMES'],
    );
    expect(activityConsensus(rows)).toMatchObject({ agreementScore: 0, contested: true });
    const view = participantConsensus(rows);
    expect(view).toMatchObject({ agreementScore: 100, contested: true, figuresWithheld: false });
    expect(view.groups.filter(isWithheld).map((row) => row.group)).toEqual(['MANAGER', 'SERVICE_USER_REP', 'HR']);
  });

  it('withholds every figure when the hidden answers are fewer than 3 people’s, whatever they are', () => {
    // Staff all say core, the one peer worker "not part": contested, and beside the staff figures only "not part" could make it so.
    const contested = participantConsensus(answers(...times(3, 'STAFF', 'CORE'), ['PEER_WORKER', 'NOT_PART'], ['HR', 'CORE', 'mine']));
    expect(contested).toEqual({
      groups: [
        { group: 'STAFF', withheld: true },
        { group: 'PEER_WORKER', withheld: true },
        { group: 'HR', withheld: true },
      ],
      agreementScore: null,
      contested: true,
      figuresWithheld: true,
    });
    // Decided by how many answered, not by what they said: withheld just the same when the peer worker agrees.
    const calm = participantConsensus(answers(...times(3, 'STAFF', 'CORE'), ['PEER_WORKER', 'CORE'], ['HR', 'CORE', 'mine']));
    expect(calm).toEqual({ ...contested, contested: false });
  });

  it('does not say whether an activity is contested when only one person outside the viewer’s group answered', () => {
    expect(participantConsensus(answers(['HR', 'CORE', 'mine'], ['STAFF', 'NOT_PART']))).toEqual({
      groups: [
        { group: 'STAFF', withheld: true },
        { group: 'HR', withheld: true },
      ],
      agreementScore: null,
      contested: null,
      figuresWithheld: true,
    });
    expect(participantConsensus(answers(['HR', 'CORE', 'mine'], ['STAFF', 'NOT_PART'], ['PEER_WORKER', 'SOMETIMES'])).contested).toBe(true);
  });

  it('shows everything, scored over every group, when every group is big enough', () => {
    const rows = answers(...times(3, 'STAFF', 'CORE'), ...times(3, 'PEER_WORKER', 'NOT_PART'), ['HR', 'SOMETIMES', 'mine'], ...times(3, 'HR', 'SOMETIMES'));
    expect(participantConsensus(rows)).toEqual({ ...activityConsensus(rows), figuresWithheld: false });
  });

  it('is empty when nobody has answered', () => {
    expect(participantConsensus([])).toEqual({ groups: [], agreementScore: null, contested: null, figuresWithheld: false });
  });
});

/**
 * The property itself, checked exhaustively on small teams: for every way
 * everyone could have answered, group together the ways that look the same to
 * the viewer (the same view, the same own answer; how many answered in each
 * group they may know). Within each, no one in a group the viewer cannot see
 * may be left with a single possible answer, except as part of at least 3
 * hidden people all left with the same one: no more than a shown group of 3
 * who all answered alike gives away, which the threshold accepts.
 *
 * One view per person is what the app allows: nobody but the team's managers
 * sees a check's results until it has closed, when the answers are frozen
 * (lib/roles/queries.ts). Before that rule, changing one's own answers gave
 * several views of the same hidden answers, which this property does not
 * cover. The viewer may also be a reviewer who did not take part (no answer of
 * their own), who sees the contested flags of the closed check on the version
 * page.
 */
describe('what a participant sees never gives away how one person in a small group answered', () => {
  /** `viewer` null: someone who did not answer (a reviewer who was not asked). */
  type Layout = { sizes: Partial<Record<StakeholderGroup, number>>; viewer: StakeholderGroup | null };
  const layout = (viewer: StakeholderGroup | null, sizes: Partial<Record<StakeholderGroup, number>>): [string, Layout] => [
    `${Object.entries(sizes)
      .map(([group, size]) => `${size} ${group}`)
      .join(', ')}, seen by ${viewer ? `one of the ${viewer}` : 'someone who did not answer'}`,
    { sizes, viewer },
  ];
  const LAYOUTS = [
    layout('STAFF', { MANAGER: 1, STAFF: 3, PEER_WORKER: 1, HR: 1 }),
    layout('PEER_WORKER', { MANAGER: 1, STAFF: 3, PEER_WORKER: 1, HR: 1 }),
    layout('PEER_WORKER', { MANAGER: 1, STAFF: 3, PEER_WORKER: 2, HR: 1 }),
    layout('PEER_WORKER', { MANAGER: 1, STAFF: 4, PEER_WORKER: 3, HR: 1 }),
    layout('SERVICE_USER_REP', { MANAGER: 1, STAFF: 3, PEER_WORKER: 1, HR: 1, SERVICE_USER_REP: 1 }),
    layout('STAFF', { STAFF: 5, PEER_WORKER: 1, HR: 1 }),
    // Groups of 4 can split exactly in half: "not contested" then pins the hidden people to "sometimes", all of them.
    layout('SERVICE_USER_REP', { STAFF: 4, HR: 4, PEER_WORKER: 1, MANAGER: 1, SERVICE_USER_REP: 1 }),
    layout('SERVICE_USER_REP', { STAFF: 4, HR: 4, PEER_WORKER: 1, SERVICE_USER_REP: 1 }),
    layout('HR', { STAFF: 3, HR: 1 }),
    layout('HR', { STAFF: 1, HR: 1 }),
    layout('HR', { STAFF: 1, HR: 2 }),
    layout('HR', { STAFF: 1, HR: 1, PEER_WORKER: 1 }),
    layout('HR', { STAFF: 2, HR: 1, PEER_WORKER: 1 }),
    layout('STAFF', { STAFF: 2, HR: 1, PEER_WORKER: 1 }),
    // The review's example of the version page: one manager and two peer workers, seen by one of them.
    layout('PEER_WORKER', { MANAGER: 1, PEER_WORKER: 2 }),
    layout(null, { MANAGER: 1, PEER_WORKER: 2 }),
    layout(null, { MANAGER: 1, STAFF: 1 }),
    layout(null, { MANAGER: 1, STAFF: 3, PEER_WORKER: 1, HR: 1 }),
    layout(null, { STAFF: 4, HR: 4, PEER_WORKER: 1, SERVICE_USER_REP: 1 }),
  ];

  function* everyAnswerSet(size: number): Generator<ExpectationAnswer[]> {
    const choice = Array.from({ length: size }, () => 0);
    for (;;) {
      yield choice.map((index) => EXPECTATION_ANSWERS[index]);
      let position = 0;
      while (position < choice.length && choice[position] === 2) choice[position++] = 0;
      if (position === choice.length) return;
      choice[position] += 1;
    }
  }

  it.each(LAYOUTS)('%s', (_label, { sizes, viewer }) => {
    const people = Object.entries(sizes).flatMap(([group, size]) => Array.from({ length: size }, () => group as StakeholderGroup));
    const viewerIndex = viewer ? people.indexOf(viewer) : -1;
    // For each look, the ways each hidden group's other people could have split between the answers.
    const looks = new Map<string, Map<StakeholderGroup, Set<string>>>();
    for (const set of everyAnswerSet(people.length)) {
      const rows = people.map((group, index) => ({ group, answer: set[index], mine: index === viewerIndex }));
      const view = participantConsensus(rows);
      const key = JSON.stringify([view, set[viewerIndex] ?? null]);
      const splits = looks.get(key) ?? new Map<StakeholderGroup, Set<string>>();
      for (const { group } of view.groups.filter(isWithheld)) {
        const others = rows.filter((row) => row.group === group && !row.mine);
        if (others.length === 0 || others.length >= SMALL_GROUP_THRESHOLD) continue;
        splits.set(group, (splits.get(group) ?? new Set()).add(EXPECTATION_ANSWERS.map((answer) => others.filter((row) => row.answer === answer).length).join('/')));
      }
      looks.set(key, splits);
    }
    const givenAway: string[] = [];
    for (const [key, splits] of looks) {
      // A group left with one split, all one answer: each of its people's answers is known.
      const pinned = [...splits].flatMap(([group, options]) => {
        const [only] = [...options];
        const counts = only.split('/').map(Number);
        return options.size === 1 && counts.filter((count) => count > 0).length === 1 ? [{ group, people: counts.reduce((a, b) => a + b, 0), answer: counts.findIndex((count) => count > 0) }] : [];
      });
      const asAGroupOfThree = pinned.reduce((sum, row) => sum + row.people, 0) >= SMALL_GROUP_THRESHOLD && new Set(pinned.map((row) => row.answer)).size === 1;
      if (pinned.length > 0 && !asAGroupOfThree) givenAway.push(`${pinned.map((row) => row.group).join(', ')} in ${key}`);
    }
    expect(givenAway).toEqual([]);
  });
});
