// <cocreate-console>'s council settings and embed builder, in real browsers against the reference
// server: the "office" council of tests/support/browser-env.ts (its own, as settings change there;
// the three engines share one server, so each run writes values of its own). What the console
// changes is checked through the API, never only on screen.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../cocreate-feedback/cocreate-feedback.js';
import { waitUntil } from '../kit/testing/wait.js';
import type { CouncilSettings, ServiceList } from '@civicloop/contract';
import { $, active, all, button, choose, cleanUpAfterEach, env, maybe, officeApi, signedIn, text, type, view } from './console-testing.js';
import type { CocreateConsole } from './cocreate-console.js';

const run = Math.random().toString(36).slice(2, 8);
cleanUpAfterEach();
const cleanUp = () => (fixtureCleanup(), sessionStorage.clear());

const api = <T>(path: string): Promise<T> => officeApi<T>(env.office.admin, 'GET', path);
const open = (token: string, name: 'Settings' | 'Embed', region: 'settings' | 'embed') =>
  signedIn({ api: env.apiUrl, council: env.office.council, token }).then(async (el) => {
    await view(el, name, region);
    return el;
  });
const onlyAdmins = 'Only administrators can change them.';
const settled = (el: CocreateConsole) => waitUntil(() => maybe(el, '#settings form') || maybe(el, '#settings-error'), 'the settings did not load', { timeout: 15_000 });

