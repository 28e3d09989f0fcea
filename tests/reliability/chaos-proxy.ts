// A TCP proxy that breaks connections the ways a phone's network does, chosen at random per
// request: the request never arrives (dropped before a byte is forwarded), the answer never
// arrives (the server did the work, the client hears nothing), the answer comes late, or the
// connection is reset (RST) halfway. Below HTTP on purpose: whatever the client and server say,
// the faults are the network's. The fault proxy of tests/support works per mode at HTTP level.
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'drop-request' | 'drop-response' | 'delay' | 'reset';

export interface ChaosProxy {
  url: string;
  /** How many requests met each fault so far. */
  counts: Record<Fault, number>;
  close(): Promise<void>;
}

/**
 * @param target base URL of the server
 * @param weights how often each fault is chosen (relative)
 * @param random a seeded generator makes a failing run repeatable
 * @param delayMs how long `delay` holds the answer (longer than the client's timeout: a lost answer)
 */
export async function createChaosProxy(
  target: string,
  { weights, random = Math.random, delayMs = 1500 }: { weights: Partial<Record<Fault, number>>; random?: () => number; delayMs?: number },
): Promise<ChaosProxy> {
  const { hostname, port } = new URL(target);
  const entries = Object.entries(weights) as [Fault, number][];
  const total = entries.reduce((n, [, w]) => n + w, 0);
  const pick = (): Fault => {
    let r = random() * total;
    for (const [fault, w] of entries) if ((r -= w) < 0) return fault;
    return 'pass';
  };
  const counts: Record<Fault, number> = { pass: 0, 'drop-request': 0, 'drop-response': 0, delay: 0, reset: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const upstream = connect(Number(port), hostname);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    // Chosen per request, not per connection: a kept-alive connection carries many requests.
    // (A request's bytes arrive as one chunk here, small bodies on loopback.)
    let fault: Fault = 'pass';
    client.on('data', (chunk: Buffer) => {
      fault = pick();
      counts[fault]++;
      if (fault === 'drop-request') {
        // Nothing forwarded: the connection just goes.
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (fault === 'drop-response') {
        // The server answered: the client never hears it.
        upstream.destroy();
        client.destroy();
      } else if (fault === 'reset') {
        // Half the answer, then a reset.
        client.write(chunk.subarray(0, Math.floor(chunk.length / 2)));
        client.resetAndDestroy();
        upstream.destroy();
      } else if (fault === 'delay') {
        upstream.pause();
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!client.destroyed) client.write(chunk);
          upstream.resume();
        }, delayMs);
        timers.add(timer);
      } else {
        client.write(chunk);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    close() {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
