// The SDK examples of packages/sdk/README.md run as printed (the root README's example is
// run by readme.test.ts) against a real
// reference server with the demo councils (only the demo's URL, http://localhost:8080, is
// swapped for this server's). Blocks that start with `// In a browser` are left to the browser suites.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import ts from 'typescript';
import { seedDemo, startServer, type RunningServer } from '@civicloop/server';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: RunningServer;

before(async () => {
  server = await startServer({ port: 0, dataDir: 'memory://', log: () => {} });
  await seedDemo(server.db);
});
after(async () => server?.close());

function examples(file: string, where: 'node' | 'browser' = 'node'): string[] {
  const text = readFileSync(`${root}${file}`, 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.startsWith('// In a browser') === (where === 'browser'));
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

test('packages/sdk/README.md: every Node example runs', async () => {
  const codes = examples('packages/sdk/README.md');
  assert.equal(codes.length, 2);
  // One at a time: each run captures console.log for itself.
  const client = await run(codes[0]!);
  const transport = await run(codes[1]!);
  assert.match(client!.join('\n'), /^Riverside Borough Council received it\. Keep this code: \S+$/);
  assert.match(transport!.join('\n'), /^Riverside Borough Council \d+$/);
});

test('packages/sdk/README.md: the browser example type-checks as a developer\'s strict module would', () => {
  const [code] = examples('packages/sdk/README.md', 'browser');
  assert.ok(code, 'a browser example');
  const file = `${root}tests/node/.readme-browser-${process.pid}.ts`;
  writeFileSync(file, `${code}\nexport {};\n`);
  try {
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    assert.deepEqual(problems, []);
  } finally {
    rmSync(file, { force: true });
  }
});

// The README's list of functions is what a developer reads instead of the exports: it names every
// operation function the package exports, and nothing it does not.
test('packages/sdk/README.md: its table of functions names every operation function exported, and only those', async () => {
  const sdk = (await import('@civicloop/sdk')) as Record<string, unknown>;
  const operations = new Set<string>();
  for (const file of readdirSync(`${root}packages/sdk/src/operations`).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    for (const [name, value] of Object.entries(await import(`../../packages/sdk/src/operations/${file}`))) if (typeof value === 'function' && typeof sdk[name] === 'function') operations.add(name);
  }
  const text = readFileSync(`${root}packages/sdk/README.md`, 'utf8');
  const table = text.slice(text.indexOf('| area | functions |'), text.indexOf('\n\n', text.indexOf('| area | functions |')));
  const named = new Set([...table.matchAll(/`([a-zA-Z]+)(?:\(|`)/g)].map((m) => m[1]!));
  assert.ok(operations.size > 30, `${operations.size} operation functions found`);
  assert.deepEqual([...operations].filter((n) => !named.has(n)).sort(), [], 'exported but not in the README');
  assert.deepEqual([...named].filter((n) => !operations.has(n)).sort(), [], 'in the README but not exported');
});
