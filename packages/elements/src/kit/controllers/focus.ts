import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Where focus goes when an element's content changes.
 *
 * - Focus moves only after the resident's own action (`acted()` in their event handler, then
 *   `moveTo()` when the state it caused is rendered), or when focus was already inside the
 *   element, where the re-render would otherwise drop it. A change nobody in this element
 *   started (a queued input delivered later, while the resident reads elsewhere on the page)
 *   never pulls focus: the element announces it through its StatusController instead.
 * - Focus never drops to `<body>`: when the focused control leaves the DOM (a new form, a
 *   closed dialog, an outcome replaced), the `fallback()` target (a named region or heading
 *   explaining the new state) takes it.
 */
export class FocusController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #acted = false;
  #target: string | undefined;
  #fallback: string | undefined;
  #focusedBefore: Element | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Call in the resident's event handlers: the next `moveTo` may move focus. */
  acted(): void {
    this.#acted = true;
  }

  /**
   * An event handler for the resident's own action: marks it (`acted`), runs `fn`, and moves
   * focus to `selector` when given (once the state it leads to is rendered).
   */
  act(fn: () => unknown, selector?: string): () => void {
    return () => {
      this.acted();
      void fn();
      if (selector) this.moveTo(selector);
    };
  }

  /**
   * After the next update, focus the element matching `selector` in the shadow root, if the
   * resident acted or focus is inside the element. Returns whether it will: when it will not,
   * the caller announces the change instead (one announcement per change, never both).
   */
  moveTo(selector: string): boolean {
    if (!this.#acted && !this.#host.shadowRoot?.activeElement) return false;
    this.#acted = false;
    this.#target = selector;
    this.#host.requestUpdate();
    return true;
  }

  /**
   * The target that takes focus, from now on, whenever an update removes (or disables) the
   * focused control. Pass the region or heading that explains the state being rendered.
   */
  fallback(selector: string | undefined): void {
    this.#fallback = selector;
  }

  hostUpdate(): void {
    this.#focusedBefore = this.#host.shadowRoot?.activeElement ?? null;
  }

  hostUpdated(): void {
    const root = this.#host.shadowRoot;
    const before = this.#focusedBefore;
    this.#focusedBefore = null;
    if (!root) return;
    if (this.#target) {
      const selector = this.#target;
      this.#target = undefined;
      const target = root.querySelector<HTMLElement>(selector);
      if (target) {
        // Lit may keep the very node that had focus and change its content (one outcome region
        // replaced by the next): focus it afresh, so assistive technology hears the new state.
        if (root.activeElement === target) target.blur();
        // A region taller than the screen (a message opened on a phone) would be scrolled to its
        // middle, its heading above sight: its start is shown instead.
        if (target.getBoundingClientRect().height > innerHeight) {
          target.focus({ preventScroll: true });
          target.scrollIntoView({ block: 'start' });
        } else target.focus();
        return;
      }
    }
    if (!before || root.activeElement) return;
    const page = document.activeElement;
    const dropped = !page || page === document.body || page === document.documentElement || page === this.#host;
    if (dropped && this.#fallback) root.querySelector<HTMLElement>(this.#fallback)?.focus();
  }
}
