#!/usr/bin/env node
// The HTTP limits bench/server.mjs compares the API with, in a process of their own like the
// server: a bare Hono route and a bare node:http server answering the same JSON body.
//   node bench/bare-server.mjs hono|http BODY_BYTES   prints "listening on http://127.0.0.1:PORT"
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const [kind, bytes = '400'] = process.argv.slice(2);
const body = JSON.stringify({ pad: 'x'.repeat(Math.max(0, Number(bytes) - 10)) });
const ready = (port) => process.stdout.write(`listening on http://127.0.0.1:${port}\n`);

if (kind === 'hono') {
  const app = new Hono();
  app.get('/v1/councils/:council', (c) => c.body(body, 200, { 'content-type': 'application/json' }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ready(info.port));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else if (kind === 'http') {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => ready(server.address().port));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  throw new Error('usage: bare-server.mjs hono|http [BODY_BYTES]');
}
