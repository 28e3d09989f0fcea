// The SQL migrations against the contract: every CHECK list and bound, and every default that
// stands for a contract constant, read back from the database catalogue after migrating.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  AGE_BANDS,
  CONSENT_EVENTS,
  CONTACT_FORMATS,
  CONTACT_KINDS,
  INVITATION_ANSWERS,
  JOINING_CHANNELS,
  REACH_THRESHOLD_DEFAULT,
  AUDIT_ACTIONS,
  FEEDBACK_CHANNELS,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  FEEDBACK_TEXT_MAX,
  LOCALES,
  MIN_FILL_MS_MAX,
  POW_DIFFICULTY_DEFAULT,
  POW_DIFFICULTY_MAX,
  RATING_MAX,
  RATING_MIN,
  OPEN_LICENCE_DEFAULT,
  REPLY_TEXT_MAX,
  STAFF_SESSION_MINUTES_DEFAULT,
  STAFF_SESSION_MINUTES_MAX,
  STAFF_SESSION_MINUTES_MIN,
  SERVICE_CATEGORIES,
  TEXT_SEARCH_CONFIGS,
  THEME_STATUSES,
  THEME_TEXT_MAX,
  THEME_TITLE_MAX,
  THEME_UPDATE_TEXT_MAX,
} from '@civicloop/contract';
import { STAFF_ROLES } from '../staff-tokens.js';
import { forEachEngine } from '../testing/engines.js';
import { openDatabase, type Database } from './driver.js';

