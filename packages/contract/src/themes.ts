// "You said, we did": themes that group many inputs and carry the council's public response,
// their timeline, and the loop figures that show whether the loop is really closed.
import * as z from 'zod/mini';
import { Id, Locale, page, PageQuery, plainText, Slug, Timestamp } from './common.js';
import { FeedbackChannel, ThemeStatus } from './feedback.js';
import { THEME_LINKS_MAX, THEME_STATES, THEME_TEXT_MAX, THEME_TITLE_MAX, THEME_UPDATE_TEXT_MAX } from './rules.js';


/** Staff text shown to the public: plain text (never HTML), trimmed, not empty. */
const publicText = (max: number) => plainText(z.trim(), z.minLength(1), z.maxLength(max));

export const ThemeUpdate = z
  .object({
    id: Id.check(z.meta({ description: "The update's ID." })),
    at: Timestamp.check(z.meta({ description: 'When it was posted (RFC 3339, UTC).' })),
    text: z.string().check(z.meta({ description: 'What happened, plain text in the theme\'s `locale`.' })),
    status: z.nullable(ThemeStatus).check(z.meta({ description: "The theme's status from this update on, or null when it did not change." })),
  })
  .check(z.meta({ description: "One step of a theme's public timeline." }));
export type ThemeUpdate = z.infer<typeof ThemeUpdate>;

const themeFields = {
  id: Id.check(z.meta({ description: "The theme's ID." })),
  title: z.string().check(z.meta({ description: 'A short title, plain text.' })),
  youSaid: z.string().check(z.meta({ description: '"You said": what residents said, summarised by the council, plain text.' })),
  weDid: z.nullable(z.string()).check(z.meta({ description: '"We did": what the council did or will do, plain text; null until it says.' })),
  status: ThemeStatus.check(z.meta({ description: 'Where the theme stands.' })),
  statusReason: z.nullable(z.string()).check(z.meta({ description: 'Why the theme stands where it does, plain text, or null.' })),
  service: z.nullable(Id).check(z.meta({ description: 'The service the theme is about (`listServices`), or null for several.' })),
  locale: Locale.check(z.meta({ description: 'The language the theme is written in.' })),
  inputCount: z.int().check(z.minimum(0), z.meta({ description: 'How many inputs the theme answers.' })),
  publishedAt: Timestamp.check(z.meta({ description: 'When the theme was published (RFC 3339, UTC).' })),
  updatedAt: Timestamp.check(z.meta({ description: 'When the theme or its timeline last changed (RFC 3339, UTC).' })),
};

export const Theme = z
  .object(themeFields)
  .check(z.meta({ description: 'A published "you said, we did" theme: many inputs, one public response. Every text is plain text.' }));
export type Theme = z.infer<typeof Theme>;

export const ThemeList = page(Theme).check(z.meta({ description: 'One page of published themes, most recently updated first.' }));
export type ThemeList = z.infer<typeof ThemeList>;

export const ThemeDetail = z
  .object({ ...themeFields, timeline: z.array(ThemeUpdate).check(z.meta({ description: 'Updates, oldest first.' })) })
  .check(z.meta({ description: 'One published theme with its timeline of updates.' }));
export type ThemeDetail = z.infer<typeof ThemeDetail>;

/** `?service=&status=&limit=&cursor=` of the public list. */
export const ThemesQuery = z.object({
  ...PageQuery.shape,
  service: z.optional(Id).check(z.meta({ description: 'Only themes about this service.' })),
  status: z.optional(ThemeStatus).check(z.meta({ description: 'Only themes with this status.' })),
});
export type ThemesQuery = Omit<z.input<typeof ThemesQuery>, 'limit'> & { limit?: number };

/** `{council}` and `{id}` of one theme. */
export const ThemeParams = z.object({
  council: Slug.check(z.meta({ description: "The council's slug, e.g. `warszawa`." })),
  id: Id.check(z.meta({ description: "The theme's ID." })),
});

/** `?service=` of the feed. */
export const FeedQuery = z.object({
  service: z.optional(Id).check(z.meta({ description: 'Only updates of themes about this service.' })),
});
export type FeedQuery = z.input<typeof FeedQuery>;

/* ---------------------------------------------------------------- staff side of themes */

export const ThemeState = z.enum(THEME_STATES).check(
  z.meta({ description: '`draft` (staff only) until published; publishing makes it public and its linked inputs `answered`.' }),
);

