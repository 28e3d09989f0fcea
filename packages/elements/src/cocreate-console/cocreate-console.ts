import type { StaffFeedback } from '@civicloop/contract';
import { FEEDBACK_CHANNELS, FEEDBACK_KINDS, FEEDBACK_STATUSES, REPLY_TEXT_MAX, type FeedbackStatus } from '@civicloop/contract/rules';
import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CivicElement } from '../internal/civic-element.js';
import { define } from '../internal/define.js';
import { messages } from '../generated/locales/console.js';
import { StoreController } from '../internal/store-controller.js';
import { FocusController } from '../kit/controllers/focus.js';
import { StatusController } from '../kit/controllers/status.js';
import { safeUrl, selectField } from '../kit/parts/controls.js';
import { describedByAttr, field, heading, kitStyles, notice } from '../kit/parts/index.js';
import { moreTeller } from '../kit/parts/more-button.js';
import { dateFormat } from '../kit/format.js';
import { serviceName, serviceOptions } from '../kit/stores/council.js';
import { createConsole, type ActionState, type InboxFilters, type InboxList, type SessionState } from '../stores/console.js';
import { createConsoleAudit } from '../stores/console-audit.js';
import { createConsoleThemes } from '../stores/console-themes.js';
import { AuditView } from './audit-view.js';
import { consoleStyles } from './cocreate-console.styles.js';
import { LinkPanel } from './link-panel.js';
import { shortcutOf, shortcutsHelp } from './shortcuts.js';
import * as s from './strings.js';
import { ThemesView } from './themes-view.js';
import { EmbedView } from './embed-view.js';
import { BankView } from './bank-view.js';
import { FiguresView } from './figures-view.js';
import { createConsoleBank } from '../stores/console-bank.js';
import { layoutStyles } from '../kit/parts/layout.js';
import { shareChartStyles } from '../kit/parts/share-chart.js';
import { RecordView } from './record-view.js';
import { createConsoleFigures } from '../stores/console-figures.js';
import { SettingsView } from './settings-view.js';
import { createConsoleEmbed } from '../stores/console-embed.js';
import { createConsoleSettings } from '../stores/console-settings.js';
import { createConsoleActivities } from '../stores/console-activities.js';
import { ActivitiesView, activitiesStyles } from './activities-view.js';
import { listFailed, loadMore, type ViewContext } from './views.js';

/** The console's views, in the order of its navigation. */
const VIEWS = ['inbox', 'record', 'themes', 'figures', 'bank', 'activities', 'audit', 'settings', 'embed'] as const;
type ConsoleView = (typeof VIEWS)[number];

const oneOf = <T extends string>(values: readonly T[], v: string): T | '' => ((values as readonly string[]).includes(v) ? (v as T) : '');

/**
 * The staff console: council staff sign in and work through what residents sent: the inbox with
 * filters and full-text search, a reading pane, status changes and personal replies. For a
 * council's intranet page; the reference server serves it at `/console`. Its code loads only on a
 * page that shows it: public pages pay nothing for it.
 *
 * ```html
 * <cocreate-console api="https://api.council.example" council="testborough" heading-level="1"></cocreate-console>
 * ```
 *
 * Signing in takes a staff token (from `civicloop-server token create`), checked against the API
 * and kept for the browser tab only (sessionStorage), never in an attribute or localStorage;
 * signing out forgets it. When the council has single sign-on (`sso` in its configuration), a
 * "Sign in with …" button sends the browser to its OpenID Connect provider (authorization code
 * with PKCE) and back to this page, whose address must be a redirect URI the provider allows;
 * the session names the person, ends when it expires, and signing out ends it on the server. Texts residents wrote are shown as text, never as markup.
 *
 * Signed in, a navigation leads to three views, each in its own module: the inbox (with a date
 * filter, a checkbox on each message to link many to a theme, new or existing, and keyboard
 * shortcuts for triage, listed in the console), the themes (edit, timeline updates, a preview by
 * the real `<you-said-we-did>` in each of the council's languages, publish), and the audit log.
 *
 * @summary The staff console: sign-in with a staff token, the inbox (filters, search, reading pane, status, replies, linking to themes, keyboard shortcuts), themes (edit, timeline, preview, publish) and the audit log.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart sign-in - The sign-in form.
 * @csspart session - The line saying who is signed in, with "Sign out".
 * @csspart inbox - The filters, search and list of messages.
 * @csspart item - Each message in the list.
 * @csspart pane - The reading pane of the open message.
 * @csspart nav - The navigation between the inbox, the themes and the audit log.
 * @csspart themes - The themes view.
 * @csspart audit - The audit log view.
 * @csspart activities - The contact bank's activities: the list, the create form, one activity with its invitations and answers.
 * @csspart entry - Each entry of the audit log.
 * @csspart button - Every button.
 * @csspart notice - Messages about loading and signing in.
 * @csspart status - The visually hidden live region that announces changes.
 * @csspart language - The language switcher (shown when the council has more than one language).
 *
 * The theme's custom properties (`--cocreate-accent`, ...) apply; they are documented once, in src/registry.ts.
 */
