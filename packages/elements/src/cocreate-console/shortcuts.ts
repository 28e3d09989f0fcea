// Keyboard shortcuts for triage in the inbox. Single keys without modifiers, so (WCAG 2.1.4)
// they act only while focus is in the inbox's list, never while typing in a field, and the
// staff member can turn them off; the list of them is in the console itself.
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

export type Shortcut = 'next' | 'previous' | 'open' | 'select' | 'status' | 'reply' | 'link' | 'help';

const KEYS: Record<string, Shortcut> = { j: 'next', k: 'previous', o: 'open', x: 'select', s: 'status', r: 'reply', l: 'link', '?': 'help' };

/** The shortcut a key press asks for; none while typing (a text field, a select) or with a modifier. */
export function shortcutOf(event: KeyboardEvent): Shortcut | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) return undefined;
  const target = event.composedPath()[0] as HTMLElement | undefined;
  const typing = target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio') || target?.isContentEditable;
  return typing ? undefined : KEYS[event.key];
}

function what(shortcut: Shortcut): string {
  switch (shortcut) {
    case 'next':
      return msg('Next message', { id: 'console.keys.next' });
    case 'previous':
      return msg('Previous message', { id: 'console.keys.previous' });
    case 'open':
      return msg('Open the message in the reading pane', { id: 'console.keys.open' });
    case 'select':
      return msg('Select or unselect the message', { id: 'console.keys.select' });
    case 'status':
      return msg('Change its status', { id: 'console.keys.status' });
    case 'reply':
      return msg('Write a personal reply', { id: 'console.keys.reply' });
    case 'link':
      return msg('Link the selected messages to a theme', { id: 'console.keys.link' });
    case 'help':
      return msg('Show or hide this list', { id: 'console.keys.help' });
  }
}

/**
 * The shortcuts, explained, with the switch that turns them off; a disclosure under the inbox.
 * `?` opened from the list moves focus to its summary; `?` there (`onHide`) hides it again and
 * goes back to the message it came from, so it shows or hides as the list says.
 */
export function shortcutsHelp(o: { open: boolean; enabled: boolean; onToggle: (open: boolean) => void; onEnable: (on: boolean) => void; onHide: () => void }): TemplateResult {
  const onKey = (e: KeyboardEvent) => {
    if (!o.enabled || (e.composedPath()[0] as HTMLElement).id !== 'shortcuts-summary' || shortcutOf(e) !== 'help') return;
    e.preventDefault();
    o.onHide();
  };
  return html`<details class="shortcuts" id="shortcuts" .open=${o.open} @toggle=${(e: Event) => o.onToggle((e.target as HTMLDetailsElement).open)} @keydown=${onKey}>
    <summary id="shortcuts-summary">${msg('Keyboard shortcuts', { id: 'console.keys.title' })}</summary>
    <p class="hint">${msg('They work while focus is on a message in the inbox list, not while you type in a field.', { id: 'console.keys.where' })}</p>
    <div class="check">
      <input type="checkbox" id="shortcuts-on" .checked=${o.enabled} @change=${(e: Event) => o.onEnable((e.target as HTMLInputElement).checked)} />
      <label for="shortcuts-on">${msg('Use keyboard shortcuts', { id: 'console.keys.enable' })}</label>
    </div>
    <dl class="keys">
      ${Object.entries(KEYS).map(([key, shortcut]) => html`<div><dt><kbd>${key}</kbd></dt><dd>${what(shortcut)}</dd></div>`)}
      <div>
        <dt><kbd>Enter</kbd></dt>
        <dd>${what('open')}</dd>
      </div>
    </dl>
  </details>`;
}
