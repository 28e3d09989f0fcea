import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `listener` for each `type` event on the window, while the host is in the page. With
 * `hashchange`: links from emails and follow links land in the fragment (`#receipt=`, `#token=`,
 * `#manage=`), which never reaches a server log, and a resident may open a second link without
 * reloading.
 */
export class WindowListener<K extends keyof WindowEventMap> implements ReactiveController {
  readonly #type: K;
  readonly #listener: (event: WindowEventMap[K]) => void;

  constructor(host: ReactiveControllerHost, type: K, listener: (event: WindowEventMap[K]) => void) {
    this.#type = type;
    this.#listener = listener;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(this.#type, this.#listener);
  }

  hostDisconnected(): void {
    window.removeEventListener(this.#type, this.#listener);
  }
}
