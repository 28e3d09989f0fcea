// One outbox per council API and page, shared by every form of that council, and its hook that
// gives a kept input a fresh proof of work on each re-send. Its own module so that elements that
// only read (<you-said-we-did>) do not load the outbox, IndexedDB and proof of work (bench/size.mjs).
import type { ProofOfWork } from '@civicloop/contract';
import { solveChallenge } from '@civicloop/contract/pow';
import { createChallenge, createOutbox, getCouncil, type Outbox, type Transport } from '@civicloop/sdk';
import { transportFor } from './connection.js';
import type { OutboxLike } from './submission.js';

const outboxes = new Map<string, Outbox>();

/** A kept input may outwait its proof of work (15 minutes): each re-send gets a fresh one when asked. */
async function freshProof(record: { body: unknown }, t: Transport): Promise<unknown> {
  if (!record.body || typeof record.body !== 'object' || !('proof' in record.body || 'elapsedMs' in record.body)) return record.body;
  const { proof: _stale, ...body } = record.body as { proof?: ProofOfWork };
  if (!(await getCouncil(t)).antiAbuse?.proofOfWork.required) return body;
  const c = await createChallenge(t);
  return { ...body, proof: { challenge: c.challenge, nonce: await solveChallenge(c.challenge, c.difficulty) } };
}

/** The outbox every form of this council on the page sends through and hears outcomes from. */
export function outboxFor(t: Transport): OutboxLike {
  const key = `${t.baseUrl}\n${t.council}`;
  let o = outboxes.get(key);
  if (!o) outboxes.set(key, (o = createOutbox({ transport: t, transportFor, prepare: freshProof })));
  return o as unknown as OutboxLike;
}
