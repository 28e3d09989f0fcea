// <cocreate-console> and the languages texts are written in, in real browsers against the real
// reference server (the "desk" council, eight languages): a theme linked from a Swedish message is
// Swedish (WCAG 3.1.2 then marks it right on the public page), its language can be corrected in
// the theme editor, and a Swedish console marks English texts of residents and staff `lang="en"`
// (a reply in the audit log too: in its message's language).
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { StaffFeedback, StaffTheme } from '@civicloop/contract';
import { waitUntil } from '../kit/testing/wait.js';
import { tokenKey } from '../stores/console.js';
import type { CocreateConsole } from './cocreate-console.js';
import { $, active, all, button, choose, maybe, text, type, councilApi } from './console-testing.js';

interface TestEnv {
  apiUrl: string;
  directApiUrl: string;
  desk: { council: string; editor: string; admin: string; services: { id: string }[] };
}

let env: TestEnv;
const marker = `langs${Math.random().toString(36).slice(2, 10)}`;
const swedish = `${marker} lampan på Ekvägen är trasig`;
const english = `${marker} the bench in the park is broken`;

const staff = <T>(method: string, path: string, body?: unknown, token = env.desk.admin) => councilApi<T>(env.desk.council, token, method, path, body);
const themeNamed = async (name: string) => (await staff<{ items: StaffTheme[] }>('GET', 'staff/themes?limit=100')).items.find((t) => t.title === name);
const items = (el: CocreateConsole) => all(el, '#inbox [part~="item"] .item-text');

/** The before and after cells of `field` in the audit log's entry about `subject`. */
const auditCells = (el: CocreateConsole, subject: string, field: string) => {
  const entry = all(el, '.entry').find((e) => text(e).includes(subject));
  const row = [...(entry?.querySelectorAll('tbody tr') ?? [])].find((r) => text(r.querySelector('th')) === field);
  return [...(row?.querySelectorAll('td') ?? [])];
};

before(async () => {
  env = (await (await fetch('/__test-env.json')).json()) as TestEnv;
  // Oldest first: the list shows the Swedish one first.
  await staff('POST', 'staff/feedback', { kind: 'problem', channel: 'phone', text: english, locale: 'en' }, env.desk.editor);
  await staff('POST', 'staff/feedback', { kind: 'problem', channel: 'phone', text: swedish, locale: 'sv', service: env.desk.services[1]!.id }, env.desk.editor);
});

afterEach(() => {
  fixtureCleanup();
  sessionStorage.clear();
});

/** A console in `lang`, its inbox searched for this run's messages. */
async function signedIn(token: string, lang: string, search: string): Promise<CocreateConsole> {
  sessionStorage.setItem(tokenKey(env.apiUrl, env.desk.council), token);
  const wrapper = await fixture<HTMLElement>(html`<main><cocreate-console api=${env.apiUrl} council=${env.desk.council} heading-level="1" lang=${lang}></cocreate-console></main>`);
  const el = wrapper.querySelector('cocreate-console')!;
  await waitUntil(() => maybe(el, '#inbox [part~="item"], #empty'), 'the inbox did not load', { timeout: 15_000 });
  type(el, '#q', marker);
  button(el, search).click();
  await el.updateComplete;
  await waitUntil(() => items(el).length === 2 && items(el).every((t) => text(t).includes(marker)), 'the search did not settle', { timeout: 15_000 });
  return el;
}

