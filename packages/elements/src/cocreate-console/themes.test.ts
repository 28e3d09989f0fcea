// <cocreate-console>'s themes work in real browsers against the real reference server (the
// "desk" council of tests/support/browser-env.ts): linking inputs to a new and to an existing
// theme, the themes view (editing, a timeline update, the preview by the real <you-said-we-did>
// in two languages, publishing), the audit log view and the inbox's keyboard shortcuts. What the
// console changes is checked through the API and the public element, never only on screen. The
// tests of the journey run in order: each takes up the theme the one before made.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { waitUntil } from '../kit/testing/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { StaffTheme } from '@civicloop/contract';
import { tokenKey } from '../stores/console.js';
import { typeKeys } from '../kit/testing/keys.js';
import '../you-said-we-did/you-said-we-did.js';
import type { CocreateConsole } from './cocreate-console.js';
import { $, active, all, button, choose, maybe, status, text, type, view, councilApi } from './console-testing.js';

interface TestEnv {
  apiUrl: string;
  directApiUrl: string;
  desk: { council: string; editor: string; admin: string; services: { id: string }[] };
}

let env: TestEnv;
const marker = `themes${Math.random().toString(36).slice(2, 10)}`;
const title = `${marker} Street lamps`;
const inputs: { id: string; receipt: string }[] = [];

const staff = <T>(method: string, path: string, body?: unknown, token = env.desk.admin) => councilApi<T>(env.desk.council, token, method, path, body);
const themeNamed = async (name: string) => (await staff<{ items: StaffTheme[] }>('GET', 'staff/themes?limit=100')).items.find((t) => t.title === name);

before(async () => {
  env = (await (await fetch('/__test-env.json')).json()) as TestEnv;
  // Oldest first: the list shows the last one first.
  for (const text of ['the lamp on Oak Road is out', 'dark corner by the station', 'lamp flickers on Elm Street'])
    inputs.push(await staff('POST', 'staff/feedback', { kind: 'problem', channel: 'phone', text: `${marker} ${text}`, service: env.desk.services[0]!.id }, env.desk.editor));
});

afterEach(() => {
  fixtureCleanup();
  sessionStorage.clear();
});

const items = (el: CocreateConsole) => all(el, '#inbox [part~="item"] .item-text').map(text);

async function signedIn(token: string): Promise<CocreateConsole> {
  sessionStorage.setItem(tokenKey(env.apiUrl, env.desk.council), token);
  const wrapper = await fixture<HTMLElement>(html`<main><cocreate-console api=${env.apiUrl} council=${env.desk.council} heading-level="1" lang="en"></cocreate-console></main>`);
  const el = wrapper.querySelector('cocreate-console')!;
  await waitUntil(() => maybe(el, '#inbox [part~="item"], #empty'), 'the inbox did not load', { timeout: 15_000 });
  // Only this run's messages.
  type(el, '#q', marker);
  button(el, 'Search').click();
  await el.updateComplete;
  await waitUntil(() => items(el).length === inputs.length && items(el).every((t) => t.includes(marker)), 'the search did not settle', { timeout: 15_000 });
  return el;
}

async function openTheme(el: CocreateConsole): Promise<void> {
  await view(el, 'Themes', 'themes');
  await waitUntil(() => all(el, '#themes [part~="item"]').some((b) => text(b).includes(title)), 'the theme is not listed', { timeout: 15_000 });
  await expect(el).to.be.accessible();
  all(el, '#themes [part~="item"]').find((b) => text(b).includes(title))!.click();
  await waitUntil(() => active(el)?.id === 'theme-editor', 'the editor did not take focus', { timeout: 15_000 });
}

/** The preview's <you-said-we-did>, once it has rendered the card. */
async function preview(el: CocreateConsole) {
  const public_ = $(el, '.preview-frame you-said-we-did');
  await waitUntil(() => public_.shadowRoot?.querySelector('[part~="card"]'), 'the preview did not render', { timeout: 15_000 });
  return public_;
}

