// The console's embed builder: a web editor picks an element and its attributes, and copies the
// snippet for their CMS page (the stylesheet and loader with their integrity hashes, then the
// element). It also says whether the page's origin may embed the council, and lets an admin allow it.
//
//   cdn:    loading -> ready | failed                   (the server's versioned CDN files and hashes)
//   origin: none | invalid | checking -> allowed | not-allowed | failed
//   allow:  idle -> saving -> done | failed
import type { CouncilSettings } from '@civicloop/contract';
import { getCouncilSettings, updateCouncilSettings } from '@civicloop/sdk';
import { atom, type ReadableAtom } from 'nanostores';
import { staffFailed, type StaffAccess, type StaffFailure } from './staff-access.js';

/**
 * The elements a page can embed, with the attributes the builder offers for each (besides
 * `council`, always the console's). registry.node.test.ts holds this against custom-elements.json.
 */
export const EMBEDDABLE = {
  'cocreate-feedback': ['service', 'compact', 'follow-url', 'contact-bank-url', 'heading-level', 'lang'],
  'you-said-we-did': ['service', 'status', 'heading-level', 'lang'],
  'contact-bank-signup': ['heading-level', 'lang'],
} as const;
export type EmbedTag = keyof typeof EMBEDDABLE;
export type EmbedAttribute = (typeof EMBEDDABLE)[EmbedTag][number];
export const EMBED_TAGS = Object.keys(EMBEDDABLE) as EmbedTag[];

/** The CDN's manifest (`/cdn/integrity.json`): the version its URLs name and each entry file's hash. */
export interface CdnManifest {
  version: string;
  files: Record<string, string>;
}

const escapeAttribute = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The snippet: versioned URLs with their integrity hashes, then the element with its attributes
 * in a fixed order, escaped; empty values are left out, `compact` is a boolean attribute.
 */
export function embedSnippet(o: { api: string; manifest: CdnManifest; council: string; tag: EmbedTag; attributes: Partial<Record<EmbedAttribute, string>> }): string {
  const base = `${o.api.replace(/\/+$/, '')}/cdn/v${o.manifest.version}`;
  const attrs = [`council="${escapeAttribute(o.council)}"`];
  for (const name of EMBEDDABLE[o.tag] as readonly EmbedAttribute[]) {
    const value = o.attributes[name]?.trim();
    if (!value) continue;
    attrs.push(name === 'compact' ? 'compact' : `${name}="${escapeAttribute(value)}"`);
  }
  return [
    `<link rel="stylesheet" href="${base}/civicloop.css" integrity="${o.manifest.files['civicloop.css'] ?? ''}" crossorigin="anonymous">`,
    `<script type="module" src="${base}/civicloop.js" integrity="${o.manifest.files['civicloop.js'] ?? ''}" crossorigin="anonymous" blocking="render"></script>`,
    `<${o.tag} ${attrs.join(' ')}></${o.tag}>`,
  ].join('\n');
}

/** The origin of a page address (`https://host[:port]`), or undefined when it is not an http(s) address. */
export function originOf(pageUrl: string): string | undefined {
  try {
    const url = new URL(pageUrl.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export type CdnState = { status: 'loading' } | { status: 'ready'; manifest: CdnManifest } | { status: 'failed' };
export type OriginState =
  | { state: 'none' }
  | { state: 'invalid' }
  | { state: 'checking'; origin: string }
  | { state: 'allowed' | 'not-allowed'; origin: string }
  | { state: 'failed'; origin: string; reason: StaffFailure };
export type AllowState = { state: 'idle' } | { state: 'saving' } | { state: 'done'; origin: string } | { state: 'failed'; reason: StaffFailure };

export function createConsoleEmbed(options: { access: StaffAccess; api(): string | undefined; fetch?: typeof fetch }) {
  const $cdn = atom<CdnState>({ status: 'loading' });
  const $origin = atom<OriginState>({ state: 'none' });
  const $allow = atom<AllowState>({ state: 'idle' });
  let settings: Promise<CouncilSettings> | undefined;
  let serial = 0;

  const readSettings = () => {
    const a = options.access.staff();
    if (!a) return Promise.reject(new Error('signed out'));
    return (settings ??= getCouncilSettings(a.t, { token: a.token }).catch((e: unknown) => {
      settings = undefined;
      throw e;
    }));
  };

  return {
    $cdn: $cdn as ReadableAtom<CdnState>,
    $origin: $origin as ReadableAtom<OriginState>,
    $allow: $allow as ReadableAtom<AllowState>,

    /** Reads the server's CDN manifest (once per view shown); the snippet waits for it. */
    async load(): Promise<void> {
      const api = options.api();
      if ($cdn.get().status === 'ready' || !api) return void (api || $cdn.set({ status: 'failed' }));
      $cdn.set({ status: 'loading' });
      try {
        const res = await (options.fetch ?? fetch)(`${api.replace(/\/+$/, '')}/cdn/integrity.json`, { cache: 'no-cache' });
        const manifest = (await res.json()) as CdnManifest;
        if (!res.ok || typeof manifest.version !== 'string' || !manifest.files?.['civicloop.js']) throw new Error('no manifest');
        $cdn.set({ status: 'ready', manifest });
      } catch {
        $cdn.set({ status: 'failed' });
      }
    },

    /** Whether the page at `pageUrl` may embed the council ('' clears the question). */
    async check(pageUrl: string): Promise<void> {
      const mine = ++serial;
      $allow.set({ state: 'idle' });
      if (!pageUrl.trim()) return $origin.set({ state: 'none' });
      const origin = originOf(pageUrl);
      if (!origin) return $origin.set({ state: 'invalid' });
      $origin.set({ state: 'checking', origin });
      try {
        const s = await readSettings();
        if (mine === serial) $origin.set({ state: s.pageOrigins.includes(origin) ? 'allowed' : 'not-allowed', origin });
      } catch (error) {
        const reason = staffFailed(options.access, error);
        if (mine === serial && reason) $origin.set({ state: 'failed', origin, reason });
      }
    },

    /** Admins: adds the checked origin to the council's allowed origins. */
    async allow(): Promise<void> {
      const o = $origin.get();
      const a = options.access.staff();
      if (o.state !== 'not-allowed' || !a || $allow.get().state === 'saving') return;
      $allow.set({ state: 'saving' });
      try {
        settings = undefined; // the origins as they are now, not as first read
        const current = await readSettings();
        const next = await updateCouncilSettings(a.t, { origins: [...current.origins, o.origin] }, { token: a.token });
        settings = Promise.resolve(next);
        $allow.set({ state: 'done', origin: o.origin });
        if ($origin.get() === o) $origin.set({ state: 'allowed', origin: o.origin });
      } catch (error) {
        const reason = staffFailed(options.access, error);
        $allow.set(reason ? { state: 'failed', reason } : { state: 'idle' });
      }
    },

    reset(): void {
      serial++;
      settings = undefined;
      $origin.set({ state: 'none' });
      $allow.set({ state: 'idle' });
    },
  };
}

export type ConsoleEmbed = ReturnType<typeof createConsoleEmbed>;
