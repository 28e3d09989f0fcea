// One worked example per operation, published in the OpenAPI document. Typed by the schemas, and
// openapi.test.ts parses each with its schema, so an example cannot drift from the contract.
import type { CouncilConfig } from './council.js';
import type { FeedbackCreate, FeedbackCreated, FeedbackReceipt, StaffFeedbackCreate } from './feedback.js';
import type { Health } from './health.js';
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