describe('<cocreate-console> themes', () => {
  let themeId = '';

  it('links two messages to a new theme, then a third to it as an existing one', async () => {
    const el = await signedIn(env.desk.editor);
    // The newest two: Elm Street and the station.
    $<HTMLInputElement>(el, '#pick-0').click();
    $<HTMLInputElement>(el, '#pick-1').click();
    await el.updateComplete;
    expect(text($(el, '#selection-count'))).to.equal('Selected: 2');
    button(el, 'Link to a theme…').click();
    await waitUntil(() => active(el)?.id === 'link-panel', 'the panel did not take focus', { timeout: 15_000 });
    await expect(el).to.be.accessible();
    // Escape closes the panel, focus back on the button that opened it; the selection stays.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !maybe(el, '#link-panel') && active(el)?.id === 'link-open', 'Escape did not close the panel');
    expect(text($(el, '#selection-count'))).to.equal('Selected: 2');
    button(el, 'Link to a theme…').click();
    await waitUntil(() => active(el)?.id === 'link-panel', 'the panel did not take focus again', { timeout: 15_000 });

    await waitUntil(() => maybe(el, '#link-theme'), 'the themes to choose from did not load', { timeout: 15_000 });
    expect($<HTMLSelectElement>(el, '#link-theme').value, 'a new theme by default').to.equal('');
    // An empty title is refused before anything is sent, on the field.
    button(el, 'Link').click();
    await waitUntil(() => maybe(el, '#link-title-error'), 'no error for an empty title');
    expect(active(el)?.id).to.equal('link-title');
    type(el, '#link-title', title);
    type(el, '#link-you-said', 'Street lamps are out or flicker in several streets.');
    // The council's services to choose from, "No service" first; the new theme is about the second.
    expect(all(el, '#link-service option').map(text)).to.deep.equal(['No service', 'Parks', 'Street lighting']);
    await choose(el, '#link-service', env.desk.services[1]!.id);
    button(el, 'Link').click();
    await waitUntil(() => maybe(el, '#link-done'), 'no confirmation', { timeout: 15_000 });
    expect(text($(el, '#link-done-title'))).to.equal(`Messages linked to “${title}”: 2`);

    const created = await themeNamed(title);
    expect(created, 'the theme exists').to.not.equal(undefined);
    themeId = created!.id;
    expect(created!.state).to.equal('draft');
    expect(created!.locale).to.equal('en');
    expect(created!.service, 'the service chosen').to.equal(env.desk.services[1]!.id);
    expect([...created!.feedbackIds].sort()).to.deep.equal([inputs[2]!.id, inputs[1]!.id].sort());

    // The oldest one, to the existing theme: chosen from the list of themes.
    $<HTMLInputElement>(el, '#pick-2').click();
    await el.updateComplete;
    button(el, 'Link to a theme…').click();
    await waitUntil(() => all(el, '#link-theme option').some((o) => o.getAttribute('value') === themeId), 'the theme is not offered', { timeout: 15_000 });
    await choose(el, '#link-theme', themeId);
    button(el, 'Link').click();
    await waitUntil(() => maybe(el, '#link-done') && text($(el, '#link-done')).includes(': 1'), 'no confirmation', { timeout: 15_000 });
    expect([...(await themeNamed(title))!.feedbackIds].sort()).to.deep.equal(inputs.map((i) => i.id).sort());
    // The inbox shows the new links without asking again.
    $(el, '#item-2').click();
    await waitUntil(() => maybe(el, '#pane-themes'), 'the pane did not open', { timeout: 15_000 });
    // The pane names the linked theme by its title, a link to it in the themes view.
    expect(text($(el, '#pane-themes'))).to.equal(title);
    await expect(el).to.be.accessible();
    button(el, title).click();
    await waitUntil(() => maybe<HTMLInputElement>(el, '#theme-title')?.value === title, 'the theme did not open', { timeout: 15_000 });
    expect($(el, '#nav-themes').getAttribute('aria-current')).to.equal('page');
  });

  it('edits the theme and adds a timeline update', async () => {
    expect(themeId, 'the theme of the test before').to.not.equal('');
    const el = await signedIn(env.desk.editor);
    // A console that has not shown its themes yet names a message's theme too.
    $(el, '#item-0').click();
    await waitUntil(() => text(maybe(el, '#pane-themes')) === title, 'the pane does not name the theme', { timeout: 15_000 });
    await openTheme(el);
    expect($<HTMLInputElement>(el, '#theme-title').value).to.equal(title);
    expect($<HTMLSelectElement>(el, '#theme-service').value, 'the service it was made with').to.equal(env.desk.services[1]!.id);
    expect(text($(el, '#theme-editor .hint'))).to.include('Parks');
    await expect(el).to.be.accessible();

    // "You said" emptied: refused on the field, focus there.
    type(el, '#theme-youSaid', '  ');
    button(el, 'Save the theme').click();
    await waitUntil(() => maybe(el, '#theme-youSaid-error'), 'no error for an empty "you said"');
    expect(active(el)?.id).to.equal('theme-youSaid');

    type(el, '#theme-youSaid', 'Street lamps are out or flicker in several streets.');
    type(el, '#theme-weDid', 'We are replacing the lamps on <b>Elm Street</b> first.');
    await choose(el, '#theme-status', 'planned');
    type(el, '#theme-statusReason', 'The contractor starts in March.');
    await choose(el, '#theme-service', env.desk.services[0]!.id);
    button(el, 'Save the theme').click();
    await waitUntil(() => status(el) === 'Theme saved.', 'not saved', { timeout: 15_000 });
    expect(text(maybe(el, '#theme-saved')), 'seen beside the button too').to.equal('Theme saved.');
    const saved = (await themeNamed(title))!;
    expect(saved.weDid).to.equal('We are replacing the lamps on <b>Elm Street</b> first.');
    expect(saved.status).to.equal('planned');
    expect(saved.statusReason).to.equal('The contractor starts in March.');
    expect(saved.service, 'the service changed').to.equal(env.desk.services[0]!.id);

    type(el, '#update-text', 'The first ten lamps are ordered.');
    button(el, 'Add the update').click();
    await waitUntil(() => status(el) === 'Update added to the timeline.', 'no update', { timeout: 15_000 });
    const updated = (await themeNamed(title))!;
    expect(updated.timeline.map((u) => u.text)).to.deep.equal(['The first ten lamps are ordered.']);
    expect(text($(el, '.timeline ol'))).to.include('The first ten lamps are ordered.');
    expect(maybe(el, 'b'), 'staff text is text').to.equal(null);
    await expect(el).to.be.accessible();
    // The list names the theme's service.
    button(el, 'Back to the themes').click();
    await waitUntil(() => all(el, '#themes [part~="item"]').some((b) => text(b).includes(title)), 'the theme is not listed', { timeout: 15_000 });
    expect(text(all(el, '#themes [part~="item"]').find((b) => text(b).includes(title)))).to.include('Street lighting');
  });

  it('previews the theme with the real <you-said-we-did>, in two of the council’s languages', async () => {
    const el = await signedIn(env.desk.editor);
    await openTheme(el);
    let card = await preview(el);
    const shown = () => text(card.shadowRoot!.querySelector('[part~="card"]'));
    expect(shown()).to.include(title);
    expect(shown()).to.include('You said');
    expect(shown()).to.include('We are replacing the lamps on <b>Elm Street</b> first.');
    expect(shown(), 'the timeline, open').to.include('The first ten lamps are ordered.');
    expect(card.shadowRoot!.querySelector('b'), 'staff text is text in the preview too').to.equal(null);
    // Its service named, as the public list names it.
    await waitUntil(() => text(card.shadowRoot!.querySelector('[part~="card"] .meta')).includes('Street lighting'), `the preview names no service: "${text(card.shadowRoot!.querySelector('[part~="card"] .meta'))}"`, { timeout: 15_000 });
    await expect(el).to.be.accessible();

    await choose(el, '#preview-locale', 'pl');
    await waitUntil(() => shown().includes('Powiedzieliście'), 'the preview is not in Polish', { timeout: 15_000 });
    expect(card.getAttribute('lang')).to.equal('pl');
    expect(shown(), 'the theme’s own text stays as written').to.include(title);
    expect(shown(), 'its service by its Polish name').to.include('Oświetlenie ulic');
    await choose(el, '#preview-locale', 'de');
    card = await preview(el);
    await waitUntil(() => shown().includes('Sie sagten'), 'the preview is not in German', { timeout: 15_000 });
  });

  it('an editor may not publish; an admin publishes after confirming, and the public element and receipt show it', async () => {
    let el = await signedIn(env.desk.editor);
    await openTheme(el);
    // An editor is told who publishes, with no "Publish…" that the API would only refuse.
    await waitUntil(() => !maybe(el, '#publish'), 'an editor is offered "Publish…"', { timeout: 15_000 });
    expect(text($(el, '#publish-who'))).to.equal('Only administrators can publish.');
    expect(maybe(el, '#inbox, #themes'), 'still signed in').to.not.equal(null);
    expect((await themeNamed(title))!.state).to.equal('draft');
    fixtureCleanup();
    sessionStorage.clear();

    el = await signedIn(env.desk.admin);
    await openTheme(el);
    // An admin is not told that only administrators publish.
    await waitUntil(() => maybe(el, '#publish') && !maybe(el, '#publish-who'), 'an admin is told only administrators publish', { timeout: 15_000 });
    button(el, 'Publish…').click();
    await waitUntil(() => active(el)?.id === 'publish-confirm', 'the confirmation did not take focus');
    expect(text($(el, '#confirm-text'))).to.include('its 3 linked messages become answered');
    await expect(el).to.be.accessible();
    // Cancel (or Escape) goes back, focus on "Publish…"; nothing is published.
    button(el, 'Cancel').click();
    await waitUntil(() => active(el)?.id === 'publish', 'focus did not go back');
    button(el, 'Publish…').click();
    await waitUntil(() => active(el)?.id === 'publish-confirm', 'the confirmation did not take focus');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => active(el)?.id === 'publish' && !maybe(el, '#publish-confirm'), 'Escape did not take the question back');
    expect((await themeNamed(title))!.state).to.equal('draft');
    button(el, 'Publish…').click();
    await el.updateComplete;
    button(el, 'Yes, publish').click();
    await waitUntil(() => maybe(el, '#published'), 'not published', { timeout: 15_000 });
    expect(active(el)?.id).to.equal('published');
    expect((await themeNamed(title))!.state).to.equal('published');
    await expect(el).to.be.accessible();

    // The public side: the list and the receipt of a linked input.
    const publicList = await fixture<HTMLElement>(html`<you-said-we-did api=${env.apiUrl} council=${env.desk.council} lang="en"></you-said-we-did>`);
    await waitUntil(() => [...(publicList.shadowRoot?.querySelectorAll('[part~="card"]') ?? [])].some((c) => text(c).includes(title)), 'not in the public list', { timeout: 15_000 });
    const receipt = (await (await fetch(`${env.directApiUrl}/v1/councils/${env.desk.council}/feedback/${inputs[0]!.receipt}`)).json()) as { status: string; theme?: { title: string } };
    expect(receipt.status).to.equal('answered');
    expect(receipt.theme?.title).to.equal(title);
    // Listed publicly under its service (the one the console gave it), and not under the other.
    const publicTitles = async (service: string) => ((await (await fetch(`${env.directApiUrl}/v1/councils/${env.desk.council}/themes?service=${service}&limit=100`, { cache: 'no-store' })).json()) as { items: { title: string }[] }).items.map((t) => t.title);
    expect(await publicTitles(env.desk.services[0]!.id)).to.include(title);
    expect(await publicTitles(env.desk.services[1]!.id)).to.not.include(title);
    // The inbox was asked again: the linked messages are answered there too.
    await view(el, 'Inbox', 'inbox');
    await waitUntil(() => all(el, '#inbox [part~="item"] .item-meta').every((m) => text(m).includes('Answered')), 'the inbox still shows them unanswered', { timeout: 15_000 });
  });

  it('an editor sees the published theme but may not change it or its status, and is told why; an admin may', async () => {
    // What the API refuses an editor on a published theme (an update that keeps the status it allows).
    const fields = ['#theme-title', '#theme-youSaid', '#theme-weDid', '#theme-status', '#theme-statusReason', '#theme-locale', '#theme-service', '#update-status'];
    let el = await signedIn(env.desk.editor);
    await openTheme(el);
    const why = 'This theme is published: only administrators can change it or its status. You can add an update to its timeline.';
    await waitUntil(() => text(maybe(el, '#theme-locked')) === why, 'an editor is not told why the theme cannot be changed', { timeout: 15_000 });
    expect(fields.filter((f) => !$(el, f).matches(':disabled')), 'offered to an editor').to.deep.equal([]);
    expect($(el, '.theme-form').getAttribute('aria-describedby')).to.equal('theme-locked');
    expect(all(el, 'button').map(text), 'no save the API would refuse').to.not.include('Save the theme');
    expect($(el, '#update-text').matches(':disabled')).to.equal(false);
    expect(all(el, 'button').map(text)).to.include('Add the update');
    await expect(el).to.be.accessible();
    fixtureCleanup();
    sessionStorage.clear();

    el = await signedIn(env.desk.admin);
    await openTheme(el);
    expect(maybe(el, '#theme-locked')).to.equal(null);
    expect(fields.filter((f) => $(el, f).matches(':disabled')), 'withheld from an admin').to.deep.equal([]);
    expect(all(el, 'button').map(text)).to.include('Save the theme');
  });

  it('an editor’s change of a theme published meanwhile is refused, said once, in the form, and changes nothing', async () => {
    const raced = await staff<StaffTheme>('POST', 'staff/themes', { title: `${marker} Benches`, youSaid: 'Benches are broken.', locale: 'en' });
    const el = await signedIn(env.desk.editor);
    await view(el, 'Themes', 'themes');
    await waitUntil(() => all(el, '#themes [part~="item"]').some((b) => text(b).includes(raced.title)), 'the theme is not listed', { timeout: 15_000 });
    all(el, '#themes [part~="item"]').find((b) => text(b).includes(raced.title))!.click();
    await waitUntil(() => active(el)?.id === 'theme-editor', 'the editor did not take focus', { timeout: 15_000 });
    // A draft when opened; an admin publishes it while the editor types.
    await staff('POST', `staff/themes/${raced.id}/publish`);
    type(el, '#theme-title', `${raced.title} (changed)`);
    button(el, 'Save the theme').click();
    const refusal = 'Your role may not do this: ask an administrator.';
    await waitUntil(() => text(maybe(el, '.theme-form [role="alert"]')) === refusal, 'the refusal is not said', { timeout: 15_000 });
    await el.updateComplete;
    // Said by one live region: the form's alert, not the status region as well.
    expect(all(el, '[role="status"], [role="alert"]').filter((r) => text(r).includes(refusal))).to.have.length(1);
    expect(maybe(el, '#inbox, #themes'), 'still signed in').to.not.equal(null);
    expect((await themeNamed(raced.title))?.state, 'unchanged').to.equal('published');
  });

  it('the audit log lists those actions, by action, with before and after; an editor is told it is for admins', async () => {
    let el = await signedIn(env.desk.admin);
    await view(el, 'Audit log', 'audit');
    await waitUntil(() => maybe(el, '.entries') || maybe(el, '#audit-error'), 'the log did not load', { timeout: 15_000 });
    await expect(el).to.be.accessible();
    const entriesFor = () => all(el, '.entry').filter((e) => text(e).includes(themeId));

    await choose(el, '#audit-action', 'theme.publish');
    await waitUntil(() => entriesFor().length === 1, 'no publish entry', { timeout: 15_000 });
    expect(text(entriesFor()[0]!.querySelector('h2, h3'))).to.equal('Theme published');
    expect(text(entriesFor()[0])).to.include('By console admin (administrator)');

    await choose(el, '#audit-action', 'theme.update');
    await waitUntil(() => entriesFor().length === 1, 'no update entry', { timeout: 15_000 });
    const changes = text(entriesFor()[0]!.querySelector('table'));
    expect(changes).to.include('weDid');
    expect(changes).to.include('We are replacing the lamps on <b>Elm Street</b> first.');
    expect(changes).to.include('planned');
    expect(text(entriesFor()[0])).to.include('By console tests (editor)');

    // Paged: more entries than one page (20) of one action, the next page by "Load more".
    for (let i = 0; i < 21; i++) await staff('POST', 'staff/feedback', { kind: 'idea', channel: 'paper', text: `audit filler ${i}` }, env.desk.editor);
    await choose(el, '#audit-action', 'feedback.create');
    await waitUntil(() => all(el, '.entry').length === 20, 'the first page', { timeout: 15_000 });
    expect(all(el, '.entry').every((e) => text(e.querySelector('h2, h3')) === 'Message recorded')).to.equal(true);
    button(el, 'Load more').click();
    await waitUntil(() => all(el, '.entry').length > 20, 'the next page', { timeout: 15_000 });
    await el.updateComplete;
    expect(active(el)?.id, 'focus on the first new entry').to.equal('entry-20');

    for (const action of ['theme.create', 'theme.add-update']) {
      await choose(el, '#audit-action', action);
      await waitUntil(() => entriesFor().length === 1, `no ${action} entry`, { timeout: 15_000 });
    }
    await choose(el, '#audit-action', 'feedback.update');
    await waitUntil(() => all(el, '.entry').some((e) => text(e).includes(inputs[0]!.id)), 'no link entry for the third input', { timeout: 15_000 });
    await expect(el).to.be.accessible();
    fixtureCleanup();
    sessionStorage.clear();

    el = await signedIn(env.desk.editor);
    await view(el, 'Audit log', 'audit');
    await waitUntil(() => maybe(el, '#audit-error'), 'no refusal', { timeout: 15_000 });
    expect(text($(el, '#audit-error'))).to.include('Your role may not do this: ask an administrator.');
    expect(maybe(el, '[part~="session"]'), 'still signed in').to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<cocreate-console> inbox date filter', () => {
  it('shows messages received from and until a day (UTC), and says when none match', async () => {
    const el = await signedIn(env.desk.editor);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const pick = async (selector: string, value: string) => {
      const input = $<HTMLInputElement>(el, selector);
      input.value = value;
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await el.updateComplete;
    };
    // Recorded by this run's `before`: today, or yesterday in a run that straddles midnight UTC.
    await pick('#filter-from', day(1));
    await waitUntil(() => maybe(el, '#empty'), 'messages received from tomorrow', { timeout: 15_000 });
    expect(text($(el, '#empty'))).to.equal('No messages match');
    await pick('#filter-from', day(-1));
    await pick('#filter-to', day(1));
    await waitUntil(() => items(el).length === inputs.length, 'the messages of today are not shown', { timeout: 15_000 });
    // The wrong way round: said on the field, nothing asked.
    await pick('#filter-to', day(-2));
    expect(text($(el, '#filter-to-error'))).to.equal('Error: Choose an end day on or after the start day');
    expect($(el, '#filter-to').getAttribute('aria-invalid')).to.equal('true');
    expect(items(el)).to.have.length(inputs.length);
    await pick('#filter-from', '');
    expect(maybe(el, '#filter-to-error')).to.equal(null);
    await waitUntil(() => maybe(el, '#empty'), 'messages received until the day before yesterday', { timeout: 15_000 });
    expect($(el, 'label[for="filter-to"]').textContent?.trim()).to.equal('Received until');
    await expect(el).to.be.accessible();
  });
});

describe('<cocreate-console> keyboard shortcuts', () => {
  it('j/k move, x selects, o opens, s and r go to the pane’s forms, ? shows the list; never while typing; can be turned off', async () => {
    const el = await signedIn(env.desk.editor);
    $(el, '#item-0').focus();
    await sendKeys({ press: 'j' });
    expect(active(el)?.id).to.equal('item-1');
    await sendKeys({ press: 'j' });
    await sendKeys({ press: 'j' });
    expect(active(el)?.id, 'stops at the last').to.equal('item-2');
    await sendKeys({ press: 'k' });
    expect(active(el)?.id).to.equal('item-1');

    await sendKeys({ press: 'x' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#pick-1').checked).to.equal(true);
    expect(text($(el, '#selection-count'))).to.equal('Selected: 1');
    // The tick is another control than the focused message: a screen reader hears the count.
    await waitUntil(() => status(el) === 'Selected: 1', 'x was not announced');
    expect(active(el)?.id, 'focus stays on the message').to.equal('item-1');

    await sendKeys({ press: 'o' });
    await waitUntil(() => active(el)?.id === 'pane', 'o did not open the message');
    expect(text($(el, '#pane .text'))).to.equal(items(el)[1]);

    $(el, '#item-0').focus();
    await sendKeys({ press: 's' });
    await waitUntil(() => active(el)?.id === 'new-status', 's did not go to the status');
    expect(text($(el, '#pane .text'))).to.equal(items(el)[0]);
    $(el, '#item-0').focus();
    await sendKeys({ press: 'r' });
    await waitUntil(() => active(el)?.id === 'reply', 'r did not go to the reply');
    // Typing in the reply is typing: no shortcut fires.
    await typeKeys('jkx');
    expect($<HTMLTextAreaElement>(el, '#reply').value).to.equal('jkx');
    expect(active(el)?.id).to.equal('reply');

    $(el, '#item-0').focus();
    await sendKeys({ type: '?' });
    await waitUntil(() => $<HTMLDetailsElement>(el, '#shortcuts').open && active(el)?.id === 'shortcuts-summary', '? did not show the list');
    expect(text($(el, '#shortcuts dl'))).to.include('Next message');
    await expect(el).to.be.accessible();
    // "Show or hide this list": ? again, on the summary it moved to, hides it and goes back to the message, where j works again.
    await sendKeys({ type: '?' });
    await waitUntil(() => !$<HTMLDetailsElement>(el, '#shortcuts').open && active(el)?.id === 'item-0', '? did not hide the list and go back to the message');
    await sendKeys({ press: 'j' });
    await waitUntil(() => active(el)?.id === 'item-1', 'j does not work after the list was hidden');

    // Off: the keys are just keys.
    $<HTMLInputElement>(el, '#shortcuts-on').click();
    await el.updateComplete;
    expect(status(el)).to.equal('Keyboard shortcuts off.');
    $(el, '#item-0').focus();
    await sendKeys({ press: 'j' });
    expect(active(el)?.id).to.equal('item-0');
  });
});

describe('<cocreate-console> publish confirmation by count', () => {
  it('says one linked message in the singular, none without a number, and many in the plural', async () => {
    const other = `plural${Math.random().toString(36).slice(2, 10)}`;
    const made: string[] = [];
    // A draft with one linked message, one with none (neither published here).
    const one = await staff<{ id: string }>('POST', 'staff/feedback', { kind: 'idea', channel: 'phone', text: `${other} one bench more` }, env.desk.editor);
    for (const [name, ids] of [[`${other} one`, [one.id]], [`${other} none`, []]] as const) {
      await staff('POST', 'staff/themes', { title: name, youSaid: 'Benches.', locale: 'en', feedbackIds: ids });
      made.push(name);
    }
    const el = await signedIn(env.desk.admin);
    const confirmOf = async (name: string) => {
      await view(el, 'Themes', 'themes');
      await waitUntil(() => all(el, '#themes [part~="item"]').some((b) => text(b).includes(name)), `${name} is not listed`, { timeout: 15_000 });
      all(el, '#themes [part~="item"]').find((b) => text(b).includes(name))!.click();
      await waitUntil(() => active(el)?.id === 'theme-editor', 'the editor did not take focus', { timeout: 15_000 });
      button(el, 'Publish…').click();
      await waitUntil(() => active(el)?.id === 'publish-confirm', 'the confirmation did not take focus');
      const said = text($(el, '#confirm-text'));
      button(el, 'Cancel').click();
      await el.updateComplete;
      button(el, 'Back to the themes').click();
      return said;
    };
    expect(await confirmOf(made[0]!)).to.equal('Publish this theme? It becomes public at once, and its linked message becomes answered; if the resident left an address, they are emailed. It cannot be taken back.');
    expect(await confirmOf(made[1]!)).to.equal('Publish this theme? It becomes public at once; no messages are linked to it. It cannot be taken back.');
    expect((await themeNamed(made[0]!))!.state, 'nothing published').to.equal('draft');
  });
});
