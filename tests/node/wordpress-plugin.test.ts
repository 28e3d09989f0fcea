// The WordPress plugin's package, without a WordPress: its PHP parses (php -l), the zip holds the
// plugin and the elements.json made from custom-elements.json (every public element gets a block,
// the console none), and each of the plugin's strings is translated into the project's seven
// other languages, the block editor's texts from elements.json (block titles and descriptions,
// control labels, help and options) too, in the zip's .mo files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { unzipSync, strFromU8 } from 'fflate';
import gettextParser from 'gettext-parser';
// @ts-expect-error: a plain .mjs build script without types.
import { editorStrings, phpStrings, pluginElements, pluginPhpFiles } from '../../scripts/wordpress-plugin.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const zip = `${root}packages/wordpress/dist/civicloop-wordpress.zip`;
const LOCALES = ['pl_PL', 'sv_SE', 'da_DK', 'de_DE', 'fr_FR', 'pt_PT', 'ro_RO'];
const hasPhp = (() => {
  try {
    execFileSync('php', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the WordPress plugin package', () => {
  test('its PHP parses (php -l)', { skip: !hasPhp && 'php is not installed (.ci/run installs it)' }, () => {
    const files = (pluginPhpFiles() as [string, string][]).map(([f]) => `${root}packages/wordpress/${f}`);
    assert.ok(files.length >= 7);
    for (const file of [...files, `${root}tests/wordpress/wp.php`]) {
      assert.match(execFileSync('php', ['-l', file], { encoding: 'utf8' }), /No syntax errors/, file);
    }
  });

  test('the zip holds the plugin and elements.json from custom-elements.json', { skip: !existsSync(zip) && 'run npm run build first' }, () => {
    const files = unzipSync(readFileSync(zip));
    for (const f of ['civicloop.php', 'readme.txt', 'blocks/editor.js', 'includes/render.php', 'languages/civicloop.pot', ...LOCALES.map((l) => `languages/civicloop-${l}.mo`)]) {
      assert.ok(files[`civicloop/${f}`], `civicloop/${f} is in the zip`);
    }
    const { elements } = JSON.parse(strFromU8(files['civicloop/elements.json']!));
    const manifest = JSON.parse(readFileSync(`${root}packages/elements/custom-elements.json`, 'utf8'));
    assert.deepEqual(elements, pluginElements(manifest));
    const tags = manifest.modules.flatMap((m: { declarations?: { tagName?: string }[] }) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
    assert.deepEqual(Object.keys(elements).sort(), [...tags].sort());
    assert.deepEqual(
      Object.entries(elements).filter(([, e]) => (e as { public: boolean }).public).map(([t]) => t).sort(),
      tags.filter((t: string) => t !== 'cocreate-console' && t !== 'civicloop-config').sort(),
    );
    const feedback = elements['cocreate-feedback'].attributes;
    assert.deepEqual([feedback.compact.type, feedback['heading-level'].type, feedback['follow-url'].type, feedback.council.type], ['boolean', 'number', 'url', 'string']);
    assert.equal(feedback['heading-level'].key, 'headingLevel');
    assert.equal(feedback.api.block, false, 'the server comes from the settings');
    assert.deepEqual(elements['you-said-we-did'].attributes.status.options, ['listening', 'considering', 'planned', 'done', 'not-possible']);
  });

  test('every string of the plugin is translated into pl, sv, da, de, fr, pt and ro, keeping its placeholders', () => {
    const ids = [...(phpStrings(pluginPhpFiles()) as Map<string, unknown>).keys()];
    assert.ok(ids.length > 10);
    for (const locale of LOCALES) {
      const po = gettextParser.po.parse(readFileSync(`${root}packages/wordpress/languages/civicloop-${locale}.po`));
      const tr = po.translations[''] ?? {};
      for (const id of ids) {
        const str = tr[id]?.msgstr[0] ?? '';
        assert.ok(str, `${locale}: "${id}" is translated`);
        const placeholders = (s: string) => (s.match(/%(\d\$)?[sd]/g) ?? []).sort();
        assert.deepEqual(placeholders(str), placeholders(id), `${locale}: "${id}" keeps its placeholders`);
      }
    }
  });

  test('each block has a human title from the registry, and an element or attribute added later falls back to its manifest text', () => {
    const manifest = JSON.parse(readFileSync(`${root}packages/elements/custom-elements.json`, 'utf8'));
    const elements = pluginElements(manifest);
    assert.deepEqual(
      Object.fromEntries(Object.entries(elements).filter(([, e]) => (e as { public: boolean }).public).map(([t, e]) => [t, (e as { title: string }).title])),
      { 'cocreate-feedback': 'Feedback form', 'contact-bank-signup': 'Contact bank sign-up', 'you-said-we-did': 'You said, we did' },
    );
    const feedback = elements['cocreate-feedback'].attributes;
    assert.deepEqual([feedback['heading-level'].label, feedback['follow-url'].label, feedback.lang.label], ['Heading level', 'Follow URL', 'Language']);
    // For web editors: no <civicloop-config> (the settings page plays its part), no Markdown.
    assert.equal(feedback.council.help, 'Council slug.');
    assert.doesNotMatch(JSON.stringify(elements), /"help":"[^"]*`/);
    assert.equal(elements['you-said-we-did'].attributes.status.optionLabels['not-possible'], 'Not possible');
    // A new element with no title in the registry and a new attribute: the tag, the name, the description.
    const added = pluginElements({
      modules: [{ declarations: [{ customElement: true, tagName: 'cocreate-poll', summary: 'A quick poll.', attributes: [{ name: 'question-id', description: 'The `question` asked.' }] }] }],
    })['cocreate-poll'];
    assert.deepEqual([added.title, added.summary, added.attributes['question-id'].label, added.attributes['question-id'].help], ['cocreate-poll', 'A quick poll.', 'Question id', 'The question asked.']);
  });

  test('every block title, description, control label, help and option is in civicloop.pot and translated in the zip\'s .mo files', { skip: !existsSync(zip) && 'run npm run build first' }, () => {
    const files = unzipSync(readFileSync(zip));
    const { elements } = JSON.parse(strFromU8(files['civicloop/elements.json']!));
    const ids = [...(editorStrings(elements) as Map<string, string[]>).keys()];
    // 3 titles, 3 descriptions, the labels and help of their controls, the status options.
    assert.ok(ids.length >= 20, `${ids.length} texts`);
    for (const tag of ['cocreate-feedback', 'contact-bank-signup', 'you-said-we-did']) {
      assert.ok(ids.includes(elements[tag].title) && ids.includes(elements[tag].summary), tag);
    }
    const pot = gettextParser.po.parse(Buffer.from(files['civicloop/languages/civicloop.pot']!)).translations[''] ?? {};
    for (const id of ids) assert.ok(pot[id], `civicloop.pot lists "${id}"`);
    for (const locale of LOCALES) {
      const mo = gettextParser.mo.parse(Buffer.from(files[`civicloop/languages/civicloop-${locale}.mo`]!)).translations[''] ?? {};
      for (const id of ids) {
        const str = mo[id]?.msgstr[0] ?? '';
        assert.ok(str, `${locale}: "${id}" is translated`);
        // The tags and codes a help text names stay as they are.
        for (const code of id.match(/<[a-z-]+>|#[a-z]+=/g) ?? []) assert.ok(str.includes(code), `${locale}: "${id}" keeps ${code}`);
      }
      assert.notEqual(mo['Feedback form']!.msgstr[0], 'Feedback form', locale);
    }
  });
});
