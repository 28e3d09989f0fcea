// Generated from src/registry.ts by scripts/registry.ts (run by `npm run build`); do not edit.
/**
 * The one script a web editor pastes:
 *
 *   <script type="module" src="https://council.example/cdn/civicloop.js"></script>
 *
 * It defines each Civic Loop element only when its tag appears in the page (now or later,
 * e.g. a CMS tab that renders on click, and inside other components' open shadow roots) and imports that element's code on demand, so a page
 * pays only for what it shows. It imports nothing itself, to stay within the 2 KB budget.
 */
// One static import() per element: bundlers must see each path to split it into its own chunk.
// Those whose tag has not appeared yet.
const pending = new Map<string, () => Promise<unknown>>([
  ['cocreate-feedback', () => import('./cocreate-feedback/cocreate-feedback.js')],
  ['you-said-we-did', () => import('./you-said-we-did/you-said-we-did.js')],
  ['contact-bank-signup', () => import('./contact-bank-signup/contact-bank-signup.js')],
  ['cocreate-console', () => import('./cocreate-console/cocreate-console.js')],
]);

// The space each element takes once settled, reserved before its code arrives so the page below
// it does not move; editors paste nothing extra. A constructed sheet: a page's CSP without
// 'unsafe-inline' styles allows it, as it allows any CSSOM change.
const reserve = new CSSStyleSheet();
reserve.replaceSync("cocreate-feedback:not(:defined){display:block;min-block-size:var(--cocreate-feedback-min-block-size,44rem)}@media (max-width: 39.99rem){cocreate-feedback:not(:defined){display:block;min-block-size:var(--cocreate-feedback-min-block-size,55rem)}}@media (max-width: 21rem){cocreate-feedback:not(:defined){display:block;min-block-size:var(--cocreate-feedback-min-block-size,64rem)}}cocreate-feedback:not([service]):not(:defined){display:block;min-block-size:var(--cocreate-feedback-min-block-size,50rem)}@media (max-width: 39.99rem){cocreate-feedback:not([service]):not(:defined){display:block;min-block-size:var(--cocreate-feedback-min-block-size,61rem)}}@media (max-width: 21rem){cocreate-feedback:not([service]):not(:defined){display:block;min-block-size:var(--cocreate-feedback-min-block-size,70rem)}}cocreate-feedback[compact]:not(:defined){display:block;min-block-size:var(--cocreate-feedback-min-block-size,7rem)}you-said-we-did:not(:defined){display:block;min-block-size:var(--you-said-we-did-min-block-size,83rem)}@media (max-width: 39.99rem){you-said-we-did:not(:defined){display:block;min-block-size:var(--you-said-we-did-min-block-size,107rem)}}@media (max-width: 21rem){you-said-we-did:not(:defined){display:block;min-block-size:var(--you-said-we-did-min-block-size,113rem)}}contact-bank-signup:not(:defined){display:block;min-block-size:var(--contact-bank-signup-min-block-size,102rem)}@media (max-width: 39.99rem){contact-bank-signup:not(:defined){display:block;min-block-size:var(--contact-bank-signup-min-block-size,128rem)}}@media (max-width: 21rem){contact-bank-signup:not(:defined){display:block;min-block-size:var(--contact-bank-signup-min-block-size,140rem)}}");
document.adoptedStyleSheets = [...document.adoptedStyleSheets, reserve];

// The document and every open shadow root found so far: a MutationObserver on the document does
// not see into other components' shadow roots, so each one is observed on its own.
const roots: (Document | ShadowRoot)[] = [document];
const seen = new WeakSet<Node>([document]);
// Tags of other components not defined yet: their shadow roots appear, with no mutation the
// document can see, when they are defined, so the loader looks again then.
const awaited = new Set<string>();
const observer = new MutationObserver(schedule);
let queued = false;

/** One scan per frame at most, however many mutations a page makes. */
function schedule(): void {
  if (queued) return;
  queued = true;
  requestAnimationFrame(scan);
}

