import { leadingZeroBits, POW_CHALLENGE_TTL_MS, powInput, type Challenge, type ProofOfWork } from '@civicloop/contract';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Handlers } from './context.js';
import type { CouncilRow } from './councils.js';
import type { Queryable } from './db/driver.js';
import { problems } from './problems.js';
import { keyedHash } from './secret.js';

const spam = (title: string, detail: string) => problems.spam(title, detail, { path: '/proof', message: detail, code: 'invalid_proof' });

/**
 * A stateless challenge: `<council>.<difficulty>.<expires>.<random>.<signature>`. The server
 * keeps nothing until it is spent.
 */
export function issueChallenge(secret: string, council: CouncilRow, now: number): Challenge {
  // Long enough for a resident who asks for one when the form opens and sends after typing.
  const expires = Math.floor((now + POW_CHALLENGE_TTL_MS) / 1000);
  const payload = `${council.slug}.${council.powDifficulty}.${expires}.${randomBytes(12).toString('base64url')}`;
  return {
    challenge: `${payload}.${keyedHash(secret, 'pow', payload)}`,
    difficulty: council.powDifficulty,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

/** Checks a proof and spends its challenge: 422 spam problems say which part failed. */
export async function spendProof(db: Queryable, secret: string, council: CouncilRow, proof: ProofOfWork, now: number): Promise<void> {
  const parts = proof.challenge.split('.');
  const [slug, difficultyText, expiresText, , signature] = parts;
  const payload = parts.slice(0, 4).join('.');
  const expected = Buffer.from(keyedHash(secret, 'pow', payload));
  const given = Buffer.from(signature ?? '');
  if (parts.length !== 5 || given.length !== expected.length || !timingSafeEqual(given, expected) || slug !== council.slug) {
    throw spam('Proof of work not accepted', 'The challenge was not issued by this server for this council. Ask for a new challenge and send again.');
  }
  const difficulty = Number(difficultyText);
  if (Number(expiresText) * 1000 < now) {
    throw spam('Challenge expired', 'The challenge has expired. Ask for a new one and send again; your text is kept.');
  }
  if (difficulty < council.powDifficulty) {
    throw spam('Challenge too easy', 'The council now asks for harder proof. Ask for a new challenge and send again.');
  }
  const digest = createHash('sha256').update(powInput(proof.challenge, proof.nonce)).digest();
  if (leadingZeroBits(digest) < difficulty) {
    throw spam('Proof of work not accepted', `SHA-256(challenge:nonce) needs ${difficulty} leading zero bits.`);
  }
  const spent = await db.query('INSERT INTO spent_challenges (digest, expires_at) VALUES ($1, to_timestamp($2)) ON CONFLICT (digest) DO NOTHING', [
    createHash('sha256').update(proof.challenge).digest('base64url'),
    Number(expiresText),
  ]);
  if (spent.rowCount !== 1) {
    throw spam('Challenge already used', 'Each challenge is good for one input. Ask for a new one and send again.');
  }
}

/** Forgets spent challenges that have expired anyway. */
export async function purgeSpentChallenges(db: Queryable, now: number): Promise<void> {
  await db.query('DELETE FROM spent_challenges WHERE expires_at < to_timestamp($1)', [now / 1000]);
}

export const challengeHandlers: Pick<Handlers, 'createChallenge'> = {
  async createChallenge({ council, secret, now }) {
    return { status: 201, body: issueChallenge(secret, council, now()) };
  },
};
