// CDN bundles of @civicloop/elements for web editors who paste a script tag (no build step).
// The npm packages need no bundling: `tsc -b` emits their ESM and type declarations, and the
// consumer's bundler tree-shakes them. This file only builds packages/elements/dist/cdn/
// from that tsc output, so it needs no TypeScript plugin.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import MagicString from 'magic-string';
import { cdnEnglish } from './scripts/cdn-english.mjs';
import { sharedChunk } from './scripts/shared-chunk.mjs';
import { earlyStrings } from './scripts/early-strings.mjs';

const dist = 'packages/elements/dist';

/** Elements for council staff (an intranet page): no public page loads them (bench/size.mjs too). */
export const STAFF_ELEMENTS = ['cocreate-console'];
/** Entries that are not one of the public elements: the page-wide configuration, which every element defines itself. */
export const HELPER_ELEMENTS = ['civicloop-config'];

/** Every element folder (`<tag>/<tag>.js`, tag with a hyphen) becomes its own entry. */
const elementEntries = Object.fromEntries(
  readdirSync(dist, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.includes('-') && existsSync(`${dist}/${d.name}/${d.name}.js`))
    .map((d) => [d.name, `${dist}/${d.name}/${d.name}.js`]),
);

/**
 * Message ids are for translators (`feedback.kind.praise`); a page needs them only as keys that
 * match between msg() calls and the locale modules. Each id becomes a short one (its index in
 * the sorted list of every id in the XLIFF files), in the elements' code and the locale modules
 * alike, so neither ships the long names.
 */
function shortMessageIds() {
  const ids = [...new Set(readdirSync('packages/elements/xliff').flatMap((f) => [...readFileSync(`packages/elements/xliff/${f}`, 'utf8').matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1])))].sort();
  const short = new Map(ids.map((id, i) => [id, i.toString(36)]));
  const literal = new RegExp(`(['"\`])(${ids.map((id) => id.replace(/[.]/g, '\\.')).join('|')})\\1`, 'g');
  return {
    name: 'short-message-ids',
    transform(code, id) {
      if (!id.includes(`/${dist}/`)) return null;
      let out = code.replace(literal, (_, q, name) => q + short.get(name) + q);
      // A locale module needs lit's `str` only to mark a template with values; written here, the
      // module imports nothing, so it never ties the element's own chunk to its exports.
      if (id.includes('/generated/locales/')) out = out.replace("import { str } from '@lit/localize';", 'const str = (strings, ...values) => ({ strTag: true, strings, values });');
      return out === code ? null : { code: out, map: null };
    },
  };
}

const isLoader = (chunk) => chunk.isEntry && chunk.name === 'civicloop';
const CLASSIC_SCRIPT_NOTICE =
  '(s=>s&&console.warn(`civicloop: ${s.src} was loaded as a classic script, which holds up the page and may not run ' +
  'in later versions. Use <script type="module" src="${s.src}"></script>`))(document.currentScript);';

/**
 * Fails the build if the loader entry gets a static import or an export: either would make it a
 * SyntaxError as a classic script, so the notice above could never run. Dynamic import() is fine.
 */
function classicLoader() {
  return {
    name: 'classic-loader',
    generateBundle(_options, bundle) {
      const loader = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'civicloop');
      if (!loader) this.error('no civicloop entry in the CDN bundle');
      if (loader.imports.length || loader.exports.length || loader.code.includes('import.meta'))
        this.error(`civicloop.js must have no static import, export or import.meta (it also runs as a classic script); it has imports [${loader.imports}] and exports [${loader.exports}]. Load shared code with import().`);
    },
  };
}

/**
 * The loader imports an element's entry, whose static imports the browser only discovers once
 * that entry has arrived: one round trip after another. The loader asks for the entry's shared
 * chunks in the same moment (each import() fetches and evaluates once per page), so the page
 * waits for one round trip, not two.
 */
