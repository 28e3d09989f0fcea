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

// The solver is zod-free, in its own module (`@civicloop/contract/pow`), for browser bundles.
export { leadingZeroBits, powInput, solveChallenge } from './pow-solver.js';
