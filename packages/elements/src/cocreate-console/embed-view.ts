// The console's embed builder: pick an element, fill its attributes, see it live, copy the snippet
// for the CMS; it warns when the page's origin may not embed the council yet, and an admin can
// allow it there. State is in stores/console-embed.ts.
import { THEME_STATUSES, type StaffRole } from '@civicloop/contract/rules';
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { StoreController } from '../internal/store-controller.js';
import { describedByAttr, field, heading, notice } from '../kit/parts/index.js';
import { checkField, selectField } from '../kit/parts/controls.js';
import { ownName } from '../kit/parts/language.js';
import { EMBED_TAGS, EMBEDDABLE, embedSnippet, type AllowState, type CdnState, type ConsoleEmbed, type EmbedAttribute, type EmbedTag, type OriginState } from '../stores/console-embed.js';
import { themeStatusLabel } from './themes-view.js';
import { staffFailureText, type ViewContext } from './views.js';

const ELEMENT_LOADERS: Record<EmbedTag, () => Promise<unknown>> = {
  'cocreate-feedback': () => import('../cocreate-feedback/cocreate-feedback.js'),
  'you-said-we-did': () => import('../you-said-we-did/you-said-we-did.js'),
  'contact-bank-signup': () => import('../contact-bank-signup/contact-bank-signup.js'),
};

function tagLabel(tag: EmbedTag): string {
  switch (tag) {
    case 'cocreate-feedback':
      return msg('Feedback form (cocreate-feedback)', { id: 'console.embed.feedback' });
    case 'you-said-we-did':
      return msg('You said, we did (you-said-we-did)', { id: 'console.embed.loop' });
    case 'contact-bank-signup':
      return msg('Contact bank sign-up (contact-bank-signup)', { id: 'console.embed.bank' });
  }
}

function attributeLabel(name: EmbedAttribute): string {
  switch (name) {
    case 'service':
      return msg('Service', { id: 'console.embed.service' });
    case 'compact':
      return msg('Compact: only "Was this page useful?" until a resident clicks', { id: 'console.embed.compact' });
    case 'follow-url':
      return msg('Page where residents follow their input (address)', { id: 'console.embed.followUrl' });
    case 'contact-bank-url':
      return msg('Page of the contact bank (address)', { id: 'console.embed.bankUrl' });
    case 'heading-level':
      return msg('Level of its top heading', { id: 'console.embed.headingLevel' });
    case 'lang':
      return msg('Language', { id: 'console.embed.lang' });
    case 'status':
      return msg('Show themes with this status first', { id: 'console.embed.status' });
  }
}

/** What the builder needs of the console besides a view's context. */
export interface EmbedContext {
  api(): string | undefined;
  council(): string | undefined;
  /** The council's services as options, in the console's language. */
  serviceOptions(): { value: string; label: string }[];
  /** Whether the council runs a contact bank (without one its sign-up form cannot work on any page); undefined until known. */
  hasBank(): boolean | undefined;
  /** The staff member's role: only an admin may allow a page's origin. */
  role(): StaffRole | undefined;
}

