/*
 * Every email PeerRoles sends is written here.
 *
 * THE RULE, for this workflow and every later one: an email carries the kind of
 * request, the team, the role (or record) title and a link into PeerRoles, where
 * the person signs in to read the rest. It never carries concern text, replies,
 * expectations answers, supervision notes or comments, candidate data, scores or
 * anything a person wrote. Mail passes through relays and inboxes PeerRoles does
 * not control, and is forwarded. A template takes an `EmailFacts` and nothing
 * else: add a field to it only if it meets this rule, and add a case to
 * tests/integration/notifications.test.ts that shows no private text reaches the mail.
 */
import type { NotificationKind } from '@/lib/generated/prisma/enums';

export interface EmailFacts {
  kind: NotificationKind;
  teamName: string | null;
  title: string | null;
  /** An absolute link into PeerRoles. */
  link: string;
  /** For a reminder: what it was about ("review:…" or "check:…"). */
  requestKey: string | null;
  /** How many people have not responded (NOT_RESPONDED), or how many requests one reminder covers (REMINDER). */
  count: number | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Wording {
  subject: string;
  lines: string[];
  button: string;
}

function aboutRole(facts: EmailFacts): string {
  const title = facts.title ?? 'a peer worker role';
  return facts.teamName ? `the ${title} role in ${facts.teamName}` : `the ${title} role`;
}

function short(facts: EmailFacts): string {
  return facts.teamName ? `${facts.title ?? 'Role'} (${facts.teamName})` : (facts.title ?? 'Role');
}

function wording(facts: EmailFacts): Wording {
  const role = aboutRole(facts);
  switch (facts.kind) {
    case 'REVIEW_REQUESTED':
      return { subject: `Please review: ${short(facts)}`, lines: [`You have been asked to review ${role}.`, 'Read it, then agree it or raise a concern.'], button: 'Review the role' };
    case 'CHECK_REQUESTED':
      return { subject: `What do you expect of this role? ${short(facts)}`, lines: [`You have been asked what you expect a peer worker to do in ${role}.`, 'It takes about 5 minutes.'], button: 'Answer the expectations check' };
    case 'CONCERN_RAISED':
      return { subject: `Concern raised: ${short(facts)}`, lines: [`Someone has raised a concern about ${role}.`, 'Sign in to read it and reply.'], button: 'Read the concern' };
    case 'CONCERN_REPLIED':
      return { subject: `New reply to a concern: ${short(facts)}`, lines: [`Someone has replied to a concern about ${role}.`, 'Sign in to read it.'], button: 'Read the reply' };
    case 'VERSION_AGREED':
      return { subject: `Agreed: ${short(facts)}`, lines: [`Everyone needed has agreed ${role}.`, 'It is now the agreed version: recruitment can start from it.'], button: 'See the agreed role' };
    case 'PASSWORD_LINK':
      return { subject: 'Set your PeerRoles password', lines: ['An administrator has given you a PeerRoles account.', 'Use this link to set your password. It works once, for 7 days.', 'If you did not expect this email, you can ignore it.'], button: 'Set your password' };
    case 'REMINDER':
      if ((facts.count ?? 0) > 1) {
        return { subject: `Reminder: ${facts.count} requests are waiting for you`, lines: [`${facts.count} requests to you in PeerRoles have been waiting a few working days: roles to review and expectations checks to answer.`], button: 'See your requests' };
      }
      return facts.requestKey?.startsWith('check:')
        ? { subject: `Reminder: expectations check for ${short(facts)}`, lines: [`You were asked what you expect a peer worker to do in ${role}, and your answers are still to come.`], button: 'Answer the expectations check' }
        : { subject: `Reminder: please review ${short(facts)}`, lines: [`You were asked to review ${role}, and your review is still to come.`], button: 'Review the role' };
    case 'PANEL_ADDED':
      return { subject: `You are on a recruitment panel: ${short(facts)}`, lines: [`You have been asked to sit on the panel for the ${facts.title ?? 'peer worker'} vacancy${facts.teamName ? ` in ${facts.teamName}` : ''}.`, 'Sign in to see the candidates’ names and declare any conflict of interest before scoring starts.'], button: 'See the vacancy' };
    case 'SCORING_OPEN':
      return { subject: `Scoring is open: ${short(facts)}`, lines: [`Scoring has started for the ${facts.title ?? 'peer worker'} vacancy${facts.teamName ? ` in ${facts.teamName}` : ''}.`, 'Score each candidate on your own: nobody sees your scores until you submit them.'], button: 'Start scoring' };
    case 'SCORES_IN':
      return { subject: `All scores are in: ${short(facts)}`, lines: [`Every panel member has submitted their scores for a candidate for the ${facts.title ?? 'peer worker'} vacancy.`, 'The panel can now see the scores side by side and agree where they differ.'], button: 'See the scores' };
    case 'DECISION_RECORDED':
      return { subject: `Decision recorded: ${short(facts)}`, lines: [`A decision has been recorded for a candidate for the ${facts.title ?? 'peer worker'} vacancy${facts.teamName ? ` in ${facts.teamName}` : ''}.`], button: 'See the vacancy' };
    case 'ONBOARDING_TASKS':
      return {
        subject: `Onboarding tasks for you: ${short(facts)}`,
        lines: [`You have ${facts.count === 1 ? 'a task' : `${facts.count ?? 'some'} tasks`} in an onboarding plan for a peer worker${facts.teamName ? ` in ${facts.teamName}` : ''}.`, 'Sign in to see what they are and when each is due.'],
        button: 'See your tasks',
      };
    case 'ONBOARDING_OVERDUE':
      return {
        subject: `Overdue onboarding ${facts.count === 1 ? 'task' : 'tasks'}`,
        lines: [`${facts.count === 1 ? '1 onboarding task you owe is' : `${facts.count ?? 'Some'} onboarding tasks you owe are`} past the date it was due.`, 'Complete them, or say why they cannot start yet.'],
        button: 'See your tasks',
      };
    case 'SESSION_TO_COSIGN':
      return {
        subject: 'A supervision session to co-sign',
        lines: [`A ${facts.title ?? 'supervision'} session you were in has been recorded${facts.teamName ? ` (${facts.teamName})` : ''}.`, 'Sign in to read the record, then co-sign it as a fair record or add a comment.'],
        button: 'Read the record',
      };
    case 'SUPERVISION_OVERDUE':
      if ((facts.count ?? 1) > 1) {
        return {
          subject: `Overdue supervision: ${facts.count} sessions`,
          lines: [`${facts.count} supervision sessions you give or receive are past the date they were due.`, 'Arrange them, or record them if they have happened.'],
          button: 'See your supervision',
        };
      }
      return {
        subject: `Overdue: ${facts.title ?? 'supervision'}`,
        lines: [`A ${facts.title ?? 'supervision'} session${facts.teamName ? ` in ${facts.teamName}` : ''} is past the date it was due.`, 'Arrange one, or record it if it has happened.'],
        button: 'See the supervision agreement',
      };
    case 'LIBRARY_ENTRY_PROPOSED':
      return {
        subject: 'A peer practice library entry to review',
        lines: [`A peer worker${facts.teamName ? ` in ${facts.teamName}` : ''} has proposed an entry for the peer practice library.`, 'Sign in to read it, then approve it for publishing or decline it.'],
        button: 'Review the entry',
      };
    case 'NOT_RESPONDED': {
      const count = facts.count ?? 0;
      const people = count === 1 ? '1 person has' : `${count} people have`;
      const what = facts.requestKey?.startsWith('check:') ? 'the expectations check about' : 'the review of';
      return { subject: `Still waiting: ${short(facts)}`, lines: [`${people} not yet responded to ${what} ${role}.`, 'See who, and whether to ask someone else.'], button: 'See who has not responded' };
    }
  }
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/gu, (character) => `&#${character.charCodeAt(0)};`);

/** The NHS look kept modest: a blue band, plain text, one link styled as a button, and the link again in full. */
function html(blocks: ReadonlyArray<{ lines: string[]; button: string; link: string }>, heading: string): string {
  const body = blocks
    .map(
      (block) =>
        `${block.lines.map((line) => `<p style="margin:0 0 16px">${escapeHtml(line)}</p>`).join('')}` +
        `<p style="margin:0 0 8px"><a href="${escapeHtml(block.link)}" style="display:inline-block;background:#007f3b;color:#ffffff;padding:10px 16px;text-decoration:none;font-weight:bold">${escapeHtml(block.button)}</a></p>` +
        `<p style="margin:0 0 24px;font-size:14px;color:#4c6272">Or copy this link: ${escapeHtml(block.link)}</p>`,
    )
    .join('');
  return (
    '<!doctype html><html lang="en"><body style="margin:0;font-family:Arial,sans-serif;color:#212b32;background:#f0f4f5">' +
    '<div style="background:#005eb8;color:#ffffff;padding:16px 24px;font-size:20px;font-weight:bold">PeerRoles</div>' +
    `<div style="background:#ffffff;padding:24px;max-width:600px"><h1 style="font-size:24px;margin:0 0 16px">${escapeHtml(heading)}</h1>${body}` +
    '<p style="margin:24px 0 0;font-size:14px;color:#4c6272">You can choose which emails you get, or one summary a day, on My account in PeerRoles.</p></div></body></html>'
  );
}

const FOOTER = 'You can choose which emails you get, or one summary a day, on My account in PeerRoles.';

/** One notification's email. */
export function renderNotificationEmail(facts: EmailFacts): RenderedEmail {
  const words = wording(facts);
  const text = [...words.lines, '', `${words.button}: ${facts.link}`, '', '-- ', FOOTER, ''].join('\n');
  return { subject: words.subject, text, html: html([{ lines: words.lines, button: words.button, link: facts.link }], words.subject) };
}

/** The daily digest: one email listing what happened, each with its link. */
export function renderDigestEmail(items: readonly EmailFacts[]): RenderedEmail {
  const subject = `PeerRoles: ${items.length} update${items.length === 1 ? '' : 's'} for you`;
  const blocks = items.map((facts) => {
    const words = wording(facts);
    return { lines: [words.subject, ...words.lines], button: words.button, link: facts.link };
  });
  const text = [
    `${items.length === 1 ? 'This happened' : 'These happened'} since your last summary:`,
    '',
    ...blocks.flatMap((block) => [...block.lines, `${block.button}: ${block.link}`, '']),
    '-- ',
    FOOTER,
    '',
  ].join('\n');
  return { subject, text, html: html(blocks, subject) };
}
