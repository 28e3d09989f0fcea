import { problems } from './problems.js';

/** Request bodies above this are refused with 413 (checked on the header and on the bytes read). */
export const BODY_LIMIT = 64 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/** Reads a JSON request body within the limit: 415, 413 and 400 problems otherwise. */
export async function readJsonBody(request: Request, limit = BODY_LIMIT): Promise<unknown> {
  const [type = '', ...params] = (request.headers.get('content-type') ?? '').split(';').map((s) => s.trim());
  if (!JSON_TYPE.test(type)) throw problems.unsupportedMediaType();
  const charset = params.find((p) => p.toLowerCase().startsWith('charset='))?.slice(8).replace(/"/g, '').toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') throw problems.unsupportedMediaType(`Send the body in UTF-8 (charset=utf-8 or no charset), not charset=${charset}.`);
  // No content coding is accepted (RFC 9110 §8.4.1: 415 names what is): a compressed body would read as broken JSON.
  const coding = request.headers.get('content-encoding')?.trim().toLowerCase();
  if (coding && coding !== 'identity') throw problems.unsupportedMediaType(`Send the body without a Content-Encoding (not ${coding}): bodies are small and read as sent.`);

  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw problems.tooLarge(limit);

  // The header may be absent (chunked) or lie: count what actually arrives.
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw problems.tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw problems.malformedJson('The request body is not UTF-8: JSON must be sent in UTF-8 (RFC 8259).');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw problems.malformedJson();
  }
}
