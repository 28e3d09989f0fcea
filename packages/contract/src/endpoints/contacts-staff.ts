// The contact bank for staff: search, export, reach, activities and invitations.
import type { Endpoint } from './endpoint.js';

export const searchContacts = { method: 'get', path: '/v1/councils/{council}/staff/contacts', tag: 'contacts', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
export const exportContacts = { method: 'get', path: '/v1/councils/{council}/staff/contacts.csv', tag: 'contacts', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
export const getContactReach = { method: 'get', path: '/v1/councils/{council}/staff/contacts/reach', tag: 'contacts', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
export const createActivity = { method: 'post', path: '/v1/councils/{council}/staff/activities', tag: 'contacts', auth: 'staff', retry: 'keyed', idempotent: true } as const satisfies Endpoint;
export const listActivities = { method: 'get', path: '/v1/councils/{council}/staff/activities', tag: 'contacts', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
export const getActivity = { method: 'get', path: '/v1/councils/{council}/staff/activities/{id}', tag: 'contacts', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
export const createInvitations = { method: 'post', path: '/v1/councils/{council}/staff/activities/{id}/invitations', tag: 'contacts', auth: 'staff', retry: 'keyed', idempotent: true } as const satisfies Endpoint;
