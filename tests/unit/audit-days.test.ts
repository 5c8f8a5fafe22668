import { startOfLondonDay } from '@/lib/audit/queries';

describe('startOfLondonDay', () => {
  it('is UTC midnight in winter (GMT)', () => {
    expect(startOfLondonDay('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });
  it('is 23:00 UTC the evening before in summer (BST)', () => {
    expect(startOfLondonDay('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });
  it('moves on whole days for the end of a range', () => {
    expect(startOfLondonDay('2026-07-01', 1).toISOString()).toBe('2026-07-01T23:00:00.000Z');
    // 25 October 2026 starts in BST; the clocks go back at 01:00 UTC that morning.
    expect(startOfLondonDay('2026-10-24', 1).toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfLondonDay('2026-10-25', 1).toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});
