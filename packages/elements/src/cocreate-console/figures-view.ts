// The console's loop figures: inputs received, the share answered in public and the median days
// to a public response, for a period and optionally one service, drawn by month, by service and
// by channel (SVG bars, each with its table). State is in stores/console-figures.ts.
import type { LoopStats } from '@civicloop/contract';
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { StoreController } from '../internal/store-controller.js';
import { numberFormat } from '../kit/format.js';
import { formatDay, formatMonth, formatPercent } from '../kit/format-stats.js';
import { selectField } from '../kit/parts/controls.js';
import { describedByAttr, field, heading, notice } from '../kit/parts/index.js';
import { shareChart, type ShareRow } from '../kit/parts/share-chart.js';
import { shareBars } from './share-bars.js';
import type { ConsoleFigures, FiguresPeriod, FiguresState } from '../stores/console-figures.js';
import { channelLabel } from './strings.js';
import { staffFailureText, type ViewContext } from './views.js';

export class FiguresView implements ReactiveController {
  #figures: StoreController<FiguresState>;
  #period: StoreController<FiguresPeriod>;
  #draft: FiguresPeriod | undefined;
  #invalid = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly figures: ConsoleFigures,
    private readonly ctx: ViewContext & { serviceOptions(): { value: string; label: string }[] },
  ) {
    host.addController(this);
    this.#figures = new StoreController(host, figures.$figures);
    this.#period = new StoreController(host, figures.$period);
  }

  hostUpdate(): void {}

  show(): void {
    this.#draft = undefined;
    this.#invalid = false;
    void this.figures.load();
  }

  forget(): void {
    this.#draft = undefined;
    this.figures.reset();
  }

  #edit(change: Partial<FiguresPeriod>): void {
    this.#draft = { ...(this.#draft ?? this.#period.value), ...change };
    this.host.requestUpdate();
  }

  #month = (month: string) => formatMonth(this.ctx.locale(), month);
  #percent = (share: number) => formatPercent(this.ctx.locale(), share);
  #day = (day: string) => formatDay(this.ctx.locale(), day);
  #days = (days: number) => numberFormat(this.ctx.locale(), { maximumFractionDigits: 1 }).format(days);

  render(level: number): TemplateResult {
    const state = this.#figures.value;
    const p = this.#draft ?? this.#period.value;
    const dateInput = (id: string, label: string, value: string, onInput: (v: string) => void, error?: string) =>
      field({ id, label, error, control: (a) => html`<input type="date" id=${id} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${value} @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />` });
    return html`<section part="figures" class="figures-view" id="figures" tabindex="-1" aria-labelledby="figures-title">
      ${heading(level, msg('Loop figures', { id: 'console.figures.title' }), { id: 'figures-title' })}
      <p class="hint">${msg('How much of what residents said was answered in public, and how fast. Without dates: the last twelve months.', { id: 'console.figures.intro' })}</p>
      <form class="filters" novalidate @submit=${(e: Event) => {
        e.preventDefault();
        const period = this.#draft ?? this.#period.value;
        this.#invalid = Boolean(period.from && period.to && period.from > period.to);
        this.host.requestUpdate();
        if (!this.#invalid) this.ctx.act(() => this.figures.load(period))();
      }}>
        ${dateInput('figures-from', msg('From', { id: 'console.figures.from' }), p.from, (v) => this.#edit({ from: v }))}
        ${dateInput('figures-to', msg('To', { id: 'console.figures.to' }), p.to, (v) => this.#edit({ to: v }), this.#invalid ? msg('The last day must not be before the first', { id: 'console.figures.order' }) : undefined)}
        ${selectField({ id: 'figures-service', label: msg('Service', { id: 'console.embed.service' }), value: p.service, none: msg('All services', { id: 'console.filters.allServices' }), options: this.ctx.serviceOptions(), onChange: (v) => this.#edit({ service: v }) })}
        <div class="row"><button part="button" class="button" type="submit">${msg('Show the figures', { id: 'console.figures.show' })}</button></div>
      </form>
      ${state.status === 'ready'
        ? this.#renderStats(state.stats, level + 1)
        : state.status === 'failed'
          ? notice({ id: 'figures-error', level: level + 1, tone: 'error', title: msg('The figures could not be loaded', { id: 'console.figures.failed' }), body: html`<p>${staffFailureText(state.reason)}</p>` })
          : html`<p class="hint">${msg('Loading…', { id: 'console.list.loading' })}</p>`}
    </section>`;
  }

  #renderStats(stats: LoopStats, level: number): TemplateResult {
    const n = (v: number) => this.ctx.formatNumber(v);
    const headers = (first: string) => [first, msg('Received', { id: 'console.figures.received' }), msg('Answered in public', { id: 'console.figures.answered' }), msg('Share answered', { id: 'console.figures.share' })] as const;
    // Months read in order under the caption; services and channels are named beside their bars.
    const chart = (id: string, title: string, label: string, first: string, rows: ShareRow[], named = true) =>
      html`<section class="figures-group" aria-labelledby="${id}-title">
        ${heading(level, title, { id: `${id}-title` })}
        ${rows.length
          ? (named ? shareBars : shareChart)({ label, showTable: msg('Show the figures as a table', { id: 'console.figures.table' }), headers: headers(first), rows, number: n, percent: this.#percent })
          : html`<p class="hint">${msg('No input in this period.', { id: 'console.figures.none' })}</p>`}
      </section>`;
    const serviceLabel = (id: string | null) => (id === null ? msg('No service named', { id: 'console.figures.noService' }) : (this.ctx.serviceOptions().find((o) => o.value === id)?.label ?? id));
    const period = msg(str`${this.#day(stats.from)} to ${this.#day(stats.to)}`, { id: 'console.figures.period' });
    return html`
      <dl class="facts" id="figures-totals">
        <div><dt>${msg('Period', { id: 'console.figures.periodLabel' })}</dt><dd>${period}</dd></div>
        <div><dt>${msg('Received', { id: 'console.figures.received' })}</dt><dd>${n(stats.received)}</dd></div>
        <div><dt>${msg('Answered in public', { id: 'console.figures.answered' })}</dt><dd>${n(stats.answered)}${stats.answeredShare === null ? nothing : ` (${this.#percent(stats.answeredShare)})`}</dd></div>
        <div><dt>${msg('Median days to a public answer', { id: 'console.figures.median' })}</dt><dd>${stats.medianDaysToResponse === null ? '–' : this.#days(stats.medianDaysToResponse)}</dd></div>
      </dl>
      ${chart('figures-month', msg('Over time', { id: 'console.figures.overTime' }), msg('Share answered in public, by month', { id: 'console.figures.monthLabel' }), msg('Month', { id: 'console.figures.month' }),
        stats.byMonth.map((m) => ({ key: m.month, name: this.#month(m.month), received: m.received, answered: m.answered, share: m.answeredShare })), false)}
      ${chart('figures-service', msg('By service', { id: 'console.figures.byService' }), msg('Share answered in public, by service', { id: 'console.figures.serviceLabel' }), msg('Service', { id: 'console.embed.service' }),
        stats.byService.map((s) => ({ key: s.service ?? '', name: serviceLabel(s.service), received: s.received, answered: s.answered, share: s.answeredShare })))}
      ${chart('figures-channel', msg('By channel', { id: 'console.figures.byChannel' }), msg('Share answered in public, by channel', { id: 'console.figures.channelLabel' }), msg('Channel', { id: 'console.figures.channel' }),
        stats.byChannel.map((c) => ({ key: c.channel, name: channelLabel(c.channel), received: c.received, answered: c.answered, share: c.answeredShare })))}
    `;
  }
}
