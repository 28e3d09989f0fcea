import type { FeedbackReceipt, Locale, LoopStats, Service, Theme, ThemeDetail, ThemeStatus } from '@civicloop/contract';
import { formatReceipt, normalizeReceipt, THEME_STATUSES } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { CivicElement } from '../internal/civic-element.js';
import { define } from '../internal/define.js';
import { messages } from '../generated/locales/loop.js';
import { StoreController } from '../internal/store-controller.js';
import { FocusController } from '../kit/controllers/focus.js';
import { KeepInView } from '../kit/controllers/keep-in-view.js';
import { WindowListener } from '../kit/controllers/window-listener.js';
import { dateFormat, numberFormat } from '../kit/format.js';
import { formatDay, formatMonth, formatPercent } from '../kit/format-stats.js';
import { StatusController } from '../kit/controllers/status.js';
import { safeUrl, selectField } from '../kit/parts/controls.js';
import { eraseControl, eraseWords } from '../kit/parts/erase.js';
import { describedByAttr, field, heading, kitStyles, notice } from '../kit/parts/index.js';
import type { EraseState } from '../kit/stores/erase.js';
import { moreButton, moreTeller } from '../kit/parts/more-button.js';
import { layoutStyles } from '../kit/parts/layout.js';
import { shareChart, shareChartStyles } from '../kit/parts/share-chart.js';
import { serviceName, serviceOptions } from '../kit/stores/council.js';
import { createLoopView, hashWithoutReceipt, isThemeStatus, loadFault, receiptFromHash, type ListState, type LoadFailure, type LoopFilters, type LookupState, type TimelineState } from '../stores/loop.js';
import * as s from './strings.js';
import type { CocreateErasedDetail } from '../cocreate-feedback/events.js';
import { loopStyles } from './you-said-we-did.styles.js';

/**
 * Whether focus is on a link to the page address's fragment, looked for through shadow roots: the
 * resident followed it (a page's own script changing the fragment leaves focus elsewhere).
 */
function onLinkToHash(): boolean {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused instanceof HTMLAnchorElement && focused.hash === location.hash;
}

/** A month with one of the longest names, for the unseen caption that holds the chart's place while the figures load. */
const SKELETON_MONTH = '2026-09';

/**
 * "You said, we did": what residents told the council, what the council did about it, and
 * figures that show whether the loop is closed: how much input was answered in public and how
 * fast. Residents follow their own input by its receipt code, typed in or carried in the page
 * address's fragment (`#receipt=K7MX-2QPA-9R`, never a query string), which is where the follow
 * link of `<cocreate-feedback>` lands.
 *
 * ```html
 * <you-said-we-did api="https://api.council.example" council="testborough" service="libraries"></you-said-we-did>
 * ```
 *
 * Every text written by council staff is shown as text, never as markup.
 *
 * The element keeps the size it settles at (`--you-said-we-did-min-block-size`) from its first
 * render, with placeholders for the figures and the first themes while they load, until the
 * resident first acts in it; the CDN loader reserves the same size before the element is defined,
 * so the page below does not move.
 *
 * @summary Published themes ("you said, we did"), loop figures and the receipt lookup.
 *
 * @event {CustomEvent<CocreateErasedDetail>} cocreate-erased - Its author erased the input found by its receipt; a `<cocreate-feedback>` on the page that shows it as sent shows it erased.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart figures - The loop figures and their chart.
 * @csspart chart - The chart of the answered share by month (its table follows it).
 * @csspart follow - "Follow your input": the receipt code form and its result.
 * @csspart lookup - The result of a receipt lookup.
 * @csspart filters - The service and status filters.
 * @csspart card - Each theme.
 * @csspart badge - A theme's status.
 * @csspart timeline - A theme's timeline, when opened.
 * @csspart button - Every button.
 * @csspart notice - Messages about loading (failed, offline, nothing yet).
 * @csspart subscribe - The link to the Atom feed.
 * @csspart status - The visually hidden live region that announces changes.
 * @csspart language - The language switcher (shown when the council has more than one language).
 *
 * @cssproperty [--you-said-we-did-min-block-size=83rem] - Height reserved before and while the figures and first themes load (107rem below 40rem viewport width, 113rem below 21rem).
 * The theme's custom properties (`--cocreate-accent`, ...) apply; they are documented once, in src/registry.ts.
 */
