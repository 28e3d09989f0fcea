import { html, nothing, type TemplateResult } from 'lit';
import type { FocusController } from '../controllers/focus.js';
import type { StatusController } from '../controllers/status.js';
import { moreAdded, type PagedListState } from '../stores/paged-list.js';

/**
 * "Show more" under a list read a page at a time. It stays focusable while the next page loads
 * (`aria-disabled`, so focus never drops), and says in place, as an alert, when that page could
 * not be fetched; pressing it again retries. Nothing is rendered when there is no next page.
 */
export function moreButton(o: { next: boolean; state: 'idle' | 'loading' | 'failed'; label: string; loadingLabel: string; failedText: string; onClick: () => void }): TemplateResult | typeof nothing {
  if (!o.next) return nothing;
  return html`<div class="row">
    <button part="button" class="button secondary" type="button" aria-disabled=${o.state === 'loading' ? 'true' : 'false'} @click=${o.onClick}>
      ${o.state === 'loading' ? o.loadingLabel : o.label}
    </button>
    ${o.state === 'failed' ? html`<p class="error-message" role="alert">${o.failedText}</p>` : nothing}
  </div>`;
}

/**
 * What "more" added to a list, told once: focus moves to the first new item (`#<idPrefix>-<firstNew>`)
 * or, focus being elsewhere, the status region says `said(count)`. The returned function takes the
 * list as the view now shows it (call it on each update); it returns the list shown before when the
 * list changed otherwise (for the view to tell, say, a new first page), else undefined.
 */
export type MoreTeller<L> = (list: L) => L | undefined;

export function moreTeller<L extends PagedListState<unknown, unknown>>(at: { focus: FocusController; status: StatusController }, idPrefix: string, said: (added: number) => string): MoreTeller<L> {
  let last: L | undefined;
  return (list) => {
    const previous = last;
    if (list === previous) return undefined;
    last = list;
    const added = moreAdded(list, previous);
    if (added === undefined || list.status !== 'ready') return previous;
    if (!at.focus.moveTo(`#${idPrefix}-${list.firstNew}`)) at.status.announce(said(added));
    return undefined;
  };
}