forEachEngine((engine) => {
  let db: Database;
  before(async () => {
    db = await openDatabase(engine.storage());
  });
  after(() => db.close());

  /** `pg_get_constraintdef` of the CHECK on `table` that mentions `column` alone. */
  async function check(table: string, column: string): Promise<string> {
    const { rows } = await db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'c'`,
      [table],
    );
    const found = rows.map((r) => r.def).filter((d) => new RegExp(`\\b${column}\\b`).test(d));
    assert.equal(found.length, 1, `one CHECK on ${table}.${column}: ${JSON.stringify(found)}`);
    return found[0]!;
  }
  const listIn = async (table: string, column: string) => [...(await check(table, column)).matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1]);
  async function rangeOf(table: string, column: string): Promise<[number, number]> {
    const def = await check(table, column);
    const m = new RegExp(`${column}\\)? >= (\\d+)\\).*${column}\\)? <= (\\d+)\\)`).exec(def);
    assert.ok(m, `${table}.${column} is a range: ${def}`);
    return [Number(m[1]), Number(m[2])];
  }
  async function defaultOf(table: string, column: string): Promise<string | null> {
    const { rows } = await db.query<{ d: string | null }>(
      'SELECT column_default AS d FROM information_schema.columns WHERE table_name = $1 AND column_name = $2 AND table_schema = current_schema()',
      [table, column],
    );
    assert.equal(rows.length, 1, `${table}.${column} exists`);
    return rows[0]!.d;
  }

  test('CHECK lists are the contract enums', async () => {
    assert.deepEqual(await listIn('feedback', 'kind'), [...FEEDBACK_KINDS]);
    assert.deepEqual(await listIn('feedback', 'status'), [...FEEDBACK_STATUSES]);
    assert.deepEqual(await listIn('feedback_events', 'status'), [...FEEDBACK_STATUSES]);
    assert.deepEqual(await listIn('feedback', 'channel'), [...FEEDBACK_CHANNELS]);
    assert.deepEqual(await listIn('feedback', 'locale'), [...LOCALES]);
    assert.deepEqual(await listIn('councils', 'default_locale'), [...LOCALES]);
    assert.deepEqual(await listIn('services', 'category'), [...SERVICE_CATEGORIES]);
    assert.deepEqual(await listIn('staff_tokens', 'role'), [...STAFF_ROLES]);
    assert.deepEqual(await listIn('themes', 'status'), [...THEME_STATUSES]);
    assert.deepEqual(await listIn('theme_updates', 'status'), [...THEME_STATUSES]);
    assert.deepEqual(await listIn('themes', 'locale'), [...LOCALES]);
    assert.deepEqual(await listIn('audit_log', 'action'), [...AUDIT_ACTIONS]);
    assert.deepEqual(await listIn('audit_log', 'role'), [...STAFF_ROLES]);
    assert.deepEqual(await listIn('staff_sessions', 'role'), [...STAFF_ROLES]);
    assert.deepEqual(await listIn('contacts', 'kind'), [...CONTACT_KINDS]);
    assert.deepEqual(await listIn('contacts', 'age_band'), [...AGE_BANDS]);
    assert.deepEqual(await listIn('contacts', 'joined_via'), [...JOINING_CHANNELS]);
    assert.deepEqual(await listIn('contacts', 'locale'), [...LOCALES]);
    assert.deepEqual(await listIn('consent_ledger', 'event'), [...CONSENT_EVENTS]);
    assert.deepEqual(await listIn('activities', 'format'), [...CONTACT_FORMATS]);
    assert.deepEqual(await listIn('activities', 'locale'), [...LOCALES]);
    assert.deepEqual(await listIn('invitations', 'answer'), [...INVITATION_ANSWERS]);
  });

  test("full-text search maps each locale to the contract's text-search configuration, and each exists on this engine", async () => {
    for (const locale of LOCALES) {
      const { rows } = await db.query<{ cfg: string; present: boolean }>(
        'SELECT civicloop_ts_config($1)::text AS cfg, EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = civicloop_ts_config($1)::text) AS present',
        [locale],
      );
      assert.equal(rows[0]?.cfg, TEXT_SEARCH_CONFIGS[locale], locale);
      assert.ok(rows[0]?.present, `${locale}: ${rows[0]?.cfg} exists`);
    }
    const { rows } = await db.query<{ cfg: string }>('SELECT civicloop_ts_config(NULL)::text AS cfg');
    assert.equal(rows[0]?.cfg, 'simple');
  });

  test('CHECK ranges are the contract bounds', async () => {
    assert.deepEqual(await rangeOf('feedback', 'rating'), [RATING_MIN, RATING_MAX]);
    assert.deepEqual(await rangeOf('feedback', 'char_length\\(text'), [1, FEEDBACK_TEXT_MAX]);
    assert.deepEqual(await rangeOf('councils', 'feedback_text_max'), [1, FEEDBACK_TEXT_MAX]);
    assert.deepEqual(await rangeOf('councils', 'min_fill_ms'), [0, MIN_FILL_MS_MAX]);
    assert.deepEqual(await rangeOf('councils', 'pow_difficulty'), [0, POW_DIFFICULTY_MAX]);
    assert.deepEqual(await rangeOf('themes', 'char_length\\(title'), [1, THEME_TITLE_MAX]);
    assert.deepEqual(await rangeOf('themes', 'char_length\\(you_said'), [1, THEME_TEXT_MAX]);
    assert.deepEqual(await rangeOf('themes', 'char_length\\(we_did'), [1, THEME_TEXT_MAX]);
    assert.deepEqual(await rangeOf('theme_updates', 'char_length\\(text'), [1, THEME_UPDATE_TEXT_MAX]);
    assert.deepEqual(await rangeOf('replies', 'char_length\\(text'), [1, REPLY_TEXT_MAX]);
    assert.deepEqual(await rangeOf('council_sso', 'session_minutes'), [STAFF_SESSION_MINUTES_MIN, STAFF_SESSION_MINUTES_MAX]);
  });

  test('defaults are the contract constants', async () => {
    assert.equal(await defaultOf('councils', 'feedback_text_max'), String(FEEDBACK_TEXT_MAX));
    assert.equal(await defaultOf('councils', 'pow_difficulty'), String(POW_DIFFICULTY_DEFAULT));
    assert.equal(await defaultOf('councils', 'min_fill_ms'), '0');
    assert.equal(await defaultOf('councils', 'pow_required'), 'false');
    assert.equal(await defaultOf('feedback', 'status'), `'${FEEDBACK_STATUSES[0]}'::text`);
    assert.equal(await defaultOf('feedback', 'channel'), `'${FEEDBACK_CHANNELS[0]}'::text`);
    assert.equal(await defaultOf('councils', 'open_licence'), `'${OPEN_LICENCE_DEFAULT}'::text`);
    assert.equal(await defaultOf('themes', 'status'), `'${THEME_STATUSES[0]}'::text`);
    assert.equal(await defaultOf('councils', 'reach_threshold'), String(REACH_THRESHOLD_DEFAULT));
    assert.equal(await defaultOf('council_sso', 'session_minutes'), String(STAFF_SESSION_MINUTES_DEFAULT));
  });

  test('the database refuses what the contract refuses, whoever writes', async () => {
    await db.query("INSERT INTO councils (slug, name, locales, default_locale) VALUES ('checkton', 'Checkton', '[\"en\"]', 'en')");
    const insert = (kind: string, rating: number | null, channel = 'web') =>
      db.query("INSERT INTO feedback (id, council, receipt, kind, text, rating, channel) VALUES (gen_random_uuid()::text, 'checkton', $1, $2, 'x', $3, $4)", [
        Math.random().toString(36).slice(2, 12),
        kind,
        rating,
        channel,
      ]);
    await insert('idea', 3);
    await assert.rejects(insert('rant', null), /feedback_kind_check/);
    await assert.rejects(insert('idea', RATING_MAX + 1), /feedback_rating_check/);
    await assert.rejects(insert('idea', null, 'carrier-pigeon'), /feedback_channel_check/);
    await assert.rejects(db.query("UPDATE councils SET pow_difficulty = $1 WHERE slug = 'checkton'", [POW_DIFFICULTY_MAX + 1]), /councils_pow_difficulty_check/);
  });
});
