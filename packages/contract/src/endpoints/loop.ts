// "You said, we did" in public: themes, loop figures, the feed and open data.
import type { Endpoint } from './endpoint.js';

export const listThemes = { method: 'get', path: '/v1/councils/{council}/themes', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true } as const satisfies Endpoint;
export const getTheme = { method: 'get', path: '/v1/councils/{council}/themes/{id}', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true } as const satisfies Endpoint;
export const getStats = { method: 'get', path: '/v1/councils/{council}/stats', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true } as const satisfies Endpoint;
export const getFeed = { method: 'get', path: '/v1/councils/{council}/feed.atom', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true } as const satisfies Endpoint;
export const getOpenDataThemes = { method: 'get', path: '/v1/councils/{council}/open-data/themes.json', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true } as const satisfies Endpoint;
export const getOpenDataThemesCsv = { method: 'get', path: '/v1/councils/{council}/open-data/themes.csv', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true } as const satisfies Endpoint;
export const getOpenDataStats = { method: 'get', path: '/v1/councils/{council}/open-data/stats.json', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true } as const satisfies Endpoint;
export const getOpenDataStatsCsv = { method: 'get', path: '/v1/councils/{council}/open-data/stats.csv', tag: 'loop', auth: 'public', retry: 'safe', cacheable: true } as const satisfies Endpoint;
