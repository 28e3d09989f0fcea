// A real HTTP proxy (node:http only, no dependencies) in front of a real server, so tests can
// make the network fail the way it fails for a resident on a phone: gone, slow, or mangled by
// something in between. Headers pass through as they are (Origin in, CORS headers out), so the
// proxy is invisible to CORS and to the server's own behaviour.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * - `pass`: forward everything untouched.
 * - `down`: destroy every connection at once; clients see a network error, as when offline.
 * - `delay`: forward the request, hold the response `ms` milliseconds; clients time out while the
 *   server did its work (the lost-answer case idempotency keys exist for).
 * - `tamper`: forward, and rewrite the JSON body of 2xx answers through `tamper`.
 * - `drop`: forward, then cut the connection instead of answering: the server did the work,
 *   the client never hears of it (a flaky mobile link). Back to `pass` after `times` requests.
 * - `status`: answer every request with `status` and a problem+json body without forwarding
 *   it, as an overloaded or broken server does (503 with `Retry-After`, 500, 502).
 */
export type FaultMode = 'pass' | 'down' | 'delay' | 'tamper' | 'drop' | 'status';

export interface TamperInfo {
  method: string;
  /** Path and query of the request, e.g. `/v1/councils/demo`. */
  path: string;
  status: number;
}

export interface FaultOptions {
  /** How long `delay` holds each response, in milliseconds. @default 5000 */
  ms?: number;
  /** How `tamper` rewrites a parsed 2xx JSON body. @default identity */
  tamper?: (body: unknown, info: TamperInfo) => unknown;
  /** How many requests `drop` cuts before it passes again. @default Infinity */
  times?: number;
  /** The status `status` answers with. @default 503 */
  status?: number;
  /** `Retry-After` seconds sent with `status`, if any. */
  retryAfter?: number;
}

export interface FaultProxy {
  /** Base URL of the proxy, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** The current mode. */
  readonly mode: FaultMode;
  /** Requests forwarded to the target so far (those dropped while `down` are not counted). */
  readonly forwarded: number;
  setMode(mode: FaultMode, opts?: FaultOptions): void;
  close(): Promise<void>;
}

/** Headers that describe one connection, not the message; Node sets its own. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
  return out;
}

const MODES: readonly FaultMode[] = ['pass', 'down', 'delay', 'tamper', 'drop', 'status'];

export async function createFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  let mode: FaultMode = 'pass';
  let options: FaultOptions = {};
  let forwarded = 0;
  let dropped = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    if (mode === 'down') {
      req.socket.destroy();
      return;
    }
    const current = mode;
    if (current === 'status') {
      const status = options.status ?? 503;
      // The browser must still be allowed to read the failure, as it would from a real gateway.
      const headers: OutgoingHttpHeaders = { 'content-type': 'application/problem+json', vary: 'Origin' };
      if (req.headers.origin) {
        headers['access-control-allow-origin'] = req.headers.origin;
        headers['access-control-allow-headers'] = String(req.headers['access-control-request-headers'] ?? '*');
        headers['access-control-allow-methods'] = 'GET, POST, PATCH, DELETE';
        headers['access-control-expose-headers'] = 'Retry-After';
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, headers).end();
        return;
      }
      if (options.retryAfter !== undefined) headers['retry-after'] = String(options.retryAfter);
      req.resume();
      res.writeHead(status, headers).end(JSON.stringify({ type: 'about:blank', title: `Fault proxy answered ${status}`, status }));
      return;
    }
    if (current === 'drop') {
      dropped++;
      if (dropped >= (options.times ?? Number.POSITIVE_INFINITY)) mode = 'pass';
    }
    const { ms = 5000, tamper = (body: unknown) => body } = options;
    forwarded++;
    const headers = endToEnd(req.headers);
    headers['host'] = target.host;
    const upstream = httpRequest(
      { protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('error', () => res.destroy());
        answer.on('end', () => {
          const status = answer.statusCode ?? 502;
          const outHeaders = endToEnd(answer.headers);
          let body = Buffer.concat(chunks);
          if (current === 'tamper' && status >= 200 && status < 300 && /json/.test(String(answer.headers['content-type']))) {
            const rewritten = tamper(JSON.parse(body.toString('utf8')), { method: req.method ?? 'GET', path: req.url ?? '/', status });
            body = Buffer.from(JSON.stringify(rewritten), 'utf8');
            // The ETag named the original bytes; a cache must not marry it to the new ones.
            delete outHeaders['etag'];
          }
          if (body.length > 0 || outHeaders['content-length'] !== undefined) outHeaders['content-length'] = String(body.length);
          const send = () => {
            if (current === 'drop') return void res.socket?.destroy();
            if (res.destroyed) return;
            res.writeHead(status, answer.statusMessage, outHeaders);
            res.end(body);
          };
          if (current === 'delay') {
            const timer = setTimeout(() => {
              timers.delete(timer);
              send();
            }, ms);
            timers.add(timer);
          } else send();
        });
      },
    );
    upstream.on('error', () => {
      if (res.headersSent || res.destroyed) return res.destroy();
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('fault proxy: target unreachable');
    });
    req.pipe(upstream);
  });

  server.on('connection', (socket) => {
    if (mode === 'down') {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    get mode() {
      return mode;
    },
    get forwarded() {
      return forwarded;
    },
    setMode(next, opts = {}) {
      if (!MODES.includes(next)) throw new TypeError(`fault proxy: unknown mode ${String(next)}`);
      mode = next;
      options = opts;
      dropped = 0;
      // Kept-alive connections would otherwise carry the next request past a 'down' switch.
      if (next === 'down') for (const socket of sockets) socket.destroy();
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
