import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `onChange` whenever the page address's fragment changes, while the host is in the page.
 * Links from emails and follow links land in the fragment (`#receipt=`, `#token=`, `#manage=`),
 * which never reaches a server log, and a resident may open a second link without reloading.
 */
export class HashController implements ReactiveController {
  readonly #onChange: () => void;

  constructor(host: ReactiveControllerHost, onChange: () => void) {
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#onChange);
  }
}