describe('<cocreate-console> languages', () => {
  it('links a Swedish message to a new theme written in Swedish, about its service; the editor corrects the language', async () => {
    const el = await signedIn(env.desk.editor, 'en', 'Search');
    expect(text(items(el)[0])).to.equal(swedish);
    // x then l on the Swedish message, as the shortcuts list says.
    $(el, '#item-0').focus();
    await sendKeys({ press: 'x' });
    await sendKeys({ press: 'l' });
    await waitUntil(() => active(el)?.id === 'link-panel' && maybe(el, '#link-locale'), 'the panel did not open', { timeout: 15_000 });
    // The message's own language and service, not English and none.
    expect($<HTMLSelectElement>(el, '#link-locale').value).to.equal('sv');
    expect($<HTMLSelectElement>(el, '#link-service').value).to.equal(env.desk.services[1]!.id);
    expect($(el, '#link-title').getAttribute('lang')).to.equal('sv');
    // Another language chosen: the fields take it at once, before anything is typed or sent.
    await choose(el, '#link-locale', 'da');
    expect($(el, '#link-title').getAttribute('lang')).to.equal('da');
    expect($(el, '#link-you-said').getAttribute('lang')).to.equal('da');
    const title = `${marker} Gatlampor`;
    type(el, '#link-title', title);
    type(el, '#link-you-said', 'Lampor är trasiga.');
    // Chosen after typing, and sent without another render in between.
    await choose(el, '#link-locale', 'sv');
    button(el, 'Link').click();
    await waitUntil(() => maybe(el, '#link-done'), 'no confirmation', { timeout: 15_000 });
    const created = (await themeNamed(title))!;
    expect(created.locale, 'the language chosen').to.equal('sv');
    expect(created.service, 'the message’s service').to.equal(env.desk.services[1]!.id);

    // The theme editor shows its language and corrects it; its texts' fields follow.
    button(el, 'Open the theme').click();
    await waitUntil(() => maybe<HTMLSelectElement>(el, '#theme-locale')?.value === 'sv', 'the editor does not show the language', { timeout: 15_000 });
    expect($(el, '#theme-title').getAttribute('lang')).to.equal('sv');
    await choose(el, '#theme-locale', 'da');
    expect($(el, '#theme-youSaid').getAttribute('lang')).to.equal('da');
    button(el, 'Save the theme').click();
    await waitUntil(async () => (await themeNamed(title))?.locale === 'da', 'the language was not saved', { timeout: 15_000 });
    await expect(el).to.be.accessible();
  });

  it('a Swedish console marks English texts lang="en": messages in the inbox, theme titles in the audit log', async () => {
    const theme = await staff<StaffTheme>('POST', 'staff/themes', { title: `${marker} Benches`, youSaid: 'Benches are broken.', locale: 'en' });
    await staff('PATCH', `staff/themes/${theme.id}`, { title: `${marker} Park benches` });
    const el = await signedIn(env.desk.admin, 'sv', 'Sök');
    const byText = (t: string) => items(el).find((i) => text(i) === t)!;
    expect(byText(english).getAttribute('lang')).to.equal('en');
    expect(byText(swedish).getAttribute('lang')).to.equal('sv');

    $(el, '#nav-audit').click();
    await waitUntil(() => maybe(el, '.entries'), 'the log did not load', { timeout: 15_000 });
    const cells = (field: string) => auditCells(el, theme.id, field);
    // A creation names the language; a change of the title is in the theme's language too.
    await choose(el, '#audit-action', 'theme.create');
    await waitUntil(() => cells('title').length === 2, 'no creation entry', { timeout: 15_000 });
    expect(cells('title')[1]!.getAttribute('lang')).to.equal('en');
    expect(cells('youSaid')[1]!.getAttribute('lang')).to.equal('en');
    expect(cells('status')[1]!.hasAttribute('lang'), 'a status is the console’s word, not English text').to.equal(false);
    await choose(el, '#audit-action', 'theme.update');
    await waitUntil(() => cells('title')[0]?.getAttribute('lang') === 'en', 'the changed title is not marked English', { timeout: 15_000 });
    expect(cells('title')[1]!.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('a Swedish console marks a reply in the audit log with its message’s language', async () => {
    const message = (await staff<{ items: StaffFeedback[] }>('GET', `staff/feedback?q=${marker}`)).items.find((i) => i.text === english)!;
    const reply = `${marker} Thank you: the bench is mended on Friday.`;
    await staff('POST', `staff/feedback/${message.id}/replies`, { text: reply });
    const el = await signedIn(env.desk.admin, 'sv', 'Sök');
    $(el, '#nav-audit').click();
    await waitUntil(() => maybe(el, '.entries'), 'the log did not load', { timeout: 15_000 });
    await choose(el, '#audit-action', 'feedback.reply');
    await waitUntil(() => text(auditCells(el, message.id, 'text')[1]) === reply, 'no reply entry', { timeout: 15_000 });
    expect(auditCells(el, message.id, 'text')[1]!.getAttribute('lang'), 'the reply is in its English message’s language').to.equal('en');
    expect(auditCells(el, message.id, 'status')[1]!.hasAttribute('lang'), 'a status is the console’s word').to.equal(false);
    await expect(el).to.be.accessible();
  });
});
