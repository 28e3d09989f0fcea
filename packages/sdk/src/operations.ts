// One function per operation, each importing only its own endpoint: a bundle that calls
// `getCouncil` keeps the `getCouncil` entry of the endpoint table and nothing of the others.
import type {
  Challenge,
  CouncilConfig,
  FeedbackCreate,
  FeedbackCreated,
  FeedbackReceipt,
  ServiceList,
  StaffFeedbackCreate,
} from '@civicloop/contract';
import {
  createChallenge as createChallengeEndpoint,
  createFeedback as createFeedbackEndpoint,
  createStaffFeedback as createStaffFeedbackEndpoint,
  deleteFeedback as deleteFeedbackEndpoint,
  getCouncil as getCouncilEndpoint,
  getFeedbackReceipt as getFeedbackReceiptEndpoint,
  listServices as listServicesEndpoint,
} from '@civicloop/contract/endpoints';
import type { CallOptions, CreateOptions, StaffCallOptions, Transport } from './transport.js';

/** A page of a list: how many, and where to go on from (`nextCursor` of the previous page). */
export interface PageQuery {
  /** Items on the page (1–100). @default the server's (50) */
  limit?: number;
  /** `nextCursor` of the previous page. @default the first page */
  cursor?: string;
}

/** The council's public configuration: name, locales, texts, limits. */
export async function getCouncil(t: Transport, options: CallOptions = {}): Promise<CouncilConfig> {
  return (await t.call<CouncilConfig>('getCouncil', getCouncilEndpoint, options)).data;
}

/** One page of the council's services; pass `nextCursor` back as `cursor` for the next. */
export async function listServices(t: Transport, query: PageQuery = {}, options: CallOptions = {}): Promise<ServiceList> {
  return (await t.call<ServiceList>('listServices', listServicesEndpoint, { ...options, query: { ...query } })).data;
}

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

/** Assisted entry by staff (phone, desk, paper, email, outreach); needs a staff token. */
export async function createStaffFeedback(t: Transport, body: StaffFeedbackCreate, options: StaffCallOptions = {}): Promise<FeedbackCreated> {
  return (await t.call<FeedbackCreated>('createStaffFeedback', createStaffFeedbackEndpoint, { ...options, body })).data;
}
