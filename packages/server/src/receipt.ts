import { randomInt } from 'node:crypto';

/**
 * Receipt codes are read aloud over the phone and typed from paper: no 0/O, 1/I/L.
 * 31 symbols ^ 10 = about 49.5 bits of randomness.
 */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECEIPT_LENGTH = 10;

/** A fresh receipt in its stored form (no hyphens, upper case). */
export function newReceipt(): string {
  let out = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) out += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return out;
}

/** Grouped for people: `K7MX-2QPA-9R`. */
export function formatReceipt(stored: string): string {
  return `${stored.slice(0, 4)}-${stored.slice(4, 8)}-${stored.slice(8)}`;
}

/** Stored form of what someone typed (any case, hyphens or spaces), or undefined if it cannot be a receipt. */
export function parseReceipt(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== RECEIPT_LENGTH) return undefined;
  for (const ch of code) if (!RECEIPT_ALPHABET.includes(ch)) return undefined;
  return code;
}
