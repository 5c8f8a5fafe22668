import { activityConsensus, agreementStatus, DEFAULT_AGREEMENT_POLICY, groupAnswers, type ExpectationAnswer, type StakeholderGroup } from '@/lib/roles/rules';

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

  it('is Agreed when every required group has agreed and no concern is open', () => {
    expect(agreementStatus(DEFAULT_AGREEMENT_POLICY, full, 0)).toEqual({ status: 'AGREED', outstanding: [], openConcerns: 0 });
  });

  it('stays in review while a concern is open, however many have agreed', () => {
    expect(agreementStatus(DEFAULT_AGREEMENT_POLICY, [...full, ...full], 1).status).toBe('IN_REVIEW');
  });

  it('lists each requirement still short of agreements', () => {
    const state = agreementStatus(DEFAULT_AGREEMENT_POLICY, [{ group: 'MANAGER' }, { group: 'STAFF' }], 0);
    expect(state.status).toBe('IN_REVIEW');
    expect(state.outstanding).toEqual([
      { group: 'PEER_OR_REP', minimum: 1, have: 0 },
      { group: 'HR', minimum: 1, have: 0 },
    ]);
  });

  it('lets a peer worker or a service-user representative meet the lived-experience requirement', () => {
    const withPeer = [{ group: 'MANAGER' as const }, { group: 'STAFF' as const }, { group: 'PEER_WORKER' as const }, { group: 'HR' as const }];
    expect(agreementStatus(DEFAULT_AGREEMENT_POLICY, withPeer, 0).status).toBe('AGREED');
  });

  it('honours minimums above one', () => {
    const policy = [{ group: 'STAFF' as const, minimum: 2 }];
    expect(agreementStatus(policy, [{ group: 'STAFF' }], 0).outstanding).toEqual([{ group: 'STAFF', minimum: 2, have: 1 }]);
    expect(agreementStatus(policy, [{ group: 'STAFF' }, { group: 'STAFF' }], 0).status).toBe('AGREED');
  });
});
