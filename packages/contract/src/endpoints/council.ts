// Health and the council's public configuration: what every element reads first.
import { endpoint } from './endpoint.js';

export const health = /* @__PURE__ */ endpoint({ method: 'get', path: '/healthz', tag: 'meta', auth: 'public', retry: 'safe' });
export const getCouncil = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}', tag: 'council', auth: 'public', retry: 'safe', cacheable: true });
export const listServices = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/services', tag: 'council', auth: 'public', retry: 'safe', cacheable: true });