function scan(): void {
  queued = false;
  // The elements whose code this scan asks for: what they need first is asked for after all the
  // code, which a browser limited to 6 connections to a server (HTTP/1.1) would otherwise queue.
  const found: Element[] = [];
  // roots grows while it is walked: a shadow root found inside another is scanned in turn.
  for (const root of roots) {
    for (const [tag, load] of pending) {
      if (!root.querySelector(tag)) continue;
      pending.delete(tag);
      load().catch((error: unknown) => console.error(`civicloop: could not load <${tag}>`, error));
      found.push(...root.querySelectorAll(tag));
    }
    if (pending.size === 0) break;
    for (const el of root.querySelectorAll('*')) {
      const shadow = el.shadowRoot;
      if (shadow && !seen.has(shadow)) {
        seen.add(shadow);
        roots.push(shadow);
        observer.observe(shadow, { childList: true, subtree: true });
      } else if (!shadow && el.localName.includes('-') && !awaited.has(el.localName) && !customElements.get(el.localName)) {
        awaited.add(el.localName);
        customElements.whenDefined(el.localName).then(schedule, () => {});
      }
    }
  }
  for (const el of found) fetchEarly(el);
  if (pending.size === 0) observer.disconnect();
}

// What the element's code would ask for first, asked for now, beside that code, instead of once
// it has run (a round trip later on every page):
// - Each council's settings and the first page of its services (every element with a council
//   shows them): the kit's council store (kit/stores/council.ts) takes the answers from this map
//   by URL (the same URLs: services a whole page, PAGE_LIMIT_MAX, at a time). The API is found as
//   the elements find it: their `api`, the page's <civicloop-config api>, else the origin that
//   served this script (found by its file name: a module has no currentScript).
// - Its strings in the language it will show (internal/config.ts resolveLocale: its `lang`, the
//   page config's, the nearest ancestor's, else English), the kit's and its own: the same URLs its
//   code imports, so the browser fetches each once. Only the CDN build knows their names
//   (`STRINGS`, filled in by rollup.config.mjs's earlyStrings); a bundler names its own, so a
//   bundled loader asks for none early.
const early: Map<string, Promise<Response | undefined>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('civicloop.councils')] ??= new Map()) as never;
const STRINGS: string = '';
const OWNERS: Record<string, string | undefined> = {"cocreate-feedback":"feedback","you-said-we-did":"loop","contact-bank-signup":"bank","cocreate-console":"console"};
function fetchEarly(el: Element): void {
  const page = document.querySelector('civicloop-config');
  const own = document.querySelector<HTMLScriptElement>('script[src*="civicloop.js"]')?.src;
  const attr = (name: string) => el.getAttribute(name)?.trim() || page?.getAttribute(name)?.trim();
  const lang = (attr('lang') || el.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang).trim().toLowerCase().split(/[-_]/)[0]!;
  const locale = ["en","pl","sv","da","de","fr","pt","ro"].includes(lang) ? lang : "en";
  const council = attr('council');
  const api = attr('api') || (own && /^https?:/.test(own) ? new URL(own).origin : undefined);
  if (council && api) {
    const base = new URL(api, document.baseURI).href.replace(/\/+$/, '');
    for (const path of ["/v1/councils/{council}", "/v1/councils/{council}/services?limit=100"]) {
      const url = base + path.replace('{council}', encodeURIComponent(council));
      // A failure is the SDK's to report, with its reason, when the store asks again.
      if (!early.has(url)) early.set(url, fetch(url, { headers: { accept: 'application/json' } }).catch(() => undefined));
    }
  }
  // A failure is the element's to handle (internal/localization.ts tries again).
  if (STRINGS) for (const owner of ['kit', OWNERS[el.localName]]) if (owner) import(/* webpackIgnore: true */ /* @vite-ignore */ STRINGS.replace('{owner}', owner).replace('{locale}', locale)).catch(() => {});
}

observer.observe(document, { childList: true, subtree: true });
scan();
