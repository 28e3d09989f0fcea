// A contact-bank sign-up, the one contact route an outbox may hold (re-exported by contacts.ts).
import type { Endpoint } from './endpoint.js';

export const createContact = { method: 'post', path: '/v1/councils/{council}/contacts', tag: 'contacts', auth: 'public', retry: 'keyed', idempotent: true } as const satisfies Endpoint;
