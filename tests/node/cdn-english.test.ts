// scripts/cdn-english.mjs, the CDN build's plugin that takes English out of the msg() calls: on
// modules as tsc writes them. (tests/node/cdn-locales.test.ts proves the built pages in Chromium.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAst } from 'rollup/parseAst';
import { cdnEnglish } from '../../scripts/cdn-english.mjs';

const dist = 'packages/elements/dist';
const plugin = cdnEnglish({ dist });
const transform = (code: string, path: string): string | null => {
  const context = { parse: (c: string) => parseAst(c), error: (message: string): never => { throw new Error(message); } };
  const out = (plugin.transform as (this: typeof context, code: string, id: string) => { code: string } | null).call(context, code, `/repo/${dist}/${path}`);
  return out && out.code;
};
const imports = "import { msg, str } from '@lit/localize';\n";

test('a message keeps its id and its values, not its English text', () => {
  const out = transform(
    `${imports}export const label = () => msg('Your message', { id: 'feedback.text.label' });\nexport const limit = (n) => msg(str \`You can enter up to \${n} characters.\`, { id: 'feedback.text.limit' });\n`,
    'cocreate-feedback/strings.js',
  );
  assert.ok(out);
  assert.doesNotMatch(out, /Your message|You can enter/);
  assert.match(out, /msg\('', \{ id: 'feedback\.text\.label' \}\)/);
  assert.match(out, /msg\(str `\$\{n\}`, \{ id: 'feedback\.text\.limit' \}\)/);
});

test('each owner\'s loaders gain English', () => {
  const out = transform("export const messages = {\n    pl: () => import('./kit/pl.js'),\n};\n", 'generated/locales/kit.js');
  assert.match(out ?? '', /en: \(\) => import\('\.\/kit\/en\.js'\),/);
});

test('a msg() run on import, or without a literal id, fails the build', () => {
  assert.throws(() => transform(`${imports}export const title = msg('Hello', { id: 'feedback.hello' });\n`, 'x/y.js'), /feedback\.hello runs when .* is imported/);
  assert.throws(() => transform(`${imports}export const f = (id) => msg('Hello', { id });\n`, 'x/y.js'), /without a literal id/);
});

test('a msg() run as an element is created (a field\'s initial value, the constructor) fails the build; in a function there, it does not', () => {
  assert.throws(() => transform(`${imports}export class X { #label = msg('Hello', { id: 'feedback.hello' }); }\n`, 'x/y.js'), /feedback\.hello runs when an element of .* is created/);
  assert.throws(() => transform(`${imports}export class X { constructor() { this.label = msg('Hello', { id: 'feedback.hello' }); } }\n`, 'x/y.js'), /feedback\.hello runs when an element of .* is created/);
  assert.ok(transform(`${imports}export class X { #say = () => msg('Hello', { id: 'feedback.hello' }); constructor() { this.tell = (n) => msg('Hi', { id: 'feedback.hi' }); } static label = () => msg('Yo', { id: 'feedback.yo' }); }\n`, 'x/y.js'));
});

test('modules outside the elements\' tsc output are left alone', () => {
  assert.equal(plugin.transform.call({} as never, `${imports}msg('Hi', { id: 'kit.hi' });`, '/repo/node_modules/x.js'), null);
});
