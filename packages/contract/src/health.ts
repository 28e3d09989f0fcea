import * as z from 'zod/mini';

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']).check(z.meta({ description: '`degraded` while a dependency is down.' })),
    database: z.enum(['ok', 'unreachable']).check(z.meta({ description: 'Whether the server reaches its database.' })),
  })
  .check(z.meta({ description: 'Liveness of the server and reachability of its database.' }));
export type Health = z.infer<typeof Health>;