function parallelChunks() {
  return {
    name: 'parallel-chunks',
    renderChunk(code, chunk, _options, meta) {
      if (!isLoader(chunk)) return null;
      const deps = (file, out = new Set()) => {
        for (const dep of meta.chunks[file]?.imports ?? []) if (!out.has(dep)) deps(dep, out.add(dep));
        return out;
      };
      const s = new MagicString(code);
      for (const m of code.matchAll(/import\((['"])\.\/([^'"]+)\1\)/g)) {
        const chunks = [...deps(m[2])];
        if (chunks.length) s.overwrite(m.index, m.index + m[0].length, `Promise.all([${[m[2], ...chunks].map((f) => `import('./${f}')`).join(', ')}]).then((m) => m[0])`);
      }
      return s.hasChanged() ? { code: s.toString(), map: s.generateMap({ hires: true }) } : null;
    },
  };
}

const strings = earlyStrings({ isLoader });

export default {
  input: {
    // The one script a page needs: defines only the elements present, imports them on demand.
    civicloop: `${dist}/civicloop.js`,
    // One entry per element, named after its tag, for pages that want exactly one element.
    ...elementEntries,
  },
  // Entries keep their exports so the loader's dynamic imports reuse them instead of copies.
  preserveEntrySignatures: 'strict',
  output: {
    dir: `${dist}/cdn`,
    format: 'es',
    entryFileNames: '[name].js',
    // Shared code (lit, the localization runtime, the SDK) lands in chunks loaded once per
    // page; each language of each string owner (the kit, each element: scripts/locale-parts.ts)
    // is its own chunk, `locales/<owner>-<locale>-<build>.js`, fetched only when an element
    // that needs those strings shows that language (by the loader, beside the element's code:
    // scripts/early-strings.mjs).
    chunkFileNames: (chunk) => strings.fileName(chunk) ?? 'chunks/[name]-[hash].js',
    // Maps are written beside each file, but no `//# sourceMappingURL=` comment goes in it: every
    // resident's browser would download the comment (0.2 KB gzip on the feedback page, 0.65 KB on
    // the five-element page: each file's hashed name, gzipped alone) for developer tools only.
    // The server names the map in a `SourceMap` header instead (packages/server/src/static.ts).
    sourcemap: 'hidden',
    // Editors paste <script src> and often drop type="module". The loader then runs as a classic
    // script (it has no import/export syntax; see classicLoader below), so it can say what to
    // change: document.currentScript is set in classic scripts and null in modules.
    // The function wrapper keeps its names out of the page's global scope as a classic script.
    banner: (chunk) => (isLoader(chunk) ? `(()=>{${CLASSIC_SCRIPT_NOTICE}` : ''),
    footer: (chunk) => (isLoader(chunk) ? '})();' : ''),
    plugins: [terser({ format: { comments: false }, compress: { passes: 2 } })],
  },
  plugins: [
    classicLoader(),
    parallelChunks(),
    strings,
    // A public element's page gets its shared code as one file, not three: a request fewer and
    // 0.6 KB gzip less. The console then also loads the feedback operations (1 KB; its page is
    // still smaller), and civicloop-config.js all of it, which the loader never imports: every
    // element defines <civicloop-config> itself.
    sharedChunk({ name: 'connection', entries: Object.keys(elementEntries).filter((tag) => !STAFF_ELEMENTS.includes(tag) && !HELPER_ELEMENTS.includes(tag)) }),
    // English out of the msg() calls, loaded like any language (before the ids are shortened).
    cdnEnglish({ dist }),
    shortMessageIds(),
    // The loader's space reservation as a stylesheet too, for the snippet's <link> (in a page's
    // body only a stylesheet holds back the first paint); generated by scripts/registry.ts.
    { name: 'reserve-css', generateBundle() { this.emitFile({ type: 'asset', fileName: 'civicloop.css', source: readFileSync('packages/elements/src/civicloop.css', 'utf8') }); } },
    // `production` selects lit's production build (no dev-mode warnings, smaller).
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    // Whitespace and comments inside html`` and css`` templates, which terser leaves alone.
    minifyTemplateLiterals(),
    // nanostores guards its dev checks with process.env.NODE_ENV, which browsers lack.
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
  ],
};
