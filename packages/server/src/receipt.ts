import { RECEIPT_ALPHABET, RECEIPT_LENGTH } from '@civicloop/contract/rules';
import { randomInt } from 'node:crypto';

/** A fresh receipt in its stored form (no hyphens, upper case); format and parsing are the contract's. */
export function newReceipt(): string {
  let out = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) out += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return out;
}
