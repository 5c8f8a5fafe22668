import { emailRoute, isManagerNoticeDue, isReminderDue, ukDate, workingDaysBetween } from '@/lib/notifications/rules';

// 2026-11-30 is a Monday.
const at = (isoDate: string, time = '10:00:00Z') => new Date(`${isoDate}T${time}`);

describe('workingDaysBetween', () => {
  it.each([
    ['2026-11-30', '2026-11-30', 0],
    ['2026-11-30', '2026-12-01', 1],
    ['2026-11-30', '2026-12-03', 3],
    ['2026-12-04', '2026-12-07', 1], // Friday to Monday
    ['2026-12-05', '2026-12-07', 1], // Saturday to Monday
    ['2026-12-04', '2026-12-06', 0], // Friday to Sunday
    ['2026-11-30', '2026-12-14', 10],
    ['2026-12-03', '2026-11-30', 0], // backwards
  ])('%s to %s is %d working days', (from, to, days) => {
    expect(workingDaysBetween(at(from), at(to))).toBe(days);
  });

  it('counts by the UK calendar date, not UTC: 23:30 UTC in summer is already the next day in London', () => {
    expect(ukDate(new Date('2026-07-06T23:30:00Z'))).toBe('2026-07-07');
    expect(workingDaysBetween(new Date('2026-07-06T10:00:00Z'), new Date('2026-07-06T23:30:00Z'))).toBe(1);
    expect(ukDate(new Date('2026-12-07T23:30:00Z'))).toBe('2026-12-07');
  });
});

describe('isReminderDue', () => {
  const since = at('2026-11-30');
  it('waits N working days before the first reminder', () => {
    expect(isReminderDue({ since, lastRemindedAt: null }, 3, at('2026-12-02'))).toBe(false);
    expect(isReminderDue({ since, lastRemindedAt: null }, 3, at('2026-12-03'))).toBe(true);
  });

  it('reminds at most once every N working days', () => {
    const lastRemindedAt = at('2026-12-03');
    expect(isReminderDue({ since, lastRemindedAt }, 3, at('2026-12-03', '15:00:00Z'))).toBe(false);
    expect(isReminderDue({ since, lastRemindedAt }, 3, at('2026-12-07'))).toBe(false);
    expect(isReminderDue({ since, lastRemindedAt }, 3, at('2026-12-08'))).toBe(true);
  });
});

describe('isManagerNoticeDue', () => {
  const oldest = at('2026-11-30');
  it('tells the manager after 2N working days, then at most every N', () => {
    expect(isManagerNoticeDue(oldest, null, 3, at('2026-12-07'))).toBe(false);
    expect(isManagerNoticeDue(oldest, null, 3, at('2026-12-08'))).toBe(true);
    expect(isManagerNoticeDue(oldest, at('2026-12-08'), 3, at('2026-12-10'))).toBe(false);
    expect(isManagerNoticeDue(oldest, at('2026-12-08'), 3, at('2026-12-11'))).toBe(true);
  });
});

describe('emailRoute', () => {
  it('sends each by default, digests for those who chose it, and nothing for a kind switched off', () => {
    expect(emailRoute('REVIEW_REQUESTED', null)).toBe('SEND');
    expect(emailRoute('REVIEW_REQUESTED', { delivery: 'DAILY_DIGEST', mutedKinds: [] })).toBe('DIGEST');
    expect(emailRoute('REVIEW_REQUESTED', { delivery: 'EACH', mutedKinds: ['REVIEW_REQUESTED'] })).toBe('NOT_SENT');
    expect(emailRoute('REMINDER', { delivery: 'DAILY_DIGEST', mutedKinds: ['REVIEW_REQUESTED'] })).toBe('DIGEST');
  });

  it('always sends a set-password link at once: it is how the person signs in', () => {
    expect(emailRoute('PASSWORD_LINK', { delivery: 'DAILY_DIGEST', mutedKinds: ['PASSWORD_LINK'] })).toBe('SEND');
  });
});
