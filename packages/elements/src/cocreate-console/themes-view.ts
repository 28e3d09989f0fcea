// The console's themes view: the staff list of themes (drafts and published), one theme's edit
// form ("you said", "we did", status and its reason), its timeline and new updates, a preview
// rendered by the real <you-said-we-did> in any of the council's languages, and publishing
// (after a confirmation). State is in stores/console-themes.ts; this module renders it.
import type { Service, StaffTheme, ThemeDetail } from '@civicloop/contract';
import { THEME_STATES, THEME_STATUSES, THEME_TEXT_MAX, THEME_TITLE_MAX, THEME_UPDATE_TEXT_MAX, type Locale, type StaffRole, type ThemeStatus } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { StoreController } from '../internal/store-controller.js';
import { selectField } from '../kit/parts/controls.js';
import { describedByAttr, field, heading, notice } from '../kit/parts/index.js';
import { ownName } from '../kit/parts/language.js';
import { moreTeller, type MoreTeller } from '../kit/parts/more-button.js';
import type { ConsoleThemes, FieldProblem, ThemeAction, ThemeDraft, ThemeField, ThemeList } from '../stores/console-themes.js';
import { byCount, listFailed, loadMore, staffFailureText, tooLong, type ViewContext } from './views.js';

const LIMITS: Record<ThemeField, number> = { title: THEME_TITLE_MAX, youSaid: THEME_TEXT_MAX, weDid: THEME_TEXT_MAX, statusReason: THEME_TEXT_MAX, update: THEME_UPDATE_TEXT_MAX };

export function themeStatusLabel(status: ThemeStatus): string {
  switch (status) {
    case 'listening':
      return msg('Listening', { id: 'console.themeStatus.listening' });
    case 'considering':
      return msg('Considering', { id: 'console.themeStatus.considering' });
    case 'planned':
      return msg('Planned', { id: 'console.themeStatus.planned' });
    case 'done':
      return msg('Done', { id: 'console.themeStatus.done' });
    case 'not-possible':
      return msg('Not possible', { id: 'console.themeStatus.notPossible' });
  }
}

export const stateLabel = (state: StaffTheme['state']) => (state === 'draft' ? msg('Draft', { id: 'console.themes.draft' }) : msg('Published', { id: 'console.themes.published' }));

export function problemText(problem: FieldProblem | undefined, f: ThemeField, formatNumber: (n: number) => string): string | undefined {
  if (problem === 'too-long') return tooLong(formatNumber(LIMITS[f]));
  if (problem !== 'empty') return undefined;
  switch (f) {
    case 'title':
      return msg('Give the theme a title', { id: 'console.themes.titleEmpty' });
    case 'youSaid':
      return msg('Say what residents said', { id: 'console.themes.youSaidEmpty' });
    default:
      return msg('Write what happened', { id: 'console.themes.updateEmpty' });
  }
}

/** The theme as <you-said-we-did> would have it once published (a draft has no publishing date yet: now). */
export function asPublic(theme: StaffTheme): ThemeDetail {
  const { state: _state, createdAt: _created, feedbackIds: _ids, ...rest } = theme;
  return { ...rest, publishedAt: theme.publishedAt ?? new Date().toISOString() };
}

/** What the themes view and the link panel need of the console besides a view's context. */
export interface ThemeContext {
  /** The council's services as options, in the console's language. */
  serviceOptions(): { value: string; label: string }[];
  /** The staff member's role, undefined until known. */
  role?(): StaffRole | undefined;
}

/** The select of a theme's service: one of the council's services, or none. */
export function serviceField(o: { id: string; value: string; ctx: ThemeContext; onChange(value: string): void }): TemplateResult {
  return selectField({
    id: o.id,
    label: msg('Service', { id: 'console.filters.service' }),
    value: o.value,
    none: msg('No service', { id: 'console.themes.noService' }),
    options: o.ctx.serviceOptions(),
    onChange: o.onChange,
  });
}

/** A theme's service by its name in the console's language (its id if the council no longer has it). */
export const serviceLabel = (ctx: ThemeContext, id: string) => ctx.serviceOptions().find((o) => o.value === id)?.label ?? id;

