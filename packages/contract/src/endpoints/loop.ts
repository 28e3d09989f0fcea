// "You said, we did" in public: themes, loop figures, the feed and open data.
import { endpoint } from './endpoint.js';

export const listThemes = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/themes', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getTheme = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/themes/{id}', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getStats = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/stats', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getFeed = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/feed.atom', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getOpenDataThemes = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/open-data/themes.json', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getOpenDataThemesCsv = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/open-data/themes.csv', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getOpenDataStats = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/open-data/stats.json', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
export const getOpenDataStatsCsv = /* @__PURE__ */ endpoint({ method: 'get', path: '/v1/councils/{council}/open-data/stats.csv', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true });
