import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { sessionIsCurrent, SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-lifetime';

describe('safeCallbackUrl', () => {
  it.each([
    ['/teams?page=2', '/teams?page=2'],
    ['/people/abc#top', '/people/abc#top'],
    // Percent-encoded characters stay encoded: a harmless path on this site.
    ['/%0d%0aevil', '/%0d%0aevil'],
  ])('keeps a path on this site: %s', (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/..//evil.example',
    'javascript:alert(1)',
    '/sign-in',
    '/set-password/abc',
    '/api/auth/signout',
    '',
    undefined,
    42,
    `/${'a'.repeat(3000)}`,
  ])('sends anything else to the home page: %s', (input) => {
    expect(safeCallbackUrl(input)).toBe('/');
  });

  it('refuses control characters', () => {
    expect(safeCallbackUrl('/teams\n//evil.example')).toBe('/');
  });
});

describe('sessionIsCurrent', () => {
  const now = Date.UTC(2026, 10, 25, 12);
  it('is current for 8 hours after sign-in and not after, however active', () => {
    expect(sessionIsCurrent(now - 1000, now)).toBe(true);
    expect(sessionIsCurrent(now - SESSION_MAX_AGE_SECONDS * 1000 + 1000, now)).toBe(true);
    expect(sessionIsCurrent(now - SESSION_MAX_AGE_SECONDS * 1000, now)).toBe(false);
  });
  it('refuses tokens without a sign-in time or from the future', () => {
    expect(sessionIsCurrent(undefined, now)).toBe(false);
    expect(sessionIsCurrent('1', now)).toBe(false);
    expect(sessionIsCurrent(now + 10 * 60_000, now)).toBe(false);
  });
});
