import { updateWhenLocaleChanges } from '@lit/localize';
import { createClient, type CivicLoopClient } from '@civicloop/sdk';
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import '../civicloop-config/civicloop-config.js';
import { CONFIG_CHANGE_EVENT, resolveConfig, type ResolvedConfig } from './config.js';
import { activeLocale, useLocale } from './localization.js';
import type { Locale } from './locales.js';
import { themeStyles } from './theme.styles.js';

/**
 * Base of every Civic Loop element: merges its attributes with the page's
 * `<civicloop-config>`, resolves its locale from `lang`, switches the page's messages to it,
 * and creates an SDK client on first use. Subclasses render; their stores hold the logic.
 */
export abstract class CivicElement extends LitElement {
  static override styles = [themeStyles];

  // `lang` stays the native HTMLElement property (reflected, read by CSS and assistive
  // technology); only its attribute is watched.
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** Base URL of the council's Civic Loop API; falls back to `<civicloop-config api>`. */
  @property() api?: string;

  /** Council slug; falls back to `<civicloop-config council>`. */
  @property() council?: string;

  /** Service id the element is about; falls back to `<civicloop-config service>`. */
  @property() service?: string;

  #config: ResolvedConfig | undefined;
  #client: { key: string; client: CivicLoopClient } | undefined;
  #langObserver: MutationObserver | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** Configuration after attributes, page config and `lang` are merged. */
  protected get config(): ResolvedConfig {
    return (this.#config ??= resolveConfig(this, this));
  }

  /** The locale this element's content is in (its messages may briefly lag while loading). */
  get locale(): Locale {
    return this.config.locale;
  }

  /**
   * The SDK client for the current `api` and `council`, made on first use and again when
   * either changes. Undefined until both are known.
   */
  protected get client(): CivicLoopClient | undefined {
    const { api, council } = this.config;
    if (!api || !council) return undefined;
    const key = `${api}\n${council}`;
    if (this.#client?.key !== key) this.#client = { key, client: createClient({ baseUrl: new URL(api, document.baseURI), council }) };
    return this.#client.client;
  }

  /** The locale messages are rendered in right now, for the `lang` of the shadow content. */
  protected get renderedLocale(): Locale {
    return activeLocale();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(CONFIG_CHANGE_EVENT, this.#onConfigChange);
    // Sites with a language switcher change <html lang> without a reload.
    this.#langObserver = new MutationObserver(this.#onConfigChange);
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.#refreshConfig();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(CONFIG_CHANGE_EVENT, this.#onConfigChange);
    this.#langObserver?.disconnect();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value && this.isConnected) this.#refreshConfig();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('api') || changed.has('council') || changed.has('service')) this.#refreshConfig(false);
  }

  /**
   * Called when the merged configuration changed (also once after connecting). Subclasses
   * load what depends on it; call `super`.
   */
  protected configChanged(_previous: ResolvedConfig | undefined): void {}

  #onConfigChange = () => this.#refreshConfig();

  #refreshConfig(request = true): void {
    const previous = this.#config;
    const next = resolveConfig(this, this);
    const same =
      previous &&
      previous.api === next.api &&
      previous.council === next.council &&
      previous.service === next.service &&
      previous.locale === next.locale;
    this.#config = next;
    if (same) return;
    if (next.locale !== activeLocale()) void useLocale(next.locale);
    this.configChanged(previous);
    if (request) this.requestUpdate();
  }
}
