// The contact bank as a resident uses it. A contact's own routes take the token from their email as a
// Bearer token, never in the URL.
import { endpoint } from './endpoint.js';

// The sign-up has a module of its own: every outbox can deliver one, so every form's page loads it,
// and the rest of this table only where a contact's own routes are used.
export { createContact } from './contact-signup.js';
// Confirming twice leaves the entry active: safe to repeat.
export const confirmContact = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/contacts/confirm', tag: 'contacts', auth: 'public', retry: 'safe' });
export const getMyContact = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/contacts/me', tag: 'contacts', auth: 'contact', retry: 'safe' });
export const updateMyContact = /* @__PURE__ */ endpoint({ method: 'patch', path: '/v1/councils/{council}/contacts/me', tag: 'contacts', auth: 'contact', retry: 'safe' });
export const deleteMyContact = /* @__PURE__ */ endpoint({ method: 'delete', path: '/v1/councils/{council}/contacts/me', tag: 'contacts', auth: 'contact', retry: 'safe' });
export const getInvitation = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/contacts/invitation', tag: 'contacts', auth: 'contact', retry: 'safe' });
// The answer is an absolute value: sending it twice changes nothing more.
export const answerInvitation = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/contacts/invitation', tag: 'contacts', auth: 'contact', retry: 'safe' });
// RFC 8058 one-click: mail clients POST here; the token must be in the URL since they send nothing else.
export const unsubscribeContact = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/contacts/unsubscribe/{token}', tag: 'contacts', auth: 'public', retry: 'safe' });
