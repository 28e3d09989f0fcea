#!/usr/bin/env node
// What the CDN bundles cost a page: min, gzip and brotli bytes of every file, and per element
// the loader + its entry + every chunk it statically pulls in + the locale chunks it fetches in one
// language (the kit's strings and its own; the largest language, to be conservative). Needs `npm run build` first (it reads the tsc output the CDN is built from).
//   node bench/size.mjs [--check] [--by-file] [--dump=PATH]
//     --check    exits 1 when a budget is exceeded
//     --by-file  also splits each package's bytes by source file (to find what to shrink)
//     --dump=P   prints the minified code mapped to sources whose path contains P
// Per element it also prints where the minified bytes come from (by package, from the source
// maps), so a budget miss points at its cause.
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { rollup } from 'rollup';
import config, { HELPER_ELEMENTS, STAFF_ELEMENTS } from '../rollup.config.mjs';

// Budgets from issue 6: the loader alone; loader + element + shared chunks + one language's strings; and a
// page with all five public elements (estimated from <cocreate-feedback> until the others exist).
const BUDGET = { loaderGzip: 2 * 1024, elementGzip: 25 * 1024, fiveElementsGzip: 50 * 1024 };
const FIVE = 5;
const byFile = process.argv.includes('--by-file');
const dump = process.argv.find((a) => a.startsWith('--dump='))?.slice('--dump='.length);
const dumped = new Map();
// The libraries the design prescribes (issue 6): no element code can go below what they cost.
const FLOOR = ['lit-html', '@lit/reactive-element', 'lit-element', 'ky', '@lit/localize', 'nanostores', 'idb-keyval'];

const bundle = await rollup({ ...config, onwarn: () => {} });
const { output } = await bundle.generate(config.output);
const cdnDir = resolve(config.output.dir);
const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));

