// The packages as a developer installs them: each workspace is packed (`npm pack`), linted as a
// tarball (publint --strict, Are The Types Wrong), and installed into a fresh project outside the
// repo, which then bundles the bare import with esbuild, Vite and rollup and runs it in Chromium,
// type-checks with `bundler` and `nodenext` resolution (React 19, Preact and Vue included),
// imports every package in Node, and runs `npx civicloop-server serve`.
//
// The tools are the repo's devDependencies. A missing tool, a failed install or a missing build
// is a failure, never a skip. Needs `npm run build` (scripts/test.mjs builds first) and the npm
// registry or a warm npm cache for the consumer's third-party dependencies.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { launchChromium } from '../support/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WORKSPACES = ['contract', 'sdk', 'elements', 'server'] as const;

/** The file of a devDependency's bin; throws (so the suite fails) if the tool is not installed. */
function tool(pkg: string, name: string = pkg): string {
  // Read from node_modules directly: some tools do not export their package.json.
  const manifestPath = join(root, 'node_modules', pkg, 'package.json');
  assert.ok(existsSync(manifestPath), `${pkg} is not installed; run npm install`);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: string | Record<string, string> };
  const file = join(dirname(manifestPath), typeof bin === 'string' ? bin : bin[name]!);
  assert.ok(existsSync(file), `${pkg} is not installed (${file}); run npm install`);
  return file;
}

/** Runs node with a script; a non-zero exit fails the test with the tool's own output. */
function node(args: string[], options: SpawnSyncOptions & { expect?: 'ok' | 'any' } = {}) {
  // Without the test runner's --conditions=source / tsx: the consumer sees only what is published.
  const env = { ...process.env, NODE_OPTIONS: '', npm_config_loglevel: 'error' };
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024, ...options });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (options.expect !== 'any') assert.equal(r.status, 0, `node ${args.join(' ')} failed:\n${output}`);
  return { status: r.status, output };
}

/** The same as `node`, without blocking, so independent tools run side by side. */
function nodeAsync(args: string[], options: { cwd?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...options, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new assert.AssertionError({ message: `node ${args.join(' ')} failed (${code}):\n${output}` }))));
  });
}

