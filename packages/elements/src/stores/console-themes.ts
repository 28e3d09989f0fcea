// The console's themes: the staff list (drafts and published), editing one theme, its timeline
// updates, publishing, and linking inputs from the inbox to a theme, new or existing. Calls the
// API with the console's session (stores/console.ts): a refused token ends it there.
//
//   list:   loading -> ready (more: idle|loading|failed) | failed
//   action: idle -> invalid | saving -> done | failed      (one save, update, publish or link at a time)
import type { StaffFeedback, StaffTheme, ThemePatch, ThemeStatus } from '@civicloop/contract';
import { THEME_TEXT_MAX, THEME_TITLE_MAX, THEME_UPDATE_TEXT_MAX, type Locale, type ThemeState } from '@civicloop/contract/rules';
import { createTheme, createThemeUpdate, getStaffTheme, isApiError, listStaffThemes, publishTheme, updateStaffFeedback, updateTheme, type Transport } from '@civicloop/sdk';
import { atom, type ReadableAtom } from 'nanostores';
import { pagedList, type PagedListState } from '../kit/stores/paged-list.js';
import { staffFailed, staffListFailures, type StaffAccess, type StaffFailure } from './staff-access.js';

export type ThemeList = PagedListState<StaffTheme, StaffFailure>;
/** What the reading pane names a linked theme by: its title, in the language it is written in. */
export interface ThemeName {
  title: string;
  locale: Locale;
}
/** Linked themes' names by id; `looked` holds the ids asked for and not found (or not asked, the lookup failed). */
export interface ThemeNames {
  names: Readonly<Record<string, ThemeName>>;
  looked: ReadonlySet<string>;
}

export type ThemeField = 'title' | 'youSaid' | 'weDid' | 'statusReason' | 'update';
export type FieldProblem = 'empty' | 'too-long';
export type ThemeWhat = 'save' | 'update' | 'publish' | 'link';

export type ThemeAction =
  | { state: 'idle' }
  | { state: 'saving'; what: ThemeWhat }
  | { state: 'done'; what: ThemeWhat; theme: StaffTheme; linked?: number }
  | { state: 'failed'; what: ThemeWhat; reason: StaffFailure }
  | { state: 'invalid'; what: ThemeWhat; problems: Partial<Record<ThemeField, FieldProblem>> };

/** What the edit form holds; '' clears "we did" and the reason. */
export interface ThemeDraft {
  title: string;
  youSaid: string;
  weDid: string;
  status: ThemeStatus;
  statusReason: string;
  /** The service the theme is about (an id of the council's services), or '' for none. */
  service: string;
  /** The language the theme is written in (the contract lets staff correct it). */
  locale: Locale;
}

/** Where inputs are linked: an existing theme, or a new draft (`service` '' or absent: none). */
export type LinkTarget = { id: string } | { title: string; youSaid: string; locale: Locale; service?: string };

const LIMITS: Record<ThemeField, number> = { title: THEME_TITLE_MAX, youSaid: THEME_TEXT_MAX, weDid: THEME_TEXT_MAX, statusReason: THEME_TEXT_MAX, update: THEME_UPDATE_TEXT_MAX };

/** The contract's bounds, checked before sending: `required` fields must not be empty. */
export function checkTexts(values: Partial<Record<ThemeField, string>>, required: readonly ThemeField[]): Partial<Record<ThemeField, FieldProblem>> {
  const problems: Partial<Record<ThemeField, FieldProblem>> = {};
  for (const [k, v] of Object.entries(values) as [ThemeField, string][]) {
    const value = v.trim();
    if (!value && required.includes(k)) problems[k] = 'empty';
    else if (value.length > LIMITS[k]) problems[k] = 'too-long';
  }
  return problems;
}

export interface ConsoleThemesOptions {
  access: StaffAccess;
  /** Published: the API made the linked inputs `answered`, so the inbox is asked again. */
  inboxChanged(): void;
  /** Puts an input whose links changed in the inbox, in place. */
  putInput(item: StaffFeedback): void;
  /** Themes per page. @default 20 */
  pageSize?: number;
}

