// The inbox's selection (a checkbox on each message) and "Link to a theme": the selected
// messages linked to an existing theme (draft or published) or to a new draft theme (title and
// "you said"). The linking itself is stores/console-themes.ts's `link`.
import type { StaffFeedback, StaffTheme } from '@civicloop/contract';
import type { Locale } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { StoreController } from '../internal/store-controller.js';
import { ownName } from '../kit/parts/language.js';
import { describedByAttr, field, heading, notice } from '../kit/parts/index.js';
import type { ConsoleThemes, ThemeAction, ThemeList } from '../stores/console-themes.js';
import { problemText, serviceField, stateLabel, type ThemeContext } from './themes-view.js';
import { staffFailureText, type ViewContext } from './views.js';

export class LinkPanel implements ReactiveController {
  #checked = new Set<string>();
  #open = false;
  #themeId = '';
  #title = '';
  #youSaid = '';
  // What staff chose; undefined until they choose, the selected messages' own until then.
  #locale: Locale | undefined;
  #service: string | undefined;
  #linked: { theme: StaffTheme; count: number } | undefined;
  #themes: StoreController<ThemeList>;
  #action: StoreController<ThemeAction>;
  #lastAction: ThemeAction | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly themes: ConsoleThemes,
    private readonly ctx: ViewContext & ThemeContext,
    /** Opens a theme in the themes view. */
    private readonly showTheme: (id: string) => void,
  ) {
    host.addController(this);
    this.#themes = new StoreController(host, themes.$list);
    this.#action = new StoreController(host, themes.$action);
  }

  hostUpdate(): void {
    const [action, previous] = [this.#action.value, this.#lastAction];
    if (action === previous) return;
    this.#lastAction = action;
    if (action.state === 'idle' || action.what !== 'link') return;
    if (action.state === 'done') {
      this.#linked = { theme: action.theme, count: action.linked ?? 0 };
      this.#checked.clear();
      this.#open = false;
      this.#reset();
      if (!this.ctx.focus.moveTo('#link-done')) this.ctx.status.announce(this.#linkedText());
    } else if (action.state === 'invalid') {
      this.ctx.focus.moveTo(action.problems.title ? '#link-title' : '#link-you-said');
    } else if (action.state === 'failed') this.ctx.status.announce(staffFailureText(action.reason));
  }

  get checked(): ReadonlySet<string> {
    return this.#checked;
  }

  /** Ticks or unticks one message. */
  toggle(id: string, on = !this.#checked.has(id)): void {
    if (on) this.#checked.add(id);
    else this.#checked.delete(id);
    this.#linked = undefined;
    this.host.requestUpdate();
  }

  /** "Selected: 2", in the console's language. */
  countText(): string {
    const count = this.ctx.formatNumber(this.#checked.size);
    return msg(str`Selected: ${count}`, { id: 'console.link.selected' });
  }

  /** Opens the panel for the ticked messages (focus moves to it). */
  openPanel(): void {
    if (!this.#checked.size) return;
    this.#open = true;
    this.#linked = undefined;
    // Every theme, drafts included, is a place to link to.
    if (this.themes.$state.get()) this.themes.filter('');
    else this.themes.load();
    this.ctx.focus.moveTo('#link-panel');
  }

  /** Forgets the selection and what the panel held (signed out, or the list changed). */
  forget(): void {
    this.#checked.clear();
    this.#open = false;
    this.#linked = undefined;
    this.#reset();
  }

  #reset(): void {
    this.#title = this.#youSaid = this.#themeId = '';
    this.#locale = this.#service = undefined;
  }

  /**
   * The new theme's language and service: what staff chose, else those of the first selected
   * message that has one (a theme is written in the residents' language, about their service),
   * else the council's first language and no service.
   */
  #target(selected: readonly StaffFeedback[]): { locale: Locale; service: string } {
    const locales = this.ctx.locales();
    const theirs = selected.find((i) => i.locale && locales.includes(i.locale))?.locale ?? undefined;
    const locale = this.#locale ?? theirs ?? locales[0] ?? this.ctx.locale();
    const service = this.#service ?? selected.find((i) => i.service)?.service ?? '';
    return { locale, service };
  }

  #linkedText(): string {
    const [count, title] = [this.ctx.formatNumber(this.#linked?.count ?? 0), this.#linked?.theme.title ?? ''];
    return msg(str`Messages linked to “${title}”: ${count}`, { id: 'console.link.done' });
  }

  /** The checkbox before each message in the inbox list. */
  checkbox(item: StaffFeedback, i: number): TemplateResult {
    const receipt = item.receipt;
    return html`<input type="checkbox" class="pick" id="pick-${i}" aria-label=${msg(str`Select message ${receipt}`, { id: 'console.link.pick' })} .checked=${this.#checked.has(item.id)} @change=${(e: Event) => this.toggle(item.id, (e.target as HTMLInputElement).checked)} />`;
  }

  render(level: number, items: readonly StaffFeedback[]): TemplateResult | typeof nothing {
    const { act, formatNumber } = this.ctx;
    if (this.#linked)
      return notice({
        id: 'link-done',
        level,
        tone: 'success',
        title: this.#linkedText(),
        body: html`<div class="row"><button class="link" type="button" @click=${act(() => this.showTheme(this.#linked!.theme.id))}>${msg('Open the theme', { id: 'console.link.openTheme' })}</button></div>`,
      });
    if (!this.#checked.size) return nothing;
    const selected = items.filter((i) => this.#checked.has(i.id));
    return html`<div class="selection" role="group" aria-labelledby="selection-count">
      <p id="selection-count">${this.countText()}</p>
      <div class="row">
        ${this.#open ? nothing : html`<button part="button" class="button" type="button" id="link-open" @click=${act(() => this.openPanel())}>${msg('Link to a theme…', { id: 'console.link.open' })}</button>`}
        <button part="button" class="button secondary" type="button" @click=${act(() => (this.forget(), this.host.requestUpdate(), this.ctx.focus.moveTo('#inbox')))}>${msg('Clear the selection', { id: 'console.link.clear' })}</button>
      </div>
      ${this.#open ? this.#renderPanel(level, selected) : nothing}
    </div>`;
  }

  #renderPanel(level: number, selected: StaffFeedback[]): TemplateResult {
    const action = this.#action.value;
    const linking = action.state === 'saving' && action.what === 'link';
    const problems = action.state === 'invalid' && action.what === 'link' ? action.problems : {};
    const failed = action.state === 'failed' && action.what === 'link' ? staffFailureText(action.reason) : undefined;
    const themes = this.#themes.value;
    const locales = this.ctx.locales();
    const { locale, service } = this.#target(selected);
    const { formatNumber } = this.ctx;
    // Read when sent, not when rendered: a choice made since the last render counts.
    const submit = (event: Event) => {
      event.preventDefault();
      if (linking) return;
      this.ctx.focus.acted();
      if (this.#themeId) void this.themes.link(selected, { id: this.#themeId });
      else void this.themes.link(selected, { title: this.#title, youSaid: this.#youSaid, ...this.#target(selected) });
    };
    const rerender = () => this.host.requestUpdate();
    const cancel = () => {
      this.#open = false;
      rerender();
      this.ctx.focus.moveTo('#link-open');
    };
    // Escape closes the panel, as it would a dialog.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      this.ctx.focus.acted();
      cancel();
    };
    return html`<form class="link-panel" id="link-panel" tabindex="-1" novalidate aria-labelledby="link-heading" @submit=${submit} @keydown=${onKey}>
      ${heading(level, msg('Link to a theme', { id: 'console.link.title' }), { id: 'link-heading' })}
      ${themes.status === 'ready'
        ? field({
            id: 'link-theme',
            label: msg('Which theme', { id: 'console.link.which' }),
            hint: msg('A new theme, or one already made (draft or published).', { id: 'console.link.whichHint' }),
            control: (a) => html`<select
              id="link-theme"
              aria-describedby=${describedByAttr(a.describedBy)}
              aria-invalid=${a.invalid ? 'true' : 'false'}
              @change=${(e: Event) => {
                const v = (e.target as HTMLSelectElement).value;
                this.#themeId = v;
                rerender();
              }}
            >
              <option value="" ?selected=${!this.#themeId}>${msg('A new theme', { id: 'console.link.new' })}</option>
              ${themes.items.map((t) => html`<option value=${t.id} ?selected=${t.id === this.#themeId}>${t.title} (${stateLabel(t.state)})</option>`)}
            </select>`,
          })
        : themes.status === 'failed'
          ? html`<p class="error-message">${staffFailureText(themes.reason)}</p>`
          : html`<p class="hint">${msg('Loading…', { id: 'console.list.loading' })}</p>`}
      ${this.#themeId
        ? nothing
        : html`
            ${field({
              id: 'link-title',
              label: msg('Title', { id: 'console.themes.titleLabel' }),
              error: problemText(problems.title, 'title', formatNumber),
              control: (a) =>
                html`<input type="text" id="link-title" name="title" autocomplete="off" lang=${locale} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${this.#title} @input=${(e: Event) => (this.#title = (e.target as HTMLInputElement).value)} />`,
            })}
            ${field({
              id: 'link-you-said',
              label: msg('You said', { id: 'console.themes.youSaid' }),
              hint: msg('What residents said, summarised in plain words.', { id: 'console.themes.youSaidHint' }),
              error: problemText(problems.youSaid, 'youSaid', formatNumber),
              control: (a) =>
                html`<textarea id="link-you-said" name="youSaid" rows="3" lang=${locale} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${this.#youSaid} @input=${(e: Event) => (this.#youSaid = (e.target as HTMLTextAreaElement).value)}></textarea>`,
            })}
            ${locales.length > 1
              ? field({
                  id: 'link-locale',
                  label: msg('Written in', { id: 'console.link.locale' }),
                  control: () => html`<select
                    id="link-locale"
                    @change=${(e: Event) => {
                      // The title and "you said" fields take the language chosen.
                      this.#locale = (e.target as HTMLSelectElement).value as Locale;
                      rerender();
                    }}
                  >
                    ${locales.map((l) => html`<option value=${l} lang=${l} ?selected=${l === locale}>${ownName(l)}</option>`)}
                  </select>`,
                })
              : nothing}
            ${serviceField({ id: 'link-service', value: service, ctx: this.ctx, onChange: (v) => (this.#service = v) })}
          `}
      ${failed ? html`<p class="error-message" role="alert">${failed}</p>` : nothing}
      <div class="row">
        <button part="button" class="button" type="submit" aria-disabled=${linking ? 'true' : 'false'}>${linking ? msg('Saving…', { id: 'console.saving' }) : msg('Link', { id: 'console.link.submit' })}</button>
        <button part="button" class="button secondary" type="button" @click=${this.ctx.act(cancel)}>
          ${msg('Cancel', { id: 'console.cancel' })}
        </button>
      </div>
    </form>`;
  }
}
