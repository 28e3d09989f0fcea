// Shared by the reliability suites: the fast form (`npm test`) and the long form
// (`CIVICLOOP_RELIABILITY=long`, run by `npm run bench` through bench/reliability.mjs) differ
// only in how much they do, never in what they check.
import { connect } from 'node:net';

/** The long form: more runs, more submissions, bigger floods. */
export const LONG = process.env['CIVICLOOP_RELIABILITY'] === 'long';

/** `fast` in `npm test`, `long` under CIVICLOOP_RELIABILITY=long. */
export const size = (fast: number, long: number): number => (LONG ? long : fast);

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes as they are over a TCP socket and reads one HTTP/1.1 answer: requests `fetch`
 * refuses to make (control characters in a header, a lying Content-Length, a backslash in the
 * path) reach the server's own parser this way.
 */
export function rawRequest(url: string, bytes: string | Buffer, timeoutMs = 5000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer in ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const head = end < 0 ? text : text.slice(0, end);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: end < 0 ? '' : Buffer.from(text.slice(end + 4), 'latin1').toString('utf8') });
    });
    socket.write(bytes);
    // Half-close: the server answers, then closes; a keep-alive socket would otherwise stay open.
    socket.end();
  });
}
