import { renderDigestEmail, renderNotificationEmail, type EmailFacts } from '@/lib/mail/templates';
import type { NotificationKind } from '@/lib/generated/prisma/enums';

const KINDS: NotificationKind[] = ['REVIEW_REQUESTED', 'CHECK_REQUESTED', 'CONCERN_RAISED', 'CONCERN_REPLIED', 'VERSION_AGREED', 'PASSWORD_LINK', 'REMINDER', 'NOT_RESPONDED'];
const facts = (kind: NotificationKind, overrides: Partial<EmailFacts> = {}): EmailFacts => ({
  kind,
  teamName: 'Riverside <CMHT>',
  title: 'Peer Support Worker & Lead',
  link: 'https://peerroles.example/teams/1/roles/2/versions/3?a=1&b=2',
  requestKey: null,
  count: null,
  ...overrides,
});

describe('notification emails', () => {
  it.each(KINDS)('%s has a subject, the link in both parts, and escapes what people typed in the HTML', (kind) => {
    const email = renderNotificationEmail(facts(kind));
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.text).toContain('https://peerroles.example/teams/1/roles/2/versions/3?a=1&b=2');
    expect(email.html).toContain('https://peerroles.example/teams/1/roles/2/versions/3?a=1&#38;b=2');
    expect(email.html).not.toContain('<CMHT>');
    expect(email.html).toContain('lang="en"');
  });

  it('names the team and role, which is all an email says about them', () => {
    const email = renderNotificationEmail(facts('REVIEW_REQUESTED'));
    expect(email.text).toContain('Peer Support Worker & Lead');
    expect(email.text).toContain('Riverside <CMHT>');
  });

  it('words a reminder and a manager notice by what the request was', () => {
    expect(renderNotificationEmail(facts('REMINDER', { requestKey: 'check:1' })).subject).toMatch(/expectations check/u);
    expect(renderNotificationEmail(facts('REMINDER', { requestKey: 'review:1' })).subject).toMatch(/review/u);
    expect(renderNotificationEmail(facts('NOT_RESPONDED', { requestKey: 'version:1', count: 1 })).text).toContain('1 person has not yet responded to the review of');
    expect(renderNotificationEmail(facts('NOT_RESPONDED', { requestKey: 'check:1', count: 4 })).text).toContain('4 people have not yet responded to the expectations check about');
  });

  it('puts every update in one digest', () => {
    const digest = renderDigestEmail([facts('REVIEW_REQUESTED'), facts('VERSION_AGREED', { title: 'Peer Trainer' })]);
    expect(digest.subject).toBe('PeerRoles: 2 updates for you');
    expect(digest.text).toContain('Peer Support Worker & Lead');
    expect(digest.text).toContain('Peer Trainer');
  });
});
