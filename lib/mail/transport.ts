import nodemailer, { type Transporter } from 'nodemailer';
import type { Tx } from '@/lib/db';
import type { RenderedEmail } from '@/lib/mail/templates';

/*
 * Where mail goes. With SMTP_URL (smtp://user:password@relay.example.nhs.uk:587,
 * or smtps:// for TLS from the start), through the trust's relay with nodemailer.
 * Without it (the embedded demo), into the OutboxEmail table, which
 * administrators read in the app: the demo shows what would have been sent.
 */

const DEFAULT_FROM = 'PeerRoles <no-reply@peerroles.invalid>';

export interface OutgoingEmail extends RenderedEmail {
  to: string;
  /** The same id each time the same notification is tried, so a relay or inbox can drop a repeat. */
  messageId: string;
  /** A link that is a credential (set-password): never kept in the outbox outside the demo. */
  secretLink?: string;
}

const WITHHELD = '(link not kept: no mail server is set up; create a new set-password link from the person\'s page)';

/** A failure from the mail server, without nodemailer's envelope and stack: what pg-boss keeps and administrators read. */
export class MailDeliveryError extends Error {
  constructor(cause: unknown) {
    const detail = typeof cause === 'object' && cause !== null ? (cause as { responseCode?: number; code?: string; response?: string }) : {};
    const reply = detail.response ? detail.response.split('\n')[0].slice(0, 200) : null;
    super(`The mail server did not take the email: ${reply ?? detail.code ?? (cause instanceof Error ? cause.name : 'unknown error')}`);
    this.name = 'MailDeliveryError';
  }
}

let cached: { url: string; transporter: Transporter } | null = null;

function smtpTransporter(url: string): Transporter {
  if (cached?.url !== url) {
    // Fail fast when the relay is down: the job is retried later with backoff.
    cached = { url, transporter: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  }
  return cached.transporter;
}

export function mailMode(): 'smtp' | 'outbox' {
  return process.env.SMTP_URL ? 'smtp' : 'outbox';
}

/** The absolute address of a page, for links in emails: PUBLIC_URL, else NEXTAUTH_URL. */
export function absoluteLink(path: string): string {
  const base = (process.env.PUBLIC_URL || process.env.NEXTAUTH_URL || 'http://localhost:3000').replace(/\/+$/u, '');
  return `${base}${path}`;
}

/**
 * Sends one email, or keeps it in the outbox (inside `tx`, so it is kept only
 * if the send is recorded). Outside the demo (PEERROLES_DEMO=1) a kept email
 * loses its set-password link: a live credential does not sit in a table.
 */
export async function sendEmail(tx: Tx, email: OutgoingEmail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) {
    const withhold = (body: string) => (email.secretLink && process.env.PEERROLES_DEMO !== '1' ? body.split(email.secretLink).join(WITHHELD) : body);
    await tx.outboxEmail.create({ data: { to: email.to, subject: email.subject, text: withhold(email.text), html: withhold(email.html) } });
    return;
  }
  try {
    await smtpTransporter(url).sendMail({
      from: process.env.MAIL_FROM || DEFAULT_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
    });
  } catch (error) {
    throw new MailDeliveryError(error);
  }
}
