#!/usr/bin/env node
// The WordPress plugin's zip (packages/wordpress/dist/civicloop-wordpress.zip, installable through
// Plugins → Add New → Upload): the plugin's PHP and editor script as they are in the repository,
// plus what the build makes for it:
// - elements.json, each element's attributes (type, description) from the elements'
//   custom-elements.json, so the blocks, the shortcode and the kses allow-list follow the elements
//   without a change to the plugin; with the texts web editors read in the block editor: the
//   block's title (the manifest's `title`, from the elements registry), its description (the
//   `summary`), each control's label (from the attribute's name) and help (its description,
//   without what only HTML authors need);
// - languages/civicloop.pot from the PHP's __() calls and those editor texts (which the PHP
//   translates at run time), and a .mo for each .po (gettext-parser). An element or attribute
//   without a translation yet shows its English text.
import { existsSync, readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import gettextParser from 'gettext-parser';

const root = fileURLToPath(new URL('..', import.meta.url));
const plugin = join(root, 'packages/wordpress');
// Staff-only or page-wide elements get no block: the console belongs on an intranet page, and
// <civicloop-config> shows nothing (kses still lets it through, for pasted markup).
const NO_BLOCK = new Set(['cocreate-console', 'civicloop-config']);
// Attributes a block does not offer: the server's address comes from the plugin's settings.
const NOT_IN_BLOCK = new Set(['api']);

/** A control's label from an attribute's name or a value: `heading-level` → "Heading level", `follow-url` → "Follow URL". */
export function humanize(name) {
  const words = name.split('-').map((w) => (w === 'url' ? 'URL' : w === 'lang' ? 'language' : w));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A control's help from the attribute's description, for web editors rather than HTML authors:
 * without the fallback to `<civicloop-config>` (in WordPress the plugin's settings play its part),
 * without a list of values the control already offers, and without Markdown's backticks.
 */
export function editorHelp(description) {
  return description
    .replace(/;\s*falls back to `<civicloop-config[^`]*>`/g, '')
    .replace(/\s*\((?:`[^`]+`(?:,\s*)?)+\)/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .trim();
}

/** elements.json's content from the Custom Elements Manifest. */
export function pluginElements(manifest) {
  const elements = {};
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const attributes = {};
      for (const a of d.attributes ?? []) {
        const text = a.type?.text ?? '';
        const type = /\bboolean\b/.test(text) ? 'boolean' : /\bnumber\b/.test(text) ? 'number' : a.name.endsWith('-url') ? 'url' : 'string';
        const description = (a.description ?? '').replace(/\s+/g, ' ').trim();
        // An attribute whose description lists its values in backticks gets a select.
        const listed = [...description.matchAll(/`([a-z][a-z-]*)`/g)].map((m) => m[1]);
        attributes[a.name] = {
          type,
          key: a.name.replace(/-([a-z])/g, (_, ch) => ch.toUpperCase()),
          label: humanize(a.name),
          description,
          help: editorHelp(description),
          block: !NOT_IN_BLOCK.has(a.name),
          ...(type === 'string' && listed.length >= 2 ? { options: listed, optionLabels: Object.fromEntries(listed.map((v) => [v, humanize(v)])) } : {}),
        };
      }
      elements[d.tagName] = {
        // Without a title in the registry, the tag: still a name the inserter can list and find.
        title: d.title ?? d.tagName,
        summary: d.summary ?? '',
        public: !NO_BLOCK.has(d.tagName),
        attributes,
      };
    }
  }
  // By tag: the manifest's module order varies between builds, the plugin (and its zip) must not.
  return Object.fromEntries(Object.entries(elements).sort(([a], [b]) => a.localeCompare(b)));
}

