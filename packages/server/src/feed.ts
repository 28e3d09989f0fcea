// The Atom 1.0 feed (RFC 4287) of published themes and their timeline updates, per council and service.
import type { Handlers } from './context.js';
import { THEME_COLUMNS, type ThemeRow } from './themes.js';
import { checkService } from './services.js';

const MAX_ENTRIES = 50;

// XML 1.0 allows no control characters but tab, newline and carriage return: drop the others.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as XML character data or an attribute value: staff text is plain text, escaped, never markup. */
export function xml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

interface Entry {
  id: string;
  title: string;
  updated: Date;
  link: string;
  content: string;
}

export const feedHandlers: Pick<Handlers, 'getFeed'> = {
  async getFeed({ db, council, query, url, publicOrigin: origin }) {
    await checkService(db, council.slug, query.service);
    const themeUrl = (id: string) => `${origin}/v1/councils/${encodeURIComponent(council.slug)}/themes/${encodeURIComponent(id)}`;
    const { rows: themes } = await db.query<ThemeRow>(
      `SELECT ${THEME_COLUMNS} FROM themes t WHERE t.council = $1 AND t.published_at IS NOT NULL AND ($2::text IS NULL OR t.service = $2)`,
      [council.slug, query.service ?? null],
    );
    const byId = new Map(themes.map((t) => [t.id, t]));
    const { rows: updates } = await db.query<{ id: string; theme_id: string; at: Date; text: string; status: string | null }>(
      `SELECT u.id, u.theme_id, u.at, u.text, u.status FROM theme_updates u JOIN themes t ON t.id = u.theme_id
       WHERE t.council = $1 AND t.published_at IS NOT NULL AND ($2::text IS NULL OR t.service = $2) ORDER BY u.at DESC, u.id DESC LIMIT $3`,
      [council.slug, query.service ?? null, MAX_ENTRIES],
    );
    const entries: Entry[] = [
      ...themes.map((t) => ({
        id: `urn:civicloop:theme:${t.id}`,
        title: t.title,
        updated: new Date(t.published_at!),
        link: themeUrl(t.id),
        content: [t.you_said, t.we_did].filter(Boolean).join('\n\n'),
      })),
      ...updates.map((u) => {
        const theme = byId.get(u.theme_id)!;
        return {
          id: `urn:civicloop:theme-update:${u.id}`,
          title: u.status ? `${theme.title}: ${u.status}` : theme.title,
          updated: new Date(u.at),
          link: themeUrl(theme.id),
          content: u.text,
        };
      }),
    ]
      .sort((a, b) => +b.updated - +a.updated || (a.id < b.id ? 1 : -1))
      .slice(0, MAX_ENTRIES);
    const { rows: c } = await db.query<{ updated_at: Date }>('SELECT updated_at FROM councils WHERE slug = $1', [council.slug]);
    const updated = entries[0]?.updated ?? new Date(c[0]!.updated_at);
    const self = new URL(url);
    const lines = [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(council.defaultLocale)}">`,
      `  <id>urn:civicloop:feed:${xml(council.slug)}${query.service ? `:${xml(query.service)}` : ''}</id>`,
      `  <title type="text">${xml(council.name)}</title>`,
      `  <updated>${updated.toISOString()}</updated>`,
      `  <link rel="self" type="application/atom+xml" href="${xml(origin + self.pathname + self.search)}"/>`,
      `  <author><name>${xml(council.name)}</name></author>`,
      ...entries.map((e) =>
        [
          '  <entry>',
          `    <id>${xml(e.id)}</id>`,
          `    <title type="text">${xml(e.title)}</title>`,
          `    <updated>${e.updated.toISOString()}</updated>`,
          `    <link rel="alternate" type="application/json" href="${xml(e.link)}"/>`,
          `    <content type="text">${xml(e.content)}</content>`,
          '  </entry>',
        ].join('\n'),
      ),
      '</feed>',
      '',
    ];
    return { status: 200, body: lines.join('\n'), headers: { 'content-type': 'application/atom+xml; charset=utf-8' } };
  },
};
