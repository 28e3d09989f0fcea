// Residents' input and its receipts, and assisted entry by staff.
import type { Endpoint } from './endpoint.js';

export const createFeedback = { method: 'post', path: '/v1/councils/{council}/feedback', tag: 'feedback', auth: 'public', retry: 'keyed', idempotent: true } as const satisfies Endpoint;
export const getFeedbackReceipt = { method: 'get', path: '/v1/councils/{council}/feedback/{receipt}', tag: 'feedback', auth: 'public', retry: 'safe', cacheable: true } as const satisfies Endpoint;
export const deleteFeedback = { method: 'delete', path: '/v1/councils/{council}/feedback/{receipt}', tag: 'feedback', auth: 'public', retry: 'safe' } as const satisfies Endpoint;
export const createChallenge = { method: 'post', path: '/v1/councils/{council}/challenges', tag: 'feedback', auth: 'public', retry: 'cheap' } as const satisfies Endpoint;
export const createStaffFeedback = { method: 'post', path: '/v1/councils/{council}/staff/feedback', tag: 'feedback', auth: 'staff', retry: 'keyed', idempotent: true } as const satisfies Endpoint;