export function createConsoleThemes(options: ConsoleThemesOptions) {
  const { access } = options;
  const $state = atom<ThemeState | ''>('');
  const $open = atom<string | undefined>(undefined);
  const $action = atom<ThemeAction>({ state: 'idle' });
  const $names = atom<ThemeNames>({ names: {}, looked: new Set() });
  let naming: Promise<void> | undefined;
  const remember = (themes: readonly StaffTheme[]) => {
    const { names, looked } = $names.get();
    if (themes.every((t) => names[t.id]?.title === t.title && names[t.id]?.locale === t.locale)) return;
    const next = { ...names };
    for (const t of themes) next[t.id] = { title: t.title, locale: t.locale };
    $names.set({ names: next, looked });
  };

  const fail = (what: ThemeWhat, error: unknown) => {
    const reason = staffFailed(access, error);
    if (reason) $action.set({ state: 'failed', what, reason });
  };

  const list = pagedList<StaffTheme, StaffFailure>({
    fetch: (cursor) => {
      const a = access.staff();
      const state = $state.get();
      return a ? listStaffThemes(a.t, { limit: options.pageSize ?? 20, ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) }, { token: a.token }) : undefined;
    },
    ...staffListFailures(access),
    id: (theme) => theme.id,
  });
  // Every theme the list has shown is a name the reading pane can use.
  const unlisten = list.$list.listen((l) => l.status === 'ready' && remember(l.items));

  /** Runs one change at a time; its answer replaces the theme in the list. */
  function run(what: ThemeWhat, call: (a: { t: Transport; token: string }) => Promise<StaffTheme>, linked?: number): Promise<StaffTheme | undefined> {
    const a = access.staff();
    if (!a || $action.get().state === 'saving') return Promise.resolve(undefined);
    $action.set({ state: 'saving', what });
    return call(a).then(
      (theme) => {
        list.put(theme, true);
        remember([theme]);
        $action.set({ state: 'done', what, theme, ...(linked === undefined ? {} : { linked }) });
        return theme;
      },
      (error: unknown) => (fail(what, error), undefined),
    );
  }

  const view = {
    $list: list.$list,
    $state: $state as ReadableAtom<ThemeState | ''>,
    $open: $open as ReadableAtom<string | undefined>,
    $action: $action as ReadableAtom<ThemeAction>,
    $names: $names as ReadableAtom<ThemeNames>,

    /**
     * Names the themes `ids` (an input's links) in $names: those not known yet are read, one
     * request each. One that is gone (404) is named by its id.
     */
    name(ids: readonly string[]): Promise<void> {
      const missing = ids.filter((id) => !$names.get().names[id] && !$names.get().looked.has(id));
      if (!missing.length || naming) return naming ?? Promise.resolve();
      const a = access.staff();
      if (!a) return Promise.resolve();
      const look = missing.map((id) =>
        getStaffTheme(a.t, id, { token: a.token }).then(
          (theme) => remember([theme]),
          (error: unknown) => {
            if (!isApiError(error) || error.status !== 404) throw error;
          },
        ),
      );
      const named: Promise<void> = Promise.all(look)
        .then(() => undefined, (error: unknown) => void staffFailed(access, error))
        .finally(() => {
          naming = undefined;
          // Not found (or not asked, after a failure): named by id, not asked again until reset.
          const { names, looked } = $names.get();
          $names.set({ names, looked: new Set([...looked, ...ids.filter((id) => !names[id])]) });
        });
      return (naming = named);
    },

    load(): void {
      list.load();
    },
    more(): void {
      list.more();
    },
    retry(): void {
      list.retry();
    },
    /** Only drafts, only published, or '' for all: a new first page. */
    filter(state: ThemeState | ''): void {
      if (state === $state.get() && list.$list.get().status !== 'failed') return;
      $state.set(state);
      list.load();
    },

    /** Opens a theme for editing (undefined goes back to the list). */
    open(id: string | undefined): void {
      $open.set(id);
      $action.set({ state: 'idle' });
    },

    /** A theme as the list has it. */
    theme(id: string | undefined): StaffTheme | undefined {
      const l = list.$list.get();
      return l.status === 'ready' && id ? l.items.find((t) => t.id === id) : undefined;
    },

    /** Saves what changed in the edit form; nothing changed saves nothing (and says done). */
    save(id: string, draft: ThemeDraft): Promise<StaffTheme | undefined> {
      const theme = view.theme(id);
      if (!theme) return Promise.resolve(undefined);
      const problems = checkTexts({ title: draft.title, youSaid: draft.youSaid, weDid: draft.weDid, statusReason: draft.statusReason }, ['title', 'youSaid']);
      if (Object.keys(problems).length) return ($action.set({ state: 'invalid', what: 'save', problems }), Promise.resolve(undefined));
      const patch: ThemePatch = {};
      const [title, youSaid, weDid, reason] = [draft.title.trim(), draft.youSaid.trim(), draft.weDid.trim() || null, draft.statusReason.trim() || null];
      if (title !== theme.title) patch.title = title;
      if (youSaid !== theme.youSaid) patch.youSaid = youSaid;
      if (weDid !== theme.weDid) patch.weDid = weDid;
      if (draft.status !== theme.status) patch.status = draft.status;
      if (reason !== theme.statusReason) patch.statusReason = reason;
      if ((draft.service || null) !== theme.service) patch.service = draft.service || null;
      if (draft.locale !== theme.locale) patch.locale = draft.locale;
      if (!Object.keys(patch).length) return ($action.set({ state: 'done', what: 'save', theme }), Promise.resolve(theme));
      return run('save', (a) => updateTheme(a.t, id, patch, { token: a.token }));
    },

    /** Adds a step to the theme's timeline (public with the theme), optionally changing its status. */
    addUpdate(id: string, text: string, status: ThemeStatus | ''): Promise<StaffTheme | undefined> {
      const theme = view.theme(id);
      if (!theme) return Promise.resolve(undefined);
      const problems = checkTexts({ update: text }, ['update']);
      if (Object.keys(problems).length) return ($action.set({ state: 'invalid', what: 'update', problems }), Promise.resolve(undefined));
      return run('update', async (a) => {
        const update = await createThemeUpdate(a.t, id, { text: text.trim(), ...(status ? { status } : {}) }, { token: a.token });
        // The API answers with the update alone; the theme as it now stands follows from it.
        return { ...theme, status: update.status ?? theme.status, updatedAt: update.at, timeline: [...theme.timeline, update] };
      });
    },

    /** Publishes a draft: public from now on, its linked inputs `answered` (the inbox is asked again). */
    publish(id: string): Promise<StaffTheme | undefined> {
      return run('publish', (a) => publishTheme(a.t, id, { token: a.token })).then((theme) => {
        if (theme) options.inboxChanged();
        return theme;
      });
    },

    /**
     * Links inputs to a theme: an existing one (each input keeps its other links) or a new draft
     * created with them. The inputs then show their new links in the inbox.
     */
    link(inputs: readonly StaffFeedback[], target: LinkTarget): Promise<StaffTheme | undefined> {
      if (!inputs.length) return Promise.resolve(undefined);
      if ('title' in target) {
        const problems = checkTexts({ title: target.title, youSaid: target.youSaid }, ['title', 'youSaid']);
        if (Object.keys(problems).length) return ($action.set({ state: 'invalid', what: 'link', problems }), Promise.resolve(undefined));
      }
      return run(
        'link',
        async (a) => {
          if ('title' in target) {
            const theme = await createTheme(
              a.t,
              { title: target.title.trim(), youSaid: target.youSaid.trim(), locale: target.locale, ...(target.service ? { service: target.service } : {}), feedbackIds: inputs.map((i) => i.id) },
              { token: a.token },
            );
            for (const input of inputs) options.putInput({ ...input, themeIds: [...input.themeIds, theme.id] });
            return theme;
          }
          let theme = view.theme(target.id);
          for (const input of inputs) {
            if (input.themeIds.includes(target.id)) continue;
            options.putInput(await updateStaffFeedback(a.t, input.id, { themeIds: [...input.themeIds, target.id] }, { token: a.token }));
          }
          if (!theme) throw new Error(`theme ${target.id} is not in the list`);
          const ids = new Set([...theme.feedbackIds, ...inputs.map((i) => i.id)]);
          theme = { ...theme, feedbackIds: [...ids], inputCount: theme.inputCount + (ids.size - theme.feedbackIds.length) };
          return theme;
        },
        inputs.length,
      );
    },

    /** Forgets what was shown (signed out). */
    reset(): void {
      list.reset();
      $open.set(undefined);
      $action.set({ state: 'idle' });
      $state.set('');
      $names.set({ names: {}, looked: new Set() });
    },

    dispose(): void {
      unlisten();
      list.drop();
    },
  };
  return view;
}

export type ConsoleThemes = ReturnType<typeof createConsoleThemes>;
