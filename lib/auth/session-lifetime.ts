/**
 * How long a session lasts: 8 hours after sign-in however active the person is,
 * and SESSION_IDLE_MINUTES (default 30) after their last request. No imports, so
 * the proxy and the browser can use it without pulling in the database or argon2.
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const DEFAULT_IDLE_MINUTES = 30;

/** SESSION_IDLE_MINUTES from the environment: a whole number from 1 to 480, otherwise the default. */
export function idleMinutesFrom(value: string | undefined): number {
  const minutes = Number(value);
  return Number.isInteger(minutes) && minutes >= 1 && minutes <= SESSION_MAX_AGE_SECONDS / 60 ? minutes : DEFAULT_IDLE_MINUTES;
}

export const SESSION_IDLE_MS = idleMinutesFrom(process.env.SESSION_IDLE_MINUTES) * 60_000;

/**
 * A session's last-seen time is written at most this often, so a busy page is
 * not a write per request; the idle limit is therefore exact to within a minute.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** How long before the idle limit the person is warned and can stay signed in: 2 minutes, or half a very short limit. */
export const SESSION_WARNING_MS = Math.min(2 * 60_000, SESSION_IDLE_MS / 2);

export function sessionIsCurrent(authTime: unknown, now = Date.now()): authTime is number {
  return typeof authTime === 'number' && now - authTime < SESSION_MAX_AGE_SECONDS * 1000 && authTime <= now + 60_000;
}

/** Whole seconds from now until `moment`, never negative: what the timeout warning starts from. */
export function secondsUntil(moment: Date, now = Date.now()): number {
  return Math.max(0, Math.floor((moment.getTime() - now) / 1000));
}
