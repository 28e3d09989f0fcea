// The console's council settings, for admins: allowed origins, languages, the "what happens with
// your input" texts, anti-abuse settings, the contact bank's consent text and version, the reach
// suppression threshold, and the services. Editors see them read-only, and are told only
// administrators change them (the API refuses their changes too). State is in stores/console-settings.ts.
import type { CouncilSettings, CouncilSettingsPatch, Service } from '@civicloop/contract';
import { LOCALES, SERVICE_CATEGORIES, type Locale, type ServiceCategory, type StaffRole } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { StoreController } from '../internal/store-controller.js';
import { checkField, selectField } from '../kit/parts/controls.js';
import { describedByAttr, field, heading, notice } from '../kit/parts/index.js';
import { ownName } from '../kit/parts/language.js';
import type { ConsoleSettings, SaveState, SettingsState } from '../stores/console-settings.js';
import { staffFailureText, type ViewContext } from './views.js';

export function categoryLabel(category: ServiceCategory): string {
  switch (category) {
    case 'education':
      return msg('Education', { id: 'console.category.education' });
    case 'health':
      return msg('Health', { id: 'console.category.health' });
    case 'culture':
      return msg('Culture', { id: 'console.category.culture' });
    case 'communal':
      return msg('Communal services', { id: 'console.category.communal' });
    case 'transport':
      return msg('Transport', { id: 'console.category.transport' });
    case 'social':
      return msg('Social services', { id: 'console.category.social' });
    case 'other':
      return msg('Other', { id: 'console.category.other' });
  }
}

/** What the form holds, as text, until it is saved. */
interface Draft {
  origins: string;
  locales: Locale[];
  defaultLocale: Locale;
  inputUse: Partial<Record<Locale, string>>;
  minFillSeconds: string;
  powRequired: boolean;
  reachThreshold: string;
  consentVersion: string;
  consentText: Partial<Record<Locale, string>>;
}

