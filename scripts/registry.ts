// Everything that follows from packages/elements/src/registry.ts, generated in one place:
//   node --import tsx scripts/registry.ts sources     civicloop.ts (loader map), index.ts, package.json exports + sideEffects
//   node --import tsx scripts/registry.ts manifest    completes custom-elements.json, writes html-custom-data.json
//   add --check to report drift (exit 1) instead of writing.
// The build runs both; registry.node.test.ts holds the committed files to the same output.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ELEMENTS, THEME_PROPERTIES, className, modulePath } from '../packages/elements/src/registry.ts';
import { getCouncil, listServices } from '../packages/contract/src/endpoints.ts';
import { PAGE_LIMIT_MAX } from '../packages/contract/src/rules.ts';
import { LOCALES } from '../packages/contract/src/locales.ts';

export const elementsDir = fileURLToPath(new URL('../packages/elements/', import.meta.url));

const GENERATED = '// Generated from src/registry.ts by scripts/registry.ts (run by `npm run build`); do not edit.';

/** Each lazy element's `reserve`, as `tag:not(:defined)` rules (narrower media after wider ones). */
function reserveRules(): string {
  return ELEMENTS.filter((e) => e.lazy)
    .flatMap(({ tag, reserve = [] }) =>
      reserve.map(({ size, media, selector = '' }) => {
        const rule = `${tag}${selector}:not(:defined){display:block;min-block-size:var(--${tag}-min-block-size,${size})}`;
        return media ? `@media ${media}{${rule}}` : rule;
      }),
    )
    .join('');
}

/**
 * The same reservation as a stylesheet (cdn/civicloop.css), for the snippet's <link>: pasted in
 * the page's body, where `blocking="render"` does nothing, a stylesheet still holds back the
 * content after it until it has loaded, so the reservation is in place at the first paint.
 */
export function reserveCss(): string {
  return `/* ${GENERATED.slice(3)} */\n${reserveRules()}\n`;
}