export const StaffThemesQuery = z.object({
  ...PageQuery.shape,
  state: z.optional(ThemeState).check(z.meta({ description: 'Only drafts, or only published themes.' })),
});
export type StaffThemesQuery = Omit<z.input<typeof StaffThemesQuery>, 'limit'> & { limit?: number };

export const StaffTheme = z
  .object({
    ...themeFields,
    state: ThemeState.check(z.meta({ description: 'Draft or published.' })),
    publishedAt: z.nullable(Timestamp).check(z.meta({ description: 'When it was published, or null for a draft.' })),
    createdAt: Timestamp.check(z.meta({ description: 'When it was created (RFC 3339, UTC).' })),
    feedbackIds: z.array(Id).check(z.meta({ description: 'IDs of the inputs linked to it (staff only).' })),
    timeline: z.array(ThemeUpdate).check(z.meta({ description: 'Updates, oldest first.' })),
  })
  .check(z.meta({ description: 'A theme as staff see it: draft or published, with its linked inputs.' }));
export type StaffTheme = z.infer<typeof StaffTheme>;

const title = publicText(THEME_TITLE_MAX).check(z.meta({ description: `A short title, plain text (no HTML), at most ${THEME_TITLE_MAX} characters.` }));
const youSaid = publicText(THEME_TEXT_MAX).check(z.meta({ description: '"You said": the summary of what residents said, plain text.' }));
const weDid = publicText(THEME_TEXT_MAX).check(z.meta({ description: '"We did": the council\'s response, plain text.' }));
const statusReason = publicText(THEME_TEXT_MAX).check(z.meta({ description: 'Why the theme stands where it does, plain text.' }));

export const ThemeCreate = z
  .object({
    title,
    youSaid,
    weDid: z.optional(weDid),
    status: z.optional(ThemeStatus).check(z.meta({ description: 'Where the theme stands; `listening` when absent.' })),
    statusReason: z.optional(statusReason),
    service: z.optional(Id).check(z.meta({ description: 'The service it is about, from `listServices`.' })),
    locale: Locale.check(z.meta({ description: 'The language the theme is written in.' })),
    feedbackIds: z.optional(z.array(Id).check(z.maxLength(THEME_LINKS_MAX))).check(z.meta({ description: `Inputs to link to it at once (at most ${THEME_LINKS_MAX}).` })),
  })
  .check(z.meta({ description: 'A new theme; it stays a draft, never public, until published. Status defaults to `listening`.' }));
export type ThemeCreate = z.infer<typeof ThemeCreate>;

// Strict, as every PATCH body: a misspelt field is a 422 naming it.
export const ThemePatch = z
  .strictObject({
    title: z.optional(title),
    youSaid: z.optional(youSaid),
    weDid: z.optional(z.nullable(weDid)).check(z.meta({ description: '"We did": the council\'s response, plain text; null clears it.' })),
    status: z.optional(ThemeStatus).check(z.meta({ description: 'The new status.' })),
    statusReason: z.optional(z.nullable(statusReason)).check(z.meta({ description: 'Why the theme stands where it does, plain text; null clears it.' })),
    service: z.optional(z.nullable(Id)).check(z.meta({ description: 'The service it is about, or null for several.' })),
    locale: z.optional(Locale).check(z.meta({ description: 'The language the theme is written in.' })),
  })
  .check(z.meta({ description: 'Changes to a theme; absent fields stay, null clears. Editing a published theme needs an admin token.' }));
export type ThemePatch = z.infer<typeof ThemePatch>;

export const ThemeUpdateCreate = z
  .object({
    text: publicText(THEME_UPDATE_TEXT_MAX).check(z.meta({ description: `What happened, plain text, at most ${THEME_UPDATE_TEXT_MAX} characters.` })),
    status: z.optional(ThemeStatus).check(z.meta({ description: "The theme's new status, when this update changes it." })),
  })
  .check(z.meta({ description: "A step of a theme's public timeline; it becomes public with the theme." }));
export type ThemeUpdateCreate = z.infer<typeof ThemeUpdateCreate>;

/* ---------------------------------------------------------------- loop figures */

