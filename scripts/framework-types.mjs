#!/usr/bin/env node
// JSX and Vue types for @civicloop/elements' tags, generated from custom-elements.json so a new
// element or attribute reaches React, Preact and Vue users without a hand-written list.
// Writes packages/elements/dist/frameworks/{react,preact,vue}.{d.ts,js}; the .js files are empty
// modules so `import '@civicloop/elements/react'` also resolves at run time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../packages/elements/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${pkg}custom-elements.json`, 'utf8'));
const pascal = (tag) => tag.replace(/(^|-)([a-z])/g, (_, _d, c) => c.toUpperCase());

/** One entry per element: the tag is the folder and file stem (house style) unless the manifest names it. */
const elements = [];
for (const mod of manifest.modules) {
  // The analyzer writes src/<tag>/<tag>.ts; a manifest rewritten to published paths has dist/…/….js.
  const m = /^(?:src|dist)\/([a-z][a-z0-9]*-[a-z0-9-]+)\/\1\.[jt]s$/.exec(mod.path);
  for (const d of mod.declarations ?? []) {
    if (d.kind !== 'class') continue;
    const tag = d.tagName ?? (m && pascal(m[1]) === d.name ? m[1] : undefined);
    if (!tag) continue;
    const attrs = (d.attributes ?? []).map((a) => ({
      name: a.name,
      type: /^boolean\b/.test(a.type?.text ?? '') ? 'boolean' : a.type?.text?.includes('number') ? 'number | string' : 'string',
      doc: a.description,
    }));
    elements.push({ tag, className: d.name, module: `../${mod.path.replace(/^(?:src|dist)\//, '').replace(/\.ts$/, '.js')}`, summary: d.summary ?? d.description, attrs });
  }
}
if (!elements.length) throw new Error('framework-types: no element found in custom-elements.json');
elements.sort((a, b) => a.tag.localeCompare(b.tag));

const header = '// Generated from custom-elements.json by scripts/framework-types.mjs. Do not edit.\n';
const imports = elements.map((e) => `import type { ${e.className} } from '${e.module}';`).join('\n');
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ')} */\n` : '');
const props = (e, indent) =>
  `{\n${e.attrs.map((a) => `${doc(a.doc, indent + '  ')}${indent}  '${a.name}'?: ${a.type};`).join('\n')}\n${indent}}`;
const entries = (indent, type) => elements.map((e) => `${doc(e.summary, indent)}${indent}'${e.tag}': ${type(e)} & ${props(e, indent)};`).join('\n');

const files = {
  react: `${header}import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${imports}

// React 19 reads intrinsic elements from React.JSX (the classic and automatic runtimes alike).
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries('      ', (e) => `DetailedHTMLProps<HTMLAttributes<${e.className}>, ${e.className}>`)}
    }
  }
}
`,
  preact: `${header}import type { JSX } from 'preact';
${imports}

// Preact re-exports its JSXInternal namespace as JSX; augmenting it through 'preact' reaches both
// the classic and the automatic (jsxImportSource) runtimes.
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
${entries('      ', (e) => `JSX.HTMLAttributes<${e.className}>`)}
    }
  }
}
`,
  vue: `${header}import type { DefineComponent } from 'vue';

declare module 'vue' {
  interface GlobalComponents {
${elements.map((e) => `${doc(e.summary, '    ')}    '${e.tag}': DefineComponent<${props(e, '    ')}>;`).join('\n')}
  }
}
`,
};

mkdirSync(`${pkg}dist/frameworks`, { recursive: true });
for (const [name, dts] of Object.entries(files)) {
  writeFileSync(`${pkg}dist/frameworks/${name}.d.ts`, `${dts}\nexport {};\n`);
  writeFileSync(`${pkg}dist/frameworks/${name}.js`, `${header}export {};\n`);
}
console.log(`framework-types: ${elements.map((e) => e.tag).join(', ')} → dist/frameworks/{${Object.keys(files)}}.d.ts`);
