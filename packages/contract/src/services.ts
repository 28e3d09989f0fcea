import * as z from 'zod/mini';
import { Id, LocalizedText, page } from './common.js';

/** The five categories of Warsaw's diagnosis, plus social services and a catch-all. */
export const SERVICE_CATEGORIES = ['education', 'health', 'culture', 'communal', 'transport', 'social', 'other'] as const;
export const ServiceCategory = z.enum(SERVICE_CATEGORIES);
export type ServiceCategory = z.infer<typeof ServiceCategory>;

/** A public service a council runs, as residents see it. */
export const Service = z.object({
  id: Id,
  name: LocalizedText,
  category: ServiceCategory,
});
export type Service = z.infer<typeof Service>;

export const ServiceList = page(Service);
export type ServiceList = z.infer<typeof ServiceList>;
