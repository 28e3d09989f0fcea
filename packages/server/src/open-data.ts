// The loop as open data: every published theme and the loop figures, as JSON and CSV, under the
// council's open licence, at stable URLs.
import type { LoopStats, Theme } from '@civicloop/contract';
import type { Handlers } from './context.js';
import type { CouncilRow } from './councils.js';
import type { Queryable } from './db/driver.js';
import { computeStats } from './stats.js';
import { THEME_COLUMNS, toTheme, type ThemeRow } from './themes.js';

/** Where the text of a licence is, by SPDX identifier. */
const LICENCE_URLS: Record<string, string> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'ODbL-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
  'ODC-By-1.0': 'https://opendatacommons.org/licenses/by/1-0/',
  'PDDL-1.0': 'https://opendatacommons.org/licenses/pddl/1-0/',
  'DL-DE-BY-2.0': 'https://www.govdata.de/dl-de/by-2-0',
  'etalab-2.0': 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
};

export function licenceOf(council: CouncilRow): { id: string; url: string } {
  const id = council.openLicence;
  return { id, url: LICENCE_URLS[id] ?? `https://spdx.org/licenses/${encodeURIComponent(id)}.html` };
}

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. Text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * apostrophe, as OWASP advises against CSV injection: staff text is written for residents, and an
 * open data file is opened in spreadsheets. Numbers are ours, not text, and stay as they are.
 */
export function csvField(value: string | number | null): string {
  const raw = value === null ? '' : String(value);
  const s = typeof value === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
export const csv = (rows: (string | number | null)[][]) => rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

async function publishedThemes(db: Queryable, council: string): Promise<Theme[]> {
  const { rows } = await db.query<ThemeRow>(
    `SELECT ${THEME_COLUMNS} FROM themes t WHERE t.council = $1 AND t.published_at IS NOT NULL ORDER BY t.updated_at DESC, t.id DESC`,
    [council],
  );
  return rows.map(toTheme);
}

function csvReply(council: CouncilRow, name: string, body: string) {
  const licence = licenceOf(council);
  return {
    status: 200 as const,
    body,
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': `inline; filename="${council.slug}-${name}.csv"`,
      link: `<${licence.url}>; rel="license"; title="${licence.id}"`,
    },
  };
}

function statsRows(s: LoopStats): (string | number | null)[][] {
  const row = (group: string, key: string | null, f: Pick<LoopStats, 'received' | 'answered' | 'answeredShare' | 'medianDaysToResponse'>) => [
    s.from,
    s.to,
    group,
    key,
    f.received,
    f.answered,
    f.answeredShare,
    f.medianDaysToResponse,
  ];
  return [
    ['from', 'to', 'group', 'key', 'received', 'answered', 'answered_share', 'median_days_to_response'],
    row('all', s.service, s),
    ...s.byService.map((g) => row('service', g.service, g)),
    ...s.byChannel.map((g) => row('channel', g.channel, g)),
    ...s.byMonth.map((g) => row('month', g.month, g)),
  ];
}

export const openDataHandlers: Pick<Handlers, 'getOpenDataThemes' | 'getOpenDataThemesCsv' | 'getOpenDataStats' | 'getOpenDataStatsCsv'> = {
  async getOpenDataThemes({ db, council }) {
    return { status: 200, body: { council: council.slug, licence: licenceOf(council), items: await publishedThemes(db, council.slug) } };
  },
  async getOpenDataThemesCsv({ db, council }) {
    const themes = await publishedThemes(db, council.slug);
    const rows = [
      ['id', 'title', 'you_said', 'we_did', 'status', 'status_reason', 'service', 'locale', 'input_count', 'published_at', 'updated_at'],
      ...themes.map((t) => [t.id, t.title, t.youSaid, t.weDid, t.status, t.statusReason, t.service, t.locale, t.inputCount, t.publishedAt, t.updatedAt]),
    ];
    return csvReply(council, 'themes', csv(rows));
  },
  async getOpenDataStats({ db, council, query, now }) {
    return { status: 200, body: { council: council.slug, licence: licenceOf(council), stats: await computeStats(db, council, query, now()) } };
  },
  async getOpenDataStatsCsv({ db, council, query, now }) {
    return csvReply(council, 'stats', csv(statsRows(await computeStats(db, council, query, now()))));
  },
};
