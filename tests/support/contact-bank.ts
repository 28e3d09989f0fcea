// Test support for the contact bank (issue 9), shared by the server suites, the node journey and
// the Chromium journey of <contact-bank-signup>: a council with a bank, the tokens of the links in a mail, and a scan of every table for
// personal data.
import type { ParsedMail } from 'mailparser';
import type { ContactBankConfig } from '@civicloop/contract';
import { createCouncil, createService, createStaffToken, type Queryable, type RunningServer } from '@civicloop/server';


/** The value of `#name=` in the first link of the mail's text that carries it. */
export function fragmentToken(mail: ParsedMail, name: 'token' | 'manage' | 'invitation'): string {
  const m = new RegExp(`https?://\\S+#${name}=([A-Za-z0-9._-]+)`).exec(mail.text ?? '');
  if (!m) throw new Error(`no #${name}= link in mail "${mail.subject}":\n${mail.text}`);
  return m[1]!;
}

/** The full link carrying `#name=` in the mail's text. */
export function fragmentLink(mail: ParsedMail, name: 'token' | 'manage' | 'invitation'): string {
  const m = new RegExp(`https?://\\S+#${name}=[A-Za-z0-9._-]+`).exec(mail.text ?? '');
  if (!m) throw new Error(`no #${name}= link in mail "${mail.subject}"`);
  return m[0];
}

/** A contact bank for tests: two districts (one with a population), consent version `v1`, 24 months. */
export function testBankConfig(overrides: Partial<ContactBankConfig> = {}): ContactBankConfig {
  return {
    districts: [
      { id: 'north', name: { en: 'North', pl: 'Północ' }, population: 12_000 },
      { id: 'south', name: { en: 'South', pl: 'Południe' } },
    ],
    consent: {
      version: 'v1',
      text: { en: 'I agree that the council may contact me for the purposes I tick. My consent lapses after 24 months.', pl: 'Zgadzam się na kontakt w zaznaczonych celach.' },
      months: 24,
    },
    privacyNoticeUrl: 'https://council.example/privacy',
    formats: ['workshop', 'survey', 'interview', 'online-meeting', 'in-person', 'service-testing', 'advisory-group'],
    languages: ['en', 'pl', 'uk'],
    ageBands: ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-plus'],
    ...overrides,
  };
}

export interface BankCouncil {
  slug: string;
  editor: string;
  admin: string;
}

/**
 * A council with a contact bank, a service (`libraries`, culture) and an editor and admin token;
 * `origins` are the embedding origins sign-up pages may be on.
 */
export async function createBankCouncil(server: RunningServer, slug: string, origins: string[], bank = testBankConfig()): Promise<BankCouncil> {
  await createCouncil(server.db, { slug, name: `${slug[0]!.toUpperCase()}${slug.slice(1)} Council`, origins, locales: ['en', 'pl'], contactBank: bank });
  await createService(server.db, { council: slug, id: 'libraries', name: { en: 'Libraries', pl: 'Biblioteki' }, category: 'culture' });
  await createService(server.db, { council: slug, id: 'parks', name: { en: 'Parks', pl: 'Parki' }, category: 'communal' });
  return {
    slug,
    editor: await createStaffToken(server.db, { council: slug, role: 'editor', label: `${slug} editor` }),
    admin: await createStaffToken(server.db, { council: slug, role: 'admin', label: `${slug} admin` }),
  };
}

/**
 * Every table and text-like column of the current schema that holds any of `needles` (case
 * insensitive), read from information_schema, so a table added later is checked too.
 */
export async function tablesHolding(db: Queryable, needles: string[]): Promise<string[]> {
  const { rows: columns } = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t
       ON t.table_name = c.table_name AND t.table_schema = c.table_schema
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')`,
  );
  const found = new Set<string>();
  for (const { table_name, column_name } of columns) {
    for (const needle of needles) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table_name}" WHERE position(lower($1) in lower("${column_name}"::text)) > 0`,
        [needle],
      );
      if (rows[0]!.n > 0) found.add(`${table_name}.${column_name} holds "${needle}"`);
    }
  }
  return [...found].sort();
}

/** A header of the mail as sent (mailparser folds `List-*` headers into a `list` object). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim();
}
