// One process per PGlite folder, shown with real processes: the CLI spawned, killed with
// SIGKILL, started twice at once, and started on a busy port.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { DataDirLockedError, lockFolder } from './folder-lock.js';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

let dir: string;
const children: ChildProcess[] = [];
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'civicloop-lock-'));
});
after(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

function start(dataDir: string, args: string[]) {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: '0' };
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, ['--conditions=source', '--import', TSX, CLI, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  /** Resolves with the URL once it listens, or with undefined if it exits first. */
  const listening = new Promise<string | undefined>((resolve) => {
    child.stdout.on('data', () => {
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => resolve(undefined));
  });
  return { child, exited, listening, out: () => ({ stdout, stderr }) };
}

async function post(url: string, key: string): Promise<string> {
  const r = await fetch(`${url}/v1/councils/demo/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ kind: 'idea', text: `input ${key}`, elapsedMs: 60_000 }),
  });
  await r.arrayBuffer();
  return r.headers.get('idempotency-replayed') ? `${r.status} replayed` : String(r.status);
}

test('in one process: a second lock on the folder is refused with this pid, and free again after release', async () => {
  const data = join(dir, 'inproc');
  const lock = await lockFolder(data);
  await assert.rejects(lockFolder(data), (e: unknown) => e instanceof DataDirLockedError && e.pid === process.pid && e.message.includes(`in use by process ${process.pid}`));
  await lock.release();
  await (await lockFolder(data)).release();
});

test('a second serve on the same folder refuses and names the first; after kill -9 the folder opens again at once', async () => {
  const data = join(dir, 'data');
  const first = start(data, ['serve', '--port', '0', '--demo']);
  const url = await first.listening;
  assert.ok(url, first.out().stderr);
  assert.equal(await post(url, 'lock-test-0001'), '201');

  const second = start(data, ['serve', '--port', '0']);
  assert.equal(await second.listening, undefined, 'the second serve never listens');
  assert.equal(await second.exited, 1);
  assert.match(second.out().stderr, new RegExp(`data folder .* is in use by process ${first.child.pid}`));

  const write = start(data, ['council', 'origins', 'add', '--slug', 'demo', 'https://late.example']);
  assert.equal(await write.exited, 1);
  assert.match(write.out().stderr, new RegExp(`in use by process ${first.child.pid}`));

  first.child.kill('SIGKILL');
  assert.equal(await first.exited, null);
  // No waiting for staleness: the kernel freed the lock with the process.
  const third = start(data, ['serve', '--port', '0']);
  const url3 = await third.listening;
  assert.ok(url3, third.out().stderr);
  assert.equal(await post(url3, 'lock-test-0001'), '201 replayed', 'the input acknowledged before the kill is there');
  third.child.kill('SIGTERM');
  assert.equal(await third.exited, 0);
});

test('two serves started at once on a fresh folder: exactly one listens', async () => {
  const data = join(dir, 'race');
  const a = start(data, ['serve', '--port', '0']);
  const b = start(data, ['serve', '--port', '0']);
  const urls = await Promise.all([a.listening, b.listening]);
  assert.equal(urls.filter(Boolean).length, 1, JSON.stringify([a.out(), b.out()]));
  const loser = urls[0] ? b : a;
  const winner = urls[0] ? a : b;
  assert.equal(await loser.exited, 1);
  assert.match(loser.out().stderr, new RegExp(`in use by process ${winner.child.pid}`));
  winner.child.kill('SIGTERM');
  assert.equal(await winner.exited, 0);
});

test('a serve that fails on a busy port exits without opening the folder', async () => {
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const port = (busy.address() as { port: number }).port;
  try {
    const data = join(dir, 'busy-port');
    const s = start(data, ['serve', '--port', String(port)]);
    assert.equal(await s.listening, undefined);
    assert.equal(await s.exited, 1);
    assert.match(s.out().stderr, /EADDRINUSE/);
    // PGlite would have written PG_VERSION and its files into the folder.
    assert.deepEqual(existsSync(data) ? readdirSync(data) : [], []);
  } finally {
    busy.close();
  }
});
