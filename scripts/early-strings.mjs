// Rollup plugin of the CDN build (rollup.config.mjs): the loader asks for an element's strings
// beside its code. Without it an element imports its strings only once its code has run, one
// round trip after that code arrived, and shows nothing meanwhile.
//
// The loader can only ask for a file whose name it knows. Each locale module used to carry a hash
// of its own content, 40 names no loader could know without a table of them (0.41 KB gzip more on
// every page, measured). Here every locale module of a build carries ONE hash, of all their
// contents together: `locales/<owner>-<locale>-<BUILD>.js`. A file's bytes still never change under
// its name (any change to any locale module gives a new BUILD), so the server keeps them immutable
// (packages/server/src/static.ts), and the loader needs only BUILD, written into its `STRINGS`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import MagicString from 'magic-string';

/** A locale module (`generated/locales/<owner>/<locale>.js`): its owner and locale. */
const LOCALE_MODULE = /\/generated\/locales\/([a-z]+)\/([a-z]{2})\.js$/;
/** Where the build goes in the loader's `STRINGS`, until it is known. */
const MARK = '@BUILD@';
const version = (pkg) => JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')).version;

export function earlyStrings({ isLoader }) {
  let build;
  return {
    name: 'early-strings',
    // Every module is transformed by now (ids shortened, English taken out of the code): BUILD is
    // the hash of what each locale module became, and of the tools that write it out.
    buildEnd() {
      const hash = createHash('sha256').update(`rollup ${version('rollup')} terser ${version('terser')}\0`);
      const modules = [...this.getModuleIds()].map((id) => [id.match(LOCALE_MODULE)?.slice(1).join('-'), id]).filter(([name]) => name);
      for (const [name, id] of modules.sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${name}\0${this.getModuleInfo(id).code}\0`);
      build = hash.digest('base64url').slice(0, 8);
    },
    /** The file name of a locale module's chunk (chunkFileNames), or undefined for other chunks. */
    fileName(chunk) {
      const [, owner, locale] = chunk.facadeModuleId?.match(LOCALE_MODULE) ?? [];
      if (!owner) return undefined;
      if (!build) throw new Error('early-strings: a locale chunk was named before the build ended');
      return `locales/${owner}-${locale}-${build}.js`;
    },
    // The loader's `STRINGS` (scripts/registry.ts), empty in its source, names its locale files
    // here: a mark now (the build is known only once every module is transformed), the build at render.
    transform(code, id) {
      if (!id.endsWith('/dist/civicloop.js')) return null;
      const at = code.indexOf("const STRINGS = '';");
      if (at < 0) this.error("early-strings: no `const STRINGS = '';` in the loader");
      const s = new MagicString(code).overwrite(at, at + "const STRINGS = '';".length, `const STRINGS = './locales/{owner}-{locale}-${MARK}.js';`);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
    renderChunk(code, chunk) {
      if (!isLoader(chunk)) return null;
      const at = code.indexOf(MARK);
      if (at < 0 || code.indexOf(MARK, at + 1) >= 0) this.error(`early-strings: the loader should hold ${MARK} once`);
      const s = new MagicString(code).overwrite(at, at + MARK.length, build);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