const sizes = (code) => ({
  min: Buffer.byteLength(code),
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const kb = (n) => (n / 1024).toFixed(2).padStart(7) + ' KB';
const row = (name, s) => console.log(`${name.padEnd(44)} ${kb(s.min)} ${kb(s.gzip)} ${kb(s.brotli)}`);
const header = (title) => console.log(`\n${title.padEnd(44)} ${'min'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);

header('file');
for (const c of chunks.values()) row(c.fileName, sizes(c.code));

function closure(fileName, seen = new Set()) {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  for (const dep of chunks.get(fileName)?.imports ?? []) closure(dep, seen);
  return seen;
}

/**
 * The locale chunks a page of `files` fetches to show one language: those its code imports
 * dynamically (the kit's strings and each element's own, scripts/locale-parts.ts), for the
 * language whose chunks weigh most in gzip. Returns that language and its chunks' file names.
 */
function pageLocale(files) {
  const byLocale = new Map();
  for (const f of files)
    for (const dep of chunks.get(f)?.dynamicImports ?? [])
      if (dep.startsWith('locales/')) byLocale.set(chunks.get(dep).name, new Set([...(byLocale.get(chunks.get(dep).name) ?? []), dep]));
  const weight = (deps) => [...deps].reduce((a, d) => a + sizes(chunks.get(d).code).gzip, 0);
  const [name, deps] = [...byLocale].sort((a, b) => weight(b[1]) - weight(a[1]))[0] ?? [undefined, new Set()];
  return { name, files: [...deps] };
}
/** The kit's locale chunks are shared by every element; the rest are one element's own. */
const isKitLocale = (fileName) => fileName.startsWith('locales/kit-');
const loader = sizes(chunks.get('civicloop.js').code);
let over = loader.gzip > BUDGET.loaderGzip;
let staffHeader = false;

/** Elements for council staff (an intranet page), listed on their own and held to no public page budget. */
const STAFF = new Set(STAFF_ELEMENTS);
/** Entries that are not one of the five public elements (the page-wide configuration element). */
const HELPERS = new Set(HELPER_ELEMENTS);

header('what a page pays');
row(`loader civicloop.js (budget ${BUDGET.loaderGzip / 1024} KB gzip)`, loader);
for (const c of [...chunks.values()].sort((a, b) => Number(STAFF.has(a.name)) - Number(STAFF.has(b.name)))) {
  if (!c.isEntry || c.fileName === 'civicloop.js') continue;
  if (STAFF.has(c.name) && !staffHeader) {
    staffHeader = true;
    header('what a staff page pays (the console: no public page loads any of it)');
  }
  const files = new Set([...closure('civicloop.js'), ...closure(c.fileName)]);
  const largestLocale = pageLocale(files);
  for (const f of largestLocale.files) files.add(f);
  // Compressed separately, as the browser fetches them: the sum of per-file sizes.
  const total = [...files].map((f) => sizes(chunks.get(f).code)).reduce((a, s) => ({ min: a.min + s.min, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { min: 0, gzip: 0, brotli: 0 });
  row(`<${c.name}> + loader + chunks + ${largestLocale.name ?? 'no'} locale`, total);
  console.log(`  files: ${[...files].join(', ')}`);
  if (!STAFF.has(c.name)) {
    const verdict = total.gzip <= BUDGET.elementGzip ? 'within' : 'OVER';
    console.log(`  budget ${BUDGET.elementGzip / 1024} KB gzip: ${verdict} (${(total.gzip / 1024).toFixed(2)} KB)`);
    if (total.gzip > BUDGET.elementGzip) over = true;
  } else {
    // What only the staff page loads: none of these files is on a public element's page.
    const publicFiles = new Set([...chunks.values()].filter((p) => p.isEntry && !STAFF.has(p.name)).flatMap((p) => [...closure('civicloop.js'), ...closure(p.fileName)]));
    const own = [...files].filter((f) => !publicFiles.has(f) && !f.startsWith('locales/'));
    console.log(`  its own files (on no public page): ${own.join(', ')}, ${(own.reduce((a, f) => a + sizes(chunks.get(f).code).gzip, 0) / 1024).toFixed(2)} KB gzip`);
  }
  const origins = printOrigins([...files].filter((f) => !f.startsWith('locales/')));
  if (c.name === 'cocreate-feedback') {
    // Four more elements like this one: each adds its own code and its own strings (measured as
    // this element's own gzip and its own locale chunk's); the shared chunks and the kit's
    // strings are paid once.
    const locale = largestLocale.files.reduce((a, f) => a + sizes(chunks.get(f).code).gzip, 0);
    // The floor: the prescribed libraries' bytes of this page, gzipped alone per package and
    // together (as they ship, in one chunk), plus the locale.
    const floor = origins.filter(([name]) => FLOOR.includes(name));
    const alone = floor.reduce((a, [, , gzip]) => a + gzip, 0);
    const together = gzipSync(floor.map(([, , , code]) => code).join(''), { level: 9 }).length;
    console.log(`  floor of the prescribed libraries (${floor.map(([name, , gzip]) => `${name} ${(gzip / 1024).toFixed(2)}`).join(', ')}) + ${largestLocale.name} locale ${kb(locale).trim()}:`);
    console.log(`    ${((alone + locale) / 1024).toFixed(2)} KB gzip summing each package alone, ${((together + locale) / 1024).toFixed(2)} KB gzipped together; leaves ${((BUDGET.elementGzip - together - locale) / 1024).toFixed(2)} KB of the ${BUDGET.elementGzip / 1024} KB budget for the loader, contract, SDK and elements code (now ${((total.gzip - together - locale) / 1024).toFixed(2)} KB)`);
  }
}
/**
 * A page with every public element: those built so far measured together (each shared chunk
 * once, one language: the heaviest), and each of the five not yet built counted at the average
 * of what one built element adds on its own (the files only it loads, and its own strings).
 */
function fivePublicElements() {
  const built = [...chunks.values()].filter((c) => c.isEntry && c.fileName !== 'civicloop.js' && !STAFF.has(c.name) && !HELPERS.has(c.name));
  const closures = new Map(built.map((c) => [c.name, closure(c.fileName)]));
  const files = new Set([...closure('civicloop.js'), ...[...closures.values()].flatMap((s) => [...s])]);
  const language = pageLocale(files);
  for (const f of language.files) files.add(f);
  const gz = (list) => list.reduce((a, f) => a + sizes(chunks.get(f).code).gzip, 0);
  const measured = gz([...files]);
  // What each element alone adds: its files no other element loads, and its own strings in that language.
  const own = built.map((c) => {
    const others = new Set(built.filter((o) => o !== c).flatMap((o) => [...closures.get(o.name)]));
    const alone = [...closures.get(c.name)].filter((f) => !others.has(f) && !closure('civicloop.js').has(f));
    const strings = language.files.filter((f) => !isKitLocale(f) && (chunks.get(c.fileName).dynamicImports.includes(f) || alone.some((a) => chunks.get(a).dynamicImports.includes(f))));
    return [c.name, gz(alone) + gz(strings)];
  });
  const average = own.reduce((a, [, n]) => a + n, 0) / own.length;
  const missing = Math.max(0, FIVE - built.length);
  const five = measured + missing * average;
  console.log(`\na page with every public element (${FIVE})`);
  console.log(`  built: ${built.map((c) => `<${c.name}>`).join(', ')}, measured together with the loader and the ${language.name} locale: ${(measured / 1024).toFixed(2)} KB gzip`);
  console.log(`  what each adds alone: ${own.map(([name, n]) => `<${name}> ${(n / 1024).toFixed(2)} KB`).join(', ')}; average ${(average / 1024).toFixed(2)} KB`);
  const verdict = five <= BUDGET.fiveElementsGzip ? 'within' : 'OVER';
  console.log(`  five-element page (${built.length} measured + ${missing} not yet built at the average): ${(five / 1024).toFixed(2)} KB gzip, budget ${BUDGET.fiveElementsGzip / 1024} KB: ${verdict}`);
  return five > BUDGET.fiveElementsGzip;
}

/** Groups each minified character of `files` by the package (or workspace folder) it came from. */
function printOrigins(files) {
  const groups = new Map();
  const fileGroups = new Map();
  for (const file of files) {
    const chunk = chunks.get(file);
    if (!chunk.map) continue;
    const map = new TraceMap(chunk.map);
    chunk.code.split('\n').forEach((line, index) => {
      let group = 'unmapped';
      let fileGroup = 'unmapped';
      for (let column = 0; column < line.length; column++) {
        const { source } = originalPositionFor(map, { line: index + 1, column });
        if (source) {
          const path = resolve(cdnDir, file, '..', source);
          group = originOf(path);
          if (byFile) fileGroup = path.split(/node_modules\/|packages\//).pop();
          if (dump && path.includes(dump)) dumped.set(path, (dumped.get(path) ?? '') + line[column]);
        }
        groups.set(group, (groups.get(group) ?? '') + line[column]);
        if (byFile) fileGroups.set(fileGroup, (fileGroups.get(fileGroup) ?? '') + line[column]);
      }
    });
  }
  const rows = [...groups].map(([name, code]) => [name, code.length, gzipSync(code, { level: 9 }).length, code]).sort((a, b) => b[1] - a[1]);
  console.log(`  where the bytes come from (min, and gzip of that part alone):`);
  for (const [name, min, gzip] of rows) console.log(`    ${name.padEnd(40)} ${kb(min)} ${kb(gzip)}`);
  if (byFile) {
    console.log(`  the same by source file:`);
    const fileRows = [...fileGroups].map(([name, code]) => [name, code.length, gzipSync(code, { level: 9 }).length]).sort((a, b) => b[1] - a[1]);
    for (const [name, min, gzip] of fileRows) console.log(`    ${name.padEnd(60)} ${kb(min)} ${kb(gzip)}`);
  }
  for (const [path, code] of dumped) console.log(`\n--- ${path} (${code.length} min chars)\n${code}\n`);
  dumped.clear();
  return rows;
}

/** `lit-html`, `@lit/localize`, or a workspace package with its top folder (`@civicloop/elements stores`); `source` is absolute. */
function originOf(source) {
  const inModules = source.split('node_modules/').pop();
  if (inModules !== source) return inModules.split('/').slice(0, inModules.startsWith('@') ? 2 : 1).join('/');
  const workspace = source.match(/packages\/([^/]+)\/(?:dist|src)\/(.+)$/);
  if (!workspace) return source;
  const [, pkg, rest] = workspace;
  return pkg === 'elements' && rest.includes('/') ? `@civicloop/elements ${rest.split('/')[0]}` : `@civicloop/${pkg}`;
}

if (fivePublicElements()) over = true;

console.log(`\nloader budget ${BUDGET.loaderGzip / 1024} KB gzip: ${loader.gzip <= BUDGET.loaderGzip ? 'within' : 'OVER'} (${(loader.gzip / 1024).toFixed(2)} KB)`);
if (over && process.argv.includes('--check')) process.exit(1);
