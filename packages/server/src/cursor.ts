import { isStorableText } from '@civicloop/contract';
import { problems } from './problems.js';

/**
 * Opaque cursors of keyset pagination: the sort key of the last item of a page (a list of
 * strings), as base64url JSON. Anything that does not decode to exactly that (a forged or
 * truncated cursor, one that decodes to NUL) is a 422 naming `cursor`, never a database error.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, length: number, valid: (key: string[]) => boolean = () => true): string[] {
  let key: unknown;
  try {
    const json = Buffer.from(cursor, 'base64url').toString('utf8');
    // Re-encoding must give the cursor back: other base64 spellings of the same bytes are not ours.
    key = Buffer.from(json, 'utf8').toString('base64url') === cursor ? JSON.parse(json) : undefined;
  } catch {
    key = undefined;
  }
  if (
    !Array.isArray(key) ||
    key.length !== length ||
    !key.every((part): part is string => typeof part === 'string' && part !== '' && isStorableText(part)) ||
    !valid(key)
  ) {
    throw problems.validation([{ path: '/cursor', message: 'Unknown cursor; pass back a nextCursor of this list', code: 'invalid_cursor' }]);
  }
  return key;
}

/** A timestamp part of a cursor must be one this server wrote. */
export const isIsoTime = (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,6}Z$/.test(value) && !Number.isNaN(Date.parse(value));
