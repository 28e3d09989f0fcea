// Residents' input and its receipts, and assisted entry by staff.
import { endpoint } from './endpoint.js';

export const createFeedback = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/feedback', tag: 'feedback', auth: 'public', retry: 'keyed', idempotent: true });
export const getFeedbackReceipt = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/feedback/{receipt}', tag: 'feedback', auth: 'public', retry: 'safe', cacheable: true });
export const deleteFeedback = /* @__PURE__ */ endpoint({ method: 'delete', path: '/v1/councils/{council}/feedback/{receipt}', tag: 'feedback', auth: 'public', retry: 'safe' });
export const createChallenge = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/challenges', tag: 'feedback', auth: 'public', retry: 'cheap' });
export const createStaffFeedback = /* @__PURE__ */ endpoint({ method: 'post', path: '/v1/councils/{council}/staff/feedback', tag: 'feedback', auth: 'staff', retry: 'keyed', idempotent: true });
