import * as z from 'zod/mini';
import { Id, LocalizedText, page } from './common.js';
import { SERVICE_CATEGORIES } from './rules.js';

// The categories are rules (zod-free, for browser code); re-exported here beside their schema.
export { SERVICE_CATEGORIES };
export const ServiceCategory = z.enum(SERVICE_CATEGORIES);
export type ServiceCategory = z.infer<typeof ServiceCategory>;

export const Service = z
  .object({
    id: Id.check(z.meta({ description: "The service's ID; send it as `service` with an input." })),
    name: LocalizedText.check(z.meta({ description: "The service's name, by locale." })),
    category: ServiceCategory.check(z.meta({ description: 'Which group of services it belongs to.' })),
  })
  .check(z.meta({ description: 'A public service a council runs, as residents see it.' }));
export type Service = z.infer<typeof Service>;

export const ServiceList = page(Service).check(z.meta({ description: "One page of a council's services." }));
export type ServiceList = z.infer<typeof ServiceList>;
