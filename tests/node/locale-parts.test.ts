// scripts/locale-parts.ts on a lit-localize module written here: each owner gets exactly its
// messages, values and all; an id that no owner claims stops the build.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { splitLocales } from '../../scripts/locale-parts.ts';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A temp folder holding `de.ts` as lit-localize writes it, with these entries. */
function litOutput(entries: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'civicloop-locale-parts-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'de.ts'),
    `\n    // Do not modify this file by hand!\n    import {str} from '@lit/localize';\n\n    export const templates = {\n      ${entries.join(',\n')},\n    };\n`,
  );
  return dir;
}

test('each owner gets its own messages, with `str` only where a message has values', async () => {
  const dir = litOutput(["'feedback.a': `Eins`", "'kit.b': str`Zwei ${0}`", "'loop.c': `Drei`", "'feedback.d': `Vier\nmit Zeile`"]);
  splitLocales(dir, ['de'], ['kit', 'feedback', 'loop']);
  assert.deepEqual(readdirSync(dir).sort(), ['feedback', 'feedback.ts', 'kit', 'kit.ts', 'loop', 'loop.ts'], 'the whole-language module is replaced by the parts');
  const part = (owner: string) => readFileSync(join(dir, owner, 'de.ts'), 'utf8');
  const ids = (owner: string) => [...part(owner).matchAll(/^ {2}'([^']+)':/gm)].map((m) => m[1]);
  assert.deepEqual(ids('feedback'), ['feedback.a', 'feedback.d']);
  assert.deepEqual(ids('kit'), ['kit.b']);
  assert.deepEqual(ids('loop'), ['loop.c']);
  assert.match(part('feedback'), /'feedback\.d': `Vier\nmit Zeile`/);
  assert.match(part('kit'), /^import \{str\} from '@lit\/localize';$/m);
  assert.doesNotMatch(part('feedback'), /import/);
  assert.match(readFileSync(join(dir, 'loop.ts'), 'utf8'), /de: \(\) => import\('\.\/loop\/de\.js'\)/);
});

test('a message id no owner claims fails the split, naming it', () => {
  const dir = litOutput(["'feedback.a': `Eins`", "'stray.b': `Zwei`"]);
  assert.throws(() => splitLocales(dir, ['de'], ['kit', 'feedback']), /no owner.*stray\.b/);
});

test('English is split into parts too, but no loader loads it: the code holds it (the CDN build adds `en`, scripts/cdn-english.mjs)', () => {
  const dir = litOutput(["'feedback.a': `Eins`"]);
  writeFileSync(join(dir, 'en.ts'), "export const templates = {\n  'feedback.a': `One`,\n};\n");
  splitLocales(dir, ['de', 'en'], ['kit', 'feedback']);
  assert.match(readFileSync(join(dir, 'feedback', 'en.ts'), 'utf8'), /'feedback\.a': `One`/);
  const loaders = readFileSync(join(dir, 'feedback.ts'), 'utf8');
  assert.match(loaders, /de: \(\) => import\('\.\/feedback\/de\.js'\)/);
  assert.doesNotMatch(loaders, /\ben:/);
});