export class YouSaidWeDid extends CivicElement {
  // Its own strings (`loop.*`), fetched per language; the kit's come with every element.
  protected static override messages = [messages];

  static override styles = [...CivicElement.styles, kitStyles, shareChartStyles, layoutStyles, loopStyles];

  // A static declaration rather than a decorator: no decorator helper in the page's bytes.
  static override properties: PropertyDeclarations = { status: {}, preview: { attribute: false }, previewCouncil: { attribute: false } };

  /** Show only themes with this status at first (`listening`, `considering`, `planned`, `done`, `not-possible`); the resident can change it. */
  status?: string;

  /** Set by the staff console: shows this theme alone, as its card will look when published, its timeline open; nothing is fetched. */
  preview?: ThemeDetail;

  /** Set by the staff console with `preview`: the council's services and default language, so the preview names the theme's service as the public list does. */
  previewCouncil?: { services: readonly Service[]; defaultLocale: Locale | undefined };

  #loop = createLoopView({ scope: () => this.config });
  #council = new StoreController(this, this.#loop.$council);
  protected override get councilState() {
    // A preview loads no council: it shows the theme it is given, in the language it is given.
    return this.preview ? undefined : this.#loop.$council.get();
  }
  #services = new StoreController(this, this.#loop.$services);
  #stats = new StoreController(this, this.#loop.$stats);
  #list = new StoreController(this, this.#loop.$list);
  #filters = new StoreController(this, this.#loop.$filters);
  #timelines = new StoreController(this, this.#loop.$timelines);
  #open = new StoreController(this, this.#loop.$open);
  #lookup = new StoreController(this, this.#loop.$lookup);
  #erase = new StoreController(this, this.#loop.$erase);
  #lastErase: EraseState = 'none';
  #statusRegion = new StatusController(this);
  #focus = new FocusController(this);
  #code = '';
  #tellMore = moreTeller<ListState>({ focus: this.#focus, status: this.#statusRegion }, 'card', (added) => s.moreLoaded(this.formatNumber(added)));
  #lastLookup: LookupState | undefined;

  /** Whether the themes were asked for (a council and api known): a `status` set later filters them. */
  #loaded = false;

  protected override scopeChanged(): void {
    if (this.preview) return;
    this.#loaded = true;
    this.#loop.load({ service: this.config.service ?? '', status: isThemeStatus(this.status) ? this.status : '' });
    this.#onHash();
  }

  protected override released(): void {
    this.#loop.dispose();
  }