const count = (description: string) => z.int().check(z.minimum(0), z.meta({ description }));
const figures = {
  received: count('Inputs received in the period.'),
  answered: count('Of those, how many had a public response (a personal reply or a published theme) by the end of the period.'),
  answeredShare: z.nullable(z.number().check(z.minimum(0), z.maximum(1))).check(
    z.meta({ description: '`answered / received`, from 0 to 1 (four decimals); null when nothing was received.' }),
  ),
  medianDaysToResponse: z.nullable(z.number().check(z.minimum(0))).check(
    z.meta({ description: 'Median days from an input to its first public response, over the answered ones (two decimals); null when none was answered.' }),
  ),
};

export const LoopFigures = z.object(figures).check(z.meta({ description: 'Loop figures of one group of inputs.' }));

export const LoopStats = z
  .object({
    from: z.iso.date().check(z.meta({ description: 'First day of the period (inclusive, UTC).' })),
    to: z.iso.date().check(z.meta({ description: 'Last day of the period (inclusive, UTC).' })),
    service: z.nullable(Id).check(z.meta({ description: 'The service the figures are limited to, or null for the whole council.' })),
    ...figures,
    byService: z
      .array(z.object({ service: z.nullable(Id).check(z.meta({ description: 'The service, or null for inputs about no service.' })), ...figures }))
      .check(z.meta({ description: 'The same figures for each service with input in the period.' })),
    byChannel: z
      .array(z.object({ channel: FeedbackChannel.check(z.meta({ description: 'How the inputs arrived.' })), ...figures }))
      .check(z.meta({ description: 'The same figures for each channel with input in the period.' })),
    byMonth: z
      .array(z.object({ month: z.string().check(z.regex(/^\d{4}-\d{2}$/), z.meta({ description: 'The month, `YYYY-MM` (UTC).' })), ...figures }))
      .check(z.meta({ description: 'The same figures for each month of the period, oldest first (for a chart of the answered share over time).' })),
  })
  .check(
    z.meta({
      description:
        'Loop figures for a period: inputs received, the share answered in public, and the median days to a public response, ' +
        'overall, by service, by channel and by month.',
    }),
  );
export type LoopStats = z.infer<typeof LoopStats>;

export const StatsQuery = z.object({
  from: z.optional(z.iso.date()).check(z.meta({ description: 'First day (inclusive, `YYYY-MM-DD`, UTC); default one year before `to`.' })),
  to: z.optional(z.iso.date()).check(z.meta({ description: 'Last day (inclusive, `YYYY-MM-DD`, UTC); default today.' })),
  service: z.optional(Id).check(z.meta({ description: 'Only inputs about this service.' })),
});
export type StatsQuery = z.input<typeof StatsQuery>;

/* ---------------------------------------------------------------- open data */

export const OpenLicence = z
  .object({
    id: z.string().check(z.meta({ description: 'SPDX identifier of the licence, e.g. `CC-BY-4.0`.' })),
    url: z.string().check(z.meta({ description: 'Where the licence text is.' })),
  })
  .check(z.meta({ description: 'The open licence the council publishes its loop data under.' }));

export const OpenDataThemes = z
  .object({
    council: z.string().check(z.meta({ description: "The council's slug." })),
    licence: OpenLicence.check(z.meta({ description: 'The licence of this data.' })),
    items: z.array(Theme).check(z.meta({ description: 'Every published theme, most recently updated first.' })),
  })
  .check(
    z.meta({
      description:
        'Every published theme of a council as open data. The CSV form (`themes.csv`) has one row per theme with the columns ' +
        '`id,title,you_said,we_did,status,status_reason,service,locale,input_count,published_at,updated_at`.',
    }),
  );
export type OpenDataThemes = z.infer<typeof OpenDataThemes>;

export const OpenDataStats = z
  .object({
    council: z.string().check(z.meta({ description: "The council's slug." })),
    licence: OpenLicence.check(z.meta({ description: 'The licence of this data.' })),
    stats: LoopStats.check(z.meta({ description: 'The figures (as `getStats`).' })),
  })
  .check(
    z.meta({
      description:
        "A council's loop figures as open data. The CSV form (`stats.csv`) has one row per group with the columns " +
        '`from,to,group,key,received,answered,answered_share,median_days_to_response`; `group` is `all`, `service`, `channel` or `month`.',
    }),
  );
export type OpenDataStats = z.infer<typeof OpenDataStats>;

export const StaffThemeList = page(StaffTheme).check(z.meta({ description: 'One page of themes, drafts included, most recently updated first.' }));
export type StaffThemeList = z.infer<typeof StaffThemeList>;

/** The Atom feed and the CSV files are text; their structure is in the operation's description. */
export const TextDocument = z.string();