describe('<cocreate-console> settings', () => {
  it('an admin changes the origins, a text and the reach threshold; the API has them and the audit log says who', async () => {
    const el = await open(env.office.admin, 'Settings', 'settings');
    await settled(el);
    await expect(el).to.be.accessible();
    expect(text($(el, '#settings')), 'an admin is not told only administrators change them').to.not.include(onlyAdmins);
    const before = await api<CouncilSettings>('staff/settings');
    // Each language's text is marked as written in it (WCAG 3.1.2), whatever the console speaks.
    for (const locale of before.locales) expect($(el, `#settings-input-use-${locale}`).getAttribute('lang'), locale).to.equal(locale);
    const origin = `https://run-${run}.office.example`;
    type(el, '#settings-origins', [...before.origins, origin].join('\n'));
    type(el, '#settings-input-use-en', `We read every message (${run}).`);
    type(el, '#settings-reach', '7');
    button(el, 'Save the settings').click();
    await waitUntil(() => maybe(el, '#settings-saved'), 'not saved', { timeout: 15_000 });
    const after = await api<CouncilSettings>('staff/settings');
    expect(after.origins).to.deep.equal([...before.origins, origin]);
    expect(after.texts.inputUse.en).to.equal(`We read every message (${run}).`);
    expect(after.reachThreshold).to.equal(7);
    const audit = await api<{ items: { action: string; actor: { label: string } }[] }>('staff/audit?action=council.update&limit=1');
    expect(audit.items[0]!.actor.label).to.equal('office admin');
    expect(text($(el, '#settings')), 'nor once the role is known').to.not.include(onlyAdmins);
    await expect(el).to.be.accessible();
  });

  it('a value the API refuses is named on its field, and nothing changes', async () => {
    const el = await open(env.office.admin, 'Settings', 'settings');
    await settled(el);
    const before = await api<CouncilSettings>('staff/settings');
    type(el, '#settings-origins', 'https://ok.example/with/a/path');
    button(el, 'Save the settings').click();
    await waitUntil(() => maybe(el, '#settings-save-error'), 'no error', { timeout: 15_000 });
    expect($(el, '#settings-origins').getAttribute('aria-invalid')).to.equal('true');
    // In words, quoting what was written (the API's rule is a pattern, which means nothing to staff), on the field and in the alert.
    const words = '“https://ok.example/with/a/path” is not the address of a site: give only its beginning, like https://www.your-council.example, with nothing after it.';
    expect(text($(el, '#settings-save-error'))).to.include(words).and.not.include('pattern');
    expect(text(el.shadowRoot!.getElementById('settings-origins-error'))).to.include(words);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'settings-save-error', 'focus did not move to the alert');
    expect((await api<CouncilSettings>('staff/settings')).origins).to.deep.equal(before.origins);
    await expect(el).to.be.accessible();
  });

  it('an editor reads the settings, told that only administrators change them: nothing can be changed or saved', async () => {
    const el = await open(env.office.editor, 'Settings', 'settings');
    await settled(el);
    await waitUntil(() => text(maybe(el, '#settings-who')) === onlyAdmins, 'an editor is not told only administrators change them', { timeout: 15_000 });
    const form = $(el, '.settings-form');
    expect(form.getAttribute('aria-describedby')).to.equal('settings-who');
    // Texts read-only, so a keyboard reaches and scrolls them and a screen reader reads them; choices disabled.
    const origins = $<HTMLTextAreaElement>(el, '#settings-origins');
    expect(origins.readOnly && !origins.disabled, 'the allowed origins are shown, not editable, and reachable').to.equal(true);
    expect(origins.value).to.not.equal('');
    origins.focus();
    expect(el.shadowRoot!.activeElement).to.equal(origins);
    const texts = all(el, '.settings-form textarea, .settings-form input:not([type="checkbox"]), .service-list input') as (HTMLInputElement | HTMLTextAreaElement)[];
    expect(texts.filter((t) => !t.readOnly).map((t) => t.id), 'every text read-only').to.deep.equal([]);
    const choices = all(el, '.settings-form input[type="checkbox"], .settings-form select') as (HTMLInputElement | HTMLSelectElement)[];
    expect(choices.length).to.be.greaterThan(0);
    expect(choices.filter((c) => !c.matches(':disabled')).map((c) => c.id), 'every choice disabled').to.deep.equal([]);
    expect(all(el, 'button').map(text).filter((t) => ['Save the settings', 'Rename', 'Add the service'].includes(t)), 'nothing offers to save').to.deep.equal([]);
    expect(maybe(el, '#new-service-id')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an admin adds a service; residents can choose it', async () => {
    const el = await open(env.office.admin, 'Settings', 'settings');
    await settled(el);
    // Laid out as a row: a service's names, then its Rename button after the last; "Add the service" as wide as its words.
    const names = [...$(el, '.service-list li').querySelectorAll('input')].map((e) => e.getBoundingClientRect());
    const rename = $(el, '.service-list button').getBoundingClientRect();
    const last = names[names.length - 1]!;
    expect(rename.left > last.right - 1 || rename.top > last.bottom - 1, 'Rename after the last name').to.equal(true);
    expect(names[1]!.left, 'the names side by side where they fit').to.be.greaterThan(names[0]!.right - 1);
    expect(button(el, 'Add the service').getBoundingClientRect().width).to.be.lessThan($(el, '.new-service').getBoundingClientRect().width / 2);
    const id = `pools-${run}`;
    type(el, '#new-service-id', id);
    type(el, '#new-service-name', `Pools ${run}`);
    await choose(el, '#new-service-category', 'health');
    button(el, 'Add the service').click();
    await waitUntil(() => maybe(el, '#service-saved') && maybe(el, `#service-${id}`), 'the service was not added', { timeout: 15_000 });
    const services = await api<ServiceList>('services?limit=100');
    expect(services.items.find((s) => s.id === id)).to.deep.equal({ id, name: { en: `Pools ${run}` }, category: 'health' });
  });

  it('an admin names a service in each of the council\'s languages, in a group named by the service; an emptied name is removed', async () => {
    const el = await open(env.office.admin, 'Settings', 'settings');
    await settled(el);
    const id = `baths-${run}`;
    type(el, '#new-service-id', id);
    type(el, '#new-service-name', `Baths ${run}`);
    await choose(el, '#new-service-category', 'health');
    button(el, 'Add the service').click();
    await waitUntil(() => maybe(el, `#service-${id}-pl`), 'the service has no Polish name field', { timeout: 15_000 });
    // The office council speaks English (its default) and Polish: one field each, labelled by the language, in a group named by the service.
    const group = $(el, `#service-${id}`).closest('fieldset')!;
    expect(text(group.querySelector('legend'))).to.equal(`Baths ${run}`);
    expect([...group.querySelectorAll('label')].map(text)).to.deep.equal(['Name (English)', 'Name (Polski)']);
    expect($(el, `#service-${id}-pl`).getAttribute('lang')).to.equal('pl');
    expect($<HTMLInputElement>(el, `#service-${id}-pl`).value).to.equal('');
    type(el, `#service-${id}-pl`, `Łaźnie ${run}`);
    const rename = () => (group.querySelector('button') as HTMLButtonElement).click();
    rename();
    const saved = async (name: Record<string, string>) => {
      await waitUntil(async () => JSON.stringify((await api<ServiceList>('services?limit=100')).items.find((s) => s.id === id)?.name) === JSON.stringify(name), `not saved as ${JSON.stringify(name)}`, { timeout: 15_000 });
    };
    await saved({ en: `Baths ${run}`, pl: `Łaźnie ${run}` });
    await waitUntil(() => maybe(el, '#service-saved'), 'not said to be saved');
    await expect(el).to.be.accessible();
    type(el, `#service-${id}-pl`, '  ');
    rename();
    await saved({ en: `Baths ${run}` });
  });
});

