// The SDK is tree-shakeable per operation: a page that imports `createTransport` and
// `getCouncil` pays for that one endpoint, no validator and no outbox. Bundled with esbuild
// (what a developer's build or our own CDN build does) from the package's sources.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function bundle(code: string): Promise<string> {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    // Workspace packages point the `source` condition at src/*.ts: no build needed first.
    conditions: ['source'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

test('getCouncil alone bundles its own endpoint, without the others, zod or the outbox', async () => {
  const out = await bundle(`
    import { createTransport, getCouncil } from '@civicloop/sdk';
    const t = createTransport({ baseUrl: 'https://api.example', council: 'riverside', validate: undefined });
    getCouncil(t).then((c) => console.log(c.name));
  `);
  assert.ok(out.includes('/v1/councils/{council}'), 'getCouncil path is in the bundle');
  for (const absent of ['/feedback', '/services', '/challenges', '/staff', '/healthz']) {
    assert.ok(!out.includes(absent), `${absent} is not in the bundle`);
  }
  assert.ok(!/zod/i.test(out), 'no zod');
  assert.ok(!out.includes('indexedDB'), 'no outbox');
  console.log(`createTransport + getCouncil: ${out.length} B min, ${gzipSync(out).length} B gzip`);
});

test('the check can see what it looks for: createClient does bring zod and every endpoint', async () => {
  const out = await bundle(`
    import { createClient } from '@civicloop/sdk';
    createClient({ baseUrl: 'https://api.example', council: 'riverside' }).getCouncil().then(console.log);
  `);
  assert.ok(/zod/i.test(out));
  assert.ok(out.includes('/feedback'));
  console.log(`createClient: ${out.length} B min, ${gzipSync(out).length} B gzip`);
});