  /**
   * `#receipt=CODE` in the page address opens the lookup: on load, and when the fragment changes.
   * When the resident `followed` a link on this page to it (the form's follow link), the result
   * takes focus, as with a lookup of their own.
   */
  #onHash = (followed = false) => {
    const code = receiptFromHash(location.hash);
    if (!code) return;
    if (followed) this.#focus.acted();
    this.#code = code;
    this.#fromHash = true;
    this.#loop.lookup(code);
  };
  #fromHash = false;
  #inView = new KeepInView(this);
  #hash = new WindowListener(this, 'hashchange', () => this.#onHash(onLinkToHash()));
  // Erased by its author in a <cocreate-feedback> on this page: the lookup showing it asks again.
  #erased = new WindowListener(this, 'cocreate-erased', (e) => e.target !== this && this.#loop.changed(e.detail.receipt));

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A button that goes away with the state it belonged to ("Try again", "Show more") leaves focus on the list.
    this.#focus.fallback('#themes');
    // Also the first `status`: the page's parser may set it after an attribute that loaded the
    // themes already (`lang` before `status`), which read it unset. (The same filter is no change.)
    if (changed.has('status') && this.#loaded) this.#loop.filter({ status: isThemeStatus(this.status) ? this.status : '' });
    if (this.#fault) this.releaseReservedSize();
    this.#tellList();
    this.#tellLookup();
    this.#tellErase();
  }

  // Erasing from the lookup, as after sending: focus on the result once it says "erased", back on
  // the button when it failed (its alert says why).
  #tellErase(): void {
    const erase = this.#erase.value;
    if (erase === this.#lastErase) return;
    this.#lastErase = erase;
    if (erase === 'failed') return void this.#focus.moveTo('#erase');
    // Focus on the result says it; what the status region said of the message before ("Your
    // message: Received", when it came from the page address) must not stay behind.
    if (erase === 'erased') {
      // A <cocreate-feedback> on this page that shows it as sent shows it erased too.
      const lookup = this.#lookup.value;
      if (lookup.state === 'found') this.dispatchEvent(new CustomEvent('cocreate-erased', { bubbles: true, composed: true, detail: { receipt: lookup.code } }));
      if (this.#focus.moveTo('#lookup')) this.#statusRegion.clear();
      else this.#statusRegion.announce(msg('Your message has been erased', { id: 'loop.lookup.erasedTitle' }));
    }
  }

  // A list the resident asked for (a filter, "show more") is told once: by focus on the first
  // new theme, or through the status region.
  #tellList(): void {
    const list = this.#list.value;
    const previous = this.#tellMore(list);
    if (previous?.status === 'loading' && list.status === 'ready' && this.#filtered) {
      this.#filtered = false;
      this.#statusRegion.announce(list.items.length ? s.themesShown(this.formatNumber(list.items.length)) : msg('No themes match these filters', { id: 'loop.list.noneMatch' }));
    }
  }
  #filtered = false;

  #tellLookup(): void {
    const [lookup, previous] = [this.#lookup.value, this.#lastLookup];
    if (lookup === previous) return;
    this.#lastLookup = lookup;
    this.#dropCodeFromAddress(lookup);
    if (lookup.state === 'idle' || lookup.state === 'loading') {
      if (lookup.state === 'loading') this.#statusRegion.announce(msg('Looking for your message…', { id: 'loop.lookup.loading' }));
      return;
    }
    if (lookup.state === 'invalid') return void this.#focus.moveTo('#receipt');
    // Looked up again after the resident erased it elsewhere on the page, which told them so there.
    if (lookup.state === 'found' && lookup.again) return;
    const fromHash = this.#fromHash;
    this.#fromHash = false;
    if (fromHash) this.#inView.show(() => this.renderRoot.querySelector('#lookup'), 'nearest');
    // Focus on the result says it; "Looking for your message…" must not stay behind in the status region.
    if (this.#focus.moveTo('#lookup')) this.#statusRegion.clear();
    else this.#statusRegion.announce(this.#lookupTitle(lookup));
  }

  /**
   * The code is the resident's key to their message, its reply and its erasing: once the lookup has
   * answered (found, or not), it leaves the page address, so the browser's history (a library's
   * shared computer) and a link copied from the address bar do not keep it. The lookup form shows
   * it; the email still has the link. Until then it stays: a page that cannot reach the council
   * (offline, or set up wrongly) keeps it for a reload. The rest of the fragment stays.
   */
  #dropCodeFromAddress(lookup: LookupState): void {
    if (lookup.state !== 'found' && lookup.state !== 'not-found' && lookup.state !== 'invalid') return;
    const inAddress = receiptFromHash(location.hash);
    if (!inAddress || (lookup.state !== 'invalid' && normalizeReceipt(inAddress) !== lookup.code)) return;
    history.replaceState(history.state, '', location.pathname + location.search + hashWithoutReceipt(location.hash));
  }

  #percent = (share: number) => formatPercent(this.renderedLocale, share);
  #date = (at: string) => dateFormat(this.renderedLocale, { dateStyle: 'medium' }).format(new Date(at));
  #day = (day: string) => formatDay(this.renderedLocale, day);
  #month = (month: string) => formatMonth(this.renderedLocale, month);
  #act = (fn: () => unknown) => () => {
    this.#focus.acted();
    void fn();
  };

  /**
   * Why nothing can ever load here, if so: the council refuses this site, the page's policy forbids
   * reaching it, the element lacks its api or council, the server knows no such council (its
   * configuration answered 404), or the element names a service the council does not have.
   */
  get #fault(): LoadFailure | undefined {
    return loadFault(this.#council.value, this.#list.value, this.#services.value, this.config.service);
  }

  override render(): TemplateResult {
    const level = this.level;
    if (this.preview) return html`<div part="base" class="base" lang=${this.renderedLocale}><ul class="cards stack" role="list">${this.#renderCard(this.preview, 0, level, this.preview)}</ul></div>`;
    // One notice, not a figures box, a lookup form and a list that each say so (and no space kept for them).
    if (this.#fault)
      return html`<div part="base" class="base" lang=${this.renderedLocale}>
        ${this.#statusRegion.render()} ${heading(level, msg('You said, we did', { id: 'loop.title' }), { id: 'title' })} ${this.#renderFault(this.#fault, level + 1)}
      </div>`;
    return html`
      <div part="base" class="base" lang=${this.renderedLocale}>
        ${this.#statusRegion.render()} ${heading(level, msg('You said, we did', { id: 'loop.title' }), { id: 'title' })}
        ${this.#renderFigures(level + 1)} ${this.#renderFollow(level + 1)} ${this.#renderThemes(level + 1)} ${this.#renderSubscribe()}
        ${
          // Last, as in <cocreate-feedback>: it appears with the council's data and must not push the rest down.
          this.renderLanguagePicker(msg('You said, we did', { id: 'loop.title' }))
        }
      </div>
    `;
  }

  #renderFigures(level: number): TemplateResult {
    const state = this.#stats.value;
    return html`
      <section part="figures" class="figures" aria-labelledby="figures-title">
        ${heading(level, msg('How we answer', { id: 'loop.figures.title' }), { id: 'figures-title' })}
        ${state.status === 'loading'
          ? html`<p class="hint">${msg('Loading the figures…', { id: 'loop.figures.loading' })}</p>
              ${this.#renderFiguresSkeleton()}`
          : state.status === 'failed'
            ? html`<p class="hint">${s.failureText(state.reason, this.config)}</p>`
            : this.#renderStats(state.stats)}
      </section>
    `;
  }

  // The figures' shape while they load (the same labels, the chart's caption and height), so what follows
  // them does not move when they arrive; hidden from assistive technology, which hears "Loading".
  #renderFiguresSkeleton(): TemplateResult {
    const labels = [msg('Messages received', { id: 'loop.figures.received' }), msg('Answered in public', { id: 'loop.figures.answered' }), msg('Median time to a public answer', { id: 'loop.figures.median' })];
    return html`<div class="skeleton-figures" aria-hidden="true">
      <dl class="numbers">
        ${labels.map((label) => html`<div><dt>${label}</dt><dd>…</dd></div>`)}
      </dl>
      <div>
        <p class="chart-caption skeleton-caption">${s.chartLabel(this.#month(SKELETON_MONTH), this.#month(SKELETON_MONTH))}</p>
        <div class="skeleton chart-skeleton"></div>
        <p class="chart-ends skeleton-caption"><span>${this.#month(SKELETON_MONTH)}</span></p>
      </div>
    </div>`;
  }

  #renderStats(stats: LoopStats): TemplateResult {
    const median = stats.medianDaysToResponse;
    // The unit's plural forms come from the browser, in the element's language ("1 day", "3,5 dnia").
    const days = median === null ? msg('Not yet known', { id: 'loop.figures.unknown' }) : numberFormat(this.renderedLocale, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 }).format(median);
    return html`
      <p class="hint">${s.periodText(this.#day(stats.from), this.#day(stats.to))}</p>
      <dl class="numbers">
        <div>
          <dt>${msg('Messages received', { id: 'loop.figures.received' })}</dt>
          <dd>${this.formatNumber(stats.received)}</dd>
        </div>
        <div>
          <dt>${msg('Answered in public', { id: 'loop.figures.answered' })}</dt>
          <dd>${stats.answeredShare === null ? msg('Not yet known', { id: 'loop.figures.unknown' }) : this.#percent(stats.answeredShare)}</dd>
        </div>
        <div>
          <dt>${msg('Median time to a public answer', { id: 'loop.figures.median' })}</dt>
          <dd>${days}</dd>
        </div>
      </dl>
      ${stats.byMonth.length ? this.#renderChart(stats) : nothing}
    `;
  }

  /** Bars of the answered share by month; the same figures follow as a table. */
  #renderChart(stats: LoopStats): TemplateResult {
    const months = stats.byMonth;
    return shareChart({
      label: s.chartLabel(this.#month(months[0]!.month), this.#month(months[months.length - 1]!.month)),
      showTable: msg('Show the figures as a table', { id: 'loop.chart.table' }),
      headers: [msg('Month', { id: 'loop.chart.month' }), msg('Received', { id: 'loop.chart.received' }), msg('Answered', { id: 'loop.chart.answered' }), msg('Share answered', { id: 'loop.chart.share' })],
      rows: months.map((m) => ({ key: m.month, name: this.#month(m.month), received: m.received, answered: m.answered, share: m.answeredShare })),
      number: (n) => this.formatNumber(n),
      percent: this.#percent,
    });
  }

  #renderFollow(level: number): TemplateResult {
    const lookup = this.#lookup.value;
    const error = lookup.state === 'invalid' ? msg('Enter the code as it was shown to you: 10 letters and numbers, like K7MX-2QPA-9R', { id: 'loop.lookup.invalid' }) : undefined;
    return html`
      <section part="follow" class="follow" aria-labelledby="follow-title">
        ${heading(level, msg('Follow your message', { id: 'loop.follow.title' }), { id: 'follow-title' })}
        <form novalidate @submit=${this.#onLookup}>
          ${field({
            id: 'receipt',
            label: msg('Receipt code', { id: 'loop.follow.label' }),
            hint: msg('You got it after sending your message, for example K7MX-2QPA-9R.', { id: 'loop.follow.hint' }),
            error,
            control: (a) =>
              html`<input type="text" id="receipt" name="receipt" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${this.#code} @input=${(e: Event) => (this.#code = (e.target as HTMLInputElement).value)} />`,
          })}
          <div class="row">
            <button part="button" class="button" type="submit" aria-disabled=${lookup.state === 'loading' ? 'true' : 'false'}>${msg('Find my message', { id: 'loop.follow.submit' })}</button>
          </div>
        </form>
        ${this.#renderLookup(lookup, level + 1)}
      </section>
    `;
  }

  #onLookup = (event: Event) => {
    event.preventDefault();
    if (this.#lookup.value.state === 'loading') return;
    this.#act(() => this.#loop.lookup(this.#code))();
  };

  #lookupTitle(lookup: LookupState): string {
    switch (lookup.state) {
      case 'found':
        return this.localized(() => {
          if (lookup.receipt.erased || this.#erase.value === 'erased') return msg('Your message has been erased', { id: 'loop.lookup.erasedTitle' });
          const status = s.inputStatusLabel(lookup.receipt.status);
          return msg(str`Your message: ${status}`, { id: 'loop.lookup.found' });
        });
      case 'not-found':
        return this.localized(() => msg('We found no message with this code', { id: 'loop.lookup.notFound' }));
      default:
        return this.localized(() => msg('We could not look up your message', { id: 'loop.lookup.failed' }));
    }
  }

  #renderLookup(lookup: LookupState, level: number): TemplateResult | typeof nothing {
    if (lookup.state === 'found') return this.#renderReceipt(lookup.receipt, lookup.code, level);
    if (lookup.state === 'not-found')
      return notice({
        id: 'lookup',
        part: 'lookup',
        level,
        tone: 'warning',
        title: this.#lookupTitle(lookup),
        body: html`<p>${msg('Check the code and try again. A message erased by its author can still be found, without its text.', { id: 'loop.lookup.notFoundBody' })}</p>`,
      });
    if (lookup.state === 'failed')
      return notice({
        id: 'lookup',
        part: 'lookup',
        level,
        tone: 'error',
        title: this.#lookupTitle(lookup),
        body: html`<p>${s.failureText(lookup.reason, this.config)}</p>`,
      });
    return nothing;
  }

  #renderReceipt(receipt: FeedbackReceipt, code: string, level: number): TemplateResult {
    const replies = receipt.replies ?? [];
    const theme = receipt.theme;
    const [shown, sent] = [formatReceipt(code), this.#date(receipt.createdAt)];
    const eraseState = this.#erase.value;
    const erased = receipt.erased || eraseState === 'erased';
    const words = eraseWords();
    return notice({
      id: 'lookup',
      part: 'lookup',
      level,
      tone: receipt.status === 'answered' ? 'success' : 'info',
      title: this.#lookupTitle({ state: 'found', code, receipt }),
      body: html`
        <p>${msg(str`Receipt code ${shown}, sent on ${sent}.`, { id: 'loop.lookup.sent' })}</p>
        ${erased ? html`<p>${msg('Its text was erased at your request. It still counts in the figures.', { id: 'loop.lookup.erased' })}</p>` : nothing}
        ${replies.length
          ? html`${heading(level + 1, msg('The council answered you', { id: 'loop.lookup.replies' }))}
              <ul class="replies">
                ${replies.map((r) => html`<li><p class="hint">${this.#date(r.at)}</p><p class="text">${r.text}</p></li>`)}
              </ul>`
          : nothing}
        ${theme
          ? html`${heading(level + 1, msg('What the council did about it', { id: 'loop.lookup.theme' }))}
              <p><strong lang=${theme.locale ?? nothing}>${theme.title}</strong> ${this.#badge(theme.status)}</p>
              ${theme.weDid ? html`<p class="text" lang=${theme.locale ?? nothing}>${theme.weDid}</p>` : nothing}
              ${theme.statusReason ? html`<p class="text" lang=${theme.locale ?? nothing}>${theme.statusReason}</p>` : nothing}`
          : nothing}
        ${!replies.length && !theme && !erased ? html`<p>${msg('The council has not answered it in public yet. Come back to this page later.', { id: 'loop.lookup.notYet' })}</p>` : nothing}
        ${erased
          ? nothing
          : eraseControl({
              ...words,
              state: eraseState,
              confirm: { ...words.confirm, onConfirm: this.#act(() => this.#loop.confirmErase()), onCancel: this.#focus.act(() => this.#loop.cancelErase(), '#erase') },
              onRequest: this.#focus.act(() => this.#loop.requestErase(), '#erase-cancel'),
            })}
      `,
    });
  }

  #serviceName(service: Service, fallback: Locale | undefined): TemplateResult {
    const name = serviceName(service, this.renderedLocale, fallback);
    return html`<span lang=${name.lang ?? nothing}>${name.text}</span>`;
  }

  #badge(status: ThemeStatus): TemplateResult {
    const label = s.themeStatusLabel(status);
    return html`<span part="badge" class="badge ${status}">${msg(str`Status: ${label}`, { id: 'loop.card.status' })}</span>`;
  }

  #renderThemes(level: number): TemplateResult {
    const list = this.#list.value;
    const filters = this.#filters.value;
    const filtering = Boolean(filters.status || (filters.service && !this.config.service));
    return html`
      <section part="themes" class="themes" id="themes" tabindex="-1" aria-labelledby="themes-title">
        ${heading(level, msg('What you said and what we did', { id: 'loop.themes.title' }), { id: 'themes-title' })} ${this.#renderFilters()}
        ${list.status === 'loading'
          ? // The first cards' space while they load (the list growing after "Show more" is the resident's own doing).
            html`<div class="cards stack">
              <p class="card skeleton hint">${msg('Loading…', { id: 'loop.list.loading' })}</p>
              <div class="card skeleton" aria-hidden="true"></div>
            </div>`
          : list.status === 'failed'
            ? this.#renderFault(list.reason, level + 1)
            : list.items.length === 0
              ? notice({
                  id: 'empty',
                  level: level + 1,
                  tone: 'info',
                  title: filtering ? msg('No themes match these filters', { id: 'loop.list.noneMatch' }) : msg('No themes published yet', { id: 'loop.list.none' }),
                  body: html`<p>
                    ${filtering
                      ? msg('Choose another service or status to see more themes.', { id: 'loop.list.noneMatchBody' })
                      : msg('When the council groups what residents told it and says what it does about it, each theme appears here: what you said, what we did, and where it stands.', { id: 'loop.list.emptyBody' })}
                  </p>`,
                })
              : html`<ul class="cards stack" role="list">
                    ${list.items.map((theme, i) => this.#renderCard(theme, i, level + 1))}
                  </ul>
                  ${moreButton({
                    next: Boolean(list.nextCursor),
                    state: list.more,
                    label: msg('Show more themes', { id: 'loop.list.more' }),
                    loadingLabel: msg('Loading…', { id: 'loop.list.loading' }),
                    failedText: s.failureText('offline'),
                    onClick: this.#act(() => this.#loop.more()),
                  })}`}
      </section>
    `;
  }

  /** The list's failure; trying again is offered only where it can help. */
  #renderFault(reason: LoadFailure, level: number): TemplateResult {
    return notice({
      id: 'list-error',
      level,
      tone: 'error',
      title: msg('The themes could not be shown', { id: 'loop.list.failed' }),
      body: html`<p>${s.failureText(reason, this.config)}</p>
        ${reason === 'not-configured' || reason === 'unknown-council' || reason === 'unknown-service' || reason === 'blocked' || reason === 'csp' ? nothing : html`<div class="row"><button part="button" class="button secondary" type="button" @click=${this.#act(() => this.#loop.retry())}>${msg('Try again', { id: 'loop.retry' })}</button></div>`}`,
    });
  }

  #renderFilters(): TemplateResult {
    const filters = this.#filters.value;
    const services = this.config.service ? [] : serviceOptions(this.#services.value, this.#council.value, this.renderedLocale);
    // The service filter is there (with "All services" only) while the services load, so the themes below it do not move.
    const servicesLoading = !this.config.service && this.#services.value.status === 'loading';
    const change = (patch: Partial<LoopFilters>) => {
      this.#filtered = true;
      this.#loop.filter(patch);
    };
    return html`
      <div part="filters" class="filters" role="group" aria-label=${msg('Filter the themes', { id: 'loop.filters.label' })}>
        ${services.length || servicesLoading
          ? selectField({ id: 'filter-service', label: msg('Service', { id: 'loop.filters.service' }), value: filters.service, none: msg('All services', { id: 'loop.filters.allServices' }), options: services, onChange: (service) => change({ service }) })
          : nothing}
        ${selectField({
          id: 'filter-status',
          label: msg('Status', { id: 'loop.filters.status' }),
          value: filters.status,
          none: msg('Any status', { id: 'loop.filters.anyStatus' }),
          options: THEME_STATUSES.map((st) => ({ value: st, label: s.themeStatusLabel(st) })),
          onChange: (status) => change({ status: isThemeStatus(status) ? status : '' }),
        })}
      </div>
    `;
  }

  #renderCard(theme: Theme, i: number, level: number, preview?: ThemeDetail): TemplateResult {
    const open = !!preview || this.#open.value.has(theme.id);
    const timeline: TimelineState | undefined = preview ? { status: 'ready', theme: preview } : this.#timelines.value.get(theme.id);
    const council = this.#council.value;
    const services = this.#services.value;
    const known = preview ? this.previewCouncil : { services: services.status === 'ready' ? services.services : undefined, defaultLocale: council.status === 'ready' ? council.config.defaultLocale : undefined };
    const service = theme.service ? known?.services?.find((x) => x.id === theme.service) : undefined;
    const id = `card-${i}`;
    return html`
      <li>
        <article part="card" class="card" id=${id} tabindex="-1" aria-labelledby="${id}-title">
          ${heading(level, html`<span lang=${theme.locale}>${theme.title}</span>`, { id: `${id}-title` })}
          <p class="meta">
            ${this.#badge(theme.status)}
            ${service ? this.#serviceName(service, known?.defaultLocale) : nothing}
            <span>${s.inputCount(this.formatNumber(theme.inputCount))}</span>
            <span>${s.updatedOn(this.#date(theme.updatedAt))}</span>
          </p>
          <div class="said-did">
            <div class="said">
              ${heading(level + 1, msg('You said', { id: 'loop.card.youSaid' }))}
              <p class="text" lang=${theme.locale}>${theme.youSaid}</p>
            </div>
            <div class="did">
              ${heading(level + 1, msg('We did', { id: 'loop.card.weDid' }))}
              ${theme.weDid ? html`<p class="text" lang=${theme.locale}>${theme.weDid}</p>` : nothing}
              ${theme.statusReason ? html`<p class="text reason" lang=${theme.locale}>${theme.statusReason}</p>` : nothing}
              ${
                // "Not said yet" only when the council has said nothing here: not above its reason for the status.
                theme.weDid || theme.statusReason ? nothing : html`<p>${msg('The council has not said yet.', { id: 'loop.card.notYet' })}</p>`
              }
            </div>
          </div>
          <p>
            <button class="link" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="${id}-timeline" aria-describedby="${id}-title" @click=${this.#act(() => this.#loop.toggle(theme.id))}>
              ${msg('Timeline', { id: 'loop.card.timeline' })}
            </button>
          </p>
          <div part="timeline" class="timeline" id="${id}-timeline" ?hidden=${!open}>${open ? this.#renderTimeline(timeline, theme.locale) : nothing}</div>
        </article>
      </li>
    `;
  }

  #renderTimeline(state: TimelineState | undefined, lang: string): TemplateResult {
    if (!state || state.status === 'loading') return html`<p class="hint">${msg('Loading…', { id: 'loop.list.loading' })}</p>`;
    if (state.status === 'failed') return html`<p class="error-message">${s.failureText(state.reason, this.config)}</p>`;
    const updates = state.theme.timeline;
    if (!updates.length) return html`<p>${msg('No updates yet.', { id: 'loop.timeline.none' })}</p>`;
    return html`<ol>
      ${updates.map(
        (u) => html`<li>
          <p class="hint">${this.#date(u.at)}${u.status ? html` · ${this.#badge(u.status)}` : nothing}</p>
          <p class="text" lang=${lang}>${u.text}</p>
        </li>`,
      )}
    </ol>`;
  }

  #renderSubscribe(): TemplateResult | typeof nothing {
    const feed = safeUrl(this.#loop.feed());
    if (!feed) return nothing;
    return html`<p><a part="subscribe" href=${feed}>${msg('Subscribe to updates (Atom feed)', { id: 'loop.subscribe' })}</a></p>`;
  }
}

define('you-said-we-did', YouSaidWeDid);

declare global {
  interface HTMLElementTagNameMap {
    'you-said-we-did': YouSaidWeDid;
  }
}