export class EmbedView implements ReactiveController {
  #cdn: StoreController<CdnState>;
  #origin: StoreController<OriginState>;
  #allow: StoreController<AllowState>;
  #tag: EmbedTag = 'cocreate-feedback';
  #values: Partial<Record<EmbedAttribute, string>> = {};
  #pageUrl = '';
  #copied = false;
  /** The live preview: a real element, made once per snippet. */
  #preview: { key: string; node: HTMLElement } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly embed: ConsoleEmbed,
    private readonly ctx: ViewContext & EmbedContext,
  ) {
    host.addController(this);
    this.#cdn = new StoreController(host, embed.$cdn);
    this.#origin = new StoreController(host, embed.$origin);
    this.#allow = new StoreController(host, embed.$allow);
  }

  // An address allowed: the warning and its button go, so focus goes to the line that says it may embed now.
  #lastAllow: AllowState | undefined;
  hostUpdate(): void {
    const [allow, before] = [this.#allow.value, this.#lastAllow];
    this.#lastAllow = allow;
    if (allow !== before && before?.state === 'saving' && allow.state === 'done') this.ctx.focus.moveTo('#embed-origin-ok');
  }

  show(): void {
    void this.embed.load();
  }

  forget(): void {
    this.#values = {};
    this.#pageUrl = '';
    this.#copied = false;
    this.#preview = undefined;
    this.embed.reset();
  }

  #set(name: EmbedAttribute, value: string): void {
    this.#values = { ...this.#values, [name]: value };
    this.#copied = false;
    this.host.requestUpdate();
  }

  /** The elements this council can use: the contact bank's sign-up (and its link) only when it runs a bank. */
  #tags(): EmbedTag[] {
    return this.ctx.hasBank() === true ? EMBED_TAGS : EMBED_TAGS.filter((t) => t !== 'contact-bank-signup');
  }

  #attributes(): EmbedAttribute[] {
    const names = EMBEDDABLE[this.#tag] as readonly EmbedAttribute[];
    return this.ctx.hasBank() === true ? [...names] : names.filter((n) => n !== 'contact-bank-url');
  }

  /** The snippet's attributes: those offered, as filled in. */
  #chosen(): Partial<Record<EmbedAttribute, string>> {
    return Object.fromEntries(this.#attributes().flatMap((n) => (this.#values[n] === undefined ? [] : [[n, this.#values[n]]])));
  }

  #snippet(): string | undefined {
    const cdn = this.#cdn.value;
    const api = this.ctx.api();
    const council = this.ctx.council();
    if (cdn.status !== 'ready' || !api || !council) return undefined;
    return embedSnippet({ api, council, manifest: cdn.manifest, tag: this.#tag, attributes: this.#chosen() });
  }

  async #copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.#copied = true;
      this.ctx.status.announce(this.ctx.localized(() => msg('Snippet copied.', { id: 'console.embed.copied' })));
    } catch {
      // No clipboard (an insecure page, or permission refused): the text is selected for Ctrl+C.
      const area = this.host.shadowRoot?.querySelector<HTMLTextAreaElement>('#embed-snippet');
      area?.focus();
      area?.select();
      this.ctx.status.announce(this.ctx.localized(() => msg('Copying was not allowed: the snippet is selected, press Ctrl+C (or ⌘C).', { id: 'console.embed.copyManual' })));
    }
    this.host.requestUpdate();
  }

  render(level: number): TemplateResult {
    // Chosen while the council's settings said there was a bank, then it had none: the default again.
    if (!this.#tags().includes(this.#tag)) this.#tag = 'cocreate-feedback';
    const snippet = this.#snippet();
    return html`<section part="embed" class="embed-view" id="embed" tabindex="-1" aria-labelledby="embed-title">
      ${heading(level, msg('Embed on a page', { id: 'console.embed.title' }), { id: 'embed-title' })}
      <p class="hint">${msg('Choose what to show and how, then copy the snippet into your page (in your CMS, an HTML block).', { id: 'console.embed.intro' })}</p>
      <div class="embed-form">
        ${selectField({
          id: 'embed-tag',
          label: msg('Element', { id: 'console.embed.element' }),
          value: this.#tag,
          none: msg('Choose an element', { id: 'console.embed.choose' }),
          options: this.#tags().map((t) => ({ value: t, label: tagLabel(t) })),
          onChange: (v) => {
            if ((this.#tags() as string[]).includes(v)) this.#tag = v as EmbedTag;
            this.#copied = false;
            this.host.requestUpdate();
          },
        })}
        ${this.ctx.hasBank() !== false ? nothing : html`<p class="hint" id="embed-no-bank">${msg('The contact bank sign-up is not offered: this council has no contact bank.', { id: 'console.embed.noBank' })}</p>`}
        ${this.#attributes().map((name) => this.#renderAttribute(name))} ${this.#renderOrigin(level + 1)}
      </div>
      ${snippet ? this.#renderSnippet(snippet, level + 1) : this.#renderCdn(level + 1)}
    </section>`;
  }

  #renderAttribute(name: EmbedAttribute): TemplateResult {
    const id = `embed-${name}`;
    const value = this.#values[name] ?? '';
    const label = attributeLabel(name);
    switch (name) {
      case 'compact':
        return checkField({ id, label, checked: value === 'true', onChange: (c) => this.#set(name, c ? 'true' : '') });
      case 'service':
        return selectField({ id, label, value, none: msg('Residents choose', { id: 'console.embed.anyService' }), options: this.ctx.serviceOptions(), onChange: (v) => this.#set(name, v) });
      case 'lang':
        return selectField({ id, label, value, none: msg("The page's language", { id: 'console.embed.pageLang' }), options: this.ctx.locales().map((l) => ({ value: l, label: ownName(l) })), onChange: (v) => this.#set(name, v) });
      case 'status':
        return selectField({ id, label, value, none: msg('Newest first', { id: 'console.embed.anyStatus' }), options: THEME_STATUSES.map((s) => ({ value: s, label: themeStatusLabel(s) })), onChange: (v) => this.#set(name, v) });
      case 'heading-level':
        return selectField({ id, label, value, none: msg('2 (the default)', { id: 'console.embed.defaultLevel' }), options: ['1', '3', '4', '5', '6'].map((l) => ({ value: l, label: l })), onChange: (v) => this.#set(name, v) });
      default:
        return field({
          id,
          label,
          control: (a) => html`<input type="url" id=${id} inputmode="url" spellcheck="false" aria-describedby=${describedByAttr(a.describedBy)} .value=${value} @input=${(e: Event) => this.#set(name, (e.target as HTMLInputElement).value)} />`,
        });
    }
  }

  #renderOrigin(level: number): TemplateResult {
    const o = this.#origin.value;
    const allow = this.#allow.value;
    const warning =
      o.state === 'not-allowed'
        ? notice({
            id: 'embed-origin-warning',
            level,
            tone: 'warning',
            title: msg(str`${o.origin} may not embed this council yet`, { id: 'console.embed.notAllowed' }),
            body: html`<p>${msg('On that page, the element would tell residents that it cannot send anything.', { id: 'console.embed.notAllowedBody' })}</p>
              ${
                // Unless known to be an editor's (the role may still be on its way): the API decides anyway.
                this.ctx.role() !== 'editor'
                ? html`<div class="row">
                    <button part="button" class="button" type="button" ?disabled=${allow.state === 'saving'} @click=${this.ctx.act(() => this.embed.allow())}>
                      ${allow.state === 'saving' ? msg('Allowing…', { id: 'console.embed.allowing' }) : msg(str`Allow ${o.origin}`, { id: 'console.embed.allow' })}
                    </button>
                  </div>`
                : html`<p id="embed-ask-admin">${msg('Only an administrator can allow the address: ask one.', { id: 'console.embed.askAdmin' })}</p>`}
              ${allow.state === 'failed' ? html`<p class="error-message" id="embed-allow-error">${staffFailureText(allow.reason)}</p>` : nothing}`,
          })
        : nothing;
    const said =
      o.state === 'allowed'
        ? html`<p class="ok" id="embed-origin-ok" tabindex="-1">${msg(str`${o.origin} may embed this council.`, { id: 'console.embed.allowed' })}</p>`
        : o.state === 'invalid'
          ? html`<p class="error-message" id="embed-origin-invalid">${msg('Give the full address of the page, starting with https://', { id: 'console.embed.invalidUrl' })}</p>`
          : o.state === 'failed'
            ? html`<p class="error-message">${staffFailureText(o.reason)}</p>`
            : o.state === 'checking'
              ? html`<p class="hint">${msg('Checking…', { id: 'console.embed.checking' })}</p>`
              : nothing;
    return html`${field({
        id: 'embed-page',
        label: msg('Address of the page it goes on', { id: 'console.embed.page' }),
        hint: msg('To check that the page may embed the council.', { id: 'console.embed.pageHint' }),
        control: (a) =>
          html`<input type="url" id="embed-page" inputmode="url" spellcheck="false" aria-describedby=${describedByAttr(a.describedBy)} .value=${this.#pageUrl} @change=${(e: Event) => {
            this.#pageUrl = (e.target as HTMLInputElement).value;
            void this.embed.check(this.#pageUrl);
          }} />`,
      })}
      <div aria-live="polite">${said}</div>
      ${warning}`;
  }

  #renderCdn(level: number): TemplateResult {
    return this.#cdn.value.status === 'failed'
      ? notice({ id: 'embed-cdn-error', level, tone: 'error', title: msg('The snippet could not be made', { id: 'console.embed.cdnFailed' }), body: html`<p>${msg("The server's script files could not be read; try again later.", { id: 'console.embed.cdnFailedBody' })}</p>` })
      : html`<p class="hint">${msg('Loading…', { id: 'console.list.loading' })}</p>`;
  }

  #renderSnippet(snippet: string, level: number): TemplateResult {
    return html`
      ${field({
        id: 'embed-snippet',
        label: msg('Snippet to paste', { id: 'console.embed.snippet' }),
        control: (a) => html`<textarea id="embed-snippet" readonly rows="6" spellcheck="false" aria-describedby=${describedByAttr(a.describedBy)} .value=${snippet}></textarea>`,
      })}
      <div class="row">
        <button part="button" class="button" type="button" id="embed-copy" @click=${() => void this.#copy(snippet)}>${msg('Copy the snippet', { id: 'console.embed.copy' })}</button>
        ${this.#copied ? html`<span class="ok">${msg('Copied', { id: 'console.embed.copiedShort' })}</span>` : nothing}
      </div>
      ${heading(level, msg('Preview', { id: 'console.embed.preview' }), { id: 'embed-preview-title' })}
      <p class="hint">${msg('As residents will see it; not active here.', { id: 'console.embed.previewHint' })}</p>
      <div class="embed-preview" role="group" aria-labelledby="embed-preview-title" inert>${this.#previewNode()}</div>
    `;
  }

  /** The element itself, with the snippet's attributes and the console's API; its code loaded on demand. */
  #previewNode(): HTMLElement {
    const values = this.#chosen();
    const key = `${this.#tag}\n${JSON.stringify(values)}`;
    if (this.#preview?.key === key) return this.#preview.node;
    void ELEMENT_LOADERS[this.#tag]();
    const node = document.createElement(this.#tag);
    const api = this.ctx.api();
    if (api) node.setAttribute('api', api);
    node.setAttribute('council', this.ctx.council() ?? '');
    for (const name of this.#attributes()) {
      const value = values[name]?.trim();
      if (value) node.setAttribute(name, name === 'compact' ? '' : value);
    }
    this.#preview = { key, node };
    return node;
  }
}
