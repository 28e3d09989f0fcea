import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { resolve } from 'node:path';

/** A PGlite data folder is held by another living process. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly pid: number | undefined,
  ) {
    super(
      `the data folder ${dataDir} is in use by process ${pid ?? '(unknown pid)'} (a running civicloop-server?). ` +
        'PGlite lets one process at a time use it, and a second writer would lose its changes: stop that process, then run this again.',
    );
  }
}

/** A held data folder; `release` is idempotent. */
export interface FolderLock {
  readonly dataDir: string;
  release(): Promise<void>;
}

/**
 * Holds `dataDir` for this process until `release` (or until the process dies, however it dies).
 *
 * On Linux the lock is a listening socket in the abstract namespace, named after the folder's
 * real path: binding is atomic (two starting processes cannot both win), and the kernel frees
 * the name when the process exits, kill -9 included, so a crash never leaves a stale lock and
 * there is no pid to be reused. A second process that fails to bind connects to it and is told
 * the holder's pid. (proper-lockfile was considered: its staleness is an mtime older than
 * `stale`, so a restart after kill -9 waits up to that long, and an event loop blocked longer,
 * e.g. by PGlite's WebAssembly, lets another process take a live lock.)
 * Elsewhere: `<dataDir>.lock` created exclusively with the pid, taken over when that pid is gone.
 */
export async function lockFolder(dataDir: string): Promise<FolderLock> {
  mkdirSync(dataDir, { recursive: true });
  const real = realpathSync(dataDir);
  return process.platform === 'linux' ? socketLock(real) : pidFileLock(real);
}

function socketName(real: string): string {
  // Abstract names are at most 107 bytes: a digest of the path, which may be longer.
  return `\0civicloop-pglite-${createHash('sha256').update(real).digest('hex').slice(0, 40)}`;
}

/**
 * Asks the holder of `name` for its pid: 'gone' when nobody listens any more (it exited after
 * our bind failed), undefined when it does not answer in time. The holder's event loop may be
 * busy for seconds (PGlite compiling its WebAssembly), hence the long wait.
 */
function askHolder(name: string): Promise<number | 'gone' | undefined> {
  return new Promise((done) => {
    let text = '';
    const socket = createConnection(name);
    const finish = (pid: number | 'gone' | undefined) => {
      socket.destroy();
      done(pid);
    };
    socket.setTimeout(30_000, () => finish(undefined));
    socket.on('data', (d) => (text += d));
    socket.on('end', () => {
      const pid = Number(text.trim());
      finish(Number.isInteger(pid) && pid > 0 ? pid : undefined);
    });
    socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? 'gone' : undefined));
  });
}

async function socketLock(real: string): Promise<FolderLock> {
  const name = socketName(real);
  for (let attempt = 0; ; attempt++) {
    const server: Server = createServer((socket) => {
      // An asker that hangs up first must not crash the holder.
      socket.on('error', () => undefined);
      socket.end(String(process.pid));
    });
    const bound = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
      server.once('error', done);
      server.listen(name, () => done(undefined));
    });
    if (!bound) {
      // The lock must not keep the process alive on its own.
      server.unref();
      let released: Promise<void> | undefined;
      return { dataDir: real, release: () => (released ??= new Promise((done) => server.close(() => done()))) };
    }
    server.close();
    if (bound.code !== 'EADDRINUSE') throw bound;
    const pid = await askHolder(name);
    // The holder exited between our bind and our question: try again.
    if (pid !== 'gone') throw new DataDirLockedError(real, pid);
    if (attempt >= 2) throw new DataDirLockedError(real, undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function pidFileLock(real: string): Promise<FolderLock> {
  const file = `${resolve(real)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      let done = false;
      return {
        dataDir: real,
        release: async () => {
          if (!done) rmSync(file, { force: true });
          done = true;
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new DataDirLockedError(real, pid);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${file}`);
}
