import * as z from 'zod/mini';
import { plainText, Timestamp } from './common.js';
import { POW_DIFFICULTY_MAX } from './rules.js';

/**
 * Self-hosted proof of work: a client proves it spent a little CPU on one signed challenge,
 * instead of solving a puzzle (WCAG 2.2 3.3.8). `SHA-256(challenge + ':' + nonce)` must
 * start with `difficulty` zero bits.
 */
/** Leading zero bits a proof needs: 0 (none) to 32 (minutes on a phone). */
export const PowDifficulty = z.int().check(z.minimum(0), z.maximum(POW_DIFFICULTY_MAX));

export const Challenge = z.object({
  /** Opaque, signed by the server; send it back unchanged. */
  challenge: plainText(z.minLength(1), z.maxLength(1000)),
  /** Leading zero bits the digest must have. */
  difficulty: PowDifficulty,
  /** After this the challenge is refused; ask for a new one. */
  expiresAt: Timestamp,
});
export type Challenge = z.infer<typeof Challenge>;

/** What a client sends with its input when the council asks for proof of work. */
export const ProofOfWork = z.object({
  challenge: Challenge.shape.challenge,
  nonce: plainText(z.minLength(1), z.maxLength(64)),
});
export type ProofOfWork = z.infer<typeof ProofOfWork>;

/** Number of leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The exact bytes that are hashed: both sides must agree on them. */
export function powInput(challenge: string, nonce: string): Uint8Array {
  return new TextEncoder().encode(`${challenge}:${nonce}`);
}

/**
 * Finds a nonce for `challenge` with WebCrypto (browsers and Node). Difficulty 16 takes about
 * 65 000 hashes on average: well under a second on a phone. Yields to the event loop now and
 * then so the page stays responsive.
 */
export async function solveChallenge(challenge: string, difficulty: number, signal?: AbortSignal): Promise<string> {
  for (let n = 0; ; n++) {
    if (n % 512 === 0) {
      signal?.throwIfAborted();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const nonce = n.toString(36);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', powInput(challenge, nonce) as Uint8Array<ArrayBuffer>));
    if (leadingZeroBits(digest) >= difficulty) return nonce;
  }
}