export class CocreateConsole extends CivicElement {
  // Its own strings (`console.*`), fetched per language; the kit's come with every element.
  protected static override messages = [messages];

  static override styles = [...CivicElement.styles, kitStyles, shareChartStyles, layoutStyles, consoleStyles, activitiesStyles];

  #console = createConsole({ scope: () => this.config });
  #council = new StoreController(this, this.#console.$council);
  protected override get councilState() {
    return this.#console.$council.get();
  }
  #services = new StoreController(this, this.#console.$services);
  #session = new StoreController(this, this.#console.$session);
  #list = new StoreController(this, this.#console.$list);
  #filters = new StoreController(this, this.#console.$filters);
  #selected = new StoreController(this, this.#console.$selected);
  #action = new StoreController(this, this.#console.$action);
  #statusRegion = new StatusController(this);
  #focus = new FocusController(this);
  // The themes and audit views, each in its own module, with the console's session.
  #ctx: ViewContext = {
    focus: this.#focus,
    status: this.#statusRegion,
    locale: () => this.renderedLocale,
    locales: () => {
      const c = this.#council.value;
      return c.status === 'ready' ? [c.config.defaultLocale, ...c.config.locales.filter((l) => l !== c.config.defaultLocale)] : [];
    },
    formatNumber: (n) => this.formatNumber(n),
    date: (at) => this.#date(at),
    act: (fn) => this.#act(fn),
    localized: (fn) => this.localized(fn),
  };
  #themes = createConsoleThemes({ access: this.#console, inboxChanged: () => this.#console.reload(), putInput: (item) => this.#console.put(item) });
  #audit = createConsoleAudit({ access: this.#console });
  #themeNames = new StoreController(this, this.#themes.$names);
  #role = new StoreController(this, this.#console.$role);
  #themesView = new ThemesView(this, this.#themes, {
    ...this.#ctx,
    serviceOptions: () => this.#serviceOptions(),
    services: () => (this.#services.value.status === 'ready' ? this.#services.value.services : undefined),
    role: () => this.#role.value,
  });
  #auditView = new AuditView(this, this.#audit, {
    ...this.#ctx,
    themeLocales: (ids) => {
      void this.#themes.name(ids);
      const { names } = this.#themeNames.value;
      return Object.fromEntries(ids.flatMap((id) => (names[id] ? [[id, names[id].locale]] : [])));
    },
    // The inbox's messages and the activities listed, as they stand (stores this element renders on).
    heldLocale: (type, id) => {
      const [inbox, activities] = [this.#list.value, this.#activities.$list.get()];
      if (type === 'feedback') return (inbox.status === 'ready' && inbox.items.find((x) => x.id === id)?.locale) || undefined;
      return (activities.status === 'ready' && activities.items.find((x) => x.id === id)?.locale) || undefined;
    },
  });
  #link = new LinkPanel(this, this.#themes, { ...this.#ctx, serviceOptions: () => this.#serviceOptions() }, (id) => this.#show('themes', id));
  #recordView = new RecordView(this, this.#console, { api: () => this.config.api, council: () => this.config.council, locale: () => this.locale, recorded: () => this.#console.reload() });
  #figures = createConsoleFigures({ access: this.#console });
  #figuresView = new FiguresView(this, this.#figures, { ...this.#ctx, serviceOptions: () => this.#serviceOptions() });
  #bank = createConsoleBank({ access: this.#console });
  #bankView = new BankView(this, this.#bank, { ...this.#ctx, serviceOptions: () => this.#serviceOptions(), districts: () => this.#districts() });
  #activities = createConsoleActivities({ access: this.#console });
  #activitiesView = new ActivitiesView(this, this.#activities, { ...this.#ctx, serviceOptions: () => this.#serviceOptions(), districts: () => this.#districts() });
  #settings = createConsoleSettings({ access: this.#console });
  #settingsView = new SettingsView(this, this.#settings, { ...this.#ctx, role: () => this.#role.value });
  #embed = createConsoleEmbed({ access: this.#console, api: () => this.config.api });
  #embedView = new EmbedView(this, this.#embed, { ...this.#ctx, api: () => this.config.api, council: () => this.config.council, serviceOptions: () => this.#serviceOptions(), hasBank: () => this.#hasBank(), role: () => this.#role.value });
  #view: ConsoleView = 'inbox';
  #shortcuts = true;
  #shortcutsOpen = false;
  /** The message whose `?` showed the shortcuts: `?` on their summary hides them and goes back to it. */
  #helpFrom = -1;
  // What is typed, held here only: the token never becomes an attribute or a rendered value.
  #token = '';
  #q = '';
  #reply = '';
  #lastSession: SessionState | undefined;
  #tellMore = moreTeller<InboxList>({ focus: this.#focus, status: this.#statusRegion }, 'item', (added) => s.moreLoaded(this.formatNumber(added)));
  #lastAction: ActionState | undefined;
  #filtered = false;

  protected override scopeChanged(): void {
    this.#console.load();
  }

  protected override released(): void {
    this.#console.dispose();
    this.#themes.dispose();
    this.#audit.dispose();
    this.#bank.dispose();
    this.#activities.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A control that goes away with its state (the sign-in form, "Load more") leaves focus on the section explaining the new one.
    this.#focus.fallback(this.#session.value.state === 'signed-in' ? `#${this.#view}` : '#sign-in');
    this.#tellSession();
    this.#tellList();
    this.#tellAction();
  }

  #tellSession(): void {
    const [session, previous] = [this.#session.value, this.#lastSession];
    if (session === previous) return;
    this.#lastSession = session;
    if (session.state === 'signed-in') {
      this.#token = '';
      this.#focus.moveTo('#inbox');
    } else if (session.state === 'signed-out' && previous) {
      // The next person at this desk starts with an empty search and reply, in the inbox.
      this.#q = '';
      this.#reply = '';
      this.#view = 'inbox';
      this.#themes.reset();
      this.#audit.reset();
      this.#themesView.forget();
      this.#link.forget();
      this.#settingsView.forget();
      this.#figuresView.forget();
      this.#bankView.forget();
      this.#activitiesView.forget();
      this.#embedView.forget();
      if (session.left) return void (this.#focus.moveTo('#signed-out') || this.#statusRegion.announce(msg('You are signed out.', { id: 'console.signedOut.title' })));
      if (session.sso) return void (this.#focus.moveTo('#sso-error') || this.#statusRegion.announce(this.#ssoFailure(session)));
      if (session.refused === 'ended') return void (this.#focus.moveTo('#ended') || this.#statusRegion.announce(s.failureText('ended')));
      // The error is named by the field it belongs to (aria-describedby): focus there tells it.
      if (session.refused && !this.#focus.moveTo('#token')) this.#statusRegion.announce(s.failureText(session.refused));
    }
  }

  // A list the staff member asked for (a filter, a search, "Load more") is told once: by focus on
  // the first new message, or through the status region.
  #tellList(): void {
    const list = this.#list.value;
    const previous = this.#tellMore(list);
    if (previous?.status === 'loading' && list.status === 'ready' && this.#filtered) {
      this.#filtered = false;
      this.#statusRegion.announce(list.items.length ? s.shown(this.formatNumber(list.items.length)) : msg('No messages match', { id: 'console.list.noneMatch' }));
    }
  }

  #tellAction(): void {
    const [action, previous] = [this.#action.value, this.#lastAction];
    if (action === previous) return;
    this.#lastAction = action;
    if (action.state === 'done' && action.what === 'status') this.#statusRegion.announce(s.statusChanged(s.statusLabel(action.status)));
    else if (action.state === 'done' && action.what === 'reply') {
      this.#reply = '';
      this.#statusRegion.announce(action.emailed ? msg('Reply sent and emailed to the resident.', { id: 'console.reply.sentEmailed' }) : msg('Reply sent.', { id: 'console.reply.sent' }));
    } else if (action.state === 'invalid') this.#focus.moveTo('#reply');
    else if (action.state === 'failed') this.#statusRegion.announce(s.failureText(action.reason));
  }

  #ssoFailure = (session: SessionState) =>
    session.state === 'signed-out' && session.sso ? s.ssoFailure(session.sso, session.retryAt ? dateFormat(this.renderedLocale, { timeStyle: 'short' }).format(session.retryAt) : '') : '';
  #date = (at: string) => dateFormat(this.renderedLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  #act = (fn: () => unknown) => () => {
    this.#focus.acted();
    void fn();
  };

  override render(): TemplateResult {
    const council = this.#council.value;
    const session = this.#session.value;
    const level = this.level;
    return html`
      <div part="base" class="base" lang=${this.renderedLocale}>
        ${this.#statusRegion.render()} ${heading(level, msg('Staff console', { id: 'console.title' }), { id: 'title' })}
        ${council.status === 'ready' ? html`<p class="hint council">${council.config.name}</p>` : nothing}
        ${session.state === 'signed-in' ? this.#renderSignedIn(level + 1) : this.#renderSignIn(session, level + 1)}
        ${this.renderLanguagePicker()}
      </div>
    `;
  }

  #renderSignIn(session: SessionState, level: number): TemplateResult {
    const checking = session.state === 'checking';
    const refused = session.state === 'signed-out' ? session.refused : undefined;
    // A wrong token is the field's error; other failures (and an ended session) are notices.
    const error = refused && refused !== 'ended' ? s.failureText(refused) : undefined;
    return html`
      <section part="sign-in" class="sign-in" id="sign-in" tabindex="-1" aria-labelledby="sign-in-title">
        ${heading(level, msg('Sign in', { id: 'console.signIn.title' }), { id: 'sign-in-title' })}
        ${session.state === 'signed-out' && session.left
          ? notice({ id: 'signed-out', level: level + 1, tone: 'success', title: msg('You are signed out.', { id: 'console.signedOut.title' }), body: html`<p>${msg('This tab no longer holds your token.', { id: 'console.signedOut.body' })}</p>` })
          : nothing}
        ${refused === 'ended' ? notice({ id: 'ended', level: level + 1, tone: 'warning', title: s.failureText('ended'), body: nothing }) : nothing}
        ${this.#renderSso(session, level + 1)}
        <form novalidate @submit=${this.#onSignIn}>
          ${field({
            id: 'token',
            label: msg('Staff token', { id: 'console.signIn.token' }),
            hint: msg('Paste the staff token an administrator gave you. It is kept in this browser tab only, until you sign out or close the tab.', { id: 'console.signIn.hint' }),
            error,
            control: (a) =>
              html`<input type="password" id="token" name="token" autocomplete="current-password" spellcheck="false" aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${this.#token} @input=${(e: Event) => (this.#token = (e.target as HTMLInputElement).value)} />`,
          })}
          <div class="row">
            <button part="button" class="button" type="submit" aria-disabled=${checking ? 'true' : 'false'}>
              ${checking ? msg('Checking…', { id: 'console.signIn.checking' }) : msg('Sign in', { id: 'console.signIn.submit' })}
            </button>
          </div>
        </form>
      </section>
    `;
  }

  /** Single sign-on, when the council has it: the button, and why the last attempt failed. */
  #renderSso(session: SessionState, level: number): TemplateResult | typeof nothing {
    const council = this.#council.value;
    const sso = council.status === 'ready' ? council.config.sso : undefined;
    if (!sso) return nothing;
    const failed = session.state === 'signed-out' && session.sso;
    return html`
      ${failed ? notice({ id: 'sso-error', level, tone: 'error', title: this.#ssoFailure(session), body: nothing }) : nothing}
      <div class="row sso">
        <button part="button" class="button" type="button" aria-disabled=${session.state === 'checking' ? 'true' : 'false'} @click=${this.#onProvider}>${s.ssoButton(sso.label)}</button>
      </div>
      <p class="hint">${msg('Or sign in with a staff token:', { id: 'console.sso.or' })}</p>
    `;
  }

  #onProvider = () => {
    if (this.#session.value.state === 'checking') return;
    this.#act(() => this.#console.signInWithProvider())();
  };

  #onSignIn = (event: Event) => {
    event.preventDefault();
    if (this.#session.value.state === 'checking') return;
    this.#act(() => this.#console.signIn(this.#token))();
  };

  #renderSignedIn(level: number): TemplateResult {
    return html`
      <div part="session" class="session">
        <p>${this.#whoText()}</p>
        <button part="button" class="button secondary" type="button" @click=${this.#act(() => this.#console.signOut())}>${msg('Sign out', { id: 'console.signOut' })}</button>
      </div>
      ${this.#renderNav()}
      ${this.#renderView(level)}
    `;
  }

  /** The views this council has: the contact bank's only when it runs one. */
  #views(): readonly ConsoleView[] {
    const c = this.#council.value;
    return c.status === 'ready' && c.config.contactBank ? VIEWS : VIEWS.filter((v) => v !== 'bank' && v !== 'activities');
  }

  /** Whether the council runs a contact bank; undefined until its configuration is read. */
  #hasBank(): boolean | undefined {
    const c = this.#council.value;
    return c.status === 'ready' ? Boolean(c.config.contactBank) : undefined;
  }

  /** The contact bank's districts as options, named in the console's language. */
  #districts(): { value: string; label: string }[] {
    const c = this.#council.value;
    if (c.status !== 'ready' || !c.config.contactBank) return [];
    const locale = this.renderedLocale;
    return c.config.contactBank.districts.map((d) => ({ value: d.id, label: d.name[locale] ?? d.name[c.config.defaultLocale] ?? Object.values(d.name).find(Boolean) ?? d.id }));
  }

  /** The council's services as options, named in the console's language. */
  #serviceOptions(): { value: string; label: string }[] {
    return serviceOptions(this.#services.value, this.#council.value, this.renderedLocale);
  }

  #renderView(level: number): TemplateResult {
    switch (this.#view) {
      case 'inbox':
        return html`<div class="panes">${this.#renderInbox(level)} ${this.#renderPane(level)}</div>`;
      case 'record':
        return this.#recordView.render(level);
      case 'themes':
        return this.#themesView.render(level);
      case 'figures':
        return this.#figuresView.render(level);
      case 'bank':
        return this.#bankView.render(level);
      case 'activities':
        return this.#activitiesView.render(level);
      case 'audit':
        return this.#auditView.render(level);
      case 'settings':
        return this.#settingsView.render(level);
      case 'embed':
        return this.#embedView.render(level);
    }
  }

  // A list of buttons marked aria-current, not ARIA tabs: each view is a page of the console,
  // reached with Tab and Enter like any button, and focus moves to the view's heading region.
  #renderNav(): TemplateResult {
    const label = (v: ConsoleView) => {
      switch (v) {
        case 'inbox':
          return msg('Inbox', { id: 'console.inbox.title' });
        case 'record':
          return msg('Record input', { id: 'console.record.title' });
        case 'themes':
          return msg('Themes', { id: 'console.themes.title' });
        case 'figures':
          return msg('Loop figures', { id: 'console.figures.title' });
        case 'bank':
          return msg('Contact bank', { id: 'console.bank.title' });
        case 'activities':
          return msg('Activities', { id: 'console.activities.title' });
        case 'audit':
          return msg('Audit log', { id: 'console.audit.title' });
        case 'settings':
          return msg('Settings', { id: 'console.settings.nav' });
        case 'embed':
          return msg('Embed', { id: 'console.embed.nav' });
      }
    };
    return html`<nav part="nav" class="nav" aria-label=${msg('Console', { id: 'console.nav.label' })}>
      <ul role="list">
        ${this.#views().map(
          (v) => html`<li>
            <button part="button" class="nav-button" type="button" id="nav-${v}" aria-current=${this.#view === v ? 'page' : 'false'} @click=${this.#act(() => this.#show(v))}>${label(v)}</button>
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  /** Shows a view (its data asked again) and moves focus to it; `theme` opens one in the themes view. */
  #show(view: ConsoleView, theme?: string): void {
    this.#view = view;
    if (view === 'themes') {
      // A theme opened from elsewhere is looked for among drafts and published alike.
      if (theme && this.#themes.$state.get()) this.#themes.filter('');
      this.#themesView.forget();
      this.#themes.open(theme);
      this.#themesView.show();
      // Whether to offer "Publish…" and a published theme's fields (admins) or say who may (editors).
      this.#console.knowRole();
    } else if (view === 'audit') this.#auditView.show();
    else if (view === 'record') this.#recordView.show();
    else if (view === 'figures') this.#figuresView.show();
    else if (view === 'bank') this.#bankView.show();
    else if (view === 'activities') this.#activitiesView.show();
    else if (view === 'settings') {
      this.#settingsView.show();
      // Whether to say that only administrators change them.
      this.#console.knowRole();
    } else if (view === 'embed') {
      this.#embedView.show();
      // Whether to offer "Allow" for a page's origin (admins) or say whom to ask (editors).
      this.#console.knowRole();
    }
    this.requestUpdate();
    this.#focus.moveTo(`#${view}`);
  }

  #whoText(): string {
    const session = this.#session.value;
    const info = session.state === 'signed-in' ? session.session : undefined;
    if (!info) return msg('Signed in with a staff token.', { id: 'console.signedIn' });
    return s.signedInAs(info.person.name ?? info.person.subject, this.#date(info.expiresAt));
  }

  #renderInbox(level: number): TemplateResult {
    const list = this.#list.value;
    const f = this.#filters.value;
    const filtering = Boolean(f.status || f.service || f.kind || f.channel || f.q || f.from || f.to);
    return html`
      <section part="inbox" class="inbox" id="inbox" tabindex="-1" aria-labelledby="inbox-title">
        ${heading(level, msg('Inbox', { id: 'console.inbox.title' }), { id: 'inbox-title' })} ${this.#renderFilters()}
        ${list.status === 'loading'
          ? html`<p class="hint">${msg('Loading…', { id: 'console.list.loading' })}</p>`
          : list.status === 'failed'
            ? listFailed({
                id: 'list-error',
                level: level + 1,
                title: msg('The inbox could not be loaded', { id: 'console.list.failed' }),
                reason: s.failureText(list.reason),
                retry: this.#act(() => this.#console.retry()),
              })
            : list.items.length === 0
              ? html`<p id="empty">${filtering ? msg('No messages match', { id: 'console.list.noneMatch' }) : msg('No messages yet', { id: 'console.list.none' })}</p>`
              : html`${this.#link.render(level + 1, list.items)}
                  <ul class="items" role="list" @keydown=${this.#onListKey}>
                    ${list.items.map((item, i) => this.#renderItem(item, i))}
                  </ul>
                  ${loadMore(list, this.#act(() => this.#console.more()))}`}
        ${shortcutsHelp({
          open: this.#shortcutsOpen,
          enabled: this.#shortcuts,
          onToggle: (open) => (this.#shortcutsOpen = open),
          onHide: () => {
            this.#shortcutsOpen = false;
            this.#focus.acted();
            this.#focus.moveTo(this.#helpFrom >= 0 ? `#item-${this.#helpFrom}` : '#shortcuts-summary');
          },
          onEnable: (on) => {
            this.#shortcuts = on;
            this.#statusRegion.announce(this.localized(() => (on ? msg('Keyboard shortcuts on.', { id: 'console.keys.on' }) : msg('Keyboard shortcuts off.', { id: 'console.keys.off' }))));
          },
        })}
      </section>
    `;
  }

  #renderFilters(): TemplateResult {
    const f = this.#filters.value;
    const change = (patch: Partial<InboxFilters>) => {
      this.#filtered = true;
      this.#console.filter(patch);
    };
    return html`
      <div class="filters" role="group" aria-label=${msg('Filter the inbox', { id: 'console.filters.label' })}>
        ${selectField({
          id: 'filter-status',
          label: msg('Status', { id: 'console.filters.status' }),
          value: f.status,
          none: msg('Any status', { id: 'console.filters.anyStatus' }),
          options: FEEDBACK_STATUSES.map((v) => ({ value: v, label: s.statusLabel(v) })),
          onChange: (v) => change({ status: oneOf(FEEDBACK_STATUSES, v) }),
        })}
        ${selectField({
          id: 'filter-service',
          label: msg('Service', { id: 'console.filters.service' }),
          value: f.service,
          none: msg('All services', { id: 'console.filters.allServices' }),
          options: serviceOptions(this.#services.value, this.#council.value, this.renderedLocale),
          onChange: (service) => change({ service }),
        })}
        ${selectField({
          id: 'filter-kind',
          label: msg('Kind', { id: 'console.filters.kind' }),
          value: f.kind,
          none: msg('Any kind', { id: 'console.filters.anyKind' }),
          options: FEEDBACK_KINDS.map((v) => ({ value: v, label: s.kindLabel(v) })),
          onChange: (v) => change({ kind: oneOf(FEEDBACK_KINDS, v) }),
        })}
        ${selectField({
          id: 'filter-channel',
          label: msg('Channel', { id: 'console.filters.channel' }),
          value: f.channel,
          none: msg('Any channel', { id: 'console.filters.anyChannel' }),
          options: FEEDBACK_CHANNELS.map((v) => ({ value: v, label: s.channelLabel(v) })),
          onChange: (v) => change({ channel: oneOf(FEEDBACK_CHANNELS, v) }),
        })}
        ${this.#dayField('filter-from', msg('Received from', { id: 'console.filters.from' }), f.from, undefined, (from) => this.#days({ from }, change))}
        ${this.#dayField(
          'filter-to',
          msg('Received until', { id: 'console.filters.to' }),
          f.to,
          this.#daysWrong ? msg('Choose an end day on or after the start day', { id: 'console.filters.rangeError' }) : undefined,
          (to) => this.#days({ to }, change),
        )}
      </div>
      <form class="search" role="search" novalidate @submit=${this.#onSearch}>
        ${field({
          id: 'q',
          label: msg('Search the messages', { id: 'console.search.label' }),
          hint: msg('Words from the messages; “quotes” for an exact phrase, a minus sign before a word to leave it out.', { id: 'console.search.hint' }),
          control: (a) =>
            html`<input type="search" id="q" name="q" autocomplete="off" aria-describedby=${describedByAttr(a.describedBy)} .value=${this.#q} @input=${(e: Event) => (this.#q = (e.target as HTMLInputElement).value)} />`,
        })}
        <div class="row"><button part="button" class="button secondary" type="submit">${msg('Search', { id: 'console.search.submit' })}</button></div>
      </form>
    `;
  }

  // A calendar day (UTC, as the API reads it); an incomplete date is '' in the browser, so no filter.
  #dayField(id: string, label: string, value: string, error: string | undefined, onChange: (day: string) => void): TemplateResult {
    return field({
      id,
      label,
      error,
      control: (a) =>
        html`<input type="date" id=${id} name=${id} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${value} @change=${(e: Event) => onChange((e.target as HTMLInputElement).value)} />`,
    });
  }

  // Days the wrong way round are said on the field, not sent (the API would refuse them).
  #daysWrong = false;
  #days(patch: { from?: string; to?: string }, change: (patch: Partial<InboxFilters>) => void): void {
    const from = this.renderRoot.querySelector<HTMLInputElement>('#filter-from')?.value ?? '';
    const to = this.renderRoot.querySelector<HTMLInputElement>('#filter-to')?.value ?? '';
    this.#daysWrong = Boolean(from && to && from > to);
    this.requestUpdate();
    if (this.#daysWrong) return void this.#statusRegion.announce(this.localized(() => msg('Choose an end day on or after the start day', { id: 'console.filters.rangeError' })));
    change({ from, to, ...patch });
  }

  #onSearch = (event: Event) => {
    event.preventDefault();
    this.#filtered = true;
    this.#console.filter({ q: this.#q.trim() });
  };

  #renderItem(item: StaffFeedback, i: number): TemplateResult {
    const selected = this.#selected.value === item.id;
    return html`
      <li class="pickable" data-index=${i}>
        ${this.#link.checkbox(item, i)}
        <button part="item" class="item" type="button" id="item-${i}" aria-current=${selected ? 'true' : 'false'} aria-controls="pane" @click=${this.#act(() => this.#open(item.id))}>
          <span class="item-meta"><strong>${s.kindLabel(item.kind)}</strong> · ${s.statusLabel(item.status)} · ${this.#date(item.createdAt)}</span>
          ${item.text === null
            ? html`<span class="item-text">${msg('Text erased by its author', { id: 'console.item.erased' })}</span>`
            : html`<span class="item-text" lang=${item.locale ?? nothing}>${item.text}</span>`}
        </button>
      </li>
    `;
  }

  // Triage by keyboard (shortcuts.ts): only from the list itself, so typing elsewhere never triggers one.
  #onListKey = (event: KeyboardEvent) => {
    const shortcut = this.#shortcuts ? shortcutOf(event) : undefined;
    const list = this.#list.value;
    if (!shortcut || list.status !== 'ready') return;
    const row = (event.composedPath()[0] as HTMLElement).closest?.('li[data-index]');
    const i = Number(row?.getAttribute('data-index') ?? -1);
    const item = list.items[i];
    event.preventDefault();
    this.#focus.acted();
    switch (shortcut) {
      case 'next':
      case 'previous': {
        const next = Math.min(Math.max(i + (shortcut === 'next' ? 1 : -1), 0), list.items.length - 1);
        return void this.renderRoot.querySelector<HTMLElement>(`#item-${next}`)?.focus();
      }
      case 'open':
        return item && this.#open(item.id);
      case 'select':
        // The tick is on another control than the focused message: the count says what changed.
        if (!item) return;
        this.#link.toggle(item.id);
        return void this.#statusRegion.announce(this.localized(() => this.#link.countText()));
      case 'status':
      case 'reply':
        if (!item) return;
        this.#console.select(item.id);
        return void this.#focus.moveTo(shortcut === 'status' ? '#new-status' : '#reply');
      case 'link':
        if (item && !this.#link.checked.size) this.#link.toggle(item.id, true);
        return this.#link.openPanel();
      case 'help':
        this.#helpFrom = i;
        this.#shortcutsOpen = !this.#shortcutsOpen;
        this.requestUpdate();
        return void this.#focus.moveTo('#shortcuts-summary');
    }
  };

  #open(id: string): void {
    this.#console.select(id);
    this.#reply = '';
    this.#focus.moveTo('#pane');
  }

  #renderPane(level: number): TemplateResult {
    const item = this.#console.selected();
    if (!item)
      return html`<section part="pane" class="pane" id="pane" tabindex="-1" aria-labelledby="pane-title">
        ${heading(level, msg('Reading pane', { id: 'console.pane.empty' }), { id: 'pane-title' })}
        <p class="hint">${msg('Choose a message in the inbox to read it here.', { id: 'console.pane.choose' })}</p>
      </section>`;
    const council = this.#council.value;
    const services = this.#services.value;
    const service = item.service && services.status === 'ready' ? services.services.find((x) => x.id === item.service) : undefined;
    const serviceShown = service && serviceName(service, this.renderedLocale, council.status === 'ready' ? council.config.defaultLocale : undefined);
    const none = msg('None', { id: 'console.pane.none' });
    const index = this.#list.value.status === 'ready' ? this.#list.value.items.indexOf(item) : -1;
    return html`
      <section part="pane" class="pane" id="pane" tabindex="-1" aria-labelledby="pane-title">
        ${heading(level, s.paneTitle(item.receipt), { id: 'pane-title' })}
        <dl class="facts">
          <div><dt>${msg('Kind', { id: 'console.filters.kind' })}</dt><dd>${s.kindLabel(item.kind)}</dd></div>
          <div><dt>${msg('Status', { id: 'console.filters.status' })}</dt><dd id="pane-status">${s.statusLabel(item.status)}</dd></div>
          <div><dt>${msg('Rating', { id: 'console.pane.ratingLabel' })}</dt><dd>${item.rating === null ? none : s.ratingText(this.formatNumber(item.rating))}</dd></div>
          <div>
            <dt>${msg('Service', { id: 'console.filters.service' })}</dt>
            <dd lang=${serviceShown?.lang ?? nothing}>${serviceShown?.text ?? item.service ?? none}</dd>
          </div>
          <div><dt>${msg('Channel', { id: 'console.filters.channel' })}</dt><dd>${s.channelLabel(item.channel)}</dd></div>
          ${item.sourceUrl ? html`<div><dt>${msg('Seen at', { id: 'console.pane.source' })}</dt><dd>${safeUrl(item.sourceUrl) ? html`<a id="pane-source" href=${safeUrl(item.sourceUrl)!} rel="noopener noreferrer">${item.sourceUrl}</a>` : item.sourceUrl}</dd></div>` : nothing}
          <div><dt>${msg('Received', { id: 'console.pane.received' })}</dt><dd>${this.#date(item.createdAt)}</dd></div>
          <div><dt>${msg('Themes', { id: 'console.themes.title' })}</dt><dd id="pane-themes">${item.themeIds.length ? this.#renderPaneThemes(item.themeIds) : none}</dd></div>
        </dl>
        ${heading(level + 1, msg('What they wrote', { id: 'console.pane.text' }))}
        ${item.text === null ? html`<p class="hint">${msg('Text erased by its author', { id: 'console.item.erased' })}</p>` : html`<p class="text" lang=${item.locale ?? nothing}>${item.text}</p>`}
        ${item.replies.length
          ? html`${heading(level + 1, msg('Replies', { id: 'console.pane.replies' }))}
              <ul class="replies" role="list">
                ${item.replies.map(
                  (r) => html`<li>
                    <p class="hint">${this.#date(r.at)}${r.emailed ? html` · ${msg('Emailed', { id: 'console.pane.emailed' })}` : nothing}</p>
                    <p class="text" lang=${item.locale ?? nothing}>${r.text}</p>
                  </li>`,
                )}
              </ul>`
          : nothing}
        ${this.#renderStatusForm(item, level + 1)} ${this.#renderReplyForm(item, level + 1)}
        ${index >= 0
          ? html`<p><button class="link" type="button" @click=${this.#act(() => this.#focus.moveTo(`#item-${index}`))}>${msg('Back to the list', { id: 'console.pane.back' })}</button></p>`
          : nothing}
      </section>
    `;
  }

  /** The themes a message is linked to, by title, each opening the theme in the themes view. */
  #renderPaneThemes(ids: readonly string[]): TemplateResult {
    void this.#themes.name(ids);
    const { names, looked } = this.#themeNames.value;
    return html`<ul class="pane-themes" role="list">
      ${ids.map((id) => {
        const name = names[id];
        return html`<li>
          ${name
            ? html`<button class="link" type="button" lang=${name.locale} @click=${this.#act(() => this.#show('themes', id))}>${name.title}</button>`
            : looked.has(id)
              ? id
              : msg('Loading…', { id: 'console.list.loading' })}
        </li>`;
      })}
    </ul>`;
  }

  #renderStatusForm(item: StaffFeedback, level: number): TemplateResult {
    const action = this.#action.value;
    const saving = action.state === 'saving' && action.what === 'status';
    const submit = (event: Event) => {
      event.preventDefault();
      const chosen: FeedbackStatus = oneOf(FEEDBACK_STATUSES, (event.target as HTMLFormElement).querySelector('select')?.value ?? '') || item.status;
      this.#focus.acted();
      this.#console.setStatus(chosen);
    };
    return html`
      <form class="status-form" novalidate @submit=${submit} aria-labelledby="status-form-title">
        ${heading(level, msg('Change the status', { id: 'console.status.title' }), { id: 'status-form-title' })}
        ${field({
          id: 'new-status',
          label: msg('New status', { id: 'console.status.label' }),
          error: action.state === 'failed' && action.what === 'status' ? s.failureText(action.reason) : undefined,
          control: (a) => html`
            <select id="new-status" name="status" aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'}>
              ${FEEDBACK_STATUSES.map((v) => html`<option value=${v} ?selected=${v === item.status}>${s.statusLabel(v)}</option>`)}
            </select>
          `,
        })}
        <div class="row">
          <button part="button" class="button secondary" type="submit" aria-disabled=${saving ? 'true' : 'false'}>
            ${saving ? msg('Saving…', { id: 'console.saving' }) : msg('Change status', { id: 'console.status.submit' })}
          </button>
        </div>
      </form>
    `;
  }

  #renderReplyForm(item: StaffFeedback, level: number): TemplateResult {
    const action = this.#action.value;
    const sending = action.state === 'saving' && action.what === 'reply';
    const error =
      action.state === 'invalid'
        ? action.problem === 'empty'
          ? msg('Write your reply', { id: 'console.reply.empty' })
          : s.replyTooLong(this.formatNumber(REPLY_TEXT_MAX))
        : action.state === 'failed' && action.what === 'reply'
          ? s.failureText(action.reason)
          : undefined;
    const submit = (event: Event) => {
      event.preventDefault();
      if (sending) return;
      this.#focus.acted();
      void this.#console.reply(this.#reply);
    };
    return html`
      <form class="reply-form" novalidate @submit=${submit} aria-labelledby="reply-form-title">
        ${heading(level, msg('Personal reply', { id: 'console.reply.title' }), { id: 'reply-form-title' })}
        ${field({
          id: 'reply',
          label: msg('Your reply', { id: 'console.reply.label' }),
          hint: item.replyRequested
            ? msg('The resident sees it when they follow their message with its receipt code. They left an address, so it is also emailed to them; the address is never shown here.', { id: 'console.reply.hintEmailed' })
            : msg('The resident sees it when they follow their message with its receipt code. They left no address, so it is not emailed.', { id: 'console.reply.hintNotEmailed' }),
          error,
          control: (a) =>
            html`<textarea id="reply" name="reply" rows="5" lang=${item.locale ?? nothing} aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${this.#reply} @input=${(e: Event) => (this.#reply = (e.target as HTMLTextAreaElement).value)}></textarea>`,
        })}
        <div class="row">
          <button part="button" class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${sending ? msg('Sending…', { id: 'console.reply.sending' }) : msg('Send reply', { id: 'console.reply.submit' })}
          </button>
        </div>
      </form>
    `;
  }
}

define('cocreate-console', CocreateConsole);

declare global {
  interface HTMLElementTagNameMap {
    'cocreate-console': CocreateConsole;
  }
}
