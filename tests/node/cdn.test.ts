// The CDN as `civicloop-server serve` publishes it: versioned and alias paths, cache lifetimes,
// the Subresource Integrity hash the CLI prints, and the loader's notice when an editor drops
// type="module". Runs on the built files (`npm run build`; scripts/test.mjs builds first) and fails,
// not skips, when they are missing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { launchChromium } from '../support/chromium.mjs';
import { cdnSnippet, elementsCdnDir, readCdnManifest, seedDemo, startServer, type CdnManifest, type RunningServer } from '@civicloop/server';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sha384 = (bytes: ArrayBuffer) => `sha384-${createHash('sha384').update(Buffer.from(bytes)).digest('base64')}`;

describe('CDN files served by plain serve', () => {
  let server: RunningServer;
  let manifest: CdnManifest;
  let pages: string;
  let browser: Browser;

  before(async () => {
    const cdnDir = elementsCdnDir();
    assert.ok(existsSync(join(cdnDir, 'civicloop.js')), `${cdnDir}/civicloop.js is missing: run npm run build`);
    manifest = (await readCdnManifest(cdnDir))!;
    assert.ok(manifest, 'integrity.json is missing: run npm run build');
    pages = mkdtempSync(join(tmpdir(), 'civicloop-cdn-'));
    server = await startServer({ port: 0, dataDir: 'memory://', cdnDir, demoDir: pages, log: () => {} });
    await seedDemo(server.db);
    browser = await launchChromium(puppeteer);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (pages) rmSync(pages, { recursive: true, force: true });
  });

  test('the versioned path and the alias serve the same loader; hashed chunks are immutable; other versions are not served', async () => {
    const versioned = await fetch(`${server.url}/cdn/v${manifest.version}/civicloop.js`);
    const alias = await fetch(`${server.url}/cdn/civicloop.js`);
    assert.equal(versioned.status, 200);
    assert.equal(alias.status, 200);
    assert.equal(versioned.headers.get('cache-control'), 'public, max-age=86400');
    assert.equal(alias.headers.get('cache-control'), 'public, max-age=300');
    assert.equal(versioned.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(Buffer.from(await versioned.arrayBuffer()), Buffer.from(await alias.arrayBuffer()));

    const entry = await (await fetch(`${server.url}/cdn/v${manifest.version}/cocreate-feedback.js`)).text();
    const chunks = [...entry.matchAll(/["'`]\.\/(chunks\/[^"'`]+\.js)["'`]/g)].map((m) => m[1]!);
    assert.ok(chunks.length > 0, 'cocreate-feedback.js imports hashed chunks');
    for (const chunk of new Set(chunks)) {
      const r = await fetch(`${server.url}/cdn/v${manifest.version}/${chunk}`);
      assert.equal(r.status, 200, chunk);
      assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable', chunk);
      await r.arrayBuffer();
    }
    const other = await fetch(`${server.url}/cdn/v0.0.0-none/civicloop.js`);
    assert.equal(other.status, 404);
    await other.arrayBuffer();
  });

  test('scripts carry no sourceMappingURL comment; the SourceMap header names their map, which is served', async () => {
    for (const file of ['civicloop.js', 'cocreate-feedback.js']) {
      const r = await fetch(`${server.url}/cdn/v${manifest.version}/${file}`);
      assert.doesNotMatch(await r.text(), /sourceMappingURL/, file);
      assert.equal(r.headers.get('sourcemap'), `${file}.map`, file);
      const map = await fetch(new URL(r.headers.get('sourcemap')!, r.url));
      assert.equal(map.status, 200, `${file}.map`);
      assert.ok(((await map.json()) as { sources: string[] }).sources.length > 0, `${file}.map`);
    }
  });

  test('`civicloop-server cdn-snippet` prints the integrity hash of the bytes the server sends', async () => {
    // Asynchronously: a blocked event loop would stall the server this test then fetches from.
    const r = await promisify(execFile)(process.execPath, ['--conditions=source', '--import', 'tsx', join(root, 'packages/server/src/cli.ts'), 'cdn-snippet', '--url', server.url], { cwd: root });
    const m = /<script type="module" src="([^"]+)" integrity="([^"]+)" crossorigin="anonymous" blocking="render"><\/script>/.exec(r.stdout);
    assert.ok(m, r.stdout);
    assert.equal(m[1], `${server.url}/cdn/v${manifest.version}/civicloop.js`);
    assert.equal(m[2], sha384(await (await fetch(m[1]!)).arrayBuffer()));
    // The stylesheet line before it: the same reservation, for pages where the snippet goes in the body.
    const css = /<link rel="stylesheet" href="([^"]+)" integrity="([^"]+)" crossorigin="anonymous">\n<script /.exec(r.stdout);
    assert.ok(css, r.stdout);
    assert.equal(css[1], `${server.url}/cdn/v${manifest.version}/civicloop.css`);
    const sheet = await fetch(css[1]!);
    assert.match(sheet.headers.get('content-type') ?? '', /^text\/css/);
    assert.equal(css[2], sha384(await sheet.arrayBuffer()));
    assert.equal(r.stdout.trim(), cdnSnippet(server.url, manifest));
  });

  /** Opens a page holding `head` and one element; returns the console messages and whether it was defined. */
  async function open(name: string, head: string) {
    writeFileSync(join(pages, `${name}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${head}</head><body><main><cocreate-feedback council="demo"></cocreate-feedback></main></body></html>`);
    const page = await browser.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`pageerror: ${(e as Error).message}`));
    await page.goto(`${server.url}/${name}.html`, { waitUntil: 'networkidle0' });
    const defined = await page.evaluate(() => customElements.whenDefined('cocreate-feedback').then(() => true, () => false));
    await page.close();
    return { messages, defined };
  }

  test('the snippet as printed loads under its integrity hash and defines the element, with no notice', async () => {
    const { messages, defined } = await open('module', cdnSnippet('', manifest));
    assert.equal(defined, true);
    assert.deepEqual(messages.filter((m) => /civicloop:|integrity|pageerror/i.test(m)), []);
  });

  test('a <script src> without type="module" prints what to change', async () => {
    const src = `/cdn/v${manifest.version}/civicloop.js`;
    const { messages } = await open('classic', `<script src="${src}"></script>`);
    const notice = messages.find((m) => m.includes('civicloop:') && m.includes('classic script'));
    assert.ok(notice, JSON.stringify(messages));
    assert.ok(notice.includes(`<script type="module" src="${server.url}${src}"></script>`), notice);
    assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
  });
});

describe('CDN chunks', () => {
  /** A built file and every file it imports statically (what the page loads with it). */
  async function graph(dir: string, file: string, seen = new Set<string>()): Promise<Set<string>> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const code = await readFile(join(dir, file), 'utf8');
    for (const [, spec] of code.matchAll(/(?:import|from)\s*"(\.{1,2}\/[^"]+\.js)"/g)) await graph(dir, join(file, '..', spec!), seen);
    return seen;
  }

  test('a read-only element does not load the outbox (IndexedDB, proof of work on re-send): only the form does', async () => {
    const dir = elementsCdnDir();
    const holds = async (entry: string) => {
      const files = [...(await graph(dir, entry))];
      const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
      return texts.some((t) => t.includes('civicloop-outbox'));
    };
    assert.equal(await holds('cocreate-feedback.js'), true, 'the form sends through the outbox');
    assert.equal(await holds('you-said-we-did.js'), false, '<you-said-we-did> only reads');
  });

  test('a read-only element loads none of the modules only forms need (Rollup puts a module whole in one chunk)', async () => {
    const dir = elementsCdnDir();
    /** The source modules (from the source maps) of an entry and the chunks it imports. */
    const sourcesOf = async (entry: string) => {
      const sources = new Set<string>();
      for (const file of await graph(dir, entry)) {
        const map = JSON.parse(await readFile(join(dir, `${file}.map`), 'utf8')) as { sources: string[] };
        for (const s of map.sources) sources.add(s.replace(/^(\.\.\/)+/, ''));
      }
      return sources;
    };
    const formOnly = ['kit/stores/form.js', 'kit/stores/answers.js', 'kit/stores/submission.js', 'kit/parts/sending.js', 'kit/controllers/anti-abuse.js', 'contract/dist/pow-solver.js'];
    const form = await sourcesOf('cocreate-feedback.js');
    assert.deepEqual(formOnly.filter((m) => !form.has(m)), [], 'the form loads them all');
    const reading = await sourcesOf('you-said-we-did.js');
    assert.deepEqual(formOnly.filter((m) => reading.has(m)), [], '<you-said-we-did> only reads');
  });

  test('a public element page loads no module of the staff console (it comes only with <cocreate-console>)', async () => {
    const dir = elementsCdnDir();
    const sourcesOf = async (entry: string) => {
      const sources: string[] = [];
      for (const file of await graph(dir, entry)) {
        const map = JSON.parse(await readFile(join(dir, `${file}.map`), 'utf8')) as { sources: string[] };
        sources.push(...map.sources.map((s) => s.replace(/^(\.\.\/)+/, '')));
      }
      return sources;
    };
    const isConsole = (s: string) => s.startsWith('cocreate-console/') || s === 'stores/console.js' || s.includes('generated/locales/console');
    assert.ok((await sourcesOf('cocreate-console.js')).some(isConsole), 'the console entry holds its own modules');
    for (const entry of ['civicloop.js', 'cocreate-feedback.js', 'you-said-we-did.js', 'contact-bank-signup.js']) {
      assert.deepEqual((await sourcesOf(entry)).filter(isConsole), [], `${entry} loads a console module`);
    }
    // The loader names the console's entry (to import it when the tag appears) and nothing else of it.
    const loader = await readFile(join(dir, 'civicloop.js'), 'utf8');
    assert.deepEqual([...loader.matchAll(/import\(["'`]\.\/([^"'`]+)["'`]\)/g)].map((m) => m[1]).filter((f) => f!.includes('console')), ['cocreate-console.js']);
  });
});
