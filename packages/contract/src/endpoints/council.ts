// Health and the council's public configuration: what every element reads first.
import type { Endpoint } from './endpoint.js';

export const health = { method: 'get', path: '/healthz', tag: 'meta', auth: 'public', retry: 'safe' } as const satisfies Endpoint;
export const getCouncil = { method: 'get', path: '/v1/councils/{council}', tag: 'council', auth: 'public', retry: 'safe', cacheable: true } as const satisfies Endpoint;
export const listServices = { method: 'get', path: '/v1/councils/{council}/services', tag: 'council', auth: 'public', retry: 'safe', cacheable: true } as const satisfies Endpoint;
