import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

/** Timers the controller schedules with; tests pass a manual clock instead of sleeping. */
export interface StatusClock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// Looked up at call time, so a page (or a test) that replaces the globals is followed.
const systemClock: StatusClock = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The element's one polite live region. Every change the resident is not taken to by focus is
 * said here once, in the element's language (the region sits inside the element's `lang`):
 * sending, delivered later, copied or "select the code and copy it", the character count.
 *
 * - `announce(text)` speaks `text` once. Each announcement is a new node in the region, so the
 *   same words said again after a change are spoken again, and nothing is spoken twice.
 * - `announceLater(text, ms)` is for debounced messages (the character count after a pause).
 *   Any later `announce` or `clear` cancels it: a count typed before a send never follows the
 *   send's own message.
 * - `clear()` drops what is pending and empties the region; call it on every state change that
 *   announces nothing, so stale words cannot be read after it. The region empties itself when
 *   the element's language changes.
 *
 * Render `status.render()` somewhere that is always in the template (not inside a branch that
 * changes with the state): a live region must exist before its content changes.
 */
export class StatusController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #clock: StatusClock;
  #text = '';
  /** The language the region was in when `#text` was first rendered (undefined until then). */
  #textLang: string | null | undefined;
  #serial = 0;
  #timer: unknown;

  constructor(host: ReactiveControllerHost & HTMLElement, clock: StatusClock = systemClock) {
    this.#host = host;
    this.#clock = clock;
    host.addController(this);
  }

  /** Whether an `announceLater` is waiting. */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  announce(text: string): void {
    this.#cancel();
    this.#text = text;
    this.#textLang = undefined;
    this.#serial++;
    this.#host.requestUpdate();
  }

  announceLater(text: string, ms: number): void {
    this.#cancel();
    this.#timer = this.#clock.setTimeout(() => this.announce(text), ms);
  }

  clear(): void {
    this.#cancel();
    if (!this.#text) return;
    this.#text = '';
    this.#serial++;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#cancel();
  }

  /**
   * Words said in one language do not stay in the region once the element speaks another (the
   * resident switched): a screen reader reading the region later would get the old language.
   */
  hostUpdated(): void {
    if (!this.#text) return;
    const lang = this.#host.shadowRoot?.querySelector('[part~="status"]')?.closest('[lang]')?.getAttribute('lang') ?? null;
    if (this.#textLang === undefined) this.#textLang = lang;
    // After this update, not inside it: a change made in `updated` would cost the host a second update at once.
    else if (lang !== this.#textLang) queueMicrotask(() => this.clear());
  }

  render(): TemplateResult {
    return html`<div part="status" class="visually-hidden" role="status">${keyed(this.#serial, this.#text ? html`<span>${this.#text}</span>` : nothing)}</div>`;
  }

  #cancel(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
