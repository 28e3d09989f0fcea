// The registry is the one list of elements: the loader, index.ts, package.json, the element
// modules' tag declarations and the shipped manifests must all say the same thing.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { KIT_OWNER, ownerOf } from '../../../scripts/locale-parts.ts';
import { elementsDir, expectedSources } from '../../../scripts/registry.ts';
import { ELEMENTS, className, modulePath } from './registry.ts';
import { EMBEDDABLE } from './stores/console-embed.ts';

const read = (path: string) => readFileSync(`${elementsDir}${path}`, 'utf8');

describe('elements registry', () => {
  test('civicloop.ts, index.ts and package.json are what the registry generates', () => {
    for (const [path, content] of expectedSources()) assert.equal(readFileSync(path, 'utf8'), content, `${path} drifted from src/registry.ts`);
  });

  test('every element folder is registered, and every entry defines its tag with its class', () => {
    const folders = readdirSync(`${elementsDir}src`, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name.includes('-') && existsSync(`${elementsDir}src/${d.name}/${d.name}.ts`))
      .map((d) => d.name)
      .sort();
    assert.deepEqual(ELEMENTS.map((e) => e.tag).sort(), folders);
    for (const { tag } of ELEMENTS) {
      const source = read(`src/${modulePath(tag)}.ts`);
      const cls = className(tag);
      assert.match(source, new RegExp(`export class ${cls} extends`), `${tag}: class ${cls}`);
      assert.match(source, new RegExp(`define\\((?:'${tag}'|[A-Z_]+), ${cls}\\)`), `${tag}: define(tag, ${cls})`);
      assert.match(source, new RegExp(`interface HTMLElementTagNameMap \\{[^}]*'${tag}': ${cls};`), `${tag}: HTMLElementTagNameMap`);
    }
  });

  // A page loads the kit's messages and those of the elements it shows (scripts/locale-parts.ts
  // splits them by id prefix): an element using another's id, or kit code using an element's,
  // would show that message in English wherever the other element is absent.
  test('each element uses only its own message ids and the kit\'s; the kit and internal code only the kit\'s', () => {
    const ids = new Set([...read('xliff/de.xlf').matchAll(/<trans-unit id="([^"]+)"/g)].map((m) => m[1]!));
    const literal = /(['"`])([a-z]+(?:\.[a-zA-Z0-9]+)+)\1/g;
    const prefixes = ELEMENTS.flatMap((e) => (e.strings ? [e.strings] : []));
    assert.equal(new Set(prefixes).size, prefixes.length, 'two elements share a strings prefix');
    assert.ok(!prefixes.includes(KIT_OWNER), `no element may own the kit's prefix ${KIT_OWNER}`);
    const wrong: string[] = [];
    let seen = 0;
    for (const file of readdirSync(`${elementsDir}src`, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.startsWith('generated/') || file.startsWith('kit/testing/') || file === 'registry.ts') continue;
      const folder = file.split('/')[0]!;
      const allowed = [KIT_OWNER, ...ELEMENTS.filter((e) => e.tag === folder && e.strings).map((e) => e.strings!)];
      for (const [, , id] of read(`src/${file}`).matchAll(literal)) {
        if (!ids.has(id!)) continue;
        seen++;
        if (!allowed.includes(ownerOf(id!))) wrong.push(`${file}: ${id}`);
      }
    }
    assert.ok(seen >= ids.size, `found ${seen} uses of ${ids.size} message ids: is the scan right?`);
    assert.deepEqual(wrong, []);
  });

  const built = existsSync(`${elementsDir}custom-elements.json`) && existsSync(`${elementsDir}dist`);
  test('custom-elements.json names each tag at a path the package ships; html-custom-data.json follows', { skip: !built && 'run npm run build first' }, () => {
    const manifest = JSON.parse(read('custom-elements.json')) as { modules: { path: string; declarations?: { name: string; tagName?: string; customElement?: boolean; cssProperties?: { name: string }[] }[] }[] };
    const pkg = JSON.parse(read('package.json')) as { files: string[] };
    for (const mod of manifest.modules) {
      assert.ok(existsSync(`${elementsDir}${mod.path}`), `${mod.path} is not in the package`);
      assert.ok(pkg.files.some((f) => mod.path === f || mod.path.startsWith(`${f}/`)), `${mod.path} is outside package.json files`);
    }
    for (const { tag } of ELEMENTS) {
      const decl = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
      assert.ok(decl, `no declaration with tagName ${tag}`);
      assert.equal(decl.customElement, true);
      assert.equal(decl.name, className(tag));
      if (tag !== 'civicloop-config') assert.ok(decl.cssProperties?.some((p) => p.name === '--cocreate-accent'), `${tag}: theme properties`);
    }
    const data = JSON.parse(read('html-custom-data.json')) as { version: number; tags: { name: string; attributes: { name: string }[] }[] };
    assert.equal(data.version, 1.1);
    assert.deepEqual(data.tags.map((t) => t.name).sort(), ELEMENTS.map((e) => e.tag).sort());
    const feedback = data.tags.find((t) => t.name === 'cocreate-feedback')!;
    for (const attr of ['api', 'council', 'service', 'lang', 'compact', 'heading-level']) assert.ok(feedback.attributes.some((a) => a.name === attr), `cocreate-feedback: ${attr}`);
    assert.ok(pkg.files.includes('html-custom-data.json'));
  });

  // The console's embed builder offers these: a public element it misses, or an attribute the
  // element does not have, would give web editors a snippet that does nothing.
  test("the embed builder offers every public element, and only attributes each declares", () => {
    const manifest = JSON.parse(read('custom-elements.json')) as { modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[] };
    const publicTags = ELEMENTS.filter((e) => e.lazy && e.tag !== 'cocreate-console').map((e) => e.tag).sort();
    assert.deepEqual(Object.keys(EMBEDDABLE).sort(), publicTags);
    for (const [tag, attributes] of Object.entries(EMBEDDABLE)) {
      const declared = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)!.attributes!.map((a) => a.name);
      for (const name of [...attributes, 'council', 'api']) assert.ok(declared.includes(name), `${tag} has no attribute ${name}`);
    }
  });
});
