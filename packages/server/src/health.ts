import type { Handlers } from './context.js';

export const healthHandlers: Pick<Handlers, 'health'> = {
  async health({ db }) {
    const up = await db.query('SELECT 1').then(
      () => true,
      () => false,
    );
    return {
      status: up ? 200 : 503,
      body: { status: up ? 'ok' : 'degraded', database: up ? 'ok' : 'unreachable' },
      // Monitoring dashboards on other origins may read it; it says nothing about anyone.
      headers: { 'access-control-allow-origin': '*', 'cache-control': 'no-store' },
    };
  },
};