export function loaderSource(): string {
  const lines = ELEMENTS.filter((e) => e.lazy).map((e) => `  ['${e.tag}', () => import('./${modulePath(e.tag)}.js')],`);
  const reserve = [reserveRules()];
  return `${GENERATED}
/**
 * The one script a web editor pastes:
 *
 *   <script type="module" src="https://council.example/cdn/civicloop.js"></script>
 *
 * It defines each Civic Loop element only when its tag appears in the page (now or later,
 * e.g. a CMS tab that renders on click, and inside other components' open shadow roots) and imports that element's code on demand, so a page
 * pays only for what it shows. It imports nothing itself, to stay within the 2 KB budget.
 */
// One static import() per element: bundlers must see each path to split it into its own chunk.
// Those whose tag has not appeared yet.
const pending = new Map<string, () => Promise<unknown>>([
${lines.join('\n')}
]);

// The space each element takes once settled, reserved before its code arrives so the page below
// it does not move; editors paste nothing extra. A constructed sheet: a page's CSP without
// 'unsafe-inline' styles allows it, as it allows any CSSOM change.
const reserve = new CSSStyleSheet();
reserve.replaceSync(${JSON.stringify(reserve.join(''))});
document.adoptedStyleSheets = [...document.adoptedStyleSheets, reserve];

// The document and every open shadow root found so far: a MutationObserver on the document does
// not see into other components' shadow roots, so each one is observed on its own.
const roots: (Document | ShadowRoot)[] = [document];
const seen = new WeakSet<Node>([document]);
// Tags of other components not defined yet: their shadow roots appear, with no mutation the
// document can see, when they are defined, so the loader looks again then.
const awaited = new Set<string>();
const observer = new MutationObserver(schedule);
let queued = false;

/** One scan per frame at most, however many mutations a page makes. */
function schedule(): void {
  if (queued) return;
  queued = true;
  requestAnimationFrame(scan);
}

function scan(): void {
  queued = false;
  // The elements whose code this scan asks for: what they need first is asked for after all the
  // code, which a browser limited to 6 connections to a server (HTTP/1.1) would otherwise queue.
  const found: Element[] = [];
  // roots grows while it is walked: a shadow root found inside another is scanned in turn.
  for (const root of roots) {
    for (const [tag, load] of pending) {
      if (!root.querySelector(tag)) continue;
      pending.delete(tag);
      load().catch((error: unknown) => console.error(\`civicloop: could not load <\${tag}>\`, error));
      found.push(...root.querySelectorAll(tag));
    }
    if (pending.size === 0) break;
    for (const el of root.querySelectorAll('*')) {
      const shadow = el.shadowRoot;
      if (shadow && !seen.has(shadow)) {
        seen.add(shadow);
        roots.push(shadow);
        observer.observe(shadow, { childList: true, subtree: true });
      } else if (!shadow && el.localName.includes('-') && !awaited.has(el.localName) && !customElements.get(el.localName)) {
        awaited.add(el.localName);
        customElements.whenDefined(el.localName).then(schedule, () => {});
      }
    }
  }
  for (const el of found) fetchEarly(el);
  if (pending.size === 0) observer.disconnect();
}

// What the element's code would ask for first, asked for now, beside that code, instead of once
// it has run (a round trip later on every page):
// - Each council's settings and the first page of its services (every element with a council
//   shows them): the kit's council store (kit/stores/council.ts) takes the answers from this map
//   by URL (the same URLs: services a whole page, PAGE_LIMIT_MAX, at a time). The API is found as
//   the elements find it: their \`api\`, the page's <civicloop-config api>, else the origin that
//   served this script (found by its file name: a module has no currentScript).
// - Its strings in the language it will show (internal/config.ts resolveLocale: its \`lang\`, the
//   page config's, the nearest ancestor's, else English), the kit's and its own: the same URLs its
//   code imports, so the browser fetches each once. Only the CDN build knows their names
//   (\`STRINGS\`, filled in by rollup.config.mjs's earlyStrings); a bundler names its own, so a
//   bundled loader asks for none early.
const early: Map<string, Promise<Response | undefined>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('civicloop.councils')] ??= new Map()) as never;
const STRINGS: string = '';
const OWNERS: Record<string, string | undefined> = ${JSON.stringify(Object.fromEntries(ELEMENTS.filter((e) => e.lazy && e.strings).map((e) => [e.tag, e.strings])))};
function fetchEarly(el: Element): void {
  const page = document.querySelector('civicloop-config');
  const own = document.querySelector<HTMLScriptElement>('script[src*="civicloop.js"]')?.src;
  const attr = (name: string) => el.getAttribute(name)?.trim() || page?.getAttribute(name)?.trim();
  const lang = (attr('lang') || el.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang).trim().toLowerCase().split(/[-_]/)[0]!;
  const locale = ${JSON.stringify(LOCALES)}.includes(lang) ? lang : ${JSON.stringify(LOCALES[0])};
  const council = attr('council');
  const api = attr('api') || (own && /^https?:/.test(own) ? new URL(own).origin : undefined);
  if (council && api) {
    const base = new URL(api, document.baseURI).href.replace(/\\/+$/, '');
    for (const path of [${JSON.stringify(getCouncil.path)}, ${JSON.stringify(`${listServices.path}?limit=${PAGE_LIMIT_MAX}`)}]) {
      const url = base + path.replace('{council}', encodeURIComponent(council));
      // A failure is the SDK's to report, with its reason, when the store asks again.
      if (!early.has(url)) early.set(url, fetch(url, { headers: { accept: 'application/json' } }).catch(() => undefined));
    }
  }
  // A failure is the element's to handle (internal/localization.ts tries again).
  if (STRINGS) for (const owner of ['kit', OWNERS[el.localName]]) if (owner) import(/* webpackIgnore: true */ /* @vite-ignore */ STRINGS.replace('{owner}', owner).replace('{locale}', locale)).catch(() => {});
}

observer.observe(document, { childList: true, subtree: true });
scan();
`;
}

export function indexSource(): string {
  const lines = ELEMENTS.map((e) => `export * from './${modulePath(e.tag)}.js';`);
  return `${GENERATED}
// Importing this module defines every Civic Loop element (each element module calls \`define\`).
${lines.join('\n')}
export { CivicElement } from './internal/civic-element.js';
export { define } from './internal/define.js';
export { themeStyles } from './internal/theme.styles.js';
export type { ResolvedConfig } from './internal/config.js';
export type { Locale } from './internal/locales.js';
`;
}

type PackageJson = Record<string, unknown> & { exports: Record<string, unknown>; sideEffects: string[]; files: string[] };

