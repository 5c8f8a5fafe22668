/**
 * How long a session lasts: 8 hours after sign-in, however active the person is.
 * No imports, so the proxy can use it without pulling in the database or argon2.
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function sessionIsCurrent(authTime: unknown, now = Date.now()): authTime is number {
  return typeof authTime === 'number' && now - authTime < SESSION_MAX_AGE_SECONDS * 1000 && authTime <= now + 60_000;
}
