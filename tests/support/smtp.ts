// A real SMTP server for the tests that prove mail (smtp-server), shared by the server's mail
// suite, the loop's and the contact bank's journeys and the browser suites' environment.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  mail: ParsedMail;
  /** Envelope recipients. */
  rcptTo: string[];
}

export interface TestSmtp {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Resolves with the first mail (already received or still to come) to `to` that `match` accepts; rejects after `ms`. */
  waitFor(to: string, match?: (m: ParsedMail) => boolean, ms?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** A real SMTP server on a free port (`smtp-server`), keeping every message it receives, parsed. */
export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ mail, rcptTo: session.envelope.rcptTo.map((r) => r.address) });
          for (const w of waiters.splice(0)) w();
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  const find = (to: string, match: (m: ParsedMail) => boolean) => received.find((r) => r.rcptTo.includes(to) && match(r.mail))?.mail;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    // Mail is sent after the answer's transaction commits, before the answer: it is usually here already.
    async waitFor(to, match = () => true, ms = 10_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = find(to, match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${ms} ms; received: ${received.map((r) => `${r.rcptTo} "${r.mail.subject}"`).join(', ')}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, 100);
          waiters.push(() => (clearTimeout(t), resolve()));
        });
      }
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
