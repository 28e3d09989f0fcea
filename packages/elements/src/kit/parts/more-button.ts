import { html, nothing, type TemplateResult } from 'lit';

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
