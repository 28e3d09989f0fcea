import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Re-renders its host when a nanostore changes. (@nanostores/lit ships CommonJS only, which
 * neither the browser test runner nor the CDN build can load without another plugin.)
 */
export class StoreController<T> implements ReactiveController {
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: ReadableAtom<T>,
  ) {
    host.addController(this);
  }

  /** The store's current value. */
  get value(): T {
    return this.store.get();
  }

  hostConnected(): void {
    // `listen`, not `subscribe`: the host renders the current value itself on connect.
    this.#unsubscribe = this.store.listen(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
