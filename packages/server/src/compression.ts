import type { MiddlewareHandler } from 'hono';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to send, from `Accept-Encoding` (RFC 9110 §12.5.3): the highest q among those
 * `available`, brotli first on a tie; `q=0` refuses, `*` stands for any not named; identity
 * (undefined) when none is acceptable.
 */
export function negotiateEncoding(header: string | null | undefined, available: readonly Encoding[] = ['br', 'gzip']): Encoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const enc of available) {
    const value = q.get(enc) ?? (enc === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
    if (value > bestQ) [best, bestQ] = [enc, value];
  }
  return best;
}

/** Types worth compressing: JSON and problem+json, text (CSV, HTML, CSS), feeds, scripts. */
const COMPRESSIBLE = /^(application\/([\w.+-]*\+)?(json|xml)|text\/|application\/(javascript|x-ndjson))/i;
/** Smaller bodies gain less than the encoding costs. */
const MIN_BYTES = 1024;
/** Compressed bodies by ETag: a cached GET (the OpenAPI document, a council) is compressed once. */
const CACHE_MAX = 256;

function encode(bytes: Uint8Array, encoding: Encoding): Uint8Array<ArrayBuffer> {
  // Brotli at quality 4 is about as fast as gzip at 6 and smaller: right for the request path.
  const out =
    encoding === 'br'
      ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
      : gzipSync(bytes, { level: 6 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength) as Uint8Array<ArrayBuffer>;
}

/**
 * Compresses answers made on the request path (JSON, CSV, feeds) for clients that accept it, with
 * `Vary: Accept-Encoding` and the length of what is sent. A strong ETag becomes weak, since the
 * bytes on the wire differ; If-None-Match compares weakly, so revalidation still answers 304.
 * Answers already encoded (the CDN's precompressed files) pass through untouched.
 */
export function compressResponses(): MiddlewareHandler {
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (!res.body || c.req.method === 'HEAD' || res.status === 204 || res.status === 206 || res.status === 304) return;
    if (res.headers.has('content-encoding') || !COMPRESSIBLE.test(type) || /(^|,)\s*no-transform\s*(,|$)/i.test(res.headers.get('cache-control') ?? '')) return;
    const headers = new Headers(res.headers);
    const vary = headers.get('vary');
    if (vary !== '*' && !/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary ?? '')) headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const encoding = bytes.length >= MIN_BYTES ? negotiateEncoding(c.req.header('accept-encoding')) : undefined;
    let body: Uint8Array<ArrayBuffer> = bytes;
    if (encoding) {
      const etag = headers.get('etag');
      const key = etag ? `${encoding} ${etag}` : undefined;
      body = (key && cache.get(key)) || encode(bytes, encoding);
      if (key && !cache.has(key)) {
        if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
        cache.set(key, body);
      }
      headers.set('content-encoding', encoding);
      if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
    }
    headers.set('content-length', String(body.byteLength));
    // Cleared first: Hono's setter would copy the old headers (strong ETag, length) over the new ones.
    c.res = undefined;
    c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}
