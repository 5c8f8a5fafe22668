import { formatDate, formatDateTime } from '@/components/ui/date-time';

describe('dates in UK time, NHS style', () => {
  it('shows a winter time as GMT, on the 12-hour clock with lower-case am/pm', () => {
    expect(formatDateTime(new Date('2026-11-25T14:05:00Z'))).toBe('25 Nov 2026, 2:05pm');
    expect(formatDateTime(new Date('2026-01-03T00:30:00Z'))).toBe('3 Jan 2026, 12:30am');
  });

  it('shows a summer time in British Summer Time, on the day it falls in the UK', () => {
    expect(formatDateTime(new Date('2026-07-01T23:30:00Z'))).toBe('2 Jul 2026, 12:30am');
    expect(formatDate(new Date('2026-07-01T23:30:00Z'))).toBe('2 July 2026');
  });
});
