import { msg } from '@lit/localize';
import { LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import '../civicloop-config/civicloop-config.js';
import { CONFIG_CHANGE_EVENT, resolveConfig, type ResolvedConfig } from './config.js';
import { messages as kitMessages } from '../generated/locales/kit.js';
import { inLocale, isLoaded, loadLocale, loadOrEnglish, RETRY_FIRST, RETRY_MAX, untilRetry, type LocaleMessages } from './localization.js';
import type { Locale } from './locales.js';
import type { CouncilState } from '../kit/stores/council.js';
import { ColorSchemeController } from '../kit/controllers/color-scheme.js';
import { numberFormat } from '../kit/format.js';
import { languagePicker, languageStyles } from '../kit/parts/language.js';
import { formInstance } from '../kit/stores/instance.js';
import { themeStyles } from './theme.styles.js';

/**
 * Base of every Civic Loop element: merges its attributes with the page's
 * `<civicloop-config>`, resolves its locale from `lang` and renders wholly in it (its own
 * messages, whatever other elements on the page speak), and lets the resident switch it.
 * Subclasses render; their stores hold the logic (and reach the API through kit/stores/connection).
 */
/** What a resident does in an element (they cross its shadow boundary): see `reserving` below. */
const ACTIONS = ['click', 'keydown', 'input'] as const;

/**
 * How long a first render in a page language the elements do not speak waits for the council's
 * languages (ms): the loader asks for them beside the code, so they are usually there first.
 */
const COUNCIL_LANGUAGES_WAIT = 3000;

/** Whether two configurations address the same API, council and service (the element's data). */
const sameScope = (a: ResolvedConfig, b: ResolvedConfig) => a.api === b.api && a.council === b.council && a.service === b.service;

export abstract class CivicElement extends LitElement {
  static override styles = [themeStyles, languageStyles];

  /**
   * The element's own messages (`src/generated/locales/<prefix>.ts`, its registry `strings`
   * prefix), loaded with the kit's before it renders in a language; no other element's.
   */
  protected static messages: readonly LocaleMessages[] = [];

  // `lang` stays the native HTMLElement property (reflected, read by CSS and assistive
  // technology); only its attribute is watched.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  // Declared without decorators: a page then loads neither lit's decorator module nor
  // TypeScript's decorator helper (in every module that uses one). Subclasses do the same.
  static override properties: PropertyDeclarations = {
    api: {},
    council: {},
    service: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Base URL of the council's Civic Loop API; falls back to `<civicloop-config api>`. */
  api?: string;

  /** Council slug; falls back to `<civicloop-config council>`. */
  council?: string;

  /** Service id the element is about; falls back to `<civicloop-config service>`. */
  service?: string;

  /**
   * Level of the element's top heading (1–6), to fit the host page's outline; headings inside
   * follow from it.
   */
  headingLevel = 2;

  #config: ResolvedConfig | undefined;
  #langObserver: MutationObserver | undefined;
  #renderedLocale: Locale = 'en';

  constructor() {
    super();
    // Native controls drawn for the page's light or dark scheme, in every element.
    new ColorSchemeController(this);
    for (const type of ACTIONS) this.addEventListener(type, this.#release);
  }

  // The size the element settles at is held (the `reserving` host attribute, which each
  // element's styles size) while its data arrives, so the page below does not move. Held for
  // ever, a shorter view (a receipt, "check your email", a filtered list) would leave a gap
  // below it: the first action of the resident in the element releases it (a page's layout may
  // move right after a person's input without counting as a shift).
  #released = false;
  #release = () => {
    this.#released = true;
    this.removeAttribute('reserving');
    for (const type of ACTIONS) this.removeEventListener(type, this.#release);
  };

  /** Gives up the reserved size at once: the element shows a view of its own that is not what it reserved for (a link from an email). */
  protected releaseReservedSize(): void {
    if (!this.#released) this.#release();
  }

  /** Configuration after attributes, page config and `lang` are merged. */
  protected get config(): ResolvedConfig {
    return (this.#config ??= resolveConfig(this, this));
  }

  /**
   * The locale this element's content is in (its messages may briefly lag while loading): its
   * `lang`'s, else, when no `lang` names a language the elements speak, English, or the council's
   * default language once known if English is not one of the council's.
   */
  get locale(): Locale {
    const { locale, localeFallback } = this.config;
    const council = localeFallback ? this.councilLanguages : undefined;
    return council && !council.locales.includes(locale) ? council.defaultLocale : locale;
  }

  /**
   * The council's languages once its configuration has arrived (each element reads its own
   * council store): the language switcher offers them, and they decide the element's language
   * when the page's is not one the elements speak.
   */
  protected get councilLanguages(): { locales: readonly Locale[]; defaultLocale: Locale } | undefined {
    const c = this.councilState;
    return c?.status === 'ready' ? c.config : undefined;
  }

  /** The council's configuration as the element's own council store has it (each element reads one). */
  protected get councilState(): CouncilState | undefined {
    return undefined;
  }

  /**
   * The locale this element's content is rendered in: its `locale` once that language's
   * messages have loaded, until then the previous one, so nothing shows half in one language.
   * Council texts, service names, numbers and dates use it too, and the shadow content's `lang`.
   */
  protected get renderedLocale(): Locale {
    return this.#renderedLocale;
  }

  /** The top heading level, clamped to 1–6, for the kit's parts. */
  protected get level(): number {
    const n = Math.trunc(Number(this.headingLevel));
    return Number.isFinite(n) ? Math.min(6, Math.max(1, n)) : 2;
  }

  /**
   * The resident chose a language inside the element (many do not read the page's): the
   * element's own `lang` changes, so it and only it re-renders in that language.
   */
  protected chooseLocale(locale: Locale): void {
    // Chosen again (its strings failed to load): asked for again now, not after the wait.
    if (this.#loading === locale) this.#loading = undefined;
    this.setAttribute('lang', locale);
    this.requestUpdate();
  }

  /**
   * The in-element language switcher over the council's locales (nothing for one language, or
   * before they are known): many residents do not read the page's language. `of` is the name of
   * what it switches (the element's form or title), so that several on a page are told apart.
   */
  protected renderLanguagePicker(of?: string): TemplateResult | typeof nothing {
    const locales = this.councilLanguages?.locales;
    if (!locales) return nothing;
    return languagePicker({ locales, current: this.locale, label: msg('Language', { id: 'kit.language.label' }), of, onChange: (l) => this.chooseLocale(l) });
  }

  /** `n` written as this element's language writes numbers. */
  protected formatNumber = (n: number): string => numberFormat(this.#renderedLocale).format(n);

  /** Runs `fn` with msg() answering in this element's language, e.g. text built in an event handler. */
  protected localized<T>(fn: () => T): T {
    return inLocale(this.#renderedLocale, fn);
  }

  /** The message parts this element renders with: the kit's, its own, and those of parts it loaded later. */
  get #messages(): readonly LocaleMessages[] {
    return [kitMessages, ...(this.constructor as typeof CivicElement).messages, ...this.#added];
  }

  #added: LocaleMessages[] = [];

  /**
   * A part loaded later (a lazily imported module) speaks with `parts` too: resolves once they
   * are here in the element's language (or, that failing, in English), so the part never shows
   * in English first, nor ever with empty texts (without either it tries again, and waits); from
   * then on a language change waits for them as for the element's own.
   */
  protected async addMessages(parts: LocaleMessages): Promise<void> {
    await loadOrEnglish(this.locale, [parts]);
    if (!this.#added.includes(parts)) this.#added.push(parts);
  }

  /** Changes seen while the first render waited for the element's language. */
  #deferred: PropertyValues | undefined;
  #localeFailed = false;
  /** Whether the first render's wait for the element's language is under way. */
  #waiting = false;
  /** The language whose strings a later update is loading, or waits to ask for again. */
  #loading: Locale | undefined;
  /** How long the next wait before asking again for a language that failed to load lasts (ms). */
  #retryDelay = RETRY_FIRST;
  /** Set once the first render has waited long enough for the council's languages (see shouldUpdate). */
  #languagesLate: ReturnType<typeof setTimeout> | true | undefined;

  // The first render waits for the element's language, so a resident never sees it flash in
  // English first (and a half-English form is never on screen). Later language changes keep
  // the previous language until the new one has loaded.
  protected override shouldUpdate(changed: PropertyValues): boolean {
    const wanted = this.locale;
    // A page in a language the elements do not speak (`lang="nb"`): the council's default may be
    // the one to show (when English is not one of its languages), so the first render waits for
    // its configuration, holding the reserved space, rather than flash English first. One that
    // fails, or takes longer than COUNCIL_LANGUAGES_WAIT, leaves English until it arrives. (A page
    // that names no language at all is taken to be in English.)
    const { localeFallback, langNamed } = this.config;
    const languagesDue = localeFallback && langNamed && this.#languagesLate !== true && this.councilState?.status === 'loading';
    if (this.hasUpdated || this.#localeFailed || (isLoaded(wanted, this.#messages) && !languagesDue)) return super.shouldUpdate(changed);
    this.#deferred = new Map([...(this.#deferred ?? []), ...changed]);
    if (languagesDue)
      this.#languagesLate ??= setTimeout(() => {
        this.#languagesLate = true;
        this.requestUpdate();
      }, COUNCIL_LANGUAGES_WAIT);
    if (this.#waiting || languagesDue) return false;
    this.#waiting = true;
    // In the wanted language, else in English rather than nothing (`renderedLocale` stays `en`
    // until the wanted language loads); without either, the element keeps its reserved space
    // and waits. It stops waiting while out of the page (connectedCallback asks again).
    void loadOrEnglish(wanted, this.#messages, () => this.isConnected).then((loaded) => {
      this.#waiting = false;
      if (!loaded) return;
      if (loaded !== wanted) this.#localeFailed = true;
      this.requestUpdate();
    });
    return false;
  }

  // willUpdate, render and updated run synchronously inside performUpdate: msg() answers in
  // this element's language for all of them, and in another element's for its own update.
  protected override performUpdate(): void {
    const wanted = this.locale;
    if (isLoaded(wanted, this.#messages)) this.#renderedLocale = wanted;
    else if (this.#loading !== wanted) {
      // Once per language chosen, not per update: while it loads, or waits to be online again,
      // a keystroke in the form asks the network for nothing.
      this.#loading = wanted;
      const settled = () => {
        if (this.#loading === wanted) this.#loading = undefined;
        if (this.isConnected) this.requestUpdate();
      };
      // A part that fails to load (offline, a CDN in trouble) leaves the element in the language
      // it speaks, whole, and is asked for again once the browser is back online or after a wait
      // that doubles each time: the resident chose the new one.
      void loadLocale(wanted, this.#messages).then(
        () => {
          this.#retryDelay = RETRY_FIRST;
          settled();
        },
        () => {
          const delay = this.#retryDelay;
          this.#retryDelay = Math.min(delay * 2, RETRY_MAX);
          return untilRetry(delay).then(settled);
        },
      );
    }
    inLocale(this.#renderedLocale, () => super.performUpdate());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#released) this.setAttribute('reserving', '');
    document.addEventListener(CONFIG_CHANGE_EVENT, this.#onConfigChange);
    // Sites with a language switcher change <html lang> without a reload.
    this.#langObserver = new MutationObserver(this.#onConfigChange);
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    // Moved in the DOM: the same configuration, but what `released` stopped must come back
    // (before the first render: the wait for its language, which stops retrying while away).
    if (this.hasUpdated) this.scopeChanged();
    else this.requestUpdate();
    this.#refreshConfig();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.released();
    document.removeEventListener(CONFIG_CHANGE_EVENT, this.#onConfigChange);
    this.#langObserver?.disconnect();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value && this.isConnected) this.#refreshConfig();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.#deferred) {
      for (const [key, value] of this.#deferred) if (!changed.has(key)) changed.set(key, value);
      this.#deferred = undefined;
    }
    super.willUpdate(changed);
    if (changed.has('api') || changed.has('council') || changed.has('service')) this.#refreshConfig(false);
  }

  /**
   * Called when the merged configuration changed (also once after connecting). Subclasses
   * load what depends on it; call `super`. The default calls `scopeChanged` when the API,
   * council or service changed (a language change only re-renders).
   */
  protected configChanged(previous: ResolvedConfig | undefined): void {
    const c = this.config;
    if (!previous || !sameScope(previous, c)) this.scopeChanged();
  }

  /** The API, council or service changed, or the element came back into a page: (re)load its data. */
  protected scopeChanged(): void {}

  /** The element left the page: stop listening (what it keeps, a draft or an outbox record, stays). */
  protected released(): void {}

  /**
   * Which element of its kind and scope this is on the page, so its draft and outcomes are its
   * own: its id, else its position among elements of its tag with the same council and service.
   * Later ones may not be upgraded yet (this runs while the tag is being defined): their
   * attributes are read.
   */
  protected get instance(): string {
    const { council, service } = this.config;
    const scopeOf = (e: HTMLElement) =>
      e instanceof CivicElement ? e.config : resolveConfig(e, { council: e.getAttribute('council'), service: e.getAttribute('service') });
    const same = [...document.querySelectorAll<HTMLElement>(this.localName)].filter((e) => scopeOf(e).council === council && scopeOf(e).service === service);
    return formInstance(this, same);
  }

  #onConfigChange = () => this.#refreshConfig();

  #refreshConfig(request = true): void {
    const previous = this.#config;
    const next = resolveConfig(this, this);
    const same = previous && sameScope(previous, next) && previous.locale === next.locale;
    this.#config = next;
    if (same) return;
    this.configChanged(previous);
    if (request) this.requestUpdate();
  }
}
