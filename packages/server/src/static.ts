import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, resolve, sep } from 'node:path';

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

export type StaticResult = { kind: 'file'; body: Buffer; type: string } | { kind: 'redirect'; location: string } | { kind: 'none' };

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
  return { kind: 'file', body: await readFile(file), type };
}

/** The folder of swagger-ui-dist's assets, resolved from this package's dependencies. */
export function swaggerUiDir(): string {
  const require = createRequire(import.meta.url);
  return resolve(require.resolve('swagger-ui-dist/package.json'), '..');
}

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Civic Loop API reference</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

/** Swagger UI reads the live document of this server; its own initializer points at a petstore. */
export const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;
