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

export const Challenge = z
  .object({
    challenge: plainText(z.minLength(1), z.maxLength(1000)).check(
      z.meta({ description: 'Opaque, signed by the server; send it back unchanged.' }),
    ),
    difficulty: PowDifficulty.check(z.meta({ description: 'Leading zero bits the digest must have.' })),
    expiresAt: Timestamp.check(z.meta({ description: 'After this the challenge is refused; ask for a new one.' })),
  })
  .check(
    z.meta({
      description:
        "A proof-of-work challenge: find a `nonce` such that SHA-256(challenge + ':' + nonce) starts with `difficulty` zero bits.",
    }),
  );
export type Challenge = z.infer<typeof Challenge>;

export const ProofOfWork = z
  .object({
    challenge: Challenge.shape.challenge,
    nonce: plainText(z.minLength(1), z.maxLength(64)).check(
      z.meta({ description: 'The string that, appended after a colon, gives a digest with enough leading zero bits.' }),
    ),
  })
  .check(z.meta({ description: 'What a client sends with its input when the council asks for proof of work.' }));
export type ProofOfWork = z.infer<typeof ProofOfWork>;

// The solver is zod-free, in its own module (`@civicloop/contract/pow`), for browser bundles.
export { leadingZeroBits, powInput, solveChallenge } from './pow-solver.js';
