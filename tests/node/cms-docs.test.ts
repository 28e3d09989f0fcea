// The CMS recipes (docs/cms) give editors lists of tags and attributes to allow through a CMS's
// HTML filter. A list that misses an attribute strips it from every page silently, so each list
// is held to the Custom Elements Manifest: every public element and <civicloop-config>, each with
// all its attributes, and nothing else (the console is for an intranet page, not an editor's text).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface Declaration { tagName?: string; attributes?: { name: string }[] }
const manifest = JSON.parse(read('packages/elements/custom-elements.json')) as { modules: { declarations?: Declaration[] }[] };
const expected = Object.fromEntries(
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName && d.tagName !== 'cocreate-console')
    .map((d) => [d.tagName!, (d.attributes ?? []).map((a) => a.name).sort()]),
);

const sorted = (entries: [string, string[]][]) => Object.fromEntries(entries.map(([tag, attrs]) => [tag, [...attrs].sort()]));

test('the manifest has the public elements the recipes must list', () => {
  assert.deepEqual(Object.keys(expected).sort(), ['civicloop-config', 'cocreate-feedback', 'contact-bank-signup', 'you-said-we-did']);
});

test("Drupal's CKEditor 5 list (<tag attr …>) allows every public element and attribute", () => {
  const line = read('docs/cms/drupal.md').split('\n').find((l) => l.includes('<cocreate-feedback '))!;
  const list = [...line.matchAll(/<([a-z-]+)((?: [a-z-]+)*)>/g)].map((m): [string, string[]] => [m[1]!, m[2]!.trim().split(' ')]);
  assert.deepEqual(sorted(list), expected);
});

for (const doc of ['optimizely', 'umbraco']) {
  test(`${doc}: TinyMCE's extended_valid_elements (tag[a|b]) allows every public element and attribute`, () => {
    const line = read(`docs/cms/${doc}.md`).split('\n').find((l) => l.includes('cocreate-feedback['))!;
    const list = [...line.matchAll(/([a-z-]+)\[([a-z|-]+)\]/g)].map((m): [string, string[]] => [m[1]!, m[2]!.split('|')]);
    assert.deepEqual(sorted(list), expected);
  });
}
