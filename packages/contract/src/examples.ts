// One worked example per operation, and one per problem response, published in the OpenAPI
// document. Typed by the schemas, and openapi.test.ts parses each with its schema, so an example
// cannot drift from the contract.
import * as z from 'zod/mini';
import type { CouncilConfig } from './council.js';
import { FeedbackCreate, type FeedbackCreated, type FeedbackReceipt, type StaffFeedbackCreate } from './feedback.js';
import type { Health } from './health.js';
import { toValidationIssues, type Problem } from './problem.js';
import { PROBLEM_TYPES } from './rules.js';
import type { Challenge } from './pow.js';
import type { ServiceList } from './services.js';

export const healthUp: Health = { status: 'ok', database: 'ok' };
export const healthDown: Health = { status: 'degraded', database: 'unreachable' };

export const council: CouncilConfig = {
  slug: 'warszawa',
  name: 'Miasto Stołeczne Warszawa',
  locales: ['pl', 'en'],
  defaultLocale: 'pl',
  texts: {
    inputUse: {
      pl: 'Czytamy każdą opinię. Grupujemy je w tematy i publikujemy, co zrobiliśmy.',
      en: 'We read every input, group them into themes and publish what we did.',
    },
  },
  limits: { feedbackTextMax: 2000 },
  antiAbuse: { minFillMs: 3000, proofOfWork: { required: true, difficulty: 16 } },
};

export const services: ServiceList = {
  items: [
    { id: 'libraries', name: { pl: 'Biblioteki publiczne', en: 'Public libraries' }, category: 'culture' },
    { id: 'trams', name: { pl: 'Tramwaje', en: 'Trams' }, category: 'transport' },
  ],
  nextCursor: null,
};

export const challenge: Challenge = {
  challenge: 'v1.warszawa.1777886400.16.Qm9vay1tZS1hLWxpYnJhcnk.3f9c2a7e',
  difficulty: 16,
  expiresAt: '2026-05-04T09:40:00Z',
};

export const feedback: FeedbackCreate = {
  kind: 'problem',
  text: 'The lift at the central library has been out of order for two weeks.',
  service: 'libraries',
  rating: 2,
  pageUrl: 'https://um.warszawa.pl/biblioteki',
  locale: 'en',
  elapsedMs: 48210,
  proof: { challenge: challenge.challenge, nonce: '83125' },
};

export const staffFeedback: StaffFeedbackCreate = {
  kind: 'idea',
  text: 'A resident asked for longer opening hours on Saturdays.',
  service: 'libraries',
  locale: 'pl',
  channel: 'phone',
};

export const created: FeedbackCreated = {
  id: '0b6f3c1e-8d2a-4f5b-9c7e-2a1d4e6f8b90',
  receipt: 'K7MX-2QPA-9R',
  status: 'received',
  createdAt: '2026-05-04T09:31:12Z',
};

export const receipt: FeedbackReceipt = {
  receipt: 'K7MX-2QPA-9R',
  status: 'answered',
  kind: 'problem',
  service: 'libraries',
  createdAt: '2026-05-04T09:31:12Z',
  erased: false,
  theme: {
    id: '5e1c9a2b-7f3d-4e8a-b6c0-1d2e3f4a5b6c',
    title: 'Accessibility of library buildings',
    status: 'done',
    weDid: 'The lift was repaired on 20 May and is now checked weekly.',
  },
  timeline: [
    { at: '2026-05-04T09:31:12Z', status: 'received' },
    { at: '2026-05-06T08:00:00Z', status: 'in-review' },
    { at: '2026-05-21T10:15:00Z', status: 'answered' },
  ],
};

/**
 * The validation issues of the input example above sent with an empty text and a rating of 7:
 * made by the contract's own schema, so they are the issues a server answers with.
 */
const invalidFeedback = z.safeParse(FeedbackCreate, { ...feedback, text: '', rating: 7 });
const issues = invalidFeedback.success ? [] : toValidationIssues(invalidFeedback.error.issues);

/** One problem per status a route declares (and the 500 behind `default`), as the reference server words them. */
export const problems: Readonly<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500, Problem>> = {
  400: { type: PROBLEM_TYPES.malformedJson, title: 'Malformed JSON', status: 400, detail: 'The request body is not valid JSON.' },
  401: { type: PROBLEM_TYPES.unauthorized, title: 'Staff token required', status: 401, detail: 'Send Authorization: Bearer <staff token>.' },
  403: { type: PROBLEM_TYPES.forbidden, title: 'Not allowed', status: 403, detail: 'This staff token belongs to another council.' },
  404: { type: PROBLEM_TYPES.notFound, title: 'Unknown council', status: 404, detail: 'No council with the slug "warsaw" exists on this server.' },
  409: {
    type: PROBLEM_TYPES.idempotencyInFlight,
    title: 'Request still in flight',
    status: 409,
    detail: 'The first request with this Idempotency-Key is still being processed. Retry in a moment.',
  },
  413: { type: PROBLEM_TYPES.tooLarge, title: 'Body too large', status: 413, detail: 'Request bodies are limited to 65536 bytes.' },
  415: { type: PROBLEM_TYPES.unsupportedMediaType, title: 'Unsupported content type', status: 415, detail: 'Send the body as application/json.' },
  422: { type: PROBLEM_TYPES.validation, title: 'Validation failed', status: 422, detail: 'The request does not match the contract; see errors.', errors: issues },
  429: {
    type: PROBLEM_TYPES.rateLimited,
    title: 'Too many inputs',
    status: 429,
    detail: 'This network address reached its limit of 20 inputs an hour. Your text is not lost: send it again in 30 minutes.',
  },
  500: {
    type: PROBLEM_TYPES.internal,
    title: 'Internal server error',
    status: 500,
    detail: 'Something went wrong on our side. Nothing you sent is at fault; try again later.',
    instance: 'urn:civicloop:request:7f3a9c2e-1b4d-4e8f-9a6c-0d2e5b8f1a3c',
  },
};