/** The plugin's translatable strings: the literal first argument of __() and its kin with the 'civicloop' domain. */
export function phpStrings(files) {
  const out = new Map();
  const call = /\b(?:__|_e|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\(\s*'((?:[^'\\]|\\.)*)'\s*,\s*'civicloop'\s*\)/g;
  for (const [file, text] of files) {
    for (const m of text.matchAll(call)) {
      const id = m[1].replace(/\\(['\\])/g, '$1');
      const line = text.slice(0, m.index).split('\n').length;
      const before = text.slice(Math.max(0, text.lastIndexOf('\n', text.lastIndexOf('\n', m.index) - 1)), m.index);
      const comment = before.match(/\/\* translators: ([^*]*)\*\//)?.[1].trim();
      if (!out.has(id)) out.set(id, { refs: [], comment });
      out.get(id).refs.push(`${file}:${line}`);
    }
  }
  return out;
}

/** The texts the block editor shows (elements.json's, for public elements), as msgid → where it is used. */
export function editorStrings(elements) {
  const out = new Map();
  const add = (id, where) => {
    if (!id) return;
    if (!out.has(id)) out.set(id, []);
    out.get(id).push(where);
  };
  for (const [tag, e] of Object.entries(elements)) {
    if (!e.public) continue;
    add(e.title, `the title of the block ${tag}`);
    add(e.summary, `the description of the block ${tag}`);
    for (const [name, a] of Object.entries(e.attributes)) {
      if (!a.block) continue;
      add(a.label, `the label of ${tag}'s control ${name}`);
      add(a.help, `the help of ${tag}'s control ${name}`);
      for (const [value, label] of Object.entries(a.optionLabels ?? {})) add(label, `the option ${value} of ${tag}'s control ${name}`);
    }
  }
  return out;
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

export function pluginPhpFiles() {
  return walk(plugin)
    .filter((p) => p.endsWith('.php'))
    .map((p) => [relative(plugin, p), readFileSync(p, 'utf8')]);
}

function pot(strings, editor) {
  const translations = { '': {} };
  for (const [id, { refs, comment }] of strings) {
    translations[''][id] = { msgid: id, msgstr: [''], comments: { reference: refs.join(' '), ...(comment ? { extracted: `translators: ${comment}` } : {}) } };
  }
  for (const [id, uses] of editor) {
    translations[''][id] ??= { msgid: id, msgstr: [''], comments: { reference: 'elements.json', extracted: `translators: in the block editor, ${uses.join('; ')}.` } };
  }
  return gettextParser.po.compile({ charset: 'utf-8', headers: { 'Project-Id-Version': 'Civic Loop', 'Content-Type': 'text/plain; charset=UTF-8', 'X-Domain': 'civicloop' }, translations });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(join(root, 'packages/elements/custom-elements.json'), 'utf8'));
  const elements = pluginElements(manifest);
  const files = {};
  for (const path of walk(plugin)) {
    const rel = relative(plugin, path);
    if (rel === 'package.json' || rel.endsWith('.md')) continue;
    files[`civicloop/${rel}`] = readFileSync(path);
  }
  files['civicloop/elements.json'] = strToU8(JSON.stringify({ elements }, null, 1) + '\n');
  files['civicloop/languages/civicloop.pot'] = pot(phpStrings(pluginPhpFiles()), editorStrings(elements));
  for (const name of (existsSync(join(plugin, 'languages')) ? readdirSync(join(plugin, 'languages')) : []).filter((n) => n.endsWith('.po'))) {
    const po = gettextParser.po.parse(readFileSync(join(plugin, 'languages', name)));
    files[`civicloop/languages/${name.replace(/\.po$/, '.mo')}`] = gettextParser.mo.compile(po);
  }
  const dist = join(plugin, 'dist');
  mkdirSync(dist, { recursive: true });
  const zip = zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  writeFileSync(join(dist, 'civicloop-wordpress.zip'), zip);
  writeFileSync(join(dist, 'elements.json'), files['civicloop/elements.json']);
  console.log(`wordpress-plugin: dist/civicloop-wordpress.zip, ${Object.keys(files).length} files, ${zip.length} bytes, blocks for ${Object.entries(elements).filter(([, e]) => e.public).map(([t]) => t).join(', ')}`);
}
