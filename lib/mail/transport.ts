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

/** Sends one email, or keeps it in the outbox (inside `tx`, so it is kept only if the send is recorded). */
export async function sendEmail(tx: Tx, email: OutgoingEmail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) {
    await tx.outboxEmail.create({ data: { to: email.to, subject: email.subject, text: email.text, html: email.html } });
    return;
  }
  await smtpTransporter(url).sendMail({
    from: process.env.MAIL_FROM || DEFAULT_FROM,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: email.messageId,
  });
}
