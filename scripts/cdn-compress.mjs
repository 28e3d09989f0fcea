#!/usr/bin/env node
// Brotli and gzip copies of the CDN files (x.js.br, x.js.gz beside x.js), made once here at the
// highest levels so the server sends them as they are, with no compression on the request path.
// Integrity hashes (cdn-integrity.mjs) stay those of the decoded bytes, which is what SRI checks.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const cdn = fileURLToPath(new URL('../packages/elements/dist/cdn/', import.meta.url));
// Below this a compressed copy saves less than the header and a packet it might cost.
const MIN_BYTES = 1024;
const COMPRESSIBLE = /\.(js|mjs|css|map|json|svg|txt|html)$/;

let files = 0;
let plain = 0;
let br = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (COMPRESSIBLE.test(name)) {
      const bytes = readFileSync(path);
      if (bytes.length < MIN_BYTES) continue;
      const brotli = brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      });
      const gzip = gzipSync(bytes, { level: 9 });
      // Only a copy that is smaller is worth sending.
      if (brotli.length < bytes.length) writeFileSync(`${path}.br`, brotli);
      if (gzip.length < bytes.length) writeFileSync(`${path}.gz`, gzip);
      files++;
      plain += bytes.length;
      br += Math.min(brotli.length, bytes.length);
    }
  }
}
walk(cdn);
console.log(`cdn-compress: ${files} files, ${plain} bytes -> ${br} bytes brotli`);
