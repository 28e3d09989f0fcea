// Compression over real HTTP, read with node:http so the bytes on the wire are seen as sent
// (fetch would decode them and hide the headers that matter).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { negotiateEncoding } from './compression.js';
import { elementsCdnDir, readCdnManifest } from './static.js';
import type { RunningServer } from './server.js';
import { engines, startTestServer } from './testing/engines.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

function decode(r: Raw): Buffer {
  const enc = r.headers['content-encoding'];
  return enc === 'br' ? brotliDecompressSync(r.bytes) : enc === 'gzip' ? gunzipSync(r.bytes) : r.bytes;
}

test('Accept-Encoding is negotiated by q-value', () => {
  assert.equal(negotiateEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(negotiateEncoding('gzip, deflate'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
  assert.equal(negotiateEncoding('*'), 'br');
  assert.equal(negotiateEncoding('*, br;q=0'), 'gzip');
  assert.equal(negotiateEncoding('identity'), undefined);
  assert.equal(negotiateEncoding(undefined), undefined);
  assert.equal(negotiateEncoding('br', ['gzip']), undefined);
});

let server: RunningServer;
const cdnDir = elementsCdnDir();
before(async () => {
  server = await startTestServer(engines[0]!, { cdnDir });
});
after(() => server.close());

test('the CDN sends the build\'s brotli or gzip copy to a browser that accepts it, with its own length; SRI holds on the decoded bytes', async () => {
  const manifest = await readCdnManifest(cdnDir);
  assert.ok(manifest, 'run npm run build first');
  assert.ok(existsSync(join(cdnDir, 'civicloop.js.br')) && existsSync(join(cdnDir, 'civicloop.js.gz')), 'the build writes compressed copies');
  const original = readFileSync(join(cdnDir, 'civicloop.js'));
  const url = `${server.url}/cdn/v${manifest.version}/civicloop.js`;
  const sizes: Record<string, number> = {};
  for (const [accept, expected] of [
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['identity', undefined],
    ['', undefined],
  ] as const) {
    const r = await get(url, accept ? { 'accept-encoding': accept } : {});
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], expected, accept);
    assert.equal(r.headers['vary'], 'Accept-Encoding');
    assert.equal(Number(r.headers['content-length']), r.bytes.length, 'Content-Length is that of the bytes sent');
    const decoded = decode(r);
    assert.ok(decoded.equals(original), `${accept}: decodes to the file`);
    assert.equal(`sha384-${createHash('sha384').update(decoded).digest('base64')}`, manifest.files['civicloop.js']);
    sizes[expected ?? 'identity'] = r.bytes.length;
  }
  assert.ok(sizes['br']! < sizes['gzip']! && sizes['gzip']! < sizes['identity']! / 2, JSON.stringify(sizes));
});

test('a hashed chunk comes compressed too, still immutable', async () => {
  const name = readdirSync(join(cdnDir, 'chunks')).find((n) => n.endsWith('.js') && statSync(join(cdnDir, 'chunks', n)).size > 4096);
  assert.ok(name, 'the build made chunks');
  const chunk = `chunks/${name}`;
  const r = await get(`${server.url}/cdn/${chunk}`, { 'accept-encoding': 'br' });
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-encoding'], 'br');
  assert.match(String(r.headers['cache-control']), /immutable/);
  assert.ok(decode(r).equals(readFileSync(join(cdnDir, chunk))));
});

test('JSON answers are compressed, with a weak ETag that still revalidates to 304', async () => {
  const plain = await get(`${server.url}/v1/openapi.json`);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.match(String(plain.headers['vary']), /Accept-Encoding/);
  for (const enc of ['br', 'gzip'] as const) {
    const r = await get(`${server.url}/v1/openapi.json`, { 'accept-encoding': enc });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], enc);
    assert.match(String(r.headers['content-type']), /application\/json/);
    assert.match(String(r.headers['vary']), /Accept-Encoding/);
    assert.equal(Number(r.headers['content-length']), r.bytes.length);
    assert.ok(r.bytes.length < plain.bytes.length / 3, `${enc}: ${r.bytes.length} of ${plain.bytes.length}`);
    assert.deepEqual(JSON.parse(decode(r).toString('utf8')), JSON.parse(plain.bytes.toString('utf8')));
    const etag = String(r.headers['etag']);
    assert.equal(etag, `W/${String(plain.headers['etag'])}`);
    const again = await get(`${server.url}/v1/openapi.json`, { 'accept-encoding': enc, 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.bytes.length, 0);
  }
});
