// Staff: single sign-on sessions, the inbox, replies, themes, the audit log and council settings.
import type { Endpoint } from './endpoint.js';

export const getStaffMe = { method: 'get', path: '/v1/councils/{council}/staff/me', tag: 'staff', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
export const listStaffFeedback = { method: 'get', path: '/v1/councils/{council}/staff/feedback', tag: 'staff', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
// PATCH bodies hold absolute values (a status, a set of links), so sending one twice changes nothing more.
export const updateStaffFeedback = { method: 'patch', path: '/v1/councils/{council}/staff/feedback/{id}', tag: 'staff', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
export const createReply = { method: 'post', path: '/v1/councils/{council}/staff/feedback/{id}/replies', tag: 'staff', auth: 'staff', retry: 'keyed', idempotent: true } as const satisfies Endpoint;
export const listStaffThemes = { method: 'get', path: '/v1/councils/{council}/staff/themes', tag: 'staff', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
export const getStaffTheme = { method: 'get', path: '/v1/councils/{council}/staff/themes/{id}', tag: 'staff', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
export const createTheme = { method: 'post', path: '/v1/councils/{council}/staff/themes', tag: 'staff', auth: 'staff', retry: 'keyed', idempotent: true } as const satisfies Endpoint;
export const updateTheme = { method: 'patch', path: '/v1/councils/{council}/staff/themes/{id}', tag: 'staff', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
// Publishing a published theme changes nothing (and sends no mail again): safe to repeat.
export const publishTheme = { method: 'post', path: '/v1/councils/{council}/staff/themes/{id}/publish', tag: 'staff', auth: 'staff', admin: true, retry: 'safe' } as const satisfies Endpoint;
export const createThemeUpdate = { method: 'post', path: '/v1/councils/{council}/staff/themes/{id}/updates', tag: 'staff', auth: 'staff', retry: 'keyed', idempotent: true } as const satisfies Endpoint;
// An authorization code is good for one exchange: a repeated request can only fail.
export const createStaffSession = { method: 'post', path: '/v1/councils/{council}/staff/sessions', tag: 'staff', auth: 'public', retry: 'never' } as const satisfies Endpoint;
export const deleteStaffSession = { method: 'delete', path: '/v1/councils/{council}/staff/sessions/current', tag: 'staff', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
export const listAudit = { method: 'get', path: '/v1/councils/{council}/staff/audit', tag: 'staff', auth: 'staff', admin: true, retry: 'safe' } as const satisfies Endpoint;
// Council settings: editors read them (the embed builder warns with the allowed origins), admins change them.
export const getCouncilSettings = { method: 'get', path: '/v1/councils/{council}/staff/settings', tag: 'staff', auth: 'staff', retry: 'safe' } as const satisfies Endpoint;
// A PATCH carries absolute values, so sending it twice changes nothing more.
export const updateCouncilSettings = { method: 'patch', path: '/v1/councils/{council}/staff/settings', tag: 'staff', auth: 'staff', admin: true, retry: 'safe' } as const satisfies Endpoint;
export const saveService = { method: 'put', path: '/v1/councils/{council}/staff/services/{service}', tag: 'staff', auth: 'staff', admin: true, retry: 'safe' } as const satisfies Endpoint;
