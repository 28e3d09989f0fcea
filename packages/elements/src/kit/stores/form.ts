// The form store every Civic Loop form is built on: values, errors derived from the contract's
// rules, one mapping for client-side issues and the server's 422 `errors`, and a draft kept on
// the device that never holds the fields it names. A form of several steps adds them with
// withSteps() (form-steps.ts), so a one-page form does not carry them.
// No DOM and no zod: it runs (and is tested) in node.
import { wallClock } from '../clock.js';
import { EMAIL_MAX, EMAIL_PATTERN } from '@civicloop/contract/rules';
import { atom, type ReadableAtom } from 'nanostores';

/** An error on one field; the element words `code` for the resident (with msg()). */
export interface FieldIssue<F extends string = string> {
  field: F;
  code: string;
  /** From the server's 422 `errors` rather than the client's checks. */
  server?: boolean;
}

export interface DraftOptions<V> {
  /** Where the draft lives, per form instance; undefined while the scope is unknown (no draft). */
  key(): string | undefined;
  /** Fields never written to the device (a reply address outlives the visit on a shared computer). */
  never: readonly (keyof V)[];
  /** Checks what an older page version or another tab saved; returns only what is valid. */
  restore(saved: Record<string, unknown>): Partial<V>;
  /** Whether the values are worth keeping (an untouched form removes its draft). */
  worthKeeping(values: V): boolean;
  /** @default globalThis.localStorage, when it is usable */
  storage?: Storage | undefined;
}

export interface FormOptions<V extends object, F extends string> {
  initial: V;
  /** Every problem with `values`, in the order the fields appear (the summary's order). */
  validate(values: V): FieldIssue<F>[];
  /** Fields that exist on the form, for the server's JSON Pointer paths (`/text` -> `text`). */
  fields: readonly F[];
  draft?: DraftOptions<V>;
  /** Wall clock, injectable for tests. @default Date.now, looked up at each call (kit/clock.ts) */
  now?: () => number;
}

const DRAFT_PREFIX = 'civicloop:draft:';

