#!/usr/bin/env node
// Subresource Integrity hashes of the CDN entry files (the scripts a page names in <script src>),
// written beside them as dist/cdn/integrity.json. The server prints the snippet from it, so the
// hash an editor pastes is the hash of the bytes the server sends.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../packages/elements/', import.meta.url));
const cdn = `${pkg}dist/cdn`;
const { version } = JSON.parse(readFileSync(`${pkg}package.json`, 'utf8'));
const files = {};
for (const name of readdirSync(cdn).filter((n) => n.endsWith('.js')).sort()) {
  files[name] = `sha384-${createHash('sha384').update(readFileSync(`${cdn}/${name}`)).digest('base64')}`;
}
if (!files['civicloop.js']) throw new Error('cdn-integrity: dist/cdn/civicloop.js is missing');
writeFileSync(`${cdn}/integrity.json`, JSON.stringify({ version, files }, null, 2) + '\n');
console.log(`cdn-integrity: civicloop.js ${files['civicloop.js']}`);