describe('<cocreate-console> embed builder', () => {
  it('builds the snippet from the chosen element and attributes, with the loader and its integrity hash', async () => {
    const el = await open(env.office.editor, 'Embed', 'embed');
    await waitUntil(() => maybe(el, '#embed-snippet'), 'no snippet', { timeout: 15_000 });
    await choose(el, '#embed-tag', 'you-said-we-did');
    await choose(el, '#embed-status', 'planned');
    await choose(el, '#embed-heading-level', '3');
    const snippet = $<HTMLTextAreaElement>(el, '#embed-snippet').value;
    const lines = snippet.split('\n');
    expect(lines).to.have.length(3);
    expect(lines[0]).to.match(/^<link rel="stylesheet" href="[^"]+\/cdn\/v\d+\.\d+\.\d+[^"]*\/civicloop\.css" integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous">$/);
    expect(lines[1]).to.match(/^<script type="module" src="[^"]+\/cdn\/v[^"]+\/civicloop\.js" integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous" blocking="render"><\/script>$/);
    expect(lines[2]).to.equal(`<you-said-we-did council="${env.office.council}" status="planned" heading-level="3"></you-said-we-did>`);
    // The live preview is the real element, inert.
    const preview = $(el, '.embed-preview');
    expect(preview.hasAttribute('inert')).to.equal(true);
    expect(preview.querySelector('you-said-we-did')?.getAttribute('status')).to.equal('planned');
    await expect(el).to.be.accessible();
  });

  it('warns about a page whose origin may not embed the council; an editor is offered no button they may not use, and told whom to ask', async () => {
    const el = await open(env.office.editor, 'Embed', 'embed');
    await waitUntil(() => maybe(el, '#embed-snippet'), 'no snippet', { timeout: 15_000 });
    await choose(el, '#embed-page', 'not an address');
    await waitUntil(() => maybe(el, '#embed-origin-invalid'), 'an invalid address was not said');
    await choose(el, '#embed-page', `https://elsewhere-${run}.example/page`);
    await waitUntil(() => maybe(el, '#embed-origin-warning'), 'no warning', { timeout: 15_000 });
    expect(text($(el, '#embed-origin-warning-title'))).to.equal(`https://elsewhere-${run}.example may not embed this council yet`);
    await expect(el).to.be.accessible();
    expect(text($(el, '#embed-origin-warning'))).to.include('On that page, the element would tell residents that it cannot send anything.');
    // Once the role is known (asked when the view opens).
    await waitUntil(() => maybe(el, '#embed-ask-admin'), 'the editor is not told whom to ask', { timeout: 15_000 });
    expect(text($(el, '#embed-ask-admin'))).to.equal('Only an administrator can allow the address: ask one.');
    expect(all(el, '#embed-origin-warning button'), 'no "Allow" for an editor: the API would refuse it').to.have.length(0);
    expect((await api<CouncilSettings>('staff/settings')).origins).to.not.include(`https://elsewhere-${run}.example`);
  });
});

describe('<cocreate-console> embed builder without a contact bank', () => {
  it('offers the contact bank sign-up only to a council that runs a bank, and says why it is missing', async () => {
    const offered = (el: CocreateConsole) => all(el, '#embed-tag option').map((o) => o.getAttribute('value'));
    let el = await open(env.office.editor, 'Embed', 'embed');
    await waitUntil(() => maybe(el, '#embed-snippet'), 'no snippet', { timeout: 15_000 });
    expect(offered(el), 'a council with a bank').to.include('contact-bank-signup');
    expect(maybe(el, '#embed-contact-bank-url'), 'the form may link to the bank').to.not.equal(null);
    expect(maybe(el, '#embed-no-bank')).to.equal(null);
    cleanUp();

    el = await signedIn({ api: env.apiUrl, council: env.desk.council, token: env.desk.editor });
    await view(el, 'Embed', 'embed');
    await waitUntil(() => maybe(el, '#embed-snippet'), 'no snippet', { timeout: 15_000 });
    expect(offered(el), 'the desk council has no bank').to.deep.equal(['', 'cocreate-feedback', 'you-said-we-did']);
    expect(maybe(el, '#embed-contact-bank-url'), 'no link to a bank that does not exist').to.equal(null);
    expect(text($(el, '#embed-no-bank'))).to.equal('The contact bank sign-up is not offered: this council has no contact bank.');
    expect($<HTMLTextAreaElement>(el, '#embed-snippet').value).to.not.include('contact-bank');
    await expect(el).to.be.accessible();
  });
});

describe('<cocreate-console> assisted entry', () => {
  it('an editor records what a resident said by phone; the inbox has it, with its channel', async () => {
    const el = await signedIn({ api: env.apiUrl, council: env.office.council, token: env.office.editor });
    await view(el, 'Record input', 'record');
    const form = $(el, '#record cocreate-feedback');
    const inner = (selector: string) => form.shadowRoot?.querySelector<HTMLElement>(selector);
    await waitUntil(() => inner('form #text') && inner('#channel'), 'the staff form did not render', { timeout: 15_000 });
    await expect(el).to.be.accessible();
    const words = `Called about the library hours (${run})`;
    const channel = inner('#channel') as HTMLSelectElement;
    channel.value = 'phone';
    channel.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    inner('input[name="kind"][value="question"]')!.click();
    const textarea = inner('#text') as HTMLTextAreaElement;
    textarea.value = words;
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await (form as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    inner('button[type="submit"]')!.click();
    await waitUntil(() => inner('[part~="receipt-code"]'), 'no receipt code', { timeout: 15_000 });
    const inbox = await api<{ items: { text: string; channel: string; receipt: string }[] }>(`staff/feedback?q=${encodeURIComponent(run)}`);
    const found = inbox.items.find((i) => i.text === words);
    expect(found?.channel).to.equal('phone');
    expect(found?.receipt).to.equal(text(inner('[part~="receipt-code"]')));
  });
});

describe('<cocreate-console> assisted entry and the council’s note to residents', () => {
  it('staff recording input are not shown "What happens with your message"; the public form still is', async () => {
    // The test council has the note; its editor's token is the suites' staffToken.
    const t = (await (await fetch('/__test-env.json')).json()) as { council: string; staffToken: string };
    const el = await signedIn({ api: env.apiUrl, council: t.council, token: t.staffToken });
    await view(el, 'Record input', 'record');
    const form = $(el, '#record cocreate-feedback');
    const inner = (selector: string) => form.shadowRoot?.querySelector<HTMLElement>(selector);
    await waitUntil(() => inner('#channel') && inner('[part~="input-use"]'), 'the staff form did not render with the council’s texts', { timeout: 15_000 });
    expect(inner('form')!.innerText).to.not.include('What happens with your message');
    expect(inner('form')!.innerText).to.not.include('A person in the service team reads every message within a week.');
    await expect(el).to.be.accessible();
    cleanUp();

    const resident = await fixture<HTMLElement>(html`<cocreate-feedback api=${env.apiUrl} council=${t.council} lang="en"></cocreate-feedback>`);
    await waitUntil(() => resident.shadowRoot?.querySelector('[part~="input-use"]'), 'the public form has no note', { timeout: 15_000 });
    expect(resident.shadowRoot!.querySelector<HTMLElement>('form')!.innerText).to.include('What happens with your message');
  });
});

describe('<cocreate-console> loop figures', () => {
  it('shows the figures the API gives, drawn by month, service and channel, each with its table', async () => {
    // An input by email, answered personally: the figures have something answered to show.
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${env.directApiUrl}/v1/councils/${env.office.council}/${path}`, { method: 'POST', headers: { authorization: `Bearer ${env.office.editor}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).to.equal(201);
      return (await res.json()) as { id: string };
    };
    const input = await post('staff/feedback', { kind: 'idea', channel: 'email', service: 'libraries', text: `Longer opening hours (${run})` });
    await post(`staff/feedback/${input.id}/replies`, { text: 'Thank you: from May, the library opens until 20:00.' });

    const el = await signedIn({ api: env.apiUrl, council: env.office.council, token: env.office.editor });
    await view(el, 'Loop figures', 'figures');
    await waitUntil(() => maybe(el, '#figures-totals'), 'the figures did not load', { timeout: 15_000 });
    const stats = await api<{ received: number; byChannel: { channel: string; received: number }[]; byService: { service: string | null }[]; byMonth: unknown[] }>('stats');
    const totals = Object.fromEntries(all(el, '#figures-totals > div').map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]));
    expect(totals['Received']).to.equal(String(stats.received));
    for (const [id, rows] of [['figures-month', stats.byMonth.length], ['figures-service', stats.byService.length], ['figures-channel', stats.byChannel.length]] as const) {
      const group = $(el, `[aria-labelledby="${id}-title"]`);
      expect(group.querySelector('[role="img"]')?.getAttribute('aria-label'), id).to.be.a('string').and.not.equal('');
      expect(group.querySelectorAll('tbody tr').length, id).to.equal(rows);
    }
    // Services and channels are named beside their bars (a sighted reader tells them apart without the table), with the share written out.
    for (const id of ['figures-service', 'figures-channel']) {
      const group = $(el, `[aria-labelledby="${id}-title"]`);
      const bars = [...group.querySelectorAll('.share-bar')].map((b) => [text(b.firstElementChild), text(b.querySelector('.share'))]);
      const table = [...group.querySelectorAll('tbody tr')].map((r) => [text(r.querySelector('th')), text(r.querySelector('td:last-child'))]);
      expect(bars, id).to.deep.equal(table);
    }
    const channelRows = all(el, '[aria-labelledby="figures-channel-title"] tbody th').map(text);
    expect(channelRows).to.include('Email');
    const serviceRows = all(el, '[aria-labelledby="figures-service-title"] tbody th').map(text);
    expect(serviceRows).to.include('Libraries');
    await expect(el).to.be.accessible();

    // A period ending before it starts is said on the field, and nothing is asked.
    type(el, '#figures-from', '2026-05-01');
    type(el, '#figures-to', '2026-04-01');
    button(el, 'Show the figures').click();
    await el.updateComplete;
    expect($(el, '#figures-to').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});

describe('<cocreate-console> contact bank', () => {
  it('searches the bank, prepares every match as CSV, and shows its reach; the search is in the audit log', async () => {
    const el = await signedIn({ api: env.apiUrl, council: env.office.council, token: env.office.editor });
    await view(el, 'Contact bank', 'bank');
    await waitUntil(() => (maybe(el, '#bank-contacts') || maybe(el, '#bank-empty')) && maybe(el, '#bank-active'), 'the bank view did not load', { timeout: 15_000 });
    const reach = await api<{ active: number; threshold: number }>('staff/contacts/reach');
    expect(text($(el, '#bank-active'))).to.include(`Active contacts: ${reach.active}.`);
    await expect(el).to.be.accessible();

    await choose(el, '#bank-format', 'workshop');
    await choose(el, '#bank-purpose', 'invitations');
    button(el, 'Search').click();
    // The search with its filters reaches the API, which records it in the audit log.
    const lastSearch = async () => ((await api<{ items: { after: { filters: Record<string, string> } }[] }>('staff/audit?action=contact.search&limit=1')).items[0]?.after.filters ?? {});
    await waitUntil(async () => (await lastSearch())['format'] === 'workshop', 'the filtered search was not made', { timeout: 15_000 });
    expect(await lastSearch()).to.deep.include({ format: 'workshop', purpose: 'invitations' });
    await waitUntil(() => maybe(el, '#bank-contacts') || maybe(el, '#bank-empty'), 'the search did not settle', { timeout: 15_000 });

    button(el, 'Prepare a CSV of every match').click();
    await waitUntil(() => maybe(el, '#bank-csv'), 'no CSV to save', { timeout: 15_000 });
    const link = $<HTMLAnchorElement>(el, '#bank-csv');
    expect(link.download).to.equal('contacts.csv');
    const csv = await (await fetch(link.href)).text();
    // A byte-order mark first, so spreadsheet programs read it as UTF-8.
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).to.match(/^id,kind,organisation,district,/);
    await expect(el).to.be.accessible();
  });
});
