import { activityConsensus, checkHasRun, countingCheck, groupAnswers, type ExpectationAnswer } from '@/lib/expectations/rules';
import { agreementStatus, DEFAULT_AGREEMENT_POLICY, DEFAULT_EXPECTATIONS_RULES, type AgreementPolicy, type VersionReview } from '@/lib/agreement/rules';
import { type StakeholderGroup } from '@/lib/teams/rules';

const answers = (...rows: Array<[StakeholderGroup, ExpectationAnswer]>) => rows.map(([group, answer]) => ({ group, answer }));

describe('activityConsensus', () => {
  it('scores 100 and is not contested when every group gives the same answer', () => {
    const result = activityConsensus(answers(['MANAGER', 'CORE'], ['STAFF', 'CORE'], ['STAFF', 'CORE'], ['PEER_WORKER', 'CORE']));
    expect(result.agreementScore).toBe(100);
    expect(result.contested).toBe(false);
  });

  it('scores 0 and is contested when one group says core and another says not part of it', () => {
    const result = activityConsensus(answers(['PEER_WORKER', 'CORE'], ['STAFF', 'NOT_PART'], ['STAFF', 'NOT_PART']));
    expect(result.agreementScore).toBe(0);
    expect(result.contested).toBe(true);
  });

  it('weighs groups equally however many people answered in each', () => {
    const result = activityConsensus(
      answers(['STAFF', 'NOT_PART'], ['STAFF', 'NOT_PART'], ['STAFF', 'NOT_PART'], ['STAFF', 'NOT_PART'], ['STAFF', 'NOT_PART'], ['PEER_WORKER', 'CORE']),
    );
    expect(result.agreementScore).toBe(0);
  });

  it('flags opposed leanings even when the averages are close', () => {
    // Manager: half core, half not (mean 1, leans core and not); staff all sometimes.
    const result = activityConsensus(answers(['MANAGER', 'CORE'], ['MANAGER', 'NOT_PART'], ['STAFF', 'NOT_PART'], ['STAFF', 'SOMETIMES'], ['STAFF', 'NOT_PART']));
    expect(result.groups.find((group) => group.group === 'STAFF')?.leaning).toBe('NOT_PART');
    expect(result.groups.find((group) => group.group === 'MANAGER')?.leaning).toBe('CORE');
    expect(result.contested).toBe(true);
  });

  it('is not contested when groups are one step apart (core against sometimes)', () => {
    const result = activityConsensus(answers(['MANAGER', 'CORE'], ['STAFF', 'SOMETIMES']));
    expect(result.agreementScore).toBe(50);
    expect(result.contested).toBe(false);
  });

  it('is contested below 50 without clear-cut leanings', () => {
    // Staff mean 0.33 (leans not part) against HR mean 1.67 (leans core): spread 1.33.
    const result = activityConsensus(answers(['STAFF', 'NOT_PART'], ['STAFF', 'NOT_PART'], ['STAFF', 'SOMETIMES'], ['HR', 'CORE'], ['HR', 'CORE'], ['HR', 'SOMETIMES']));
    expect(result.agreementScore).toBe(33);
    expect(result.contested).toBe(true);
  });

  it('has no score until two groups have answered', () => {
    expect(activityConsensus(answers(['STAFF', 'CORE'], ['STAFF', 'NOT_PART']))).toMatchObject({ agreementScore: null, contested: false });
    expect(activityConsensus([])).toMatchObject({ agreementScore: null, contested: false, groups: [] });
  });

  it('counts answers per group in the fixed group order', () => {
    const groups = groupAnswers(answers(['HR', 'SOMETIMES'], ['MANAGER', 'CORE'], ['MANAGER', 'SOMETIMES']));
    expect(groups.map((group) => group.group)).toEqual(['MANAGER', 'HR']);
    expect(groups[0]).toMatchObject({ total: 2, counts: { CORE: 1, SOMETIMES: 1, NOT_PART: 0 }, position: 1.5 });
  });
});

