#!/usr/bin/env node
// `npm run build`: the files that follow from the elements registry, locale modules from XLIFF
// (one per language and string owner),
// then every package's ESM + .d.ts (tsc -b), then the CDN bundles (rollup) and the Custom
// Elements Manifest (completed from the registry, with VS Code's custom data), in that order
// because each step reads the previous one's output.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (pkg, file) => fileURLToPath(new URL(`../node_modules/${pkg}/${file}`, import.meta.url));

const tsx = ['--import', 'tsx'];
const steps = [
  ['registry', [...tsx, 'scripts/registry.ts', 'sources']],
  ['locales', [bin('@lit/localize-tools', 'bin/lit-localize.js'), 'build', '--config', 'packages/elements/lit-localize.json']],
  // Each language's messages split by owner (the kit's, each element's own), so a page loads
  // only the strings of the elements it shows.
  ['locale parts', [...tsx, 'scripts/locale-parts.ts']],
  ['typescript', [bin('typescript', 'bin/tsc'), '-b']],
  ['cdn bundles', [bin('rollup', 'dist/bin/rollup'), '-c', '--silent']],
  ['custom-elements.json', [bin('@custom-elements-manifest/analyzer', 'cem.js'), 'analyze', '--config', 'custom-elements-manifest.config.mjs'], 'packages/elements'],
  ['manifest from the registry', [...tsx, 'scripts/registry.ts', 'manifest']],
  // React, Preact and Vue types for the tags, read from the manifest just written.
  ['framework types', ['scripts/framework-types.mjs']],
  // The SRI hashes the server prints with the snippet to paste.
  ['cdn integrity', ['scripts/cdn-integrity.mjs']],
  // Brotli and gzip copies the server sends to browsers that accept them.
  ['cdn compression', ['scripts/cdn-compress.mjs']],
  // The WordPress plugin's zip, its blocks and allow-list from custom-elements.json.
  ['wordpress plugin', ['scripts/wordpress-plugin.mjs']],
];

// Every output starts empty: a deleted element, module or locale must not survive in dist/ or
// dist/cdn/ (hashed chunk names change with their content, so old ones would pile up). tsc's
// build info goes too, or `tsc -b` would think the emptied dist/ is still up to date.
const outputs = [
  'packages/wordpress/dist',
  ...['contract', 'sdk', 'elements', 'server'].flatMap((p) => [`packages/${p}/dist`, `packages/${p}/tsconfig.tsbuildinfo`]),
  'packages/elements/src/generated',
  'packages/elements/custom-elements.json',
  'packages/elements/html-custom-data.json',
];
for (const path of outputs) rmSync(`${root}/${path}`, { recursive: true, force: true });

for (const [name, argv, cwd = '.'] of steps) {
  const started = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: `${root}/${cwd}`, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build: ${name} failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`build: ${name} (${Math.round(performance.now() - started)} ms)`);
}
