// Proof of work without zod: what a browser needs to solve a council's challenge
// (`@civicloop/contract/pow`). The challenge and proof schemas stay in pow.ts.

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