describe('agreementStatus', () => {
  const full = [{ group: 'MANAGER' as const }, { group: 'STAFF' as const }, { group: 'SERVICE_USER_REP' as const }, { group: 'HR' as const }];
  /** The default policy: the default groups, no check required, contested activities must be settled. */
  const policy = (settings: Partial<AgreementPolicy> = {}): AgreementPolicy => ({ requirements: DEFAULT_AGREEMENT_POLICY, ...DEFAULT_EXPECTATIONS_RULES, ...settings });
  const review = (agreements: VersionReview['agreements'], openConcerns = 0, latestCheck: VersionReview['latestCheck'] = null): VersionReview => ({ agreements, openConcerns, latestCheck });
  const contested = (name: string, settled: boolean) => ({ activityId: `id-${name}`, name, settled });

  it('is Agreed when every required group has agreed and no concern is open', () => {
    expect(agreementStatus(policy(), review(full))).toEqual({ status: 'AGREED', outstanding: [], openConcerns: 0, expectationsCheckMissing: false, unsettledContested: [] });
  });

  it('stays in review while a concern is open, however many have agreed', () => {
    expect(agreementStatus(policy(), review([...full, ...full], 1)).status).toBe('IN_REVIEW');
  });

  it('lists each requirement still short of agreements', () => {
    const state = agreementStatus(policy(), review([{ group: 'MANAGER' }, { group: 'STAFF' }]));
    expect(state.status).toBe('IN_REVIEW');
    expect(state.outstanding).toEqual([
      { group: 'PEER_OR_REP', minimum: 1, have: 0 },
      { group: 'HR', minimum: 1, have: 0 },
    ]);
  });

  it('lets a peer worker or a service-user representative meet the lived-experience requirement', () => {
    const withPeer = [{ group: 'MANAGER' as const }, { group: 'STAFF' as const }, { group: 'PEER_WORKER' as const }, { group: 'HR' as const }];
    expect(agreementStatus(policy(), review(withPeer)).status).toBe('AGREED');
  });

  it('honours minimums above one', () => {
    const requirements = [{ group: 'STAFF' as const, minimum: 2 }];
    expect(agreementStatus(policy({ requirements }), review([{ group: 'STAFF' }])).outstanding).toEqual([{ group: 'STAFF', minimum: 2, have: 1 }]);
    expect(agreementStatus(policy({ requirements }), review([{ group: 'STAFF' }, { group: 'STAFF' }])).status).toBe('AGREED');
  });

  describe('with the expectations check', () => {
    const check = { contested: [contested('Writing in clinical records', false), contested('Risk assessment', true), contested('Escorting', false)] };

    it('by default, stays in review until every contested activity of the latest check is settled, and says which', () => {
      const state = agreementStatus(policy(), review(full, 0, check));
      expect(state).toMatchObject({ status: 'IN_REVIEW', outstanding: [], openConcerns: 0, expectationsCheckMissing: false });
      expect(state.unsettledContested.map((activity) => activity.name)).toEqual(['Writing in clinical records', 'Escorting']);
    });

    it('is Agreed once every contested activity is settled', () => {
      const settled = { contested: check.contested.map((activity) => ({ ...activity, settled: true })) };
      expect(agreementStatus(policy(), review(full, 0, settled))).toMatchObject({ status: 'AGREED', unsettledContested: [] });
      expect(agreementStatus(policy(), review(full, 0, { contested: [] })).status).toBe('AGREED');
    });

    it('ignores unsettled contested activities when the team does not require them settled', () => {
      expect(agreementStatus(policy({ requireContestedSettled: false }), review(full, 0, check))).toMatchObject({ status: 'AGREED', unsettledContested: [] });
    });

    it('does not ask for a check by default, and needs one that was run when the team does', () => {
      expect(agreementStatus(policy(), review(full)).status).toBe('AGREED');
      const required = policy({ requireExpectationsCheck: true });
      expect(agreementStatus(required, review(full))).toMatchObject({ status: 'IN_REVIEW', expectationsCheckMissing: true, outstanding: [], unsettledContested: [] });
      expect(agreementStatus(required, review(full, 0, { contested: [] }))).toMatchObject({ status: 'AGREED', expectationsCheckMissing: false });
      // Required, but contested activities need not be settled: a run check is enough.
      expect(agreementStatus({ ...required, requireContestedSettled: false }, review(full, 0, check)).status).toBe('AGREED');
    });

    it('lists everything still outstanding together', () => {
      const state = agreementStatus(policy({ requireExpectationsCheck: true }), review([{ group: 'MANAGER' }], 2, check));
      expect(state).toMatchObject({ status: 'IN_REVIEW', openConcerns: 2, expectationsCheckMissing: false });
      expect(state.outstanding.map((requirement) => requirement.group)).toEqual(['STAFF', 'PEER_OR_REP', 'HR']);
      expect(state.unsettledContested).toHaveLength(2);
    });
  });
});

describe('checkHasRun', () => {
  it('needs answers from at least two stakeholder groups', () => {
    expect(checkHasRun([])).toBe(false);
    expect(checkHasRun(['STAFF', 'STAFF', 'STAFF'])).toBe(false);
    expect(checkHasRun(['STAFF', 'HR'])).toBe(true);
  });
});

describe('countingCheck', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 11, day));
  const check = (name: string, closedAt: Date | null, answeredGroups: StakeholderGroup[]) => ({ name, closedAt, answeredGroups });
  const run: StakeholderGroup[] = ['STAFF', 'PEER_WORKER'];
  const oneGroup: StakeholderGroup[] = ['STAFF', 'STAFF'];
  const counting = (...checks: Array<ReturnType<typeof check>>) => countingCheck(checks)?.name ?? null;

  it('is the latest closed check that was run, even when a newer open check has been run', () => {
    // The review's sequence: C1 closed by sending C2, whose first two answers (from two groups) agree.
    expect(counting(check('C2', null, run), check('C1', at(2), run))).toBe('C1');
    expect(counting(check('C3', null, run), check('C2', at(3), run), check('C1', at(2), run))).toBe('C2');
  });

  it('passes over closed checks that were never run', () => {
    expect(counting(check('C3', null, oneGroup), check('C2', at(3), oneGroup), check('C1', at(2), run))).toBe('C1');
  });

  it('is the open check, once run, only while no closed check has been run', () => {
    expect(counting(check('C1', null, run))).toBe('C1');
    expect(counting(check('C2', null, run), check('C1', at(2), oneGroup))).toBe('C2');
    expect(counting(check('C1', null, oneGroup))).toBeNull();
    expect(counting()).toBeNull();
  });
});
