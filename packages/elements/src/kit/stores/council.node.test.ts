// One fetch of a council's configuration and services per page, whatever the number of elements.
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { CouncilConfig, Service } from '@civicloop/contract';
import { EARLY_COUNCILS, councilStore, councilText, forgetCouncils, serviceName, type CouncilSource } from './council.ts';

const config = {
  slug: 'riverside',
  name: 'Riverside',
  locales: ['en', 'pl'],
  defaultLocale: 'en',
  texts: { inputUse: { en: 'We read every message.', pl: 'Czytamy każdą wiadomość.' } },
  limits: { feedbackTextMax: 1500 },
} as unknown as CouncilConfig;
const library = { id: 'libraries', name: { en: 'Libraries', pl: 'Biblioteki' } } as unknown as Service;
const buses = { id: 'buses', name: { sv: 'Busslinjer' } } as unknown as Service;

/** Counts requests the way a server would see them. */
function counting() {
  const calls = { council: 0, services: 0 };
  const source: CouncilSource = {
    getCouncil: async () => {
      calls.council++;
      return config;
    },
    listServices: async (q) => {
      calls.services++;
      return q.cursor ? { items: [buses], nextCursor: null } : { items: [library], nextCursor: 'page-2' };
    },
  };
  return { calls, source: () => source };
}

const settled = () => new Promise((r) => setImmediate(r));

describe('council store', () => {
  beforeEach(() => forgetCouncils());

  test('two elements of one council cost one request for its configuration and one walk of its services', async () => {
    const { calls, source } = counting();
    const first = councilStore('https://api.example', 'riverside', source);
    const second = councilStore('https://api.example', 'riverside', source);
    first.loadServices();
    second.loadServices();
    await settled();
    assert.equal(first, second);
    assert.deepEqual(calls, { council: 1, services: 2 }, 'one request for the config, two pages of services, once');
    const state = second.$council.get();
    assert.equal(state.status === 'ready' && state.config.limits.feedbackTextMax, 1500);
    const services = first.$services.get();
    assert.deepEqual(services.status === 'ready' && services.services.map((s) => s.id), ['libraries', 'buses']);
  });

  test('another council or API is another request; a failure is retried by the next element', async () => {
    const { calls, source } = counting();
    councilStore('https://api.example', 'riverside', source);
    councilStore('https://api.example', 'nordby', source);
    councilStore('https://other.example', 'riverside', source);
    await settled();
    assert.equal(calls.council, 3);

    let fail = true;
    const flaky: CouncilSource = { getCouncil: async () => (fail ? Promise.reject(new Error('offline')) : config), listServices: async () => ({ items: [] }) };
    const store = councilStore('https://flaky.example', 'riverside', () => flaky);
    await settled();
    assert.equal(store.$council.get().status, 'failed');
    fail = false;
    councilStore('https://flaky.example', 'riverside', () => flaky);
    await settled();
    assert.equal(store.$council.get().status, 'ready');
  });

  test('the loader’s early request is taken once, for its URL only; a failed one is asked again through the SDK', async () => {
    const early = new Map<string, Promise<Response | undefined>>();
    (globalThis as Record<symbol, unknown>)[EARLY_COUNCILS] = early;
    try {
      const answer = { ...config, name: 'Riverside (early)' };
      early.set('https://api.example/v1/councils/riverside', Promise.resolve(Response.json(answer)));
      early.set('https://api.example/v1/councils/nordby', Promise.resolve(new Response('{}', { status: 503 })));
      early.set('https://api.example/v1/councils/quiet', Promise.resolve(undefined));
      const { calls, source } = counting();
      const riverside = councilStore('https://api.example', 'riverside', source);
      const nordby = councilStore('https://api.example', 'nordby', source);
      const quiet = councilStore('https://api.example', 'quiet', source);
      councilStore('https://other.example', 'riverside', source);
      await settled();
      const state = riverside.$council.get();
      assert.equal(state.status === 'ready' && state.config.name, 'Riverside (early)');
      assert.equal(nordby.$council.get().status, 'ready');
      assert.equal(quiet.$council.get().status, 'ready');
      assert.equal(calls.council, 3, 'the SDK asks for nordby (503), quiet (no answer) and the other API, not for riverside');
      assert.equal(early.size, 0, 'each early request is taken, so a retry asks the server again');

      // The first page of services too; the pages after it come through the SDK.
      early.set('https://api.example/v1/councils/riverside/services?limit=100', Promise.resolve(Response.json({ items: [buses], nextCursor: 'page-2' })));
      early.set('https://api.example/v1/councils/nordby/services?limit=100', Promise.resolve(new Response('{}', { status: 500 })));
      riverside.loadServices();
      nordby.loadServices();
      await settled();
      await settled();
      const names = (st: typeof riverside) => { const v = st.$services.get(); return v.status === 'ready' ? v.services.map((x) => x.id) : v.status; };
      assert.deepEqual(names(riverside), ['buses', 'buses'], 'the early first page, then page 2 through the SDK');
      assert.deepEqual(names(nordby), ['libraries', 'buses'], 'a failed early page is asked again through the SDK');
      assert.equal(calls.services, 3, 'riverside page 2; nordby pages 1 and 2');
      assert.equal(early.size, 0);
    } finally {
      delete (globalThis as Record<symbol, unknown>)[EARLY_COUNCILS];
    }
  });

  test('texts and service names in the element’s language, else the council’s default, with its lang', () => {
    assert.deepEqual(councilText(config, 'inputUse', 'pl'), { text: 'Czytamy każdą wiadomość.', lang: 'pl' });
    assert.deepEqual(councilText(config, 'inputUse', 'sv'), { text: 'We read every message.', lang: 'en' });
    assert.deepEqual(serviceName(library, 'pl', 'en'), { text: 'Biblioteki' });
    assert.deepEqual(serviceName(library, 'de', 'pl'), { text: 'Biblioteki', lang: 'pl' });
    assert.deepEqual(serviceName(buses, 'pl', 'en'), { text: 'Busslinjer', lang: 'sv' });
  });
});