const npmCli = join(dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js');
assert.ok(existsSync(npmCli), `npm is not at ${npmCli}`);
const npm = (args: string[], cwd: string) => node([npmCli, ...args], { cwd });

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

describe('packages as a developer installs them', () => {
  let work: string;
  let consumer: string;
  const tarballs = new Map<string, string>();
  let files: Server;
  let filesUrl: string;
  let browser: Browser;

  before(async () => {
    for (const w of WORKSPACES) assert.ok(existsSync(join(root, 'packages', w, 'dist')), `packages/${w}/dist is missing: run npm run build`);
    assert.ok(existsSync(join(root, 'packages/elements/dist/cdn/integrity.json')), 'the CDN build is missing: run npm run build');
    work = mkdtempSync(join(tmpdir(), 'civicloop-pack-'));
    const packs = join(work, 'packs');
    mkdirSync(packs);
    const { output } = npm(['pack', '--workspaces', '--json', '--pack-destination', packs], root);
    const packed = JSON.parse(output.slice(output.indexOf('['))) as { name: string; filename: string }[];
    for (const p of packed) tarballs.set(p.name, join(packs, p.filename));
    assert.deepEqual([...tarballs.keys()].sort(), WORKSPACES.map((w) => `@civicloop/${w}`).sort());

    consumer = join(work, 'consumer');
    mkdirSync(consumer);
    const deps = Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`]));
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({
        name: 'civicloop-consumer',
        private: true,
        type: 'module',
        // Framework types are checked against the real packages; only their type files are used.
        // Exact versions: a new release of a framework must not turn this suite red on its own.
        dependencies: { ...deps, '@types/react': '19.3.3', preact: '10.29.8', vue: '3.5.45' },
      }),
    );
    // Install scripts stay off: none of these packages needs one, and a consumer must not depend on them.
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'], consumer);

    files = createServer((req, res) => {
      const path = join(consumer, 'out', decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      if (!path.startsWith(join(consumer, 'out')) || !existsSync(path)) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesUrl = `http://127.0.0.1:${(files.address() as { port: number }).port}`;
    browser = await launchChromium(puppeteer);
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (files ? files.close(resolve) : resolve(undefined)));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('publint --strict finds nothing in any tarball', () => {
    const publint = tool('publint');
    for (const [name, file] of tarballs) {
      const { output } = node([publint, '--strict', file]);
      assert.match(output, /All good!/, `${name}:\n${output}`);
    }
  });

  test('Are The Types Wrong finds no problem for ESM consumers of any tarball', async () => {
    const attw = tool('@arethetypeswrong/cli', 'attw');
    // esm-only: the packages are ESM by design; CommonJS `require` and node10 resolution are out of scope.
    await Promise.all([...tarballs.values()].map((file) => nodeAsync([attw, file, '--profile', 'esm-only', '--format', 'ascii'])));
  });

  /** Loads `out/<dir>/index.html` in Chromium; the element must be defined and render its form. */
  async function definesElement(dir: string): Promise<void> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push((e as Error).message));
    await page.goto(`${filesUrl}/${dir}/index.html`, { waitUntil: 'load' });
    const rendered = await page.waitForFunction(
      () => customElements.get('cocreate-feedback') !== undefined && document.querySelector('cocreate-feedback')?.shadowRoot?.childElementCount,
      { timeout: 20_000 },
    );
    assert.ok(await rendered.jsonValue(), dir);
    assert.deepEqual(errors, [], dir);
    await page.close();
  }

  // An API nobody answers: the element must still be defined and render; what it says offline is
  // the elements' own tests' business.
  const PAGE = (script: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title>${script}</head><body><cocreate-feedback council="demo" api="http://127.0.0.1:9"></cocreate-feedback></body></html>`;

  test('esbuild: the bare import defines the elements in a minified production bundle', async () => {
    const app = join(consumer, 'esbuild-app');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'main.js'), "import '@civicloop/elements';\n");
    const out = join(consumer, 'out/esbuild');
    // esbuild's bin is a native executable.
    const esbuild = spawnSync(tool('esbuild'), [join(app, 'main.js'), '--bundle', '--minify', '--format=esm', '--platform=browser', '--define:process.env.NODE_ENV="production"', `--outfile=${join(out, 'main.js')}`, '--log-level=warning'], { cwd: consumer, encoding: 'utf8' });
    assert.equal(esbuild.status, 0, esbuild.stderr);
    writeFileSync(join(out, 'index.html'), PAGE('<script type="module" src="./main.js"></script>'));
    assert.match(readFileSync(join(out, 'main.js'), 'utf8'), /cocreate-feedback/);
    await definesElement('esbuild');
  });

  test('Vite: the bare import defines the elements in a production build', async () => {
    const app = join(consumer, 'vite-app');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'main.js'), "import '@civicloop/elements';\n");
    writeFileSync(join(app, 'index.html'), PAGE('<script type="module" src="./main.js"></script>'));
    node([tool('vite'), 'build', app, '--outDir', join(consumer, 'out/vite'), '--emptyOutDir', '--base', './', '--logLevel', 'warn'], { cwd: consumer });
    const assets = readdirSync(join(consumer, 'out/vite/assets')).filter((f) => f.endsWith('.js'));
    assert.ok(assets.some((f) => readFileSync(join(consumer, 'out/vite/assets', f), 'utf8').includes('cocreate-feedback')), 'the tag survives tree-shaking');
    await definesElement('vite');
  });

  test('rollup: the bare import defines the elements in a production build', async () => {
    const app = join(consumer, 'rollup-app');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'main.js'), "import '@civicloop/elements';\n");
    const plugin = (pkg: string) => JSON.stringify(join(root, 'node_modules', pkg, 'dist/es/index.js'));
    // The usual production setup: node-resolve for bare imports, NODE_ENV replaced. Not minified:
    // tree-shaking (what sideEffects decides) happens without it, and terser would double the time.
    writeFileSync(
      join(app, 'rollup.config.mjs'),
      `import nodeResolve from ${plugin('@rollup/plugin-node-resolve')};
import replace from ${plugin('@rollup/plugin-replace')};
export default {
  input: ${JSON.stringify(join(app, 'main.js'))},
  output: { dir: ${JSON.stringify(join(consumer, 'out/rollup'))}, format: 'es' },
  plugins: [nodeResolve({ browser: true }), replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': '"production"' } })],
};
`,
    );
    node([tool('rollup'), '-c', join(app, 'rollup.config.mjs'), '--silent'], { cwd: app });
    writeFileSync(join(consumer, 'out/rollup/index.html'), PAGE('<script type="module" src="./main.js"></script>'));
    assert.match(readFileSync(join(consumer, 'out/rollup/main.js'), 'utf8'), /cocreate-feedback/);
    await definesElement('rollup');
  });

  test('TypeScript (bundler and nodenext) compiles the packages, React 19 and Preact JSX, and Vue components; a Node program without the DOM lib compiles the SDK, contract and server', async () => {
    const src = join(consumer, 'ts');
    mkdirSync(join(src, 'preact'), { recursive: true });
    writeFileSync(
      join(src, 'index.ts'),
      `import { CocreateFeedback } from '@civicloop/elements';
import { createClient, isApiError } from '@civicloop/sdk';
import { FeedbackCreate } from '@civicloop/contract';
import { startServer } from '@civicloop/server';
import type { GlobalComponents } from 'vue';
import type {} from '@civicloop/elements/vue';

const el: CocreateFeedback = document.createElement('cocreate-feedback');
el.council = 'demo';
const client = createClient({ baseUrl: 'https://civicloop.example', council: 'demo' });
export const run = async () => {
  try {
    await client.createFeedback({ kind: 'idea', text: 'x' });
  } catch (error) {
    if (isApiError(error)) console.log(error.status);
  }
  FeedbackCreate.parse({ kind: 'idea', text: 'x' });
  await (await startServer({ dataDir: 'memory://', port: 0 })).close();
};
export type Feedback = GlobalComponents['cocreate-feedback'];
`,
    );
    writeFileSync(
      join(src, 'app.tsx'),
      `import type {} from '@civicloop/elements/react';

export function Page() {
  return (
    <main>
      <cocreate-feedback council="demo" service="libraries" follow-url="/follow" compact />
      {/* @ts-expect-error compact is a boolean attribute */}
      <cocreate-feedback compact="yes" />
    </main>
  );
}
`,
    );
    writeFileSync(
      join(src, 'preact/app.tsx'),
      `/** @jsxImportSource preact */
import type {} from '@civicloop/elements/preact';

export const Page = () => (
  <main>
    <cocreate-feedback council="demo" compact />
    {/* @ts-expect-error compact is a boolean attribute */}
    <cocreate-feedback compact="yes" />
  </main>
);
`,
    );
    // The bundler run also checks every declaration file (ours and our dependencies'); the nodenext
    // run only needs to resolve the same imports under Node's rules, so it skips them to save time.
    const base = { strict: true, noEmit: true, skipLibCheck: false, jsx: 'react-jsx', lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: [], target: 'ES2022' };
    writeFileSync(join(consumer, 'tsconfig.bundler.json'), JSON.stringify({ compilerOptions: { ...base, module: 'ESNext', moduleResolution: 'bundler' }, include: ['ts'] }));
    writeFileSync(join(consumer, 'tsconfig.nodenext.json'), JSON.stringify({ compilerOptions: { ...base, module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true }, include: ['ts'] }));
    // A Node program (a council's backend, a script) has Node's types and no DOM: the SDK, the
    // contract and the server declare nothing that only a browser's lib defines (RequestCache was one).
    mkdirSync(join(consumer, 'node-only'));
    writeFileSync(
      join(consumer, 'node-only/index.ts'),
      `import { createClient, createOutbox, createTransport, listThemes } from '@civicloop/sdk';
import { FeedbackCreate } from '@civicloop/contract';
import { startServer } from '@civicloop/server';

export const run = async () => {
  const transport = createTransport({ baseUrl: 'https://civicloop.example', council: 'demo' });
  await listThemes(transport);
  await createClient({ baseUrl: 'https://civicloop.example', council: 'demo' }).createFeedback(FeedbackCreate.parse({ kind: 'idea', text: 'x' }));
  void createOutbox;
  await (await startServer({ dataDir: 'memory://', port: 0 })).close();
};
`,
    );
    const nodeOnly = { strict: true, noEmit: true, skipLibCheck: false, lib: ['ES2023'], types: ['node'], typeRoots: [join(root, 'node_modules/@types')], target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext' };
    writeFileSync(join(consumer, 'tsconfig.node.json'), JSON.stringify({ compilerOptions: nodeOnly, include: ['node-only'] }));
    const tsc = tool('typescript', 'tsc');
    await Promise.all(['bundler', 'nodenext', 'node'].map((c) => nodeAsync([tsc, '-p', `tsconfig.${c}.json`], { cwd: consumer })));
  });

  test('Node imports every package without a DOM (server-side rendering)', () => {
    const { output } = node(
      [
        '--input-type=module',
        '-e',
        `const elements = await import('@civicloop/elements');
await import('@civicloop/elements/cocreate-feedback');
await import('@civicloop/sdk');
await import('@civicloop/contract');
await import('@civicloop/server');
console.log(typeof elements.CocreateFeedback, typeof globalThis.document);`,
      ],
      { cwd: consumer },
    );
    assert.equal(output.trim(), 'function undefined');
  });

  test('`npx civicloop-server serve` from the installed tarball serves the CDN, the docs and the API', async () => {
    const child = spawn(process.execPath, [npmCli, 'exec', '--offline', '--', 'civicloop-server', 'serve', '--port', '0'], {
      cwd: consumer,
      // PGlite in memory even where CI sets DATABASE_URL for the other suites.
      env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: 'memory://', DATABASE_URL: '', PG_SCHEMA: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: npm exec starts the server as a child, and both must stop at the end.
      detached: true,
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          output += d;
          const m = /listening on (http:\/\/\S+)/.exec(output);
          if (m && output.includes('crossorigin')) resolve(m[1]!);
        });
        child.stderr.on('data', (d: Buffer) => (output += d));
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
      });
      const installed = join(consumer, 'node_modules/@civicloop/elements/dist/cdn');
      const manifest = JSON.parse(readFileSync(join(installed, 'integrity.json'), 'utf8')) as { version: string; files: Record<string, string> };
      // The snippet printed at start names the versioned loader and its hash.
      assert.ok(output.includes(`src="${url}/cdn/v${manifest.version}/civicloop.js" integrity="${manifest.files['civicloop.js']}"`), output);

      const loader = await fetch(`${url}/cdn/v${manifest.version}/civicloop.js`);
      assert.equal(loader.status, 200);
      const bytes = Buffer.from(await loader.arrayBuffer());
      assert.equal(`sha384-${createHash('sha384').update(bytes).digest('base64')}`, manifest.files['civicloop.js']);
      assert.deepEqual(bytes, readFileSync(join(installed, 'civicloop.js')), 'served from the installed package');

      const docs = await fetch(`${url}/docs`);
      assert.equal(docs.status, 200);
      assert.match(await docs.text(), /data-operation="createFeedback"/);
      const openapi = await fetch(`${url}/v1/openapi.json`);
      assert.equal(openapi.status, 200);
      assert.equal(((await openapi.json()) as { openapi: string }).openapi.slice(0, 2), '3.');
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });
});
