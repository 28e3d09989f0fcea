import { CONFIG_CHANGE_EVENT, CONFIG_TAG } from '../internal/config.js';
import { define } from '../internal/define.js';

/**
 * Configuration shared by every Civic Loop element on the page, so a web editor writes the
 * API address and council once. Attributes on an element override it.
 *
 * ```html
 * <civicloop-config api="https://api.council.example" council="testborough" lang="sv"></civicloop-config>
 * ```
 *
 * It renders nothing. It works even before it is defined (elements read its attributes);
 * once defined it also tells elements when its attributes change.
 *
 * @summary Once-per-page configuration: API address, council and language.
 */
// In Node (SSR imports) there is no HTMLElement; the class only has to exist there, never run.
export class CivicloopConfig extends (globalThis.HTMLElement ?? (class {} as unknown as typeof HTMLElement)) {
  static readonly observedAttributes = ['api', 'council', 'service', 'lang'];

  connectedCallback(): void {
    this.hidden = true;
    this.#notify();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#notify();
  }

  disconnectedCallback(): void {
    this.#notify();
  }

  #notify(): void {
    document.dispatchEvent(new Event(CONFIG_CHANGE_EVENT));
  }
}

define(CONFIG_TAG, CivicloopConfig);

declare global {
  interface HTMLElementTagNameMap {
    'civicloop-config': CivicloopConfig;
  }
}
