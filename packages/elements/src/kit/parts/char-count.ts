import { html, type TemplateResult } from 'lit';

/**
 * A character counter: the visible count is hidden from screen readers (it would be read on
 * every keystroke); the limit is said once through the field's description (`id`), and the
 * caller announces the count after a pause with `StatusController.announceLater`, which a
 * state change (a send) cancels.
 */
export function charCount(o: { id: string; remainingText: string; over: boolean; limitText: string }): TemplateResult {
  return html`
    <p class="visually-hidden" id=${o.id}>${o.limitText}</p>
    <p part="count" class="hint count ${o.over ? 'over' : ''}" aria-hidden="true">${o.remainingText}</p>
  `;
}