function draftOf(s: CouncilSettings): Draft {
  return {
    origins: s.origins.join('\n'),
    locales: [...s.locales],
    defaultLocale: s.defaultLocale,
    inputUse: { ...s.texts.inputUse },
    minFillSeconds: String(s.antiAbuse.minFillMs / 1000),
    powRequired: s.antiAbuse.proofOfWork.required,
    reachThreshold: String(s.reachThreshold),
    consentVersion: s.contactBank?.consent.version ?? '',
    consentText: { ...(s.contactBank?.consent.text ?? {}) },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const number = (v: string) => (v.trim() === '' ? NaN : Number(v));

/** Only what the admin changed; the server checks every value and names the field it refuses. */
function patchOf(s: CouncilSettings, d: Draft): CouncilSettingsPatch {
  const patch: CouncilSettingsPatch = {};
  const origins = d.origins.split(/\s+/).filter(Boolean);
  if (!same(origins, s.origins)) patch.origins = origins;
  if (!same(d.locales, s.locales)) patch.locales = d.locales;
  if (d.defaultLocale !== s.defaultLocale) patch.defaultLocale = d.defaultLocale;
  const inputUse = Object.fromEntries(Object.entries(d.inputUse).filter(([, v]) => v?.trim()));
  if (!same(inputUse, s.texts.inputUse)) patch.texts = { inputUse };
  const minFillMs = Math.round(number(d.minFillSeconds) * 1000);
  if (minFillMs !== s.antiAbuse.minFillMs || d.powRequired !== s.antiAbuse.proofOfWork.required) {
    patch.antiAbuse = { minFillMs, proofOfWork: { ...s.antiAbuse.proofOfWork, required: d.powRequired } };
  }
  if (number(d.reachThreshold) !== s.reachThreshold) patch.reachThreshold = number(d.reachThreshold);
  const bank = s.contactBank;
  const consentText = Object.fromEntries(Object.entries(d.consentText).filter(([, v]) => v?.trim()));
  if (bank && (d.consentVersion !== bank.consent.version || !same(consentText, bank.consent.text))) {
    patch.contactBank = { ...bank, consent: { ...bank.consent, version: d.consentVersion, text: consentText } };
  }
  return patch;
}

export class SettingsView implements ReactiveController {
  #settings: StoreController<SettingsState>;
  #save: StoreController<SaveState>;
  #draft: Draft | undefined;
  #newService = { id: '', name: '', category: 'other' };
  /** Names being edited, by service and language, until saved or the view is left. */
  #serviceNames: Record<string, Partial<Record<Locale, string>>> = {};

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: ConsoleSettings,
    private readonly ctx: ViewContext & { role(): StaffRole | undefined },
  ) {
    host.addController(this);
    this.#settings = new StoreController(host, store.$settings);
    this.#save = new StoreController(host, store.$save);
  }

  show(): void {
    this.#draft = undefined;
    void this.store.load();
  }

  forget(): void {
    this.#draft = undefined;
    this.#newService = { id: '', name: '', category: 'other' };
    this.#serviceNames = {};
    this.store.reset();
  }

  #edit(change: Partial<Draft>): void {
    this.#draft = { ...this.#draft!, ...change };
    this.host.requestUpdate();
  }

  /** The message for a field whose path starts with `path`. */
  #error(path: string): string | undefined {
    const s = this.#save.value;
    if (s.state !== 'invalid' || s.what !== 'settings') return undefined;
    const found = s.fields.find((f) => f.path === path || f.path.startsWith(`${path}/`));
    return found && this.#words(found);
  }

  /**
   * A problem the API named, in words: an origin it refused is quoted with what to write instead
   * (its rule is a pattern, which the API's message gives as code); others as the API says them.
   */
  #words(f: { path: string; message: string }): string {
    const origin = /^\/origins\/(\d+)$/.exec(f.path);
    const given = origin && (this.#draft?.origins ?? '').split(/\s+/).filter(Boolean)[Number(origin[1])];
    if (given) return msg(str`“${given}” is not the address of a site: give only its beginning, like https://www.your-council.example, with nothing after it.`, { id: 'console.settings.originWords' });
    return f.message;
  }

  // After a save: focus on what says how it went (the button it was sent from is disabled meanwhile,
  // which drops focus). A refused one: the alert that lists what to change.
  #lastSave: SaveState | undefined;
  hostUpdate(): void {
    const [save, before] = [this.#save.value, this.#lastSave];
    this.#lastSave = save;
    if (save === before || before?.state !== 'saving') return;
    if (save.state === 'invalid' || save.state === 'failed') this.ctx.focus.moveTo(`#${save.what}-save-error`);
    else if (save.state === 'done' && save.what === 'settings') this.ctx.focus.moveTo('.settings-form button[type="submit"]');
  }

  render(level: number): TemplateResult {
    const state = this.#settings.value;
    return html`<section part="settings" class="settings-view" id="settings" tabindex="-1" aria-labelledby="settings-title">
      ${heading(level, msg('Council settings', { id: 'console.settings.title' }), { id: 'settings-title' })}
      ${this.ctx.role() === 'editor' ? html`<p class="hint" id="settings-who">${msg('Only administrators can change them.', { id: 'console.settings.intro' })}</p>` : nothing}
      ${state.status === 'loading'
        ? html`<p class="hint">${msg('Loading…', { id: 'console.list.loading' })}</p>`
        : state.status === 'failed'
          ? notice({ id: 'settings-error', level: level + 1, tone: 'error', title: msg('The settings could not be loaded', { id: 'console.settings.failed' }), body: html`<p>${staffFailureText(state.reason)}</p>` })
          : this.#renderForm(state.settings, state.services, level + 1, this.ctx.role() === 'editor')}
    </section>`;
  }

  // An editor reads the settings (the embed builder's allowed origins among them) but may not change
  // them: the texts are read-only (focusable, so a keyboard scrolls a long one and a screen reader
  // reads it), the choices disabled, the form described by the sentence that says why, and nothing
  // offers to save.
  #renderForm(s: CouncilSettings, services: readonly Service[], level: number, readOnly: boolean): TemplateResult {
    const d = (this.#draft ??= draftOf(s));
    const save = this.#save.value;
    const { act } = this.ctx;
    // `lang`: a text written in one of the council's languages is marked so (a Swedish text in an English console).
    const textArea = (id: string, label: string, value: string, onInput: (v: string) => void, error?: string, hint?: string, lang?: string) =>
      field({ id, label, hint, error, control: (a) => html`<textarea id=${id} rows="3" lang=${lang ?? nothing} ?readonly=${readOnly} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${value} @input=${(e: Event) => onInput((e.target as HTMLTextAreaElement).value)}></textarea>` });
    const numberInput = (id: string, label: string, value: string, onInput: (v: string) => void, error?: string, hint?: string) =>
      field({ id, label, hint, error, control: (a) => html`<input type="number" id=${id} min="0" inputmode="numeric" ?readonly=${readOnly} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${value} @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />` });
    // The draft as it is when sent: an edit may come after this render.
    return html`<form class="settings-form" novalidate aria-describedby=${readOnly ? 'settings-who' : nothing} @submit=${(e: Event) => {
        e.preventDefault();
        act(() => this.store.save(patchOf(s, this.#draft ?? d)))();
      }}>
        <div class="settings-fields">
        ${textArea('settings-origins', msg('Pages allowed to embed the council (one origin a line)', { id: 'console.settings.origins' }), d.origins, (v) => this.#edit({ origins: v }), this.#error('/origins'), msg('For example https://www.your-council.example', { id: 'console.settings.originsHint' }))}
        <fieldset class="field" ?disabled=${readOnly}>
          <legend>${msg('Languages', { id: 'console.settings.locales' })}</legend>
          ${LOCALES.map((l) =>
            checkField({ id: `settings-locale-${l}`, label: ownName(l), checked: d.locales.includes(l), onChange: (c) => this.#edit({ locales: c ? LOCALES.filter((x) => x === l || d.locales.includes(x)) : d.locales.filter((x) => x !== l) }) }),
          )}
          ${this.#error('/locales') ? html`<p class="error-message" id="settings-locales-error">${this.#error('/locales')}</p>` : nothing}
        </fieldset>
        <fieldset ?disabled=${readOnly}>${selectField({
          id: 'settings-default',
          label: msg('Default language', { id: 'console.settings.default' }),
          error: this.#error('/defaultLocale'),
          value: d.defaultLocale,
          none: msg('Choose', { id: 'console.settings.choose' }),
          options: d.locales.map((l) => ({ value: l, label: ownName(l) })),
          onChange: (v) => (LOCALES as readonly string[]).includes(v) && this.#edit({ defaultLocale: v as Locale }),
        })}</fieldset>
        ${d.locales.map((l) => textArea(`settings-input-use-${l}`, msg(str`"What happens with your input" (${ownName(l)})`, { id: 'console.settings.inputUse' }), d.inputUse[l] ?? '', (v) => this.#edit({ inputUse: { ...d.inputUse, [l]: v } }), this.#error('/texts'), undefined, l))}
        ${numberInput('settings-min-fill', msg('Seconds a form must be open before it can be sent', { id: 'console.settings.minFill' }), d.minFillSeconds, (v) => this.#edit({ minFillSeconds: v }), this.#error('/antiAbuse'))}
        <fieldset ?disabled=${readOnly}>${checkField({ id: 'settings-pow', label: msg('Ask browsers for proof of work (no puzzles for residents)', { id: 'console.settings.pow' }), checked: d.powRequired, onChange: (c) => this.#edit({ powRequired: c }) })}</fieldset>
        ${numberInput('settings-reach', msg('Smallest group shown in the contact bank reach view', { id: 'console.settings.reach' }), d.reachThreshold, (v) => this.#edit({ reachThreshold: v }), this.#error('/reachThreshold'), msg('Smaller groups are hidden, so no one can be singled out.', { id: 'console.settings.reachHint' }))}
        ${s.contactBank
          ? html`<fieldset class="field">
              <legend>${msg('Contact bank consent', { id: 'console.settings.consent' })}</legend>
              ${field({
                id: 'settings-consent-version',
                label: msg('Version of the consent text', { id: 'console.settings.consentVersion' }),
                hint: msg('Change it when the text changes: residents then consent to the new text.', { id: 'console.settings.consentVersionHint' }),
                error: this.#error('/contactBank'),
                control: (a) => html`<input type="text" id="settings-consent-version" ?readonly=${readOnly} aria-describedby=${describedByAttr(a.describedBy)} .value=${d.consentVersion} @input=${(e: Event) => this.#edit({ consentVersion: (e.target as HTMLInputElement).value })} />`,
              })}
              ${d.locales.map((l) => textArea(`settings-consent-${l}`, msg(str`Consent text (${ownName(l)})`, { id: 'console.settings.consentText' }), d.consentText[l] ?? '', (v) => this.#edit({ consentText: { ...d.consentText, [l]: v } })))}
            </fieldset>`
          : nothing}
        </div>
        ${readOnly
          ? nothing
          : html`<div class="row">
              <button part="button" class="button" type="submit" ?disabled=${save.state === 'saving'}>${save.state === 'saving' && save.what === 'settings' ? msg('Saving…', { id: 'console.settings.saving' }) : msg('Save the settings', { id: 'console.settings.save' })}</button>
            </div>`}
        ${this.#renderOutcome('settings', level)}
      </form>
      ${this.#renderServices(s, services, level, readOnly)}`;
  }

  #renderOutcome(what: 'settings' | 'service', level: number): TemplateResult | typeof nothing {
    const save = this.#save.value;
    if (save.state === 'idle' || save.state === 'saving' || save.what !== what) return nothing;
    if (save.state === 'done') return html`<p class="ok" id="${what}-saved" role="status">${msg('Saved.', { id: 'console.settings.saved' })}</p>`;
    return notice({
      id: `${what}-save-error`,
      level,
      tone: 'error',
      title: msg('Not saved', { id: 'console.settings.notSaved' }),
      body:
        save.state === 'invalid'
          ? html`<ul>
              ${save.fields.map((f) => html`<li>${this.#words(f) === f.message ? `${f.path}: ${f.message}` : this.#words(f)}</li>`)}
            </ul>`
          : html`<p>${staffFailureText(save.reason)}</p>`,
    });
  }

  /**
   * Each service's name in every language the council speaks (its default first), as a group named
   * by the service: residents see the name in their language, and one left empty falls back to
   * the default's. A name emptied here is removed, not saved empty.
   */
  #renderServices(s: CouncilSettings, services: readonly Service[], level: number, readOnly: boolean): TemplateResult {
    const locale = s.defaultLocale;
    const locales = [locale, ...s.locales.filter((l) => l !== locale)];
    return html`<section class="services" aria-labelledby="services-title">
      ${heading(level, msg('Services', { id: 'console.settings.services' }), { id: 'services-title' })}
      <ul role="list" class="service-list">
        ${services.map((svc) => {
          // Read at each use, not at render: a click may come before the re-render its typing asked for.
          const value = (l: Locale) => this.#serviceNames[svc.id]?.[l] ?? svc.name[l] ?? '';
          // The default language's input keeps the service's own id (`service-libraries`).
          const inputId = (l: Locale) => (l === locale ? `service-${svc.id}` : `service-${svc.id}-${l}`);
          const edit = (l: Locale) => (e: Event) => {
            this.#serviceNames = { ...this.#serviceNames, [svc.id]: { ...this.#serviceNames[svc.id], [l]: (e.target as HTMLInputElement).value } };
            this.host.requestUpdate();
          };
          return html`<li>
            <form novalidate @submit=${(e: Event) => {
              e.preventDefault();
              const name: Partial<Record<Locale, string>> = { ...svc.name };
              for (const l of locales) {
                const v = value(l).trim();
                if (v) name[l] = v;
                else delete name[l];
              }
              this.ctx.act(() => this.store.saveService(svc.id, { name, category: svc.category }))();
            }}>
              <fieldset>
                <legend><span lang=${locale}>${svc.name[locale] || svc.id}</span></legend>
                <div class="names">
                  ${locales.map((l) =>
                    field({
                      id: inputId(l),
                      label: msg(str`Name (${ownName(l)})`, { id: 'console.settings.newServiceName' }),
                      control: (a) => html`<input type="text" id=${inputId(l)} lang=${l} ?readonly=${readOnly} aria-describedby=${describedByAttr(a.describedBy)} .value=${value(l)} @input=${edit(l)} />`,
                    }),
                  )}
                  ${readOnly ? nothing : html`<button part="button" class="button secondary" type="submit">${msg('Rename', { id: 'console.settings.rename' })}</button>`}
                </div>
              </fieldset>
            </form>
          </li>`;
        })}
      </ul>
      ${readOnly ? nothing : this.#renderNewService(locale, level)}
      ${this.#renderOutcome('service', level)}
    </section>`;
  }

  #renderNewService(locale: Locale, level: number): TemplateResult {
    const category = (id: string, value: string, onChange: (v: string) => void) =>
      selectField({ id, label: msg('Category', { id: 'console.settings.category' }), value, none: msg('Choose', { id: 'console.settings.choose' }), options: SERVICE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) })), onChange });
    return html`<form class="new-service" novalidate @submit=${(e: Event) => {
        e.preventDefault();
        const n = this.#newService;
        this.ctx.act(() => this.store.saveService(n.id.trim(), { name: { [locale]: n.name.trim() }, category: n.category as ServiceCategory }))();
      }}>
        ${heading(level + 1, msg('Add a service', { id: 'console.settings.addService' }), { id: 'new-service-title' })}
        ${field({ id: 'new-service-id', label: msg('Short name in addresses (e.g. libraries)', { id: 'console.settings.serviceId' }), control: (a) => html`<input type="text" id="new-service-id" spellcheck="false" aria-describedby=${describedByAttr(a.describedBy)} .value=${this.#newService.id} @input=${(e: Event) => ((this.#newService = { ...this.#newService, id: (e.target as HTMLInputElement).value }), this.host.requestUpdate())} />` })}
        ${field({ id: 'new-service-name', label: msg(str`Name (${ownName(locale)})`, { id: 'console.settings.newServiceName' }), control: (a) => html`<input type="text" id="new-service-name" aria-describedby=${describedByAttr(a.describedBy)} .value=${this.#newService.name} @input=${(e: Event) => ((this.#newService = { ...this.#newService, name: (e.target as HTMLInputElement).value }), this.host.requestUpdate())} />` })}
        ${category('new-service-category', this.#newService.category, (v) => ((this.#newService = { ...this.#newService, category: v || 'other' }), this.host.requestUpdate()))}
        <div class="row"><button part="button" class="button" type="submit">${msg('Add the service', { id: 'console.settings.addServiceButton' })}</button></div>
      </form>`;
  }
}
