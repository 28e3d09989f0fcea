#!/usr/bin/env node
// Subresource Integrity hashes of the CDN entry files (the scripts a page names in <script src>,
// and the stylesheet of the snippet's <link>),
// written beside them as dist/cdn/integrity.json. The server prints the snippet from it, so the
// hash an editor pastes is the hash of the bytes the server sends.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../packages/elements/', import.meta.url));
const cdn = `${pkg}dist/cdn`;
const { version } = JSON.parse(readFileSync(`${pkg}package.json`, 'utf8'));
const files = {};
for (const name of readdirSync(cdn).filter((n) => n.endsWith('.js') || n.endsWith('.css')).sort()) {
  files[name] = `sha384-${createHash('sha384').update(readFileSync(`${cdn}/${name}`)).digest('base64')}`;
}
for (const entry of ['civicloop.js', 'civicloop.css']) if (!files[entry]) throw new Error(`cdn-integrity: dist/cdn/${entry} is missing`);
writeFileSync(`${cdn}/integrity.json`, JSON.stringify({ version, files }, null, 2) + '\n');
console.log(`cdn-integrity: civicloop.js ${files['civicloop.js']}`);
