// Staff: single sign-on sessions, the inbox, replies, themes, the audit log and council settings.
import { endpoint } from './endpoint.js';

export const listStaffFeedback = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/feedback', tag: 'staff', auth: 'staff', retry: 'safe' });
// PATCH bodies hold absolute values (a status, a set of links), so sending one twice changes nothing more.
export const updateStaffFeedback = /* @__PURE__ */ endpoint({ method: 'patch', path: '/v1/councils/{council}/staff/feedback/{id}', tag: 'staff', auth: 'staff', retry: 'safe' });
export const createReply = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/feedback/{id}/replies', tag: 'staff', auth: 'staff', retry: 'keyed', idempotent: true });
export const listStaffThemes = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/themes', tag: 'staff', auth: 'staff', retry: 'safe' });
export const getStaffTheme = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/themes/{id}', tag: 'staff', auth: 'staff', retry: 'safe' });
export const createTheme = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/themes', tag: 'staff', auth: 'staff', retry: 'keyed', idempotent: true });
export const updateTheme = /* @__PURE__ */ endpoint({ method: 'patch', path: '/v1/councils/{council}/staff/themes/{id}', tag: 'staff', auth: 'staff', retry: 'safe' });
// Publishing a published theme changes nothing (and sends no mail again): safe to repeat.
export const publishTheme = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/themes/{id}/publish', tag: 'staff', auth: 'staff', admin: true, retry: 'safe' });
export const createThemeUpdate = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/themes/{id}/updates', tag: 'staff', auth: 'staff', retry: 'keyed', idempotent: true });
// An authorization code is good for one exchange: a repeated request can only fail.
export const createStaffSession = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/sessions', tag: 'staff', auth: 'public', retry: 'never' });
export const deleteStaffSession = /* @__PURE__ */ endpoint({ method: 'delete', path: '/v1/councils/{council}/staff/sessions/current', tag: 'staff', auth: 'staff', retry: 'safe' });
export const listAudit = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/audit', tag: 'staff', auth: 'staff', admin: true, retry: 'safe' });
// Council settings: editors read them (the embed builder warns with the allowed origins), admins change them.
export const getCouncilSettings = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/staff/settings', tag: 'staff', auth: 'staff', retry: 'safe' });
// A PATCH carries absolute values, so sending it twice changes nothing more.
export const updateCouncilSettings = /* @__PURE__ */ endpoint({ method: 'patch', path: '/v1/councils/{council}/staff/settings', tag: 'staff', auth: 'staff', admin: true, retry: 'safe' });
export const saveService = /* @__PURE__ */ endpoint({ method: 'put', path: '/v1/councils/{council}/staff/services/{service}', tag: 'staff', auth: 'staff', admin: true, retry: 'safe' });
