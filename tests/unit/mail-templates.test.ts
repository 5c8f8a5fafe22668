import { renderDigestEmail, renderNotificationEmail, type EmailFacts } from '@/lib/mail/templates';
import { MailDeliveryError } from '@/lib/mail/transport';
import type { NotificationKind } from '@/lib/generated/prisma/enums';

const KINDS: NotificationKind[] = ['REVIEW_REQUESTED', 'CHECK_REQUESTED', 'CONCERN_RAISED', 'CONCERN_REPLIED', 'VERSION_AGREED', 'PASSWORD_LINK', 'REMINDER', 'NOT_RESPONDED', 'PANEL_ADDED', 'SCORING_OPEN', 'SCORES_IN', 'DECISION_RECORDED', 'ONBOARDING_TASKS', 'ONBOARDING_OVERDUE', 'SESSION_TO_COSIGN', 'SUPERVISION_OVERDUE', 'LIBRARY_ENTRY_PROPOSED'];
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

  it('sends one reminder for several requests, pointing at the Requests page', () => {
    const email = renderNotificationEmail(facts('REMINDER', { count: 12, teamName: null, title: null, link: 'https://peerroles.example/requests' }));
    expect(email.subject).toBe('Reminder: 12 requests are waiting for you');
    expect(email.text).toContain('See your requests: https://peerroles.example/requests');
  });

  it('puts every update in one digest', () => {
    const digest = renderDigestEmail([facts('REVIEW_REQUESTED'), facts('VERSION_AGREED', { title: 'Peer Trainer' })]);
    expect(digest.subject).toBe('PeerRoles: 2 updates for you');
    expect(digest.text).toContain('Peer Support Worker & Lead');
    expect(digest.text).toContain('Peer Trainer');
  });
});

describe('a mail server failure', () => {
  it('is described by the server\'s first reply line or the error code, without the envelope or the stack it came with', () => {
    const refused = new MailDeliveryError(Object.assign(new Error('Can\'t send mail - all recipients were rejected'), { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 Mailbox unavailable\nmore lines', rejected: ['someone@nhs.net'] }));
    expect(refused.message).toBe('The mail server did not take the email: 550 5.1.1 Mailbox unavailable');
    expect(new MailDeliveryError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' })).message).toBe('The mail server did not take the email: ESOCKET');
  });
});
