import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';

/** One plain-text email to one resident. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative of `text` (the plain-text part is always sent). */
  html?: string;
  /** Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Record<string, string>;
  /** The follow link in the text, logged when the mail goes to the outbox folder. */
  link?: string;
}

/** What nodemailer is given for one mail. */
const message = (from: string, mail: Mail) => ({
  from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  ...(mail.html ? { html: mail.html } : {}),
  ...(mail.headers ? { headers: mail.headers } : {}),
});

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  /** `smtp://user:pass@host:port` or `smtps://...`; without it, mails are written to `outboxDir`. */
  smtpUrl?: string | undefined;
  /** Folder of `.eml` files when there is no SMTP server. */
  outboxDir: string;
  /** The sender address. */
  from: string;
  log: (entry: Record<string, unknown>) => void;
  now: () => number;
}

/**
 * nodemailer over SMTP, or, without `SMTP_URL`, each message as an `.eml` file in the outbox
 * folder with its path and follow link logged, so a demo works without a mail server.
 */
export function createMailer(opts: MailerOptions): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail(message(opts.from, mail));
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail(message(opts.from, mail));
      await mkdir(opts.outboxDir, { recursive: true });
      const file = join(opts.outboxDir, `${new Date(opts.now()).toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`);
      await writeFile(file, info.message as Buffer);
      // Never the address: the file holds it, the log does not.
      opts.log({ time: new Date(opts.now()).toISOString(), level: 'info', msg: 'mail written to the outbox folder (no SMTP_URL)', file, link: mail.link ?? null });
    },
    close: () => transport.close(),
  };
}
