// Issue 8, the staff API over real HTTP on every engine: the inbox (filters, full-text search in
// each input's language, cursor pagination), status changes, links to themes, personal replies,
// themes from draft to published, timeline updates, and an audit entry for every action.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROBLEM_TYPES, type AuditList, type FeedbackReceipt, type StaffFeedback, type StaffFeedbackList, type StaffTheme, type ThemeDetail, type ThemeList } from '@civicloop/contract';
import { createCouncil } from './councils.js';
import type { RunningServer } from './server.js';
import { createService } from './services.js';
import { createStaffToken } from './staff-tokens.js';
import { call } from './testing/api.js';
import { forEachEngine, startTestServer, testClock } from './testing/engines.js';

const DAY = 86_400_000;

forEachEngine((engine) => {
  let server: RunningServer;
  let editor: string;
  let admin: string;
  let foreignAdmin: string;
  const clock = testClock(Date.parse('2026-05-04T09:00:00Z'));
  const base = '/v1/councils/loopton';

  /** Inputs created in `before`, by a name the tests use. */
  const inputs: Record<string, { id: string; receipt: string }> = {};
  const seeded: { name: string; kind: string; channel: string; service?: string; locale: string; text: string; day: number; contact?: string }[] = [
    { name: 'libEn', kind: 'problem', channel: 'web', service: 'libraries', locale: 'en', text: 'The libraries are closed on Sundays, which is when I have time.', day: 0, contact: 'ana@example.org' },
    { name: 'libDe', kind: 'idea', channel: 'phone', service: 'libraries', locale: 'de', text: 'Die Bibliotheken sollten sonntags geöffnet sein.', day: 1 },
    { name: 'libPl', kind: 'problem', channel: 'paper', service: 'libraries', locale: 'pl', text: 'Biblioteki są zamknięte w niedziele.', day: 2 },
    { name: 'busSv', kind: 'problem', channel: 'email', service: 'trams', locale: 'sv', text: 'Bussarna kommer alltid för sent på morgonen.', day: 3 },
    { name: 'praise', kind: 'praise', channel: 'in-person', locale: 'en', text: 'Thank you for the new benches in the park.', day: 4 },
    { name: 'petition', kind: 'idea', channel: 'petition', service: 'trams', locale: 'en', text: 'A petition with 1,200 signatures asks for a night tram.', day: 5 },
    { name: 'question', kind: 'question', channel: 'web', locale: 'pl', text: 'Kiedy otworzą nową bibliotekę?', day: 6 },
  ];

  before(async () => {
    server = await startTestServer(engine, {
      now: clock.now,
      mailOutboxDir: mkdtempSync(join(tmpdir(), 'civicloop-staff-outbox-')),
      limits: { feedbackPerClientPerHour: 10_000, feedbackPerCouncilPerHour: 10_000 },
    });
    await createCouncil(server.db, { slug: 'loopton', name: 'Loopton', origins: [], locales: ['en', 'pl', 'sv', 'de'] });
    await createCouncil(server.db, { slug: 'otherton', name: 'Otherton', origins: [] });
    for (const [id, en] of [['libraries', 'Libraries'], ['trams', 'Trams']] as const) await createService(server.db, { council: 'loopton', id, name: { en }, category: 'culture' });
    editor = await createStaffToken(server.db, { council: 'loopton', role: 'editor', label: 'Ewa, front desk' });
    admin = await createStaffToken(server.db, { council: 'loopton', role: 'admin', label: 'Anna, head of service' });
    foreignAdmin = await createStaffToken(server.db, { council: 'otherton', role: 'admin', label: 'other' });
    const start = clock.now();
    for (const s of seeded) {
      clock.advance(start + s.day * DAY - clock.now());
      const body = { kind: s.kind, text: s.text, locale: s.locale, ...(s.service ? { service: s.service } : {}), ...(s.contact ? { contact: s.contact, pageUrl: 'https://loopton.example/libraries' } : {}) };
      const res =
        s.channel === 'web'
          ? await call(server, 'POST', `${base}/feedback`, { body })
          : await call(server, 'POST', `${base}/staff/feedback`, {
              token: editor,
              body: { ...body, channel: s.channel, ...(s.channel === 'petition' ? { sourceUrl: 'https://petitions.example/night-tram' } : {}) },
            });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      inputs[s.name] = res.body;
    }
    // Otherton's own input, which Loopton's staff must never see.
    const other = await call(server, 'POST', '/v1/councils/otherton/staff/feedback', { token: foreignAdmin, body: { kind: 'idea', text: 'Libraries on Sundays please', channel: 'phone', locale: 'en' } });
    inputs['other'] = other.body;
  });
  after(() => server.close());

  const inbox = async (query: string, token = editor) => {
    const res = await call<StaffFeedbackList>(server, 'GET', `${base}/staff/feedback?${query}`, { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  const names = (list: StaffFeedbackList) => list.items.map((i) => Object.entries(inputs).find(([, v]) => v.id === i.id)?.[0] ?? i.id).sort();
  const expected = (pred: (s: (typeof seeded)[number]) => boolean) => seeded.filter(pred).map((s) => s.name).sort();

  describe('the inbox', () => {
    test('lists this council only, newest first, with what staff need and never the address', async () => {
      const list = await inbox('');
      assert.deepEqual(names(list), expected(() => true));
      assert.deepEqual(list.items.map((i) => i.createdAt), [...list.items.map((i) => i.createdAt)].sort().reverse());
      const libEn = list.items.find((i) => i.id === inputs['libEn']!.id)!;
      assert.equal(libEn.replyRequested, true);
      assert.equal(libEn.channel, 'web');
      assert.ok(!JSON.stringify(list).includes('ana@example.org'));
      const petition = list.items.find((i) => i.id === inputs['petition']!.id)!;
      assert.equal(petition.sourceUrl, 'https://petitions.example/night-tram');
    });

    test('filters by status, service, kind, channel and date range, combined with AND', async () => {
      assert.deepEqual(names(await inbox('service=libraries')), expected((s) => s.service === 'libraries'));
      assert.deepEqual(names(await inbox('kind=problem')), expected((s) => s.kind === 'problem'));
      assert.deepEqual(names(await inbox('channel=petition')), ['petition']);
      assert.deepEqual(names(await inbox('kind=problem&service=libraries')), expected((s) => s.kind === 'problem' && s.service === 'libraries'));
      assert.deepEqual(names(await inbox('status=received')), expected(() => true));
      // Day 0 is 2026-05-04: from the 5th to the 7th is days 1 to 3.
      assert.deepEqual(names(await inbox('from=2026-05-05&to=2026-05-07')), expected((s) => s.day >= 1 && s.day <= 3));
      assert.deepEqual(names(await inbox('from=2026-05-10')), expected((s) => s.day >= 6));
      const bad = await call(server, 'GET', `${base}/staff/feedback?from=2026-05-07&to=2026-05-05`, { token: editor });
      assert.equal(bad.status, 422);
    });

    test("full-text search in each input's own language: stems where PostgreSQL can, plain words in Polish", async () => {
      // English stemming: "library" finds "libraries"; German: "Bibliothek" finds "Bibliotheken".
      assert.deepEqual(names(await inbox(`q=${encodeURIComponent('library')}`)), ['libEn']);
      assert.deepEqual(names(await inbox(`q=${encodeURIComponent('Bibliothek')}`)), ['libDe']);
      // Swedish: "bussen" and "Bussarna" share a stem.
      assert.deepEqual(names(await inbox(`q=${encodeURIComponent('bussen')}`)), ['busSv']);
      // Polish has no configuration: the exact word matches, another form does not.
      assert.deepEqual(names(await inbox(`q=${encodeURIComponent('biblioteki')}`)), ['libPl']);
      assert.deepEqual(names(await inbox(`q=${encodeURIComponent('bibliotekach')}`)), []);
      // Web-search syntax, combined with a filter.
      assert.deepEqual(names(await inbox(`q=${encodeURIComponent('library -sunday')}`)), []);
      assert.deepEqual(names(await inbox(`q=${encodeURIComponent('"night tram"')}&channel=petition`)), ['petition']);
      // Markup and operators in a query are words, never an error.
      const odd = await inbox(`q=${encodeURIComponent('<script> & | ! ( :* \'')}`);
      assert.deepEqual(odd.items, []);
    });

    test('cursor pagination walks every input once, in order; a forged cursor is a 422 problem', async () => {
      const seen: StaffFeedback[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: StaffFeedbackList = await inbox(`limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        assert.ok(page.items.length <= 2);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, Math.ceil(seeded.length / 2));
      assert.deepEqual(seen.map((i) => i.id), (await inbox('')).items.map((i) => i.id));
      const forged = [
        'AA', // a NUL byte
        Buffer.from('["\u0000","x"]').toString('base64url'),
        'not a cursor',
        Buffer.from('["yesterday","x"]').toString('base64url'),
        Buffer.from('{"a":1}').toString('base64url'),
        Buffer.from('["2026-05-04T09:00:00.000000Z"]').toString('base64url'),
        Buffer.from('[1,2]').toString('base64url'),
      ];
      for (const c of forged) {
        const res = await call(server, 'GET', `${base}/staff/feedback?cursor=${encodeURIComponent(c)}`, { token: editor });
        assert.equal(res.status, 422, `${c}: ${res.status}`);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
        assert.equal(res.body.type, PROBLEM_TYPES.validation);
        assert.equal(res.body.errors[0].path, '/cursor');
      }
    });
  });

  describe('changing inputs, replies, themes, audit', () => {
    let draft: StaffTheme;

    test('a status change shows in the receipt timeline and the audit log, with before and after', async () => {
      clock.advance(DAY);
      const res = await call<StaffFeedback>(server, 'PATCH', `${base}/staff/feedback/${inputs['busSv']!.id}`, { token: editor, body: { status: 'in-review' } });
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'in-review');
      const receipt = await call<FeedbackReceipt>(server, 'GET', `${base}/feedback/${inputs['busSv']!.receipt}`);
      assert.deepEqual(receipt.body.timeline.map((t) => t.status), ['received', 'in-review']);
      const log = await call<AuditList>(server, 'GET', `${base}/staff/audit?subject=${inputs['busSv']!.id}`, { token: admin });
      const entry = log.body.items.find((e) => e.action === 'feedback.update')!;
      assert.deepEqual(entry.before, { status: 'received' });
      assert.deepEqual(entry.after, { status: 'in-review' });
      assert.equal(entry.actor.label, 'Ewa, front desk');
      assert.equal(entry.actor.role, 'editor');
      assert.equal(entry.at, new Date(clock.now()).toISOString());
      // The same change again changes nothing, and logs nothing.
      await call(server, 'PATCH', `${base}/staff/feedback/${inputs['busSv']!.id}`, { token: editor, body: { status: 'in-review' } });
      const again = await call<AuditList>(server, 'GET', `${base}/staff/audit?subject=${inputs['busSv']!.id}&action=feedback.update`, { token: admin });
      assert.equal(again.body.items.length, 1);
    });

    test('a personal reply: the input is answered, the receipt shows the reply, staff see it was emailed', async () => {
      clock.advance(DAY);
      const res = await call(server, 'POST', `${base}/staff/feedback/${inputs['libEn']!.id}/replies`, { token: editor, body: { text: '  We are looking at Sunday opening hours.  ' } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.text, 'We are looking at Sunday opening hours.');
      assert.equal(res.body.emailed, true);
      const receipt = await call<FeedbackReceipt>(server, 'GET', `${base}/feedback/${inputs['libEn']!.receipt}`);
      assert.equal(receipt.body.status, 'answered');
      assert.deepEqual(receipt.body.replies, [{ at: new Date(clock.now()).toISOString(), text: 'We are looking at Sunday opening hours.' }]);
      // Without an address, nothing is emailed.
      const silent = await call(server, 'POST', `${base}/staff/feedback/${inputs['libPl']!.id}/replies`, { token: editor, body: { text: 'Dziękujemy.' } });
      assert.equal(silent.body.emailed, false);
      const [row] = (await inbox('')).items.filter((i) => i.id === inputs['libEn']!.id);
      assert.equal(row!.answeredAt, new Date(clock.now()).toISOString());
      assert.equal(row!.replies.length, 1);
    });

    test('a draft theme is never public; linking inputs to it changes no status', async () => {
      clock.advance(DAY);
      const res = await call<StaffTheme>(server, 'POST', `${base}/staff/themes`, {
        token: editor,
        body: { title: 'Sunday opening of libraries', youSaid: 'Many of you asked for libraries to open on Sundays.', service: 'libraries', locale: 'en', feedbackIds: [inputs['libEn']!.id] },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      draft = res.body;
      assert.equal(draft.state, 'draft');
      assert.equal(draft.status, 'listening');
      const link = await call<StaffFeedback>(server, 'PATCH', `${base}/staff/feedback/${inputs['libDe']!.id}`, { token: editor, body: { themeIds: [draft.id] } });
      assert.deepEqual(link.body.themeIds, [draft.id]);
      assert.equal(link.body.status, 'received');
      const list = await call<ThemeList>(server, 'GET', `${base}/themes`);
      assert.deepEqual(list.body.items, []);
      assert.equal((await call(server, 'GET', `${base}/themes/${draft.id}`)).status, 404);
      const receipt = await call<FeedbackReceipt>(server, 'GET', `${base}/feedback/${inputs['libDe']!.receipt}`);
      assert.equal(receipt.body.theme, null);
      // Another council's theme cannot be linked, nor this one to another council's input.
      const foreign = await call(server, 'POST', '/v1/councils/otherton/staff/themes', { token: foreignAdmin, body: { title: 'x', youSaid: 'y', locale: 'en' } });
      const cross = await call(server, 'PATCH', `${base}/staff/feedback/${inputs['libDe']!.id}`, { token: editor, body: { themeIds: [foreign.body.id] } });
      assert.equal(cross.status, 422);
      assert.equal(cross.body.errors[0].path, '/themeIds/0');
      const crossCreate = await call(server, 'POST', `${base}/staff/themes`, { token: editor, body: { title: 'x', youSaid: 'y', locale: 'en', feedbackIds: [inputs['other']!.id] } });
      assert.equal(crossCreate.status, 422);
      assert.equal((await call(server, 'PATCH', `${base}/staff/feedback/${inputs['other']!.id}`, { token: editor, body: { status: 'closed' } })).status, 404);
    });

    test('an editor edits the draft; only an admin publishes; publishing answers the linked inputs', async () => {
      clock.advance(DAY);
      const edit = await call<StaffTheme>(server, 'PATCH', `${base}/staff/themes/${draft.id}`, {
        token: editor,
        body: { status: 'planned', weDid: 'From June, the central library opens on Sundays from 10 to 16.', statusReason: null },
      });
      assert.equal(edit.status, 200);
      assert.equal(edit.body.status, 'planned');
      assert.equal((await call(server, 'POST', `${base}/staff/themes/${draft.id}/publish`, { token: editor })).status, 403);
      clock.advance(DAY);
      const pub = await call<StaffTheme>(server, 'POST', `${base}/staff/themes/${draft.id}/publish`, { token: admin });
      assert.equal(pub.status, 200);
      assert.equal(pub.body.state, 'published');
      assert.equal(pub.body.publishedAt, new Date(clock.now()).toISOString());
      assert.deepEqual([...pub.body.feedbackIds].sort(), [inputs['libEn']!.id, inputs['libDe']!.id].sort());
      for (const name of ['libEn', 'libDe']) {
        const r = await call<FeedbackReceipt>(server, 'GET', `${base}/feedback/${inputs[name]!.receipt}`);
        assert.equal(r.body.status, 'answered', name);
        assert.equal(r.body.theme?.id, draft.id);
        assert.equal(r.body.theme?.weDid, 'From June, the central library opens on Sundays from 10 to 16.');
      }
      // libDe was answered by the publication, libEn earlier by its reply: its first response stays.
      const items = (await inbox('status=answered')).items;
      assert.equal(items.find((i) => i.id === inputs['libDe']!.id)!.answeredAt, new Date(clock.now()).toISOString());
      assert.notEqual(items.find((i) => i.id === inputs['libEn']!.id)!.answeredAt, new Date(clock.now()).toISOString());
      // Publishing again changes nothing and logs nothing.
      await call(server, 'POST', `${base}/staff/themes/${draft.id}/publish`, { token: admin });
      const log = await call<AuditList>(server, 'GET', `${base}/staff/audit?subject=${draft.id}&action=theme.publish`, { token: admin });
      assert.equal(log.body.items.length, 1);
      // Public now: in the list and by id.
      const list = await call<ThemeList>(server, 'GET', `${base}/themes`);
      assert.deepEqual(list.body.items.map((t) => t.id), [draft.id]);
      assert.equal(list.body.items[0]!.inputCount, 2);
      // An editor may no longer edit the public text; an admin may.
      assert.equal((await call(server, 'PATCH', `${base}/staff/themes/${draft.id}`, { token: editor, body: { title: 'Changed' } })).status, 403);
      assert.equal((await call(server, 'PATCH', `${base}/staff/themes/${draft.id}`, { token: admin, body: { title: 'Sunday opening of the libraries' } })).status, 200);
    });

    test('linking an input to a published theme answers it at once', async () => {
      clock.advance(DAY);
      const res = await call<StaffFeedback>(server, 'PATCH', `${base}/staff/feedback/${inputs['question']!.id}`, { token: editor, body: { themeIds: [draft.id] } });
      assert.equal(res.body.status, 'answered');
      assert.equal(res.body.answeredAt, new Date(clock.now()).toISOString());
    });

    test('timeline updates: plain text, public with the theme, a status change by an admin', async () => {
      clock.advance(DAY);
      const text = '<b>Sunday opening</b> starts on 7 June & runs all summer.';
      const up = await call(server, 'POST', `${base}/staff/themes/${draft.id}/updates`, { token: editor, body: { text } });
      assert.equal(up.status, 201, JSON.stringify(up.body));
      assert.equal((await call(server, 'POST', `${base}/staff/themes/${draft.id}/updates`, { token: editor, body: { text: 'Done.', status: 'done' } })).status, 403);
      clock.advance(DAY);
      assert.equal((await call(server, 'POST', `${base}/staff/themes/${draft.id}/updates`, { token: admin, body: { text: 'Open every Sunday now.', status: 'done' } })).status, 201);
      const theme = await call<ThemeDetail>(server, 'GET', `${base}/themes/${draft.id}`);
      assert.equal(theme.body.status, 'done');
      assert.deepEqual(theme.body.timeline.map((u) => [u.text, u.status]), [
        [text, null],
        ['Open every Sunday now.', 'done'],
      ]);
      assert.equal(theme.body.updatedAt, new Date(clock.now()).toISOString());
    });

    test('the audit log has an entry for every staff action, newest first, and pages by cursor', async () => {
      const all: AuditList['items'] = [];
      let cursor: string | null = null;
      do {
        const page: { body: AuditList } = await call<AuditList>(server, 'GET', `${base}/staff/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: admin });
        all.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const actions = all.map((e) => e.action).reverse();
      // 5 assisted entries, then the steps above, in order (no-op repeats not logged).
      assert.deepEqual(actions, [
        ...Array(5).fill('feedback.create'),
        'feedback.update',
        'feedback.reply',
        'feedback.reply',
        'theme.create',
        'feedback.update',
        'theme.update',
        'theme.publish',
        'theme.update',
        'feedback.update',
        'theme.add-update',
        'theme.add-update',
      ]);
      for (const e of all) {
        assert.ok(e.actor.tokenId && e.actor.role, JSON.stringify(e));
        assert.equal(e.actor.person, null, 'a staff token names no person');
        assert.ok(!JSON.stringify(e).includes('@example.org'), 'never an address');
      }
      const publish = all.find((e) => e.action === 'theme.publish')!;
      assert.equal(publish.actor.label, 'Anna, head of service');
      assert.deepEqual(publish.before, { state: 'draft' });
      assert.equal((publish.after as { state: string }).state, 'published');
      // Another council's log is its own.
      const foreign = await call<AuditList>(server, 'GET', '/v1/councils/otherton/staff/audit', { token: foreignAdmin });
      assert.ok(foreign.body.items.every((e) => !all.some((a) => a.id === e.id)));
      assert.ok(foreign.body.items.length >= 2);
    });

    test('input seen in public needs a source link', async () => {
      const res = await call(server, 'POST', `${base}/staff/feedback`, { token: editor, body: { kind: 'idea', text: 'A mural about the river', channel: 'artwork' } });
      assert.equal(res.status, 422);
      assert.equal(res.body.errors[0].path, '/sourceUrl');
      const js = await call(server, 'POST', `${base}/staff/feedback`, { token: editor, body: { kind: 'idea', text: 'x', channel: 'press', sourceUrl: 'javascript:alert(1)' } });
      assert.equal(js.status, 422);
    });
  });
});
