// Every message of @civicloop/elements must be translated in every locale. The check runs
// `lit-localize extract` on a temporary copy of the XLIFF folder (the real one is never
// touched), which adds a target-less unit for each message the sources use and drops stale
// ones, then reads the copy.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '@civicloop/contract';

const root = fileURLToPath(new URL('../..', import.meta.url));
const elements = join(root, 'packages/elements');
const cli = join(root, 'node_modules/@lit/localize-tools/bin/lit-localize.js');
const config = JSON.parse(readFileSync(join(elements, 'lit-localize.json'), 'utf8')) as {
  sourceLocale: string;
  targetLocales: string[];
  inputFiles: string[];
};
const temps: string[] = [];
after(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

interface Unit {
  id: string;
  target: string | undefined;
}

/** Trans-units of one XLIFF 1.2 file: id and the target's text (placeholders count as text). */
function units(xml: string): Unit[] {
  return [...xml.matchAll(/<trans-unit\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => {
    const target = /<target\b[^>]*>([\s\S]*?)<\/target>/.exec(body!)?.[1];
    return { id: id!, target };
  });
}

/**
 * Runs extract over the element sources (plus `extraSources`) into a copy of the XLIFF
 * folder; returns, per locale, the ids without a non-empty translation and all ids seen.
 */
function check(extraSources: Record<string, string> = {}) {
  // Inside node_modules so that probe sources resolve '@lit/localize' like the real ones.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules/.cache/civicloop-xliff-'));
  temps.push(dir);
  cpSync(join(elements, 'xliff'), join(dir, 'xliff'), { recursive: true });
  for (const [name, code] of Object.entries(extraSources)) writeFileSync(join(dir, name), code);
  const inputFiles = [
    ...config.inputFiles.map((g) => (g.startsWith('!') ? '!' + join(elements, g.slice(1)) : join(elements, g))),
    ...Object.keys(extraSources).map((name) => join(dir, name)),
  ];
  writeFileSync(
    join(dir, 'lit-localize.json'),
    JSON.stringify({ ...config, inputFiles, output: { mode: 'runtime', language: 'ts', outputDir: join(dir, 'out') }, interchange: { format: 'xliff', xliffDir: 'xliff' } }),
  );
  const r = spawnSync(process.execPath, [cli, 'extract', '--config', join(dir, 'lit-localize.json')], { encoding: 'utf8' });
  assert.equal(r.status, 0, `lit-localize extract failed:\n${r.stdout}\n${r.stderr}`);
  const missing: Record<string, string[]> = {};
  const ids: Record<string, string[]> = {};
  for (const locale of config.targetLocales) {
    const found = units(readFileSync(join(dir, 'xliff', `${locale}.xlf`), 'utf8'));
    ids[locale] = found.map((u) => u.id).sort();
    missing[locale] = found.filter((u) => !u.target?.replace(/<[^>]+>/g, (tag) => (tag.startsWith('<x ') ? 'x' : '')).trim()).map((u) => u.id);
  }
  return { missing, ids };
}

describe('element translations', () => {
  test('the XLIFF locales are exactly the contract locales besides the source', () => {
    assert.equal(config.sourceLocale, 'en');
    assert.deepEqual([config.sourceLocale, ...config.targetLocales].sort(), [...LOCALES].sort());
    const files = readdirSync(join(elements, 'xliff')).filter((f) => f.endsWith('.xlf'));
    assert.deepEqual(files.sort(), config.targetLocales.map((l) => `${l}.xlf`).sort());
  });

  test('every message id has a non-empty translation in every locale', () => {
    const { missing, ids } = check();
    const any = Object.values(ids)[0] ?? [];
    assert.ok(any.length > 0, 'no messages were extracted: is inputFiles right?');
    for (const locale of config.targetLocales) {
      assert.deepEqual(ids[locale], any, `${locale} has other message ids than ${config.targetLocales[0]}`);
      assert.deepEqual(missing[locale], [], `${locale} lacks translations for: ${missing[locale]!.join(', ')}`);
    }
  });

  test('a message without a translation is reported (the check can fail)', () => {
    const probe = `import { msg } from '@lit/localize';\nexport const probe = () => msg('Untranslated probe', { id: 'test.untranslatedProbe' });\n`;
    const { missing } = check({ 'probe.ts': probe });
    for (const locale of config.targetLocales) assert.ok(missing[locale]!.includes('test.untranslatedProbe'), `${locale} did not report the probe`);
  });
});
