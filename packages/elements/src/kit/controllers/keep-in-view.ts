import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the resident does to take over the page: from then on, it stays where they put it. */
const TAKEOVER = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/**
 * Brings into sight what a resident opened by a link (a confirmation from an email, a receipt
 * code), as a browser scrolls to a fragment's target, and keeps it there while the page settles.
 * Content above it that arrives later (another element's themes, a CMS's images) would push it
 * out of sight: on a phone, a contact bank's "You are in" ended up 2,000 px below the screen.
 * Browsers' scroll anchoring did not hold it. It lets go at the resident's first scroll, touch,
 * click or key, and when the host leaves the page.
 */
export class KeepInView implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #target: (() => Element | null | undefined) | undefined;
  #block: ScrollLogicalPosition = 'start';
  #observer: ResizeObserver | undefined;
  #frame = 0;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Scrolls `target` into sight after the host's next update, and again each time the page's size changes, until the resident takes over. */
  show(target: () => Element | null | undefined, block: ScrollLogicalPosition = 'start'): void {
    this.#target = target;
    this.#block = block;
    void this.#host.updateComplete.then(() => {
      if (this.#target !== target) return;
      this.#scroll();
      if (this.#observer) return;
      // Scrolled in the next frame, not in the observer's callback: layout there would start the
      // observer's loop again ("ResizeObserver loop completed with undelivered notifications").
      this.#observer = new ResizeObserver(() => {
        cancelAnimationFrame(this.#frame);
        this.#frame = requestAnimationFrame(this.#scroll);
      });
      this.#observer.observe(document.documentElement);
      for (const type of TAKEOVER) addEventListener(type, this.release, { capture: true, passive: true });
    });
  }

  /** Stops keeping it in sight. */
  release = (): void => {
    this.#target = undefined;
    cancelAnimationFrame(this.#frame);
    this.#observer?.disconnect();
    this.#observer = undefined;
    for (const type of TAKEOVER) removeEventListener(type, this.release, { capture: true });
  };

  #scroll = (): void => this.#target?.()?.scrollIntoView({ block: this.#block });

  hostDisconnected(): void {
    this.release();
  }
}
