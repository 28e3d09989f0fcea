// Issue 8, the public side of the loop on every engine: published themes (drafts never), one
// theme, loop figures checked against figures worked out by hand from seeded data on a test
// clock, ETag/304/Cache-Control, the Atom feed (well-formed, parsed by a real feed parser,
// staff markup inert), and open data as JSON and CSV under the council's licence.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { LoopStats, OpenDataStats, OpenDataThemes, ThemeDetail, ThemeList } from '@civicloop/contract';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed } from 'feedsmith';
import { createCouncil } from './councils.js';
import type { RunningServer } from './server.js';
import { createService } from './services.js';
import { createStaffToken } from './staff-tokens.js';
import { call } from './testing/api.js';
import { forEachEngine, startTestServer, testClock } from './testing/engines.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');
const SCRIPTY = `<script>alert("x")</script> & <b>bold</b> ]]> <![CDATA[ x ]]> 'q' \u0007bell`;

forEachEngine((engine) => {
  let server: RunningServer;
  let admin: string;
  const clock = testClock(T0);
  const base = '/v1/councils/statton';
  const ids: Record<string, string> = {};
  let published: string[] = [];
  let draft = '';
  let scripty = '';

  const at = (day: number) => clock.advance(T0 + day * DAY - clock.now());
  async function input(name: string, day: number, channel: 'web' | 'phone', service?: string) {
    at(day);
    const body = { kind: 'idea', text: `Input ${name}`, locale: 'en', ...(service ? { service } : {}) };
    const res =
      channel === 'web'
        ? await call(server, 'POST', `${base}/feedback`, { body })
        : await call(server, 'POST', `${base}/staff/feedback`, { token: admin, body: { ...body, channel } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    ids[name] = res.body.id;
  }
  async function reply(name: string, day: number) {
    at(day);
    assert.equal((await call(server, 'POST', `${base}/staff/feedback/${ids[name]}/replies`, { token: admin, body: { text: 'Answered.' } })).status, 201);
  }
  async function theme(body: Record<string, unknown>, publishDay?: number): Promise<string> {
    const res = await call(server, 'POST', `${base}/staff/themes`, { token: admin, body: { locale: 'en', ...body } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    if (publishDay !== undefined) {
      at(publishDay);
      assert.equal((await call(server, 'POST', `${base}/staff/themes/${res.body.id}/publish`, { token: admin })).status, 200);
    }
    return res.body.id;
  }

  before(async () => {
    server = await startTestServer(engine, {
      now: clock.now,
      mailOutboxDir: mkdtempSync(join(tmpdir(), 'civicloop-loop-outbox-')),
      limits: { feedbackPerClientPerHour: 10_000, feedbackPerCouncilPerHour: 10_000 },
    });
    await createCouncil(server.db, { slug: 'statton', name: 'Statton & <Co>', origins: [] });
    await createCouncil(server.db, { slug: 'freeton', name: 'Freeton', origins: [], openLicence: 'CC0-1.0' });
    for (const id of ['libraries', 'parks']) await createService(server.db, { council: 'statton', id, name: { en: id }, category: 'culture' });
    admin = await createStaffToken(server.db, { council: 'statton', role: 'admin' });
    // The seeded loop (days after 2026-03-01 12:00 UTC), and each input's days to a public response:
    await input('A', 0, 'web', 'libraries'); //  reply on day 2                 -> 2
    await input('B', 1, 'web', 'libraries'); //  theme published on day 11      -> 10
    await input('C', 3, 'phone', 'libraries'); // theme published on day 11     -> 8
    await input('D', 5, 'web', 'parks'); //      only in a draft theme          -> none
    await input('E', 32, 'phone', 'parks'); //   reply on day 36                -> 4
    await input('F', 40, 'web'); //              reply on day 41.5              -> 1.5
    await input('G', 45, 'web', 'parks'); //     reply on day 70 (10 May)       -> 25, after April
    // Not in time order: each step sets the clock.
    await reply('A', 2);
    at(9);
    const lib = await theme({ title: 'Library hours', youSaid: 'Open longer, please.', weDid: 'Open until 20:00 from April.', status: 'planned', service: 'libraries', feedbackIds: [ids['B'], ids['C']] }, 11);
    at(12);
    draft = await theme({ title: 'Park benches (draft)', youSaid: 'More benches.', service: 'parks', feedbackIds: [ids['D']] });
    await reply('E', 36);
    await reply('F', 41.5);
    at(50);
    scripty = await theme({ title: SCRIPTY, youSaid: `You said, "${SCRIPTY}", twice,\nover two lines`, status: 'considering', service: 'parks' }, 51);
    at(55);
    assert.equal((await call(server, 'POST', `${base}/staff/themes/${lib}/updates`, { token: admin, body: { text: `Update: ${SCRIPTY}`, status: 'done' } })).status, 201);
    await reply('G', 70);
    published = [lib, scripty];
    at(80);
  });
  after(() => server.close());

  describe('themes', () => {
    test('only published themes are listed, most recently updated first; drafts are 404', async () => {
      const list = await call<ThemeList>(server, 'GET', `${base}/themes`);
      assert.equal(list.status, 200);
      // The library theme's update (day 55) is newer than the parks theme's publication (day 51).
      assert.deepEqual(list.body.items.map((t) => t.id), [published[0], published[1]]);
      assert.ok(!JSON.stringify(list.body).includes('Park benches (draft)'));
      assert.equal((await call(server, 'GET', `${base}/themes/${draft}`)).status, 404);
      const lib = list.body.items[0]!;
      assert.equal(lib.inputCount, 2);
      assert.equal(lib.status, 'done');
      assert.equal(lib.publishedAt, new Date(T0 + 11 * DAY).toISOString());
      assert.equal(lib.updatedAt, new Date(T0 + 55 * DAY).toISOString());
    });

    test('filters by service and status, and pages by cursor', async () => {
      const parks = await call<ThemeList>(server, 'GET', `${base}/themes?service=parks`);
      assert.deepEqual(parks.body.items.map((t) => t.id), [scripty]);
      const done = await call<ThemeList>(server, 'GET', `${base}/themes?status=done`);
      assert.deepEqual(done.body.items.map((t) => t.id), [published[0]]);
      assert.deepEqual((await call<ThemeList>(server, 'GET', `${base}/themes?status=listening`)).body.items, []);
      const first = await call<ThemeList>(server, 'GET', `${base}/themes?limit=1`);
      assert.equal(first.body.items.length, 1);
      assert.ok(first.body.nextCursor);
      const second = await call<ThemeList>(server, 'GET', `${base}/themes?limit=1&cursor=${encodeURIComponent(first.body.nextCursor!)}`);
      assert.deepEqual([...first.body.items, ...second.body.items].map((t) => t.id), published);
      assert.equal(second.body.nextCursor, null);
      const forged = await call(server, 'GET', `${base}/themes?cursor=AA`);
      assert.equal(forged.status, 422);
      assert.equal(forged.body.errors[0].path, '/cursor');
    });

    test('one theme with its timeline; staff text comes back exactly as written, as text', async () => {
      const res = await call<ThemeDetail>(server, 'GET', `${base}/themes/${published[0]}`);
      assert.deepEqual(res.body.timeline.map((u) => [u.text, u.status]), [[`Update: ${SCRIPTY}`, 'done']]);
      const s = await call<ThemeDetail>(server, 'GET', `${base}/themes/${scripty}`);
      assert.equal(s.body.title, SCRIPTY);
      assert.equal(s.headers.get('content-type'), 'application/json; charset=utf-8');
    });
  });

  describe('loop figures', () => {
    test('March and April 2026, worked out by hand', async () => {
      const res = await call<LoopStats>(server, 'GET', `${base}/stats?from=2026-03-01&to=2026-04-30`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const s = res.body;
      // 7 received; answered by 30 April: A 2, B 10, C 8, E 4, F 1.5 days (G on 10 May, D never).
      assert.deepEqual([s.received, s.answered, s.answeredShare, s.medianDaysToResponse], [7, 5, 0.7143, 4]);
      assert.deepEqual(s.byService, [
        { service: 'libraries', received: 3, answered: 3, answeredShare: 1, medianDaysToResponse: 8 }, // 2, 8, 10
        { service: 'parks', received: 3, answered: 1, answeredShare: 0.3333, medianDaysToResponse: 4 }, // D, E 4, G late
        { service: null, received: 1, answered: 1, answeredShare: 1, medianDaysToResponse: 1.5 }, // F
      ]);
      assert.deepEqual(s.byChannel, [
        { channel: 'web', received: 5, answered: 3, answeredShare: 0.6, medianDaysToResponse: 2 }, // A 2, B 10, F 1.5
        { channel: 'phone', received: 2, answered: 2, answeredShare: 1, medianDaysToResponse: 6 }, // C 8, E 4
      ]);
      assert.deepEqual(s.byMonth, [
        { month: '2026-03', received: 4, answered: 3, answeredShare: 0.75, medianDaysToResponse: 8 },
        { month: '2026-04', received: 3, answered: 2, answeredShare: 0.6667, medianDaysToResponse: 2.75 },
      ]);
    });

    test('a longer period counts the late answer; a service narrows it; an empty one is null, not 0', async () => {
      const may = (await call<LoopStats>(server, 'GET', `${base}/stats?from=2026-03-01&to=2026-05-31`)).body;
      // G answered after 25 days: 1.5, 2, 4, 8, 10, 25 -> (4 + 8) / 2.
      assert.deepEqual([may.received, may.answered, may.answeredShare, may.medianDaysToResponse], [7, 6, 0.8571, 6]);
      assert.deepEqual(may.byMonth.map((m) => m.month), ['2026-03', '2026-04', '2026-05']);
      assert.deepEqual(may.byMonth[2], { month: '2026-05', received: 0, answered: 0, answeredShare: null, medianDaysToResponse: null });
      const parks = (await call<LoopStats>(server, 'GET', `${base}/stats?from=2026-03-01&to=2026-04-30&service=parks`)).body;
      assert.deepEqual([parks.service, parks.received, parks.answered, parks.medianDaysToResponse], ['parks', 3, 1, 4]);
      const march2 = (await call<LoopStats>(server, 'GET', `${base}/stats?from=2026-03-02&to=2026-03-02`)).body;
      // B only, answered on 12 March: after this one-day period ended, so not answered in it.
      assert.deepEqual([march2.received, march2.answered, march2.answeredShare, march2.medianDaysToResponse], [1, 0, 0, null]);
    });

    test('the default period is the year up to today by the server clock; a reversed or huge one is 422', async () => {
      const s = (await call<LoopStats>(server, 'GET', `${base}/stats`)).body;
      const today = new Date(clock.now()).toISOString().slice(0, 10);
      assert.equal(s.to, today);
      assert.equal(s.from, '2025-05-21');
      assert.equal(s.received, 7);
      assert.equal((await call(server, 'GET', `${base}/stats?from=2026-04-02&to=2026-04-01`)).status, 422);
      assert.equal((await call(server, 'GET', `${base}/stats?from=1900-01-01&to=2026-04-01`)).status, 422);
      assert.equal((await call(server, 'GET', `${base}/stats?from=2026-02-30`)).status, 422);
    });

    test('the first and last years a date can name are periods like any other', async () => {
      const s = await call<LoopStats>(server, 'GET', `${base}/stats?to=9999-12-31`);
      assert.equal(s.status, 200);
      assert.deepEqual([s.body.from, s.body.to, s.body.received], ['9999-01-01', '9999-12-31', 0]);
      assert.deepEqual(s.body.byMonth.map((m) => m.month), Array.from({ length: 12 }, (_, i) => `9999-${String(i + 1).padStart(2, '0')}`));
      // And the first: the default year before 0000-01-01 starts on that day.
      const first = await call<LoopStats>(server, 'GET', `${base}/stats?to=0000-01-01`);
      assert.equal(first.status, 200);
      assert.deepEqual([first.body.from, first.body.to, first.body.byMonth.map((m) => m.month)], ['0000-01-01', '0000-01-01', ['0000-01']]);
    });
  });

  describe('caching', () => {
    test('every public loop GET sends ETag and Cache-Control, and answers If-None-Match with 304', async () => {
      const paths = [
        `${base}/themes`,
        `${base}/themes?service=parks`,
        `${base}/themes/${published[0]}`,
        `${base}/stats?from=2026-03-01&to=2026-04-30`,
        `${base}/feed.atom`,
        `${base}/open-data/themes.json`,
        `${base}/open-data/themes.csv`,
        `${base}/open-data/stats.json?from=2026-03-01&to=2026-04-30`,
        `${base}/open-data/stats.csv?from=2026-03-01&to=2026-04-30`,
      ];
      for (const path of paths) {
        const first = await fetch(server.url + path);
        await first.arrayBuffer();
        const etag = first.headers.get('etag');
        assert.equal(first.status, 200, path);
        assert.ok(etag, `${path} has an ETag`);
        assert.match(first.headers.get('cache-control') ?? '', /public, max-age=\d+/, path);
        const again = await fetch(server.url + path, { headers: { 'if-none-match': etag } });
        assert.equal(again.status, 304, path);
        assert.equal(await again.text(), '');
      }
      // A change is a new ETag.
      const before = (await fetch(`${server.url}${base}/themes/${published[0]}`)).headers.get('etag');
      assert.equal((await call(server, 'POST', `${base}/staff/themes/${published[0]}/updates`, { token: admin, body: { text: 'Still open until 20:00.' } })).status, 201);
      const changed = await fetch(`${server.url}${base}/themes/${published[0]}`, { headers: { 'if-none-match': before! } });
      assert.equal(changed.status, 200);
    });
  });

  describe('the Atom feed', () => {
    test('is well-formed Atom 1.0, parsed by a real feed parser, with every element RFC 4287 requires', async () => {
      const res = await fetch(`${server.url}${base}/feed.atom`);
      assert.equal(res.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
      const xml = await res.text();
      assert.equal(XMLValidator.validate(xml), true);
      const feed = parseAtomFeed(xml);
      assert.equal(feed.id, 'urn:civicloop:feed:statton');
      assert.equal(feed.title?.value, 'Statton & <Co>');
      assert.ok(feed.updated && !Number.isNaN(Date.parse(String(feed.updated))));
      assert.equal(feed.authors?.[0]?.name, 'Statton & <Co>');
      assert.ok(feed.links?.some((l) => l.rel === 'self' && l.href === `${server.url}${base}/feed.atom`));
      const entries = feed.entries ?? [];
      // Two publications and two updates (one from the caching test above).
      assert.equal(entries.length, 4);
      for (const e of entries) {
        assert.ok(e.id && e.title?.value && e.updated, JSON.stringify(e));
        assert.ok(e.content?.value || e.links?.some((l) => l.rel === 'alternate'));
      }
      const times = entries.map((e) => Date.parse(String(e.updated)));
      assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
      assert.ok(!JSON.stringify(feed).includes('Park benches'), 'no draft in the feed');
    });

    test('staff markup is escaped text: no element, no CDATA break-out, control characters dropped', async () => {
      const xml = await (await fetch(`${server.url}${base}/feed.atom`)).text();
      assert.ok(!xml.includes('<script'), 'no script element');
      assert.ok(!xml.includes('<b>'));
      assert.ok(!xml.includes('\u0007'));
      assert.ok(xml.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
      const entries = parseAtomFeed(xml).entries ?? [];
      const titles = entries.map((e) => e.title?.value);
      assert.ok(titles.includes(SCRIPTY.replace('\u0007', '')), JSON.stringify(titles));
      assert.ok(entries.some((e) => e.content?.value === `Update: ${SCRIPTY.replace('\u0007', '')}`));
      assert.ok(entries.every((e) => e.content?.type === 'text' && e.title?.type === 'text'));
    });

    // A feed is publicly cacheable: a Host header the client made up must not become its links.
    test("its links are on the server's own address, whatever Host the request names; on publicUrl when it is set", async () => {
      const forged = await new Promise<string>((resolve, reject) => {
        const req = request(`${server.url}${base}/feed.atom`, { headers: { host: 'evil.example' } }, (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => resolve(text));
        });
        req.on('error', reject).end();
      });
      const links = (xml: string) => [...xml.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(links(forged).length > 1, forged);
      assert.deepEqual(links(forged).filter((l) => !l.startsWith(`${server.url}/`)), []);

      const behindProxy = await startTestServer(engine, { publicUrl: 'https://civic.example.org/' });
      try {
        await createCouncil(behindProxy.db, { slug: 'statton', name: 'Statton', origins: [] });
        const xml = await (await fetch(`${behindProxy.url}${base}/feed.atom?lang=en`)).text();
        assert.deepEqual(links(xml), ['https://civic.example.org/v1/councils/statton/feed.atom?lang=en']);
      } finally {
        await behindProxy.close();
      }
    });

    test('per service', async () => {
      const feed = parseAtomFeed(await (await fetch(`${server.url}${base}/feed.atom?service=parks`)).text());
      assert.equal(feed.id, 'urn:civicloop:feed:statton:parks');
      assert.deepEqual(feed.entries?.map((e) => e.id), [`urn:civicloop:theme:${scripty}`]);
    });

    // A typo in a filter is named, never answered with an empty feed or "0 received" as if nobody had written.
    test('a service the council does not have is a 422 naming it, in every public filter', async () => {
      for (const path of ['feed.atom', 'themes', 'stats', 'open-data/stats.json', 'open-data/stats.csv']) {
        const res = await call(server, 'GET', `${base}/${path}?service=nothing`);
        assert.equal(res.status, 422, path);
        assert.deepEqual(res.body.errors, [{ path: '/service', message: 'No service with this id in this council', code: 'unknown_service' }], path);
      }
      assert.equal((await call(server, 'GET', `${base}/staff/feedback?service=nothing`, { token: admin })).status, 422);
    });
  });

  describe('open data', () => {
    test("themes as JSON and CSV under the council's licence, the same rows, CSV quoted per RFC 4180", async () => {
      const json = await call<OpenDataThemes>(server, 'GET', `${base}/open-data/themes.json`);
      assert.deepEqual(json.body.licence, { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
      assert.deepEqual(json.body.items.map((t) => t.id).sort(), [...published].sort());
      const res = await fetch(`${server.url}${base}/open-data/themes.csv`);
      assert.match(res.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
      assert.equal(res.headers.get('link'), '<https://creativecommons.org/licenses/by/4.0/>; rel="license"; title="CC-BY-4.0"');
      const csv = await res.text();
      const rows = parseCsv(csv);
      assert.deepEqual(rows[0], ['id', 'title', 'you_said', 'we_did', 'status', 'status_reason', 'service', 'locale', 'input_count', 'published_at', 'updated_at']);
      assert.equal(rows.length, 3);
      const s = rows.find((r) => r[0] === scripty)!;
      assert.equal(s[1], SCRIPTY);
      assert.equal(s[2], `You said, "${SCRIPTY}", twice,\nover two lines`);
      const j = json.body.items.find((t) => t.id === scripty)!;
      assert.deepEqual(s.slice(4), [j.status, j.statusReason ?? '', j.service ?? '', j.locale, String(j.inputCount), j.publishedAt, j.updatedAt]);
      const free = await call<OpenDataThemes>(server, 'GET', '/v1/councils/freeton/open-data/themes.json');
      assert.deepEqual(free.body, { council: 'freeton', licence: { id: 'CC0-1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' }, items: [] });
    });

    test('CSV cells a spreadsheet would run as a formula start with an apostrophe (OWASP); JSON keeps the text as written', async () => {
      await createCouncil(server.db, { slug: 'formulton', name: 'Formulton', origins: [] });
      const token = await createStaffToken(server.db, { council: 'formulton', role: 'admin' });
      const payloads = ['=HYPERLINK("https://evil.example","Click")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tTabbed', '\rReturned'];
      const created = await call(server, 'POST', '/v1/councils/formulton/staff/themes', {
        token,
        body: { locale: 'en', title: 'Formulas', youSaid: payloads[0], weDid: payloads[1], statusReason: payloads[2], status: 'not-possible' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const other = await call(server, 'POST', '/v1/councils/formulton/staff/themes', { token, body: { locale: 'en', title: payloads[3], youSaid: 'Tab', weDid: 'Return' } });
      assert.equal(other.status, 201, JSON.stringify(other.body));
      // The API trims staff text, so a leading tab or CR can only come from data stored otherwise (an import, an older version).
      await server.db.query('UPDATE themes SET you_said = $1, we_did = $2 WHERE id = $3', [payloads[4], payloads[5], other.body.id]);
      for (const id of [created.body.id, other.body.id]) assert.equal((await call(server, 'POST', `/v1/councils/formulton/staff/themes/${id}/publish`, { token })).status, 200);
      const rows = parseCsv(await (await fetch(`${server.url}/v1/councils/formulton/open-data/themes.csv`)).text());
      const cells = (id: string, from: number, to: number) => rows.find((r) => r[0] === id)!.slice(from, to);
      assert.deepEqual(cells(created.body.id, 1, 6), ['Formulas', `'${payloads[0]}`, `'${payloads[1]}`, 'not-possible', `'${payloads[2]}`]);
      assert.deepEqual(cells(other.body.id, 1, 4), [`'${payloads[3]}`, `'${payloads[4]}`, `'${payloads[5]}`]);
      // No cell of the file starts a formula; numbers and dates are untouched.
      for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell);
      assert.deepEqual(cells(created.body.id, 8, 9), ['0']);
      const json = await call<OpenDataThemes>(server, 'GET', '/v1/councils/formulton/open-data/themes.json');
      assert.deepEqual(json.body.items.find((t) => t.id === created.body.id)?.youSaid, payloads[0]);
    });

    test('loop figures as JSON and CSV: the same numbers as /stats', async () => {
      const q = 'from=2026-03-01&to=2026-04-30';
      const stats = (await call<LoopStats>(server, 'GET', `${base}/stats?${q}`)).body;
      const json = (await call<OpenDataStats>(server, 'GET', `${base}/open-data/stats.json?${q}`)).body;
      assert.deepEqual(json.stats, stats);
      const rows = parseCsv(await (await fetch(`${server.url}${base}/open-data/stats.csv?${q}`)).text());
      assert.deepEqual(rows[0], ['from', 'to', 'group', 'key', 'received', 'answered', 'answered_share', 'median_days_to_response']);
      assert.deepEqual(rows[1], ['2026-03-01', '2026-04-30', 'all', '', '7', '5', '0.7143', '4']);
      assert.ok(rows.some((r) => r.join() === '2026-03-01,2026-04-30,channel,phone,2,2,1,6'));
      assert.ok(rows.some((r) => r.join() === '2026-03-01,2026-04-30,month,2026-04,3,2,0.6667,2.75'));
      assert.equal(rows.length, 1 + 1 + 3 + 2 + 2);
    });
  });
});

/** A small RFC 4180 reader for the assertions (quoted fields, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += ch;
  }
  assert.equal(field, '', 'the file ends with CRLF');
  return rows;
}
