// A real SMTP server for the tests (the smtp-server package), on a port of its
// own. It keeps what it receives; it can be stopped and started again on the
// same port (a relay outage), and can refuse recipients (a relay that says no).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  subject: string;
  messageId: string | null;
}

export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  refuseRecipients = false;
  /** Addresses this server refuses (550), as a relay does an unknown mailbox. */
  readonly refused = new Set<string>();
  port = 0;
  private server: SMTPServer | null = null;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.refuseRecipients || this.refused.has(address.address)) {
          const refusal = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
          callback(refusal);
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const header = (name: string) => raw.match(new RegExp(`^${name}: (.*)$`, 'im'))?.[1]?.trim() ?? null;
          this.received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, subject: header('Subject') ?? '', messageId: header('Message-ID') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The messages to one address. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }
}

/** The plain-text part of a received message, with quoted-printable soft breaks undone. */
export function textOf(mail: ReceivedMail): string {
  return mail.raw.replace(/=\r?\n/gu, '').replace(/=([0-9A-F]{2})/gu, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
