// The console's contact bank: find people who agreed to be contacted (by interest, district,
// format and purpose), take every match as CSV, and see whom the bank reaches (small groups
// suppressed). The API records each search and export in the audit log. State is in
// stores/console-bank.ts.
import type { ContactReach, StaffContact } from '@civicloop/contract';
import { CONTACT_FORMATS, CONTACT_PURPOSES, SERVICE_CATEGORIES, type ContactFormat, type ContactKind, type ContactPurpose } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { StoreController } from '../internal/store-controller.js';
import { selectField } from '../kit/parts/controls.js';
import { heading, notice } from '../kit/parts/index.js';
import { tableScroll } from '../kit/parts/share-chart.js';
import type { BankFilters, ConsoleBank, ContactListState, ExportState, ReachState } from '../stores/console-bank.js';
import { categoryLabel } from './settings-view.js';
import { loadMore, staffFailureText, type ViewContext } from './views.js';

export function kindLabel(kind: ContactKind): string {
  switch (kind) {
    case 'resident':
      return msg('Resident', { id: 'console.bank.kindResident' });
    case 'association':
      return msg('Association', { id: 'console.bank.kindAssociation' });
    case 'business':
      return msg('Business', { id: 'console.bank.kindBusiness' });
  }
}

export function formatLabel(format: ContactFormat): string {
  switch (format) {
    case 'workshop':
      return msg('Workshop', { id: 'console.bank.formatWorkshop' });
    case 'survey':
      return msg('Survey', { id: 'console.bank.formatSurvey' });
    case 'interview':
      return msg('Interview', { id: 'console.bank.formatInterview' });
    case 'online-meeting':
      return msg('Online meeting', { id: 'console.bank.formatOnline' });
    case 'in-person':
      return msg('In person', { id: 'console.bank.formatInPerson' });
    case 'service-testing':
      return msg('Testing a service', { id: 'console.bank.formatTesting' });
    case 'advisory-group':
      return msg('Advisory group', { id: 'console.bank.formatAdvisory' });
  }
}

function purposeLabel(purpose: ContactPurpose): string {
  return purpose === 'invitations' ? msg('Invitations to take part', { id: 'console.bank.purposeInvitations' }) : msg('News of results', { id: 'console.bank.purposeNews' });
}