export function packageJson(current: PackageJson): PackageJson {
  const exports: Record<string, unknown> = {
    '.': { source: './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
  };
  const sideEffects: string[] = [];
  for (const { tag } of ELEMENTS) {
    const m = modulePath(tag);
    exports[`./${tag}`] = { source: `./src/${m}.ts`, types: `./dist/${m}.d.ts`, default: `./dist/${m}.js` };
    sideEffects.push(`./src/${m}.ts`, `./dist/${m}.js`);
  }
  // JSX and Vue types of every tag, generated from the manifest by scripts/framework-types.mjs.
  for (const framework of ['react', 'preact', 'vue']) {
    exports[`./${framework}`] = { types: `./dist/frameworks/${framework}.d.ts`, default: `./dist/frameworks/${framework}.js` };
  }
  exports['./custom-elements.json'] = './custom-elements.json';
  exports['./html-custom-data.json'] = './html-custom-data.json';
  exports['./package.json'] = './package.json';
  // The index defines every element and the loader watches the page: both have side effects.
  sideEffects.push('./src/index.ts', './dist/index.js', './src/civicloop.ts', './dist/civicloop.js', './dist/cdn/**');
  // src/ ships too, so source maps and the `source` condition resolve in the published package.
  const files = ['dist', 'custom-elements.json', 'html-custom-data.json', 'src', '!src/**/*.test.ts'];
  return { ...current, exports, files, sideEffects };
}

// ---- custom-elements.json ---------------------------------------------------------------

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  /** From the registry's `title` (not a field of the schema, which allows others): a CMS's name for it. */
  title?: string;
  description?: string;
  attributes?: { name: string; description?: string; type?: { text: string } }[];
  cssProperties?: { name: string; default?: string; description?: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: unknown[] }[];
}

/** Published paths: the manifest points at dist/ (`.js` + `.d.ts`), what consumers import. */
function toPublished(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/^\/?src\/(.+)\.(?:ts|js)$/, 'dist/$1.js');
  if (Array.isArray(value)) return value.map(toPublished);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPublished(v)]));
  return value;
}

export function completeManifest(raw: Manifest): Manifest {
  const manifest = toPublished(raw) as Manifest;
  for (const { tag, summary, title } of ELEMENTS) {
    const path = `dist/${modulePath(tag)}.js`;
    const mod = manifest.modules.find((m) => m.path === path);
    const decl = mod?.declarations?.find((d) => d.name === className(tag));
    if (!mod || !decl) throw new Error(`custom-elements.json: no class ${className(tag)} in ${path}`);
    decl.tagName = tag;
    decl.customElement = true;
    decl.summary ??= summary;
    if (title) decl.title = title;
    if (tag !== 'civicloop-config') {
      const own = decl.cssProperties ?? [];
      decl.cssProperties = [...own.filter((p) => !THEME_PROPERTIES.some((t) => t.name === p.name)), ...THEME_PROPERTIES.map((p) => ({ ...p }))];
    }
    mod.exports = [
      ...(mod.exports ?? []).filter((e) => (e as { kind?: string }).kind !== 'custom-element-definition'),
      { kind: 'custom-element-definition', name: tag, declaration: { name: className(tag), module: path } },
    ];
  }
  return manifest;
}

/** VS Code's custom data (`html.customData`): tags and their attributes, from the manifest. */
export function htmlCustomData(manifest: Manifest) {
  const tags = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      tags.push({
        name: d.tagName,
        description: d.summary ?? d.description ?? '',
        attributes: (d.attributes ?? []).map((a) => {
          const values = a.type?.text.match(/^(?:'[^']+'(?:\s*\|\s*)?)+$/) ? a.type.text.split('|').map((v) => ({ name: v.trim().slice(1, -1) })) : undefined;
          return { name: a.name, description: a.description ?? '', ...(values ? { values } : {}), ...(a.type?.text === 'boolean' ? { valueSet: 'v' } : {}) };
        }),
      });
    }
  }
  return { $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json', version: 1.1, tags };
}

// ---- CLI --------------------------------------------------------------------------------

function sync(path: string, content: string, check: boolean): boolean {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === content) return true;
  if (check) {
    console.error(`registry: ${path} is not what src/registry.ts gives; run node --import tsx scripts/registry.ts`);
    return false;
  }
  writeFileSync(path, content);
  console.log(`registry: wrote ${path}`);
  return true;
}

export function expectedSources(): [string, string][] {
  const pkgPath = `${elementsDir}package.json`;
  return [
    [`${elementsDir}src/civicloop.ts`, loaderSource()],
    [`${elementsDir}src/civicloop.css`, reserveCss()],
    [`${elementsDir}src/index.ts`, indexSource()],
    [pkgPath, JSON.stringify(packageJson(JSON.parse(readFileSync(pkgPath, 'utf8')) as PackageJson), null, 2) + '\n'],
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  let ok = true;
  if (process.argv.includes('sources')) for (const [path, content] of expectedSources()) ok = sync(path, content, check) && ok;
  if (process.argv.includes('manifest')) {
    const path = `${elementsDir}custom-elements.json`;
    const manifest = completeManifest(JSON.parse(readFileSync(path, 'utf8')) as Manifest);
    writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
    writeFileSync(`${elementsDir}html-custom-data.json`, JSON.stringify(htmlCustomData(manifest), null, 2) + '\n');
    console.log('registry: completed custom-elements.json, wrote html-custom-data.json');
  }
  if (!ok) process.exit(1);
}