/** A usable localStorage, or undefined where storage is disabled (privacy modes, sandboxes). */
export function deviceStorage(given?: Storage): Storage | undefined {
  if (given) return given;
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

// In its own module: every element asks it (CivicElement's `instance`), forms alone need the rest of this one.
export { formInstance } from './instance.js';

/** Checks shared by forms, reading the contract's rules (no validator in the browser). */
export const check = {
  /** Empty after trimming. */
  missing: (value: string | undefined) => !value || !value.trim(),
  /** Longer than `max` characters after trimming. */
  tooLong: (value: string, max: number) => value.trim().length > max,
  /** Not an email address by the contract's pattern and length. */
  notEmail: (value: string) => value.trim().length > EMAIL_MAX || !EMAIL_PATTERN.test(value.trim()),
  /** A whole number from `min` to `max` (e.g. the contract's rating bounds). */
  intIn: (value: unknown, min: number, max: number): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
  /** One of the contract's enum values. */
  oneOf: <T extends string | number>(values: readonly T[], value: unknown): value is T => values.includes(value as T),
};

/** The error shown on `field` in a form element's state (only an `invalid` state has errors). */
export function issueOf<I extends FieldIssue>(state: { state: string; errors?: I[] }, field: I['field']): I | undefined {
  return state.state === 'invalid' ? state.errors?.find((e) => e.field === field) : undefined;
}

/** The page a form is on, origin and path only: a query string may carry someone's session or search terms. */
export function pageUrl(): string | undefined {
  return typeof location !== 'undefined' && /^https?:$/.test(location.protocol) ? location.origin + location.pathname : undefined;
}

/** The field a server issue is about: the first segment of its JSON Pointer (`/contact` -> `contact`). */
export function fieldOfPointer(pointer: string): string | undefined {
  const first = pointer.split('/')[1];
  return first ? first.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

export function createForm<V extends object, F extends string>(options: FormOptions<V, F>) {
  const now = options.now ?? wallClock;
  const storage = options.draft ? deviceStorage(options.draft.storage) : undefined;
  const $values = atom<V>({ ...options.initial });
  const $errors = atom<FieldIssue<F>[]>([]);
  // When writing began (wall clock), kept with the draft so a restored form keeps its fill time.
  let since = now();
  // Fields that showed an error at the last attempt: only they are re-checked while the resident
  // edits, so a fixed field clears at once and an untouched one is not flagged before sending.
  let watched = new Set<F>();

  function refreshErrors(changed: readonly F[]): void {
    const current = $errors.get();
    if (!current.length) return;
    const live = options.validate($values.get());
    const next: FieldIssue<F>[] = [];
    for (const issue of current) {
      if (issue.server) {
        // The server's verdict holds until the resident changes that field.
        if (!changed.includes(issue.field)) next.push(issue);
        continue;
      }
      const still = live.find((l) => l.field === issue.field);
      if (still && watched.has(issue.field)) next.push(still);
    }
    if (next.length !== current.length || next.some((n, i) => n.code !== current[i]!.code)) $errors.set(next);
  }

  function save(values: V): void {
    const draft = options.draft;
    const key = draft?.key();
    if (!draft || !storage || !key) return;
    try {
      if (!draft.worthKeeping(values)) return storage.removeItem(DRAFT_PREFIX + key);
      const kept: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(values)) if (!draft.never.includes(name as keyof V)) kept[name] = value;
      storage.setItem(DRAFT_PREFIX + key, JSON.stringify({ values: kept, since }));
    } catch {
      // Quota or disabled storage: the form still works, only without a saved draft.
    }
  }

  const form = {
    $values: $values as ReadableAtom<V>,
    /** Errors shown now: set by an attempt or the server, cleared field by field as they are fixed. */
    $errors: $errors as ReadableAtom<FieldIssue<F>[]>,

    /** When writing began (wall clock, restored with the draft). */
    since: () => since,

    /** Changes some values; saves the draft; clears errors the change fixed. */
    update(patch: Partial<V>): void {
      const next = { ...$values.get(), ...patch };
      $values.set(next);
      save(next);
      refreshErrors(Object.keys(patch) as F[]);
    },

    /** Checks the whole form (or only `fields`: a step's) and shows its errors; returns whether it may go on. */
    attempt(fields?: readonly F[]): boolean {
      const issues = options.validate($values.get()).filter((i) => !fields || fields.includes(i.field));
      watched = new Set(issues.map((i) => i.field));
      $errors.set(issues);
      return issues.length === 0;
    },

    /**
     * The server's 422 `errors` (JSON Pointer paths) as field errors of this form. Issues about
     * fields the resident cannot change (not in `fields`, or refused by `accept`) are returned
     * instead, for the caller to treat as a setup problem.
     */
    serverErrors(issues: readonly { path: string }[], code: (field: F) => string, accept: (field: F) => boolean = () => true): { shown: number; others: { path: string }[] } {
      const shown: FieldIssue<F>[] = [];
      const others: { path: string }[] = [];
      for (const issue of issues) {
        const field = fieldOfPointer(issue.path) as F | undefined;
        if (field && options.fields.includes(field) && accept(field)) {
          if (!shown.some((s) => s.field === field)) shown.push({ field, code: code(field), server: true });
        } else others.push(issue);
      }
      // In form order, as the summary lists them.
      shown.sort((a, b) => options.fields.indexOf(a.field) - options.fields.indexOf(b.field));
      if (shown.length) {
        watched = new Set(shown.map((s) => s.field));
        $errors.set(shown);
      }
      return { shown: shown.length, others };
    },

    /** Reads this instance's saved draft, if any; fields it must never keep are never read. */
    restore(): boolean {
      const draft = options.draft;
      const key = draft?.key();
      if (!draft || !storage || !key) return false;
      try {
        const saved = JSON.parse(storage.getItem(DRAFT_PREFIX + key) ?? 'null') as { values?: unknown; since?: unknown } | null;
        if (!saved || typeof saved.values !== 'object' || !saved.values) return false;
        const raw = { ...(saved.values as Record<string, unknown>) };
        for (const name of draft.never) delete raw[name as string];
        const restored = draft.restore(raw);
        $values.set({ ...$values.get(), ...restored });
        if (typeof saved.since === 'number' && saved.since <= now()) since = saved.since;
        return draft.worthKeeping($values.get());
      } catch {
        // An unreadable draft is dropped rather than breaking the form.
        return false;
      }
    },

    /** A new, empty form (after sending); `keep` survives (e.g. staff's channel). */
    reset(keep: Partial<V> = {}): void {
      since = now();
      watched = new Set();
      $errors.set([]);
      $values.set({ ...options.initial, ...keep });
      const key = options.draft?.key();
      try {
        if (key) storage?.removeItem(DRAFT_PREFIX + key);
      } catch {
        // Nothing to clean up where storage is unavailable.
      }
    },
  };
  return form;
}

export type Form<V extends object, F extends string> = ReturnType<typeof createForm<V, F>>;
