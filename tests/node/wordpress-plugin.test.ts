// The WordPress plugin's package, without a WordPress: its PHP parses (php -l), the zip holds the
// plugin and the elements.json made from custom-elements.json (every public element gets a block,
// the console none), and each of the plugin's strings is translated into the project's seven
// other languages.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { unzipSync, strFromU8 } from 'fflate';
import gettextParser from 'gettext-parser';
// @ts-expect-error: a plain .mjs build script without types.
import { phpStrings, pluginElements, pluginPhpFiles } from '../../scripts/wordpress-plugin.mjs';

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
});
