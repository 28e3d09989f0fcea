// The council's public configuration and services: what every element reads first.
import type { CouncilConfig, ServiceList } from '@civicloop/contract';
import { getCouncil as getCouncilEndpoint, listServices as listServicesEndpoint } from '@civicloop/contract/endpoints';
import type { CallOptions, Transport } from '../transport.js';

/** A page of a list: how many, and where to go on from (`nextCursor` of the previous page). */
export interface PageQuery {
  /** Items on the page (1–100). @default the server's (50) */
  limit?: number;
  /** `nextCursor` of the previous page. @default the first page */
  cursor?: string;
}

/** The council's public configuration: name, locales, texts, limits. */
export async function getCouncil(t: Transport, options: CallOptions = {}): Promise<CouncilConfig> {
  return (await t.call<CouncilConfig>('getCouncil', getCouncilEndpoint, options)).data;
}

/** One page of the council's services; pass `nextCursor` back as `cursor` for the next. */
export async function listServices(t: Transport, query: PageQuery = {}, options: CallOptions = {}): Promise<ServiceList> {
  return (await t.call<ServiceList>('listServices', listServicesEndpoint, { ...options, query: { ...query } })).data;
}
