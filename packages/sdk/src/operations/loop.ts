// "You said, we did" in public: themes, loop figures, the feed and open data (<you-said-we-did>).
import type { FeedQuery, LoopStats, OpenDataStats, OpenDataThemes, StatsQuery, ThemeDetail, ThemeList, ThemesQuery } from '@civicloop/contract';
import { getFeed as getFeedEndpoint, getOpenDataStats as getOpenDataStatsEndpoint, getOpenDataStatsCsv as getOpenDataStatsCsvEndpoint, getOpenDataThemes as getOpenDataThemesEndpoint, getOpenDataThemesCsv as getOpenDataThemesCsvEndpoint, getStats as getStatsEndpoint, getTheme as getThemeEndpoint, listThemes as listThemesEndpoint, type Endpoint } from '@civicloop/contract/endpoints';
import type { CallOptions, Transport } from '../transport.js';

/** Query values as the transport sends them (undefined ones are left out). */
type Query = Record<string, string | number | boolean | undefined>;

/** The address of a text operation (feed, CSV), for a link: `{council}` filled, the query appended. */
function addressOf(t: Transport, endpoint: Endpoint, query: Query = {}): string {
  const url = new URL(t.baseUrl + endpoint.path.replace('{council}', encodeURIComponent(t.council)));
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
  return url.href;
}

/** One page of published "you said, we did" themes, most recently updated first; filter by `service` and `status`. */
export async function listThemes(t: Transport, query: ThemesQuery = {}, options: CallOptions = {}): Promise<ThemeList> {
  return (await t.call<ThemeList>('listThemes', listThemesEndpoint, { ...options, query: { ...query } })).data;
}

/** One published theme with its timeline (oldest first). */
export async function getTheme(t: Transport, id: string, options: CallOptions = {}): Promise<ThemeDetail> {
  return (await t.call<ThemeDetail>('getTheme', getThemeEndpoint, { ...options, params: { id } })).data;
}

/** Loop figures for a period (`from`/`to`, `YYYY-MM-DD`), overall and by service, channel and month. */
export async function getStats(t: Transport, query: StatsQuery = {}, options: CallOptions = {}): Promise<LoopStats> {
  return (await t.call<LoopStats>('getStats', getStatsEndpoint, { ...options, query: { ...query } })).data;
}

/** The address of the council's Atom feed (`getFeed`), for a subscribe link; `service` limits it to one service. */
export function feedUrl(t: Transport, query: FeedQuery = {}): string {
  return addressOf(t, getFeedEndpoint, { ...query });
}

/** Every published theme as open data, with the council's licence. */
export async function getOpenDataThemes(t: Transport, options: CallOptions = {}): Promise<OpenDataThemes> {
  return (await t.call<OpenDataThemes>('getOpenDataThemes', getOpenDataThemesEndpoint, options)).data;
}

/** The address of the themes as CSV open data (`getOpenDataThemesCsv`), for a download link. */
export function openDataThemesCsvUrl(t: Transport): string {
  return addressOf(t, getOpenDataThemesCsvEndpoint);
}

/** Loop figures as open data, with the council's licence. */
export async function getOpenDataStats(t: Transport, query: StatsQuery = {}, options: CallOptions = {}): Promise<OpenDataStats> {
  return (await t.call<OpenDataStats>('getOpenDataStats', getOpenDataStatsEndpoint, { ...options, query: { ...query } })).data;
}

/** The address of the loop figures as CSV open data (`getOpenDataStatsCsv`), for a download link. */
export function openDataStatsCsvUrl(t: Transport, query: StatsQuery = {}): string {
  return addressOf(t, getOpenDataStatsCsvEndpoint, { ...query });
}
