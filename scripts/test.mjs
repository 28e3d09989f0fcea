#!/usr/bin/env node
// The one test command (`npm test`): node:test suites (contract, sdk, server, the elements'
// *.node.test.ts, tests/node, tests/reliability) and
// browser suites (@web/test-runner in Chromium, Firefox and WebKit, one line per engine), then one
// line `tests: N passed, N failed` summing all of them, so a run that executed nothing is visible.
//   node scripts/test.mjs            all suites
//   node scripts/test.mjs --node     node suites only
//   node scripts/test.mjs --browser  browser suites only
//   CIVICLOOP_ENGINES=chromium,webkit node scripts/test.mjs --browser   some engines only
// Extra arguments that are paths restrict the node run to those files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectedEngines } from '../tests/support/engines.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = join(root, '.test-results');
const args = process.argv.slice(2);
const only = args.includes('--node') ? 'node' : args.includes('--browser') ? 'browser' : null;
const files = args.filter((a) => !a.startsWith('--'));
// Tests run from source: the `source` export condition points workspace packages at src/*.ts.
const nodeArgs = ['--conditions=source', '--import', 'tsx'];

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function walk(dir, match, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, match, out);
    else if (match(path)) out.push(relative(root, path));
  }
  return out;
}

function run(cmd, argv, env = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

// The build first: the elements import locale modules generated from XLIFF, and the demo suite
// loads the CDN bundles exactly as a page would. A broken build is a failed run.
const buildStatus = run(process.execPath, [join(root, 'scripts/build.mjs')]);
if (buildStatus !== 0) console.error('build failed: the suites below run on what is left');

const suites = buildStatus === 0 ? [] : [{ name: 'build', passed: 0, failed: 1 }];
/** What failed, by name: printed above the counts. */
const failedNames = [];

if (only !== 'browser') {
  const isNodeTest = (p) => p.endsWith('.test.ts') && !p.endsWith('.browser.test.ts');
  const nodeFiles = files.length
    ? files
    : [
        ...['contract', 'sdk', 'server'].flatMap((p) => walk(join(root, 'packages', p, 'src'), isNodeTest)),
        // The elements' tests run in Chromium, except `*.node.test.ts` (stores, registry): no browser needed.
        ...walk(join(root, 'packages', 'elements', 'src'), (p) => p.endsWith('.node.test.ts')),
        ...walk(join(root, 'tests', 'node'), isNodeTest),
        // The fast form of the reliability suites (issue 12); bench/reliability.mjs runs the long one.
        ...walk(join(root, 'tests', 'reliability'), isNodeTest),
        // The WordPress plugin in a real WordPress (issue 13), where Debian's wordpress package is
        // installed (.ci/run installs it) and we are root (the suite configures Apache and MariaDB).
        ...(existsSync('/usr/share/wordpress/wp-load.php') && process.getuid?.() === 0 ? walk(join(root, 'tests', 'wordpress'), isNodeTest) : []),
      ];
  const tap = join(results, 'node.tap');
  const status = nodeFiles.length
    ? run(process.execPath, [
        ...nodeArgs,
        '--test',
        '--test-reporter=spec', '--test-reporter-destination=stdout',
        '--test-reporter=tap', `--test-reporter-destination=${tap}`,
        ...nodeFiles,
      ])
    : 0;
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => Number(text.match(new RegExp(`^# ${k} (\\d+)$`, 'm'))?.[1] ?? 0);
  const failed = count('fail') + count('cancelled');
  // The failing tests (and the suites holding them), as TAP names them, each with where and why:
  // a CI log is often read only by its tail, and a failure seen once must say what it was.
  for (const failure of tapFailures(text)) failedNames.push(`node: ${failure}`);
  // A crash before the reporter could write counts still has to show up as a failure.
  suites.push({ name: 'node', passed: count('pass'), failed: failed || (status !== 0 ? 1 : 0) });
}

if (only !== 'node') {
  // One web-test-runner per engine (tests/support/engines.mjs), one after another: each gets its
  // own backend and fault proxy, a crash in one engine leaves the others' counts, and each
  // engine's time is its own. CIVICLOOP_ENGINES=chromium (or a list) runs a subset.
  for (const engine of selectedEngines()) {
    const counts = join(results, `browser-${engine}.json`);
    const started = Date.now();
    const status = run(process.execPath, [...nodeArgs, join(root, 'node_modules/@web/test-runner/dist/bin.js'), '--config', 'web-test-runner.config.mjs'], {
      CIVICLOOP_TEST_COUNTS: counts,
      CIVICLOOP_ENGINES: engine,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const { passed = 0, failed = 0, failures = [] } = existsSync(counts) ? (JSON.parse(readFileSync(counts, 'utf8'))[engine] ?? {}) : {};
    for (const f of failures) failedNames.push(`${engine}: ${f}`);
    // A runner that could not start the engine at all wrote nothing: a failure, never a silent 0.
    suites.push({ name: engine, passed, failed: failed || (status !== 0 || passed === 0 ? 1 : 0), note: `${seconds} s` });
  }
}

// Named just above the counts, so the tail of a long CI log still says what failed.
for (const name of failedNames) console.log(`FAILED ${name.replace(/\s+/g, ' ').slice(0, 700)}`);
for (const s of suites) console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed${s.note ? ` (${s.note})` : ''}`);
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

/**
 * "name (file:line) — error" for each `not ok` in a TAP text (node:test's reporter): the error's
 * first lines from the YAML block under it. Suites whose only error is that subtests failed are
 * left out, since their failing subtests are listed.
 */
function tapFailures(tap) {
  const lines = tap.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^(\s*)not ok \d+ - (.*)$/);
    if (!m) continue;
    const indent = m[1].length + 2;
    const field = (k) => {
      for (let j = i + 1; j < lines.length && !/^\s*\.\.\.$/.test(lines[j]); j++) {
        const f = lines[j].match(new RegExp(`^ {${indent}}${k}: (.*)$`));
        if (!f) continue;
        if (!/^[|>]/.test(f[1])) return f[1].replace(/^'(.*)'$/, '$1');
        const body = [];
        for (let k2 = j + 1; k2 < lines.length && (lines[k2].startsWith(' '.repeat(indent + 2)) || lines[k2].trim() === ''); k2++) body.push(lines[k2].trim());
        return body.filter(Boolean).slice(0, 4).join(' ');
      }
      return '';
    };
    if (field('failureType') === 'subtestsFailed') continue;
    const where = field('location').replace(/^.*?((?:packages|tests|scripts)\/)/, '$1');
    out.push(`${m[2]} (${where}): ${field('error')}`);
  }
  return out;
}
