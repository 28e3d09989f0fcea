// Residents' input and its receipts (<cocreate-feedback>). Assisted entry by staff is in staff.ts,
// so that only the console's chunk carries it.
import type { Challenge, FeedbackCreate, FeedbackCreated, FeedbackReceipt } from '@civicloop/contract';
import { createChallenge as createChallengeEndpoint, createFeedback as createFeedbackEndpoint, deleteFeedback as deleteFeedbackEndpoint, getFeedbackReceipt as getFeedbackReceiptEndpoint } from '@civicloop/contract/endpoints';
import type { CallOptions, CreateOptions, Transport } from '../transport.js';

/** Sends a resident's input; keep the `receipt` of the answer. */
export async function createFeedback(t: Transport, body: FeedbackCreate, options: CreateOptions = {}): Promise<FeedbackCreated> {
  return (await t.call<FeedbackCreated>('createFeedback', createFeedbackEndpoint, { ...options, body })).data;
}

/** Where one input stands, by its receipt code (any case, hyphens optional); never its text. */
export async function getFeedback(t: Transport, receipt: string, options: CallOptions = {}): Promise<FeedbackReceipt> {
  return (await t.call<FeedbackReceipt>('getFeedbackReceipt', getFeedbackReceiptEndpoint, { ...options, params: { receipt } })).data;
}

/** The author erases their input's text and contact (it still counts). Erasing twice is fine. */
export async function deleteFeedback(t: Transport, receipt: string, options: CallOptions = {}): Promise<void> {
  await t.call('deleteFeedback', deleteFeedbackEndpoint, { ...options, params: { receipt } });
}

/** A fresh proof-of-work challenge, to solve and send as `proof` with the next input. */
export async function createChallenge(t: Transport, options: CallOptions = {}): Promise<Challenge> {
  return (await t.call<Challenge>('createChallenge', createChallengeEndpoint, options)).data;
}
