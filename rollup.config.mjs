// CDN bundles of @civicloop/elements for web editors who paste a script tag (no build step).
// The npm packages need no bundling: `tsc -b` emits their ESM and type declarations, and the
// consumer's bundler tree-shakes them. This file only builds packages/elements/dist/cdn/
// from that tsc output, so it needs no TypeScript plugin.
import { readdirSync, existsSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

const dist = 'packages/elements/dist';

/** Every element folder (`<tag>/<tag>.js`, tag with a hyphen) becomes its own entry. */
const elementEntries = Object.fromEntries(
  readdirSync(dist, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.includes('-') && existsSync(`${dist}/${d.name}/${d.name}.js`))
    .map((d) => [d.name, `${dist}/${d.name}/${d.name}.js`]),
);

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
    // page; each locale is its own chunk, fetched only when that language is shown.
    chunkFileNames: (chunk) =>
      chunk.facadeModuleId?.includes('/generated/locales/') ? 'locales/[name]-[hash].js' : 'chunks/[name]-[hash].js',
    sourcemap: true,
    plugins: [terser({ format: { comments: false }, compress: { passes: 2 } })],
  },
  plugins: [
    // `production` selects lit's production build (no dev-mode warnings, smaller).
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    // Whitespace and comments inside html`` and css`` templates, which terser leaves alone.
    minifyTemplateLiterals(),
    // nanostores guards its dev checks with process.env.NODE_ENV, which browsers lack.
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
  ],
};
