// The contact bank as a resident uses it. A contact's own routes take the token from their email as a
// Bearer token, never in the URL.
import type { Endpoint } from './endpoint.js';

// The sign-up has a module of its own: every outbox can deliver one, so every form's page loads it,
// and the rest of this table only where a contact's own routes are used.
export { createContact } from './contact-signup.js';
// Confirming twice leaves the entry active: safe to repeat.
export const confirmContact = { method: 'post', path: '/v1/councils/{council}/contacts/confirm', tag: 'contacts', auth: 'public', retry: 'safe' } as const satisfies Endpoint;
export const getMyContact = { method: 'get', path: '/v1/councils/{council}/contacts/me', tag: 'contacts', auth: 'contact', retry: 'safe' } as const satisfies Endpoint;
export const updateMyContact = { method: 'patch', path: '/v1/councils/{council}/contacts/me', tag: 'contacts', auth: 'contact', retry: 'safe' } as const satisfies Endpoint;
export const deleteMyContact = { method: 'delete', path: '/v1/councils/{council}/contacts/me', tag: 'contacts', auth: 'contact', retry: 'safe' } as const satisfies Endpoint;
export const getInvitation = { method: 'get', path: '/v1/councils/{council}/contacts/invitation', tag: 'contacts', auth: 'contact', retry: 'safe' } as const satisfies Endpoint;
// The answer is an absolute value: sending it twice changes nothing more.
export const answerInvitation = { method: 'post', path: '/v1/councils/{council}/contacts/invitation', tag: 'contacts', auth: 'contact', retry: 'safe' } as const satisfies Endpoint;
// RFC 8058 one-click: mail clients POST here; the token must be in the URL since they send nothing else.
export const unsubscribeContact = { method: 'post', path: '/v1/councils/{council}/contacts/unsubscribe/{token}', tag: 'contacts', auth: 'public', retry: 'safe' } as const satisfies Endpoint;
