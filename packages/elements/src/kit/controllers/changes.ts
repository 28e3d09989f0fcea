import type { FocusController } from './focus.js';
import type { StatusController } from './status.js';

/**
 * How long an outcome found rather than caused (an input kept on an earlier visit, shown as the
 * element connects) waits before it is said: the outbox sends such an input at once when it can,
 * and its delivery is then said alone, not straight after the words it made stale.
 */
export const FOUND_SETTLE_MS = 1200;

/**
 * How a form element tells each change of its state once: by focus moving to the region that
 * explains it (after the resident's own action, or when focus was inside the element), or else
 * through the status region. A change that says nothing clears the region, so stale words (a
 * character count) are never read after it.
 */
export class StateChanges<S> {
  #last: S | undefined;
  #submitting = false;

  constructor(
    readonly focus: FocusController,
    readonly status: StatusController,
  ) {}

  /** The resident pressed Send: the next change may take focus to the error summary. */
  submitted(): void {
    this.#submitting = true;
  }

  /** Call in willUpdate: the state before `state` and whether Send caused it; undefined when it did not change (or is the first). */
  next(state: S): { previous: S; submitting: boolean } | undefined {
    const [previous, submitting] = [this.#last, this.#submitting];
    if (state === previous) return undefined;
    this.#last = state;
    this.#submitting = false;
    return previous === undefined ? undefined : { previous, submitting };
  }

  /**
   * Focus to the region `selector` when it may move (then the region says it), else `text` in the
   * status region: at once, or after `FOUND_SETTLE_MS` when the state was `found` (any later
   * announcement or clear drops it).
   */
  tell(text: string, selector = '#outcome', found = false): void {
    if (this.focus.moveTo(selector)) this.status.clear();
    else if (found) this.status.announceLater(text, FOUND_SETTLE_MS);
    else this.status.announce(text);
  }
}