export class ThemesView implements ReactiveController {
  #list: StoreController<ThemeList>;
  #state: StoreController<string>;
  #open: StoreController<string | undefined>;
  #action: StoreController<ThemeAction>;
  #lastAction: ThemeAction | undefined;
  // What the forms hold, here only: a theme's texts are never kept on the device.
  #draft: ThemeDraft | undefined;
  #draftOf: string | undefined;
  #update = '';
  #updateStatus: ThemeStatus | '' = '';
  #previewLocale: Locale | undefined;
  #confirming = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly themes: ConsoleThemes,
    /** `services`: the council's (each with its names in every language), once known: the preview names a theme's. */
    private readonly ctx: ViewContext & ThemeContext & { services(): readonly Service[] | undefined },
  ) {
    host.addController(this);
    this.#list = new StoreController(host, themes.$list);
    this.#state = new StoreController(host, themes.$state);
    this.#open = new StoreController(host, themes.$open);
    this.#action = new StoreController(host, themes.$action);
    // "Load more": focus on the first new theme (or, focus elsewhere, the status region says it).
    this.#tellMore = moreTeller(ctx, 'theme', (added) => {
      const count = ctx.formatNumber(added);
      return msg(str`More themes shown: ${count}`, { id: 'console.themes.moreLoaded' });
    });
  }

  hostUpdate(): void {
    this.#tellMore(this.#list.value);
    const [action, previous] = [this.#action.value, this.#lastAction];
    if (action === previous) return;
    this.#lastAction = action;
    const { focus, status } = this.ctx;
    if (action.state === 'invalid') {
      const first = (['title', 'youSaid', 'weDid', 'statusReason', 'update'] as const).find((f) => action.problems[f]);
      if (action.what !== 'link' && first) focus.moveTo(first === 'update' ? '#update-text' : `#theme-${first}`);
      // A failed save or publish is said by its form's alert: announced once, not again here.
    } else if (action.state === 'failed' && action.what === 'update') status.announce(staffFailureText(action.reason));
    else if (action.state === 'done' && action.what === 'save') status.announce(msg('Theme saved.', { id: 'console.themes.saved' }));
    else if (action.state === 'done' && action.what === 'update') {
      this.#update = '';
      this.#updateStatus = '';
      this.#draft = undefined;
      status.announce(msg('Update added to the timeline.', { id: 'console.themes.updateAdded' }));
    } else if (action.state === 'done' && action.what === 'publish') {
      this.#confirming = false;
      if (!focus.moveTo('#published')) status.announce(msg('Theme published.', { id: 'console.themes.publishedNow' }));
    }
  }

  readonly #tellMore: MoreTeller<ThemeList>;

  /** Shows the view: its list asked again, so it holds what other staff changed meanwhile. */
  show(): void {
    this.themes.load();
    // The preview is the public element itself, in a mode that takes the theme instead of
    // fetching. Imported on demand: the CDN build then reuses its own entry file, so the
    // public element stays one file of its own and pays nothing for the console.
    void import('../you-said-we-did/you-said-we-did.js');
  }

  /** Forgets what the forms held (signed out). */
  forget(): void {
    this.#draft = undefined;
    this.#draftOf = undefined;
    this.#update = '';
    this.#updateStatus = '';
    this.#confirming = false;
  }

  render(level: number): TemplateResult {
    const open = this.themes.theme(this.#open.value);
    return html`<section part="themes" class="themes-view" id="themes" tabindex="-1" aria-labelledby="themes-title">
      ${heading(level, msg('Themes', { id: 'console.themes.title' }), { id: 'themes-title' })}
      <p class="hint">${msg('A theme groups what residents said and carries the council’s public answer. Drafts are seen by staff only until published.', { id: 'console.themes.intro' })}</p>
      ${open ? this.#renderEditor(open, level + 1) : this.#renderList(level + 1)}
    </section>`;
  }

  #renderList(level: number): TemplateResult {
    const list = this.#list.value;
    const { act } = this.ctx;
    return html`
      ${selectField({
        id: 'themes-state',
        label: msg('Show', { id: 'console.themes.show' }),
        value: this.#state.value,
        none: msg('Drafts and published', { id: 'console.themes.all' }),
        options: THEME_STATES.map((st) => ({ value: st, label: stateLabel(st) })),
        onChange: (v) => this.themes.filter(v === 'draft' || v === 'published' ? v : ''),
      })}
      ${list.status === 'loading'
        ? html`<p class="hint">${msg('Loading…', { id: 'console.list.loading' })}</p>`
        : list.status === 'failed'
          ? listFailed({
              id: 'themes-error',
              level,
              title: msg('The themes could not be loaded', { id: 'console.themes.failed' }),
              reason: staffFailureText(list.reason),
              retry: act(() => this.themes.retry()),
            })
          : list.items.length === 0
            ? html`<p id="themes-empty">${msg('No themes yet. Link messages to a new theme from the inbox.', { id: 'console.themes.none' })}</p>`
            : html`<ul class="items" role="list">
                  ${list.items.map(
                    (theme, i) => html`<li>
                      <button part="item" class="item" type="button" id="theme-${i}" @click=${act(() => this.#openTheme(theme.id))}>
                        <span class="item-meta"><strong>${stateLabel(theme.state)}</strong> · ${themeStatusLabel(theme.status)}${theme.service ? ` · ${serviceLabel(this.ctx, theme.service)}` : ''} · ${this.#count(theme.inputCount)}</span>
                        <span class="item-text" lang=${theme.locale}>${theme.title}</span>
                      </button>
                    </li>`,
                  )}
                </ul>
                ${loadMore(list, act(() => this.themes.more()))}`}
    `;
  }

  #count = (n: number) => {
    const count = this.ctx.formatNumber(n);
    return msg(str`Linked messages: ${count}`, { id: 'console.themes.count' });
  };

  #publishedOn(at: string): string {
    const day = this.ctx.date(at);
    return msg(str`Published on ${day}`, { id: 'console.themes.publishedOn' });
  }

  #openTheme(id: string | undefined): void {
    const back = this.#open.value;
    this.forget();
    this.themes.open(id);
    if (id) this.ctx.focus.moveTo('#theme-editor');
    else {
      const l = this.#list.value;
      const i = l.status === 'ready' ? l.items.findIndex((t) => t.id === back) : -1;
      if (!this.ctx.focus.moveTo(i >= 0 ? `#theme-${i}` : '#themes')) this.ctx.focus.moveTo('#themes');
    }
  }

  #renderEditor(theme: StaffTheme, level: number): TemplateResult {
    if (this.#draftOf !== theme.id || !this.#draft) {
      this.#draftOf = theme.id;
      this.#draft = { title: theme.title, youSaid: theme.youSaid, weDid: theme.weDid ?? '', status: theme.status, statusReason: theme.statusReason ?? '', service: theme.service ?? '', locale: theme.locale };
    }
    const draft = this.#draft;
    const action = this.#action.value;
    const problems = action.state === 'invalid' && action.what === 'save' ? action.problems : {};
    const saving = action.state === 'saving' && action.what === 'save';
    const failed = action.state === 'failed' && action.what === 'save' ? staffFailureText(action.reason) : undefined;
    const { act, formatNumber } = this.ctx;
    const locked = this.#locked(theme);
    const text = (f: 'title' | 'youSaid' | 'weDid' | 'statusReason', label: string, hint?: string) =>
      field({
        id: `theme-${f}`,
        label,
        hint,
        error: problemText(problems[f], f, formatNumber),
        control: (a) =>
          f === 'title'
            ? html`<input type="text" id="theme-title" name="title" autocomplete="off" lang=${draft.locale} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${draft.title} @input=${(e: Event) => (draft.title = (e.target as HTMLInputElement).value)} />`
            : html`<textarea id="theme-${f}" name=${f} rows="4" lang=${draft.locale} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${draft[f]} @input=${(e: Event) => (draft[f] = (e.target as HTMLTextAreaElement).value)}></textarea>`,
      });
    const save = (event: Event) => {
      event.preventDefault();
      if (saving) return;
      this.ctx.focus.acted();
      void this.themes.save(theme.id, draft);
    };
    return html`
      <article class="editor" id="theme-editor" tabindex="-1" aria-labelledby="editor-title">
        ${heading(level, html`<span lang=${theme.locale}>${theme.title}</span>`, { id: 'editor-title' })}
        <p class="hint">${stateLabel(theme.state)}${theme.service ? ` · ${serviceLabel(this.ctx, theme.service)}` : ''} · ${this.#count(theme.inputCount)}${theme.publishedAt ? html` · ${this.#publishedOn(theme.publishedAt)}` : nothing}</p>
        <p><button class="link" type="button" @click=${act(() => this.#openTheme(undefined))}>${msg('Back to the themes', { id: 'console.themes.back' })}</button></p>
        ${theme.state === 'published' && action.state === 'done' && action.what === 'publish'
          ? notice({ id: 'published', level: level + 1, tone: 'success', title: msg('Theme published.', { id: 'console.themes.publishedNow' }), body: html`<p>${msg('It is public now, and its linked messages are answered.', { id: 'console.themes.publishedBody' })}</p>` })
          : nothing}
        <form class="theme-form" novalidate @submit=${save} aria-labelledby="edit-title" aria-describedby=${locked ? 'theme-locked' : nothing}>
          ${heading(level + 1, msg('Edit the theme', { id: 'console.themes.edit' }), { id: 'edit-title' })}
          ${locked ? html`<p id="theme-locked">${msg('This theme is published: only administrators can change it or its status. You can add an update to its timeline.', { id: 'console.themes.locked' })}</p>` : nothing}
          <fieldset class="theme-fields" ?disabled=${locked}>
            ${text('title', msg('Title', { id: 'console.themes.titleLabel' }))}
            ${text('youSaid', msg('You said', { id: 'console.themes.youSaid' }), msg('What residents said, summarised in plain words.', { id: 'console.themes.youSaidHint' }))}
            ${text('weDid', msg('We did', { id: 'console.themes.weDid' }), msg('What the council did or will do. Leave it empty until you can say.', { id: 'console.themes.weDidHint' }))}
            ${field({
              id: 'theme-status',
              label: msg('Status', { id: 'console.filters.status' }),
              control: () => html`<select id="theme-status" name="status" @change=${(e: Event) => (draft.status = (e.target as HTMLSelectElement).value as ThemeStatus)}>
                ${THEME_STATUSES.map((st) => html`<option value=${st} ?selected=${st === draft.status}>${themeStatusLabel(st)}</option>`)}
              </select>`,
            })}
            ${text('statusReason', msg('Why it stands there', { id: 'console.themes.reason' }), msg('Optional: the reason for the status, shown with it.', { id: 'console.themes.reasonHint' }))}
            ${this.#localeField(draft)}
            ${serviceField({ id: 'theme-service', value: draft.service, ctx: this.ctx, onChange: (v) => (draft.service = v) })}
          </fieldset>
          ${failed ? html`<p class="error-message" role="alert">${failed}</p>` : nothing}
          ${locked
            ? nothing
            : html`<div class="row">
                <button part="button" class="button" type="submit" aria-disabled=${saving ? 'true' : 'false'}>${saving ? msg('Saving…', { id: 'console.saving' }) : msg('Save the theme', { id: 'console.themes.save' })}</button>
                ${
                  // Seen as well as heard (the status region says it once): the preview alone did not show it was kept.
                  action.state === 'done' && action.what === 'save' ? html`<span class="ok" id="theme-saved">${msg('Theme saved.', { id: 'console.themes.saved' })}</span>` : nothing
                }
              </div>`}
        </form>
        ${this.#renderTimeline(theme, level + 1)} ${this.#renderPreview(theme, level + 1)} ${this.#renderPublish(theme, level + 1)}
      </article>
    `;
  }

  /**
   * Whether the theme is shown, not offered for editing: a published theme speaks for the council,
   * and the API lets only admins change it or its status (an editor may add an update that keeps
   * the status). An unknown role keeps the form; the API's refusal is said in it.
   */
  #locked(theme: StaffTheme): boolean {
    return theme.state === 'published' && this.ctx.role?.() === 'editor';
  }

  /** The theme's language, to correct one linked in the wrong one; its texts' fields follow it. */
  #localeField(draft: ThemeDraft): TemplateResult | typeof nothing {
    const locales = this.ctx.locales();
    // A theme in a language the council has since dropped keeps it among the choices.
    const choices = locales.includes(draft.locale) ? locales : [...locales, draft.locale];
    if (choices.length < 2) return nothing;
    return field({
      id: 'theme-locale',
      label: msg('Written in', { id: 'console.link.locale' }),
      control: () => html`<select
        id="theme-locale"
        name="locale"
        @change=${(e: Event) => {
          draft.locale = (e.target as HTMLSelectElement).value as Locale;
          this.host.requestUpdate();
        }}
      >
        ${choices.map((l) => html`<option value=${l} lang=${l} ?selected=${l === draft.locale}>${ownName(l)}</option>`)}
      </select>`,
    });
  }

  #renderTimeline(theme: StaffTheme, level: number): TemplateResult {
    const action = this.#action.value;
    const adding = action.state === 'saving' && action.what === 'update';
    const locked = this.#locked(theme);
    const error =
      action.state === 'invalid' && action.what === 'update'
        ? problemText(action.problems.update, 'update', this.ctx.formatNumber)
        : action.state === 'failed' && action.what === 'update'
          ? staffFailureText(action.reason)
          : undefined;
    const submit = (event: Event) => {
      event.preventDefault();
      if (adding) return;
      this.ctx.focus.acted();
      void this.themes.addUpdate(theme.id, this.#update, this.#updateStatus);
    };
    return html`
      <section class="timeline" aria-labelledby="timeline-title">
        ${heading(level, msg('Timeline', { id: 'console.themes.timeline' }), { id: 'timeline-title' })}
        ${theme.timeline.length
          ? html`<ol class="replies">
              ${theme.timeline.map((u) => html`<li><p class="hint">${this.ctx.date(u.at)}${u.status ? html` · ${themeStatusLabel(u.status)}` : nothing}</p><p class="text" lang=${theme.locale}>${u.text}</p></li>`)}
            </ol>`
          : html`<p>${msg('No updates yet.', { id: 'console.themes.noUpdates' })}</p>`}
        <form novalidate @submit=${submit} aria-labelledby="update-title">
          ${heading(level + 1, msg('Add an update', { id: 'console.themes.addUpdate' }), { id: 'update-title' })}
          ${field({
            id: 'update-text',
            label: msg('What happened', { id: 'console.themes.updateLabel' }),
            hint: msg('Public with the theme, dated today.', { id: 'console.themes.updateHint' }),
            error,
            control: (a) =>
              html`<textarea id="update-text" name="update" rows="3" lang=${theme.locale} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${this.#update} @input=${(e: Event) => (this.#update = (e.target as HTMLTextAreaElement).value)}></textarea>`,
          })}
          <fieldset ?disabled=${locked} aria-describedby=${locked ? 'theme-locked' : nothing}>
            ${selectField({
              id: 'update-status',
              label: msg('New status', { id: 'console.status.label' }),
              value: this.#updateStatus,
              none: msg('Status unchanged', { id: 'console.themes.statusSame' }),
              options: THEME_STATUSES.map((st) => ({ value: st, label: themeStatusLabel(st) })),
              onChange: (v) => (this.#updateStatus = (THEME_STATUSES as readonly string[]).includes(v) ? (v as ThemeStatus) : ''),
            })}
          </fieldset>
          <div class="row">
            <button part="button" class="button secondary" type="submit" aria-disabled=${adding ? 'true' : 'false'}>${adding ? msg('Saving…', { id: 'console.saving' }) : msg('Add the update', { id: 'console.themes.addUpdateSubmit' })}</button>
          </div>
        </form>
      </section>
    `;
  }

  #renderPreview(theme: StaffTheme, level: number): TemplateResult {
    const locales = this.ctx.locales();
    const locale = this.#previewLocale && locales.includes(this.#previewLocale) ? this.#previewLocale : (locales[0] ?? this.ctx.locale());
    return html`
      <section class="preview" aria-labelledby="preview-title">
        ${heading(level, msg('Preview', { id: 'console.themes.preview' }), { id: 'preview-title' })}
        <p class="hint" id="preview-hint">${msg('As residents will see it once published, as saved. The page’s labels follow the language chosen here; the theme’s own texts stay in the language they are written in.', { id: 'console.themes.previewHint' })}</p>
        ${locales.length > 1
          ? field({
              id: 'preview-locale',
              label: msg('Preview in', { id: 'console.themes.previewIn' }),
              control: () => html`<select id="preview-locale" @change=${(e: Event) => {
                this.#previewLocale = (e.target as HTMLSelectElement).value as Locale;
                this.host.requestUpdate();
              }}>
                ${locales.map((l) => html`<option value=${l} lang=${l} ?selected=${l === locale}>${ownName(l)}</option>`)}
              </select>`,
            })
          : nothing}
        <div class="preview-frame" role="group" aria-labelledby="preview-title" aria-describedby="preview-hint">
          <you-said-we-did lang=${locale} heading-level=${Math.min(level + 1, 6)} .preview=${asPublic(theme)} .previewCouncil=${{ services: this.ctx.services() ?? [], defaultLocale: this.ctx.locales()[0] }}></you-said-we-did>
        </div>
      </section>
    `;
  }

  #renderPublish(theme: StaffTheme, level: number): TemplateResult | typeof nothing {
    if (theme.state === 'published') return nothing;
    const action = this.#action.value;
    const publishing = action.state === 'saving' && action.what === 'publish';
    const failed = action.state === 'failed' && action.what === 'publish' ? staffFailureText(action.reason) : undefined;
    const { act } = this.ctx;
    // An editor is told who publishes, without a button that would only be refused; an unknown role gets both.
    const role = this.ctx.role?.();
    const count = this.ctx.formatNumber(theme.inputCount);
    const question =
      theme.inputCount === 0
        ? msg('Publish this theme? It becomes public at once; no messages are linked to it. It cannot be taken back.', { id: 'console.themes.confirmNone' })
        : byCount(this.ctx.locale(), theme.inputCount, {
            one: () => msg('Publish this theme? It becomes public at once, and its linked message becomes answered; if the resident left an address, they are emailed. It cannot be taken back.', { id: 'console.themes.confirmOne' }),
            other: () => msg(str`Publish this theme? It becomes public at once, and its ${count} linked messages become answered; residents who left an address are emailed. It cannot be taken back.`, { id: 'console.themes.confirm' }),
          });
    return html`
      <section class="publish" aria-labelledby="publish-title">
        ${heading(level, msg('Publish', { id: 'console.themes.publishTitle' }), { id: 'publish-title' })}
        ${this.#confirming
          ? html`<div
              class="confirm"
              id="publish-confirm"
              role="group"
              tabindex="-1"
              aria-labelledby="confirm-text"
              @keydown=${(e: KeyboardEvent) => {
                // Escape takes the question back, as it would close a dialog.
                if (e.key !== 'Escape') return;
                e.preventDefault();
                this.ctx.focus.acted();
                this.#confirm(false);
              }}
            >
              <p id="confirm-text">${question}</p>
              ${failed ? html`<p class="error-message" role="alert">${failed}</p>` : nothing}
              <div class="row">
                <button part="button" class="button" type="button" aria-disabled=${publishing ? 'true' : 'false'} @click=${act(() => !publishing && this.themes.publish(theme.id))}>
                  ${publishing ? msg('Publishing…', { id: 'console.themes.publishing' }) : msg('Yes, publish', { id: 'console.themes.publishYes' })}
                </button>
                <button part="button" class="button secondary" type="button" @click=${act(() => this.#confirm(false))}>${msg('Cancel', { id: 'console.cancel' })}</button>
              </div>
            </div>`
          : html`${role === 'admin' ? nothing : html`<p id="publish-who">${msg('Only administrators can publish.', { id: 'console.themes.publishWho' })}</p>`}
            ${role === 'editor' ? nothing : html`<div class="row"><button part="button" class="button" type="button" id="publish" @click=${act(() => this.#confirm(true))}>${msg('Publish…', { id: 'console.themes.publish' })}</button></div>`}`}
      </section>
    `;
  }

  #confirm(on: boolean): void {
    this.#confirming = on;
    this.host.requestUpdate();
    this.ctx.focus.moveTo(on ? '#publish-confirm' : '#publish');
  }
}
