import { formatReceipt, normalizeReceipt } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { numberFormat } from '../format.js';

/**
 * The receipt code's groups with their characters spaced, so a screen reader spells them
 * ("K 7 M X, 2 Q P A, 9 R") instead of guessing a word; the caller puts it in a localized
 * sentence that also says how many characters the code has (see `receiptLength`).
 */
export function spellReceipt(code: string): string {
  return formatReceipt(normalizeReceipt(code) ?? code.replace(/[\s-]/g, ''))
    .split('-')
    .map((group) => [...group].join(' '))
    .join(', ');
}

/** Characters in a receipt code, without its group separators. */
export function receiptLength(code: string): number {
  return code.replace(/[\s-]/g, '').length;
}

/**
 * The receipt code as people see it (`K7MX-2QPA-9R`), hidden from screen readers, which read a
 * spelled label instead ("Receipt code, 10 characters: K 7 M X, 2 Q P A, 9 R", its count in
 * `locale`); and the copy button, described by the spelled code. The caller announces the copy's
 * success or fallback (`copyAndTell`; the fallback selects the visible code: `#receipt-code`).
 */
export function receiptCode(o: { code: string; locale: string; copyLabel: string; onCopy: () => void }): TemplateResult {
  const [count, spelled] = [numberFormat(o.locale).format(receiptLength(o.code)), spellReceipt(o.code)];
  return html`
    <p class="row receipt-row">
      <span part="receipt-code" class="code" id="receipt-code" aria-hidden="true">${formatReceipt(normalizeReceipt(o.code) ?? o.code)}</span>
      <span class="visually-hidden" id="receipt-code-spoken">${msg(str`Receipt code, ${count} characters: ${spelled}`, { id: 'kit.receipt.spelled' })}</span>
      <button part="button copy" class="button secondary" type="button" aria-describedby="receipt-code-spoken" @click=${o.onCopy}>${o.copyLabel}</button>
    </p>
  `;
}

/**
 * Copies `code`; when the browser refuses (no permission, plain HTTP), selects the visible code
 * (or other text: `visibleId`) in `root` so the resident can copy it with their own keys. Resolves to what happened, for the
 * caller to announce.
 */
export async function copyReceipt(code: string, root: ShadowRoot | null, visibleId = 'receipt-code'): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(code);
    return 'copied';
  } catch {
    const visible = root?.getElementById(visibleId);
    const selection = getSelection();
    if (visible && selection) selection.selectAllChildren(visible);
    return 'selected';
  }
}

/**
 * Copies `code` and says what happened through `announce` (run in the element's language with
 * `localized`): `copied`, or that the visible code is selected for the resident's own keys.
 */
export async function copyAndTell(code: string, root: ShadowRoot | null, copied: () => string, tell: (text: () => string) => void): Promise<void> {
  const result = await copyReceipt(code, root);
  tell(() => (result === 'copied' ? copied() : msg('The code could not be copied for you. It is selected: press Ctrl+C to copy it.', { id: 'kit.receipt.copyFallback' })));
}
