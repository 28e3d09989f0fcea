// Issue 8 through the SDK: one function per operation of the loop, each against the real server
// with the seeded demo councils, every answer checked against the contract (`createClient`
// validates 2xx bodies; the per-operation functions use its transport).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed } from 'feedsmith';
import { createStaffToken, seedDemo, startServer, type RunningServer } from '@civicloop/server';
import {
  createClient,
  createReply,
  createStaffFeedback,
  createTheme,
  createThemeUpdate,
  feedUrl,
  getFeedback,
  getOpenDataStats,
  getOpenDataThemes,
  getStats,
  getTheme,
  isApiError,
  listAudit,
  listStaffFeedback,
  listStaffThemes,
  getStaffTheme,
  getStaffMe,
  listThemes,
  openDataStatsCsvUrl,
  openDataThemesCsvUrl,
  publishTheme,
  updateStaffFeedback,
  updateTheme,
} from '@civicloop/sdk';

let server: RunningServer;
let editor: string;
let admin: string;

before(async () => {
  server = await startServer({ port: 0, dataDir: 'memory://', log: () => {}, validateResponses: true, mailOutboxDir: mkdtempSync(join(tmpdir(), 'civicloop-sdk-outbox-')) });
  await seedDemo(server.db);
  editor = await createStaffToken(server.db, { council: 'demo', role: 'editor', label: 'sdk editor' });
  admin = await createStaffToken(server.db, { council: 'demo', role: 'admin', label: 'sdk admin' });
});
after(async () => server?.close());

test('public operations: themes, one theme, loop figures, feed and open-data addresses', async () => {
  const t = createClient({ baseUrl: server.url, council: 'demo' });
  const page = await listThemes(t, { limit: 2 });
  assert.equal(page.items.length, 2);
  const next = await listThemes(t, { limit: 2, cursor: page.nextCursor! });
  assert.ok(next.items.every((x) => !page.items.some((y) => y.id === x.id)));
  assert.deepEqual((await listThemes(t, { status: 'not-possible' })).items.map((x) => x.id), ['demo-night-trams']);
  const theme = await getTheme(t, 'demo-library-sundays');
  assert.equal(theme.timeline.length, 2);
  const stats = await getStats(t, { service: 'libraries' });
  assert.equal(stats.received, 4);
  const feed = await fetch(feedUrl(t, { service: 'libraries' }));
  const xml = await feed.text();
  assert.equal(XMLValidator.validate(xml), true);
  assert.equal(parseAtomFeed(xml).id, 'urn:civicloop:feed:demo:libraries');
  assert.equal(new URL(feedUrl(t)).pathname, '/v1/councils/demo/feed.atom');
  assert.equal((await getOpenDataThemes(t)).licence.id, 'CC-BY-4.0');
  assert.equal((await getOpenDataStats(t, { from: '2026-01-01', to: '2026-01-31' })).stats.from, '2026-01-01');
  assert.match(await (await fetch(openDataThemesCsvUrl(t))).text(), /^id,title,you_said,/);
  assert.match(await (await fetch(openDataStatsCsvUrl(t, { service: 'libraries' }))).text(), /^from,to,group,key,/);
});

test('staff operations: the whole loop, from a petition to a published answer and the audit log', async () => {
  const t = createClient({ baseUrl: server.url, council: 'demo', token: editor });
  // Who each token is: a staff tool offers only what its role may do. Not itself audited.
  assert.deepEqual(await getStaffMe(t), { role: 'editor', label: 'sdk editor', person: null });
  assert.deepEqual(await getStaffMe(t, { token: admin }), { role: 'admin', label: 'sdk admin', person: null });
  await assert.rejects(getStaffMe(t, { token: 'not-a-token' }), (e: unknown) => isApiError(e) && e.status === 401);
  const created = await createStaffFeedback(t, { kind: 'idea', text: 'A mural competition for the underpass.', channel: 'artwork', sourceUrl: 'https://art.example.org/underpass', locale: 'en' });
  const inbox = await listStaffFeedback(t, { channel: 'artwork', q: 'murals' });
  assert.deepEqual(inbox.items.map((i) => i.id), [created.id]);
  assert.equal((await updateStaffFeedback(t, created.id, { status: 'in-review' })).status, 'in-review');
  const reply = await createReply(t, created.id, { text: 'Thank you, we will ask the arts office.' });
  assert.equal(reply.emailed, false);
  const theme = await createTheme(t, { title: 'Art in underpasses', youSaid: 'Paint the grey underpasses.', locale: 'en', service: 'libraries', feedbackIds: [created.id] });
  assert.equal(theme.state, 'draft');
  assert.equal((await updateTheme(t, theme.id, { weDid: 'A competition opens in autumn.', status: 'planned' })).status, 'planned');
  assert.equal((await listStaffThemes(t, { state: 'draft' })).items.some((x) => x.id === theme.id), true);
  // One theme, a draft too, by its id (the Location of the created theme); another council's is unknown.
  const one = await getStaffTheme(t, theme.id);
  assert.deepEqual([one.title, one.state, one.status, one.feedbackIds], ['Art in underpasses', 'draft', 'planned', [created.id]]);
  await assert.rejects(getStaffTheme(t, crypto.randomUUID()), (e: unknown) => isApiError(e) && e.status === 404);
  const riverside = await createStaffToken(server.db, { council: 'riverside', role: 'admin', label: 'sdk other council' });
  await assert.rejects(getStaffTheme(createClient({ baseUrl: server.url, council: 'riverside' }), theme.id, { token: riverside }), (e: unknown) => isApiError(e) && e.status === 404);
  await assert.rejects(publishTheme(t, theme.id), (e: unknown) => isApiError(e) && e.status === 403);
  assert.equal((await publishTheme(t, theme.id, { token: admin })).state, 'published');
  assert.equal((await createThemeUpdate(t, theme.id, { text: 'Entries are open.' })).status, null);
  const receipt = await getFeedback(t, created.receipt);
  assert.equal(receipt.theme?.id, theme.id);
  assert.equal(receipt.replies?.[0]?.text, 'Thank you, we will ask the arts office.');
  const log = await listAudit(t, { subject: theme.id }, { token: admin });
  assert.deepEqual(log.items.map((e) => e.action).reverse(), ['theme.create', 'theme.update', 'theme.publish', 'theme.add-update']);
});
