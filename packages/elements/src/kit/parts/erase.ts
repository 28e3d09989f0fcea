// Erasing one's own input, the same wherever it is erased (the form after sending, the lookup of a
// receipt), and the "Are you sure?" of any action that cannot be undone (leaving the contact bank).
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

/**
 * "Are you sure?" inside an outcome, for an action that cannot be undone: a group named by its
 * question. Focus goes to the cancel button (`<id>-cancel`, first), the least destructive choice
 * (as WAI-ARIA's alert dialog pattern asks), so pressing Enter twice never deletes anything; Tab
 * reaches the confirm button (`<id>-confirm`) after it. Both are described by the warning, so a
 * screen reader says it before anyone confirms. Escape cancels, as in the console's panels. The
 * confirm button stays focusable while busy (aria-disabled), so focus never drops.
 */
export function confirmPanel(o: { id: string; question: string; warning: string; confirmLabel: string; cancelLabel: string; busy: boolean; onConfirm: () => void; onCancel: () => void }): TemplateResult {
  return html`
    <div class="notice warning" role="group" aria-labelledby="${o.id}-question" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && !o.busy && (e.preventDefault(), o.onCancel())}>
      <p id="${o.id}-question"><strong>${o.question}</strong></p>
      <p id="${o.id}-warning">${o.warning}</p>
      <div class="row">
        <button part="button" class="button secondary" type="button" id="${o.id}-cancel" aria-describedby="${o.id}-warning" @click=${o.onCancel}>${o.cancelLabel}</button>
        <button part="button" class="button" type="button" id="${o.id}-confirm" aria-describedby="${o.id}-warning" aria-disabled=${o.busy ? 'true' : 'false'} @click=${() => !o.busy && o.onConfirm()}>${o.confirmLabel}</button>
      </div>
    </div>
  `;
}

/** The words of erasing one's own input, the same wherever it is erased (the form, the lookup of its receipt). */
export function eraseWords() {
  return {
    button: msg('Erase my message', { id: 'kit.erase.button' }),
    failed: msg('We could not erase your message. Please try again.', { id: 'kit.erase.failed' }),
    confirm: {
      question: msg('Erase your message?', { id: 'kit.erase.question' }),
      warning: msg('Its text and any email address will be deleted. This cannot be undone.', { id: 'kit.erase.warning' }),
      confirmLabel: msg('Yes, erase it', { id: 'kit.erase.confirm' }),
      cancelLabel: msg('No, keep it', { id: 'kit.erase.cancel' }),
    },
  };
}

/**
 * "Erase my input" under a sent input's receipt: a text button (`#erase`), then "Are you sure?"
 * (`confirmPanel`, focus to `#erase-cancel`, confirm button `#erase-confirm`) while confirming or erasing, and an alert
 * when erasing failed. The caller moves focus between them (they replace each other).
 */
export function eraseControl(o: {
  state: 'none' | 'confirming' | 'erasing' | 'erased' | 'failed';
  button: string;
  failed: string;
  confirm: Omit<Parameters<typeof confirmPanel>[0], 'id' | 'busy'>;
  onRequest: () => void;
}): TemplateResult {
  if (o.state === 'confirming' || o.state === 'erasing') return confirmPanel({ ...o.confirm, id: 'erase', busy: o.state === 'erasing' });
  return html`${o.state === 'failed' ? html`<p class="error-message" role="alert">${o.failed}</p>` : nothing}
    <p><button class="link" type="button" id="erase" @click=${o.onRequest}>${o.button}</button></p>`;
}
