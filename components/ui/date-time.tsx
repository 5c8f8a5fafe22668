const LONDON = 'Europe/London';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

const dateOnly = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'long', year: 'numeric' });

/** "25 Nov 2026, 2:05pm" in UK time, whatever the server's time zone (NHS style: 12-hour clock, lower-case am/pm). */
export function formatDateTime(value: Date): string {
  const parts = dateTimeParts.formatToParts(value);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}${part('dayPeriod').toLowerCase().replace(/\s|\./gu, '')}`;
}

/** "25 November 2026" in UK time. */
export function formatDate(value: Date): string {
  return dateOnly.format(value);
}

export function DateTime({ value, dateOnly: onlyDate = false }: { value: Date; dateOnly?: boolean }) {
  return <time dateTime={value.toISOString()}>{onlyDate ? formatDate(value) : formatDateTime(value)}</time>;
}
