#!/usr/bin/env node
// The long form of the reliability suites (issue 12): 500 submissions through the faulty network,
// 10 kills, a 10,000-POST flood, and many more fuzz and document-driven requests than `npm test`
// runs. Same tests, bigger numbers (CIVICLOOP_RELIABILITY=long, read by tests/reliability/support.ts).
// On PostgreSQL too when DATABASE_URL is set. Each suite prints its figures (`faults [pglite]: ...`).
//   node bench/reliability.mjs [tests/reliability/<file>.test.ts ...]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const files = only.length ? only : readdirSync(`${root}tests/reliability`).filter((f) => f.endsWith('.test.ts')).map((f) => `tests/reliability/${f}`);
const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CIVICLOOP_RELIABILITY: 'long' },
});
process.exit(r.status ?? 1);
