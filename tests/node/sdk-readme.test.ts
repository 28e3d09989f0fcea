// The SDK examples of README.md and packages/sdk/README.md run as printed against a real
// reference server with the demo councils (only the demo's URL, http://localhost:8080, is
// swapped for this server's). Blocks that start with `// In a browser` are left to the browser suites.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { seedDemo, startServer, type RunningServer } from '@civicloop/server';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: RunningServer;

before(async () => {
  server = await startServer({ port: 0, dataDir: 'memory://', log: () => {} });
  await seedDemo(server.db);
});
after(async () => server?.close());

function examples(file: string, from?: string, to?: string): string[] {
  let text = readFileSync(`${root}${file}`, 'utf8');
  if (from) text = text.slice(text.indexOf(from), to ? text.indexOf(to) : undefined);
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => !code.startsWith('// In a browser'));
}

let runs = 0;

/** Runs one example as a module of this repo (so `@civicloop/sdk` resolves) and returns what it logged. */
async function run(code: string): Promise<string[]> {
  assert.ok(code.includes("'http://localhost:8080'"), 'the example talks to the demo server');
  const file = `${root}tests/node/.readme-example-${process.pid}-${runs++}.ts`;
  writeFileSync(file, code.replaceAll("'http://localhost:8080'", JSON.stringify(server.url)));
  const logged: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  try {
    await import(pathToFileURL(file).href);
  } finally {
    console.log = log;
    rmSync(file, { force: true });
  }
  return logged;
}

test('root README: the SDK example sends an input and prints its receipt', async () => {
  const [code, ...rest] = examples('README.md', '## For developers: the SDK', '## Running the server');
  assert.ok(code);
  assert.equal(rest.length, 0);
  const logged = await run(code);
  assert.match(logged.join('\n'), /^Keep this code: [2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
});

test('packages/sdk/README.md: every Node example runs', async () => {
  const codes = examples('packages/sdk/README.md');
  assert.equal(codes.length, 2);
  // One at a time: each run captures console.log for itself.
  const client = await run(codes[0]!);
  const transport = await run(codes[1]!);
  assert.match(client!.join('\n'), /^Riverside Borough Council received it\. Keep this code: \S+$/);
  assert.match(transport!.join('\n'), /^Riverside Borough Council \d+$/);
});
