import { agreementAsSeen, type ExpectationsEvidence } from '@/lib/expectations/contested';
import type { AgreementState } from '@/lib/agreement/rules';

const activity = (activityId: string, settled: boolean) => ({ activityId, name: `Activity ${activityId}`, settled, resolution: null });
const state = (...unsettled: string[]): AgreementState => ({
  status: 'IN_REVIEW',
  outstanding: [],
  openConcerns: 0,
  expectationsCheckMissing: false,
  unsettledContested: unsettled.map((id) => activity(id, false)),
});
const evidence = (contested: ReturnType<typeof activity>[], withheld: NonNullable<ExpectationsEvidence['check']>['withheld']): ExpectationsEvidence => ({
  check: { id: 'check', createdAt: new Date(0), closedAt: new Date(1), contested, withheld },
  newerCheck: null,
});

describe('agreementAsSeen', () => {
  it('changes nothing for someone shown every contested activity', () => {
    expect(agreementAsSeen(state('a', 'b'), evidence([activity('a', false), activity('b', false)], null), true)).toEqual({ ...state('a', 'b'), contestedNotShown: null });
    expect(agreementAsSeen(state('a'), null, true)).toEqual({ ...state('a'), contestedNotShown: null });
  });

  it('names only the unsettled activities the person may see, and says whether others are outstanding without counting them', () => {
    expect(agreementAsSeen(state('a', 'b', 'c'), evidence([activity('a', false)], { reason: 'SMALL_NUMBERS', unsettled: true }), true)).toEqual({
      ...state('a'),
      contestedNotShown: 'UNSETTLED',
    });
    expect(agreementAsSeen(state(), evidence([], { reason: 'SMALL_NUMBERS', unsettled: false }), true)).toEqual({ ...state(), contestedNotShown: null });
  });

  it('names none while the check is open, and says the same whatever its answers', () => {
    const open = evidence([], { reason: 'CHECK_OPEN' });
    expect(agreementAsSeen(state('a'), open, true)).toEqual({ ...state(), contestedNotShown: 'CHECK_OPEN' });
    expect(agreementAsSeen(state(), open, true)).toEqual({ ...state(), contestedNotShown: 'CHECK_OPEN' });
  });

  it('says nothing is outstanding when the policy does not ask for contested activities to be settled', () => {
    expect(agreementAsSeen(state(), evidence([], { reason: 'CHECK_OPEN' }), false)).toEqual({ ...state(), contestedNotShown: null });
  });
});
