import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { negotiateEncoding } from './compression.js';

/** Whether a file the build writes beside another (a compressed copy, a source map) exists; the answer is kept. */
const seen = new Map<string, boolean>();
function built(path: string): boolean {
  let known = seen.get(path);
  if (known === undefined) seen.set(path, (known = existsSync(path)));
  return known;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Uint8Array, not Buffer: the declarations stay free of @types/node for library users.
export type StaticResult = { kind: 'file'; body: Uint8Array<ArrayBuffer>; type: string; path: string } | { kind: 'redirect'; location: string } | { kind: 'none' };

/** Resolves a URL path inside `root` (never outside it); folders serve their index.html. */
export async function staticFile(root: string, urlPath: string): Promise<StaticResult> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'none' };
  }
  if (decoded.includes('\0')) return { kind: 'none' };
  const base = resolve(root);
  let file = resolve(join(base, decoded));
  if (file !== base && !file.startsWith(base + sep)) return { kind: 'none' };
  const info = await stat(file).catch(() => undefined);
  if (!info) return { kind: 'none' };
  if (info.isDirectory()) {
    // Relative links in an index page need the trailing slash.
    if (!urlPath.endsWith('/')) return { kind: 'redirect', location: `${urlPath}/` };
    file = join(file, 'index.html');
    if (!(await stat(file).catch(() => undefined))?.isFile()) return { kind: 'none' };
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { kind: 'file', body: await readFile(file), type, path: file };
}

/**
 * Chunks carry a hash of their content in their name, locale modules one of all locale modules'
 * content together (rollup.config.mjs, scripts/early-strings.mjs): their bytes never change.
 */
const HASHED = /^\/(chunks|locales)\/[^/]+-[A-Za-z0-9_-]{8,}\.js(\.map)?$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface CdnManifest {
  /** The version the files belong to: `/cdn/v{version}/` serves them. */
  version: string;
  /** Subresource Integrity of each entry file, e.g. `{ 'civicloop.js': 'sha384-…' }`. */
  files: Record<string, string>;
}

/** `dist/cdn/integrity.json`, written by the build (scripts/cdn-integrity.mjs); undefined before a build. */
export async function readCdnManifest(cdnDir: string): Promise<CdnManifest | undefined> {
  try {
    return JSON.parse(await readFile(join(cdnDir, 'integrity.json'), 'utf8')) as CdnManifest;
  } catch {
    return undefined;
  }
}

/**
 * The CDN files of the installed @civicloop/elements, found through the package resolution of
 * this module (not a monorepo path), so an installed @civicloop/server serves its own copy.
 */
export function elementsCdnDir(): string {
  return fileURLToPath(new URL('./dist/cdn/', import.meta.resolve('@civicloop/elements/package.json')));
}

/**
 * The tags a web editor pastes (one a line): versioned URLs, integrity hashes, CORS mode. The
 * loader's `blocking="render"` holds the first paint, in the page's head, until it has reserved
 * each element's space; in the body browsers ignore it, but the stylesheet before it (the same
 * reservation) holds back the content after it until it has loaded. Either way nothing below an
 * element moves (bench/cls.mjs). The stylesheet line comes with the loader only.
 */
export function cdnSnippet(baseUrl: string, manifest: CdnManifest, entry = 'civicloop.js'): string {
  const integrity = manifest.files[entry];
  if (!integrity) throw new Error(`no integrity hash for ${entry} in the CDN manifest`);
  const base = `${baseUrl.replace(/\/$/, '')}/cdn/v${manifest.version}`;
  const css = entry === 'civicloop.js' ? manifest.files['civicloop.css'] : undefined;
  return [
    ...(css ? [`<link rel="stylesheet" href="${base}/civicloop.css" integrity="${css}" crossorigin="anonymous">`] : []),
    `<script type="module" src="${base}/${entry}" integrity="${integrity}" crossorigin="anonymous" blocking="render"></script>`,
  ].join('\n');
}

/**
 * Answers `/cdn/…` paths. `/cdn/v{version}/x` and `/cdn/x` serve the same file; hashed chunks are
 * immutable under both, entry files are cached for a day under the versioned path (which a
 * release never reuses) and for five minutes under the unversioned alias (which an upgrade moves).
 */
export function cdnFiles(cdnDir: string): (path: string, acceptEncoding?: string) => Promise<Response | undefined> {
  const manifest = readCdnManifest(cdnDir);
  return async (path, acceptEncoding) => {
    let rest = path.replace(/^\/cdn/, '');
    let versioned = false;
    const m = /^\/v(\d+\.\d+\.\d+[^/]*)(\/.*)$/.exec(rest);
    if (m) {
      if (m[1] !== (await manifest)?.version) return undefined;
      rest = m[2]!;
      versioned = true;
    }
    const found = await staticFile(cdnDir, rest);
    if (found.kind !== 'file') return undefined;
    // The build's brotli or gzip copy (scripts/cdn-compress.mjs), when there is one and the browser takes it.
    const available = (['br', 'gzip'] as const).filter((e) => built(`${found.path}.${e === 'br' ? 'br' : 'gz'}`));
    const encoding = negotiateEncoding(acceptEncoding, available);
    const body = encoding ? await readFile(`${found.path}.${encoding === 'br' ? 'br' : 'gz'}`) : found.body;
    return new Response(body, {
      headers: {
        'content-type': found.type,
        'content-length': String(body.byteLength),
        ...(encoding ? { 'content-encoding': encoding } : {}),
        // Only files that have a compressed copy vary; the rest are the same for everyone.
        ...(available.length ? { vary: 'Accept-Encoding' } : {}),
        'cache-control': HASHED.test(rest) ? IMMUTABLE : versioned ? 'public, max-age=86400' : 'public, max-age=300',
        // The build leaves the `//# sourceMappingURL=` comment out of the scripts (every page would
        // download it: rollup.config.mjs); developer tools find the map through this header.
        ...(found.path.endsWith('.js') && built(`${found.path}.map`) ? { sourcemap: `${basename(found.path)}.map` } : {}),
        // Module scripts load in CORS mode from the councils' own sites.
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
      },
    });
  };
}
