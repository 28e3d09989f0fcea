// The contact bank for staff: search, export, reach, activities and invitations.
import { endpoint } from './endpoint.js';

export const searchContacts = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/contacts', tag: 'contacts', auth: 'staff', retry: 'safe' });
export const exportContacts = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/contacts.csv', tag: 'contacts', auth: 'staff', retry: 'safe' });
export const getContactReach = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/contacts/reach', tag: 'contacts', auth: 'staff', retry: 'safe' });
export const createActivity = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/activities', tag: 'contacts', auth: 'staff', retry: 'keyed', idempotent: true });
export const listActivities = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/activities', tag: 'contacts', auth: 'staff', retry: 'safe' });
export const getActivity = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/activities/{id}', tag: 'contacts', auth: 'staff', retry: 'safe' });
export const createInvitations = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/activities/{id}/invitations', tag: 'contacts', auth: 'staff', retry: 'keyed', idempotent: true });