export class BankView implements ReactiveController {
  #list: StoreController<ContactListState>;
  #filters: StoreController<BankFilters>;
  #reach: StoreController<ReachState>;
  #export: StoreController<ExportState>;
  #draft: BankFilters | undefined;
  #csvUrl: { csv: string; url: string } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly bank: ConsoleBank,
    private readonly ctx: ViewContext & { serviceOptions(): { value: string; label: string }[]; districts(): { value: string; label: string }[] },
  ) {
    host.addController(this);
    this.#list = new StoreController(host, bank.$list);
    this.#filters = new StoreController(host, bank.$filters);
    this.#reach = new StoreController(host, bank.$reach);
    this.#export = new StoreController(host, bank.$export);
  }

  hostUpdate(): void {}

  show(): void {
    this.#draft = undefined;
    void this.bank.load();
  }

  forget(): void {
    this.#draft = undefined;
    if (this.#csvUrl) URL.revokeObjectURL(this.#csvUrl.url);
    this.#csvUrl = undefined;
    this.bank.reset();
  }

  #edit(change: Partial<BankFilters>): void {
    this.#draft = { ...(this.#draft ?? this.#filters.value), ...change };
    this.host.requestUpdate();
  }

  /** The CSV as a file to save, made once per export (and let go with the next). */
  #csvLink(csv: string): string {
    if (this.#csvUrl?.csv !== csv) {
      if (this.#csvUrl) URL.revokeObjectURL(this.#csvUrl.url);
      this.#csvUrl = { csv, url: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })) };
    }
    return this.#csvUrl.url;
  }

  render(level: number): TemplateResult {
    const f = this.#draft ?? this.#filters.value;
    const { act } = this.ctx;
    const interests = [...this.ctx.serviceOptions(), ...SERVICE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))];
    return html`<section part="bank" class="bank-view" id="bank" tabindex="-1" aria-labelledby="bank-title">
      ${heading(level, msg('Contact bank', { id: 'console.bank.title' }), { id: 'bank-title' })}
      <p class="hint">${msg('People who agreed to be contacted for co-creation. Each search and export is recorded in the audit log; contact details are shown only for an invitation they accept.', { id: 'console.bank.intro' })}</p>
      <form class="filters" novalidate @submit=${(e: Event) => {
        e.preventDefault();
        const filters = this.#draft ?? this.#filters.value;
        act(() => this.bank.search(filters))();
      }}>
        ${selectField({ id: 'bank-interest', label: msg('Interested in', { id: 'console.bank.interest' }), value: f.interest, none: msg('Anything', { id: 'console.bank.anything' }), options: interests, onChange: (v) => this.#edit({ interest: v }) })}
        ${selectField({ id: 'bank-district', label: msg('District', { id: 'console.bank.district' }), value: f.district, none: msg('Any district', { id: 'console.bank.anyDistrict' }), options: this.ctx.districts(), onChange: (v) => this.#edit({ district: v }) })}
        ${selectField({ id: 'bank-format', label: msg('Open to', { id: 'console.bank.format' }), value: f.format, none: msg('Any format', { id: 'console.bank.anyFormat' }), options: CONTACT_FORMATS.map((v) => ({ value: v, label: formatLabel(v) })), onChange: (v) => this.#edit({ format: (CONTACT_FORMATS as readonly string[]).includes(v) ? (v as ContactFormat) : '' }) })}
        ${selectField({ id: 'bank-purpose', label: msg('Agreed to', { id: 'console.bank.purpose' }), value: f.purpose, none: msg('Any purpose', { id: 'console.bank.anyPurpose' }), options: CONTACT_PURPOSES.map((v) => ({ value: v, label: purposeLabel(v) })), onChange: (v) => this.#edit({ purpose: (CONTACT_PURPOSES as readonly string[]).includes(v) ? (v as ContactPurpose) : '' }) })}
        <div class="row"><button part="button" class="button" type="submit">${msg('Search', { id: 'console.search.submit' })}</button></div>
      </form>
      ${this.#renderList(level + 1)} ${this.#renderExport(level + 1)} ${this.#renderReach(level + 1)}
    </section>`;
  }

  #renderList(level: number): TemplateResult {
    const list = this.#list.value;
    if (list.status === 'loading') return html`<p class="hint">${msg('Loading…', { id: 'console.list.loading' })}</p>`;
    if (list.status === 'failed')
      return notice({ id: 'bank-error', level, tone: 'error', title: msg('The contact bank could not be searched', { id: 'console.bank.failed' }), body: html`<p>${staffFailureText(list.reason)}</p>` });
    if (!list.items.length) return html`<p id="bank-empty">${msg('No one matches.', { id: 'console.bank.none' })}</p>`;
    const district = (id: string | null) => (id ? (this.ctx.districts().find((d) => d.value === id)?.label ?? id) : '–');
    const caption = msg(str`People shown: ${this.ctx.formatNumber(list.items.length)}`, { id: 'console.bank.shown' });
    return html`${tableScroll(caption, html`<table class="contacts" id="bank-contacts">
        <caption>${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Who', { id: 'console.bank.who' })}</th>
            <th scope="col">${msg('District', { id: 'console.bank.district' })}</th>
            <th scope="col">${msg('Open to', { id: 'console.bank.format' })}</th>
            <th scope="col">${msg('Agreed to', { id: 'console.bank.purpose' })}</th>
          </tr>
        </thead>
        <tbody>
          ${list.items.map(
            (c: StaffContact) => html`<tr>
              <th scope="row">${kindLabel(c.kind)}${c.organisation ? html`: <span>${c.organisation}</span>` : nothing}</th>
              <td>${district(c.district)}</td>
              <td>${c.formats.map(formatLabel).join(', ')}</td>
              <td>${c.purposes.map(purposeLabel).join(', ')}</td>
            </tr>`,
          )}
        </tbody>
      </table>`)}
      ${loadMore(list, this.ctx.act(() => this.bank.more()))}`;
  }

  #renderExport(level: number): TemplateResult {
    const state = this.#export.value;
    return html`<section class="bank-export" aria-labelledby="bank-export-title">
      ${heading(level, msg('Export', { id: 'console.bank.export' }), { id: 'bank-export-title' })}
      <div class="row">
        <button part="button" class="button secondary" type="button" id="bank-export" aria-disabled=${state.state === 'saving' ? 'true' : 'false'} @click=${this.ctx.act(() => this.bank.exportCsv())}>
          ${state.state === 'saving' ? msg('Preparing…', { id: 'console.bank.exporting' }) : msg('Prepare a CSV of every match', { id: 'console.bank.exportButton' })}
        </button>
        ${state.state === 'done' ? html`<a id="bank-csv" href=${this.#csvLink(state.csv)} download="contacts.csv">${msg('Save contacts.csv', { id: 'console.bank.save' })}</a>` : nothing}
      </div>
      ${state.state === 'failed' ? html`<p class="error-message" role="alert">${staffFailureText(state.reason)}</p>` : nothing}
    </section>`;
  }

  #renderReach(level: number): TemplateResult {
    const state = this.#reach.value;
    return html`<section class="bank-reach" aria-labelledby="bank-reach-title">
      ${heading(level, msg('Reach', { id: 'console.bank.reach' }), { id: 'bank-reach-title' })}
      ${state.status === 'ready'
        ? this.#renderReachTables(state.reach)
        : state.status === 'failed'
          ? html`<p class="error-message">${staffFailureText(state.reason)}</p>`
          : html`<p class="hint">${msg('Loading…', { id: 'console.list.loading' })}</p>`}
    </section>`;
  }

  #renderReachTables(reach: ContactReach): TemplateResult {
    const n = (v: number | null) => (v === null ? msg('fewer than the threshold', { id: 'console.bank.suppressed' }) : this.ctx.formatNumber(v));
    const table = (id: string, caption: string, rows: { name: string; count: number | null }[]) =>
      html`<table id=${id}>
        <caption>${caption}</caption>
        <tbody>
          ${rows.map((r) => html`<tr><th scope="row">${r.name}</th><td>${n(r.count)}</td></tr>`)}
        </tbody>
      </table>`;
    const notGiven = (key: string, name: (k: string) => string) => (key === 'not-given' ? msg('Not given', { id: 'console.bank.notGiven' }) : name(key));
    return html`<p id="bank-active">${msg(str`Active contacts: ${this.ctx.formatNumber(reach.active)}. Since erased: ${this.ctx.formatNumber(reach.left.withdrawn)} withdrawn, ${this.ctx.formatNumber(reach.left.expired)} expired. Groups under ${this.ctx.formatNumber(reach.threshold)} are not shown.`, { id: 'console.bank.active' })}</p>
      ${table('bank-reach-kind', msg('By kind', { id: 'console.bank.byKind' }), reach.kind.map((g) => ({ name: notGiven(g.key, (k) => kindLabel(k as ContactKind)), count: g.count })))}
      ${table('bank-reach-district', msg('By district', { id: 'console.bank.byDistrict' }), reach.district.map((g) => ({ name: notGiven(g.key, (k) => this.ctx.districts().find((d) => d.value === k)?.label ?? k), count: g.count })))}
      ${table('bank-reach-channel', msg('By way of joining', { id: 'console.bank.byChannel' }), reach.channel.map((g) => ({ name: g.key === 'pass-it-on' ? msg('Passed on by someone', { id: 'console.bank.passItOn' }) : msg('Directly', { id: 'console.bank.direct' }), count: g.count })))}`;
  }
}
