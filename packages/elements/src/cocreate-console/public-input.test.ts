// <cocreate-console>'s record view, for input seen in public: the staff form's grouped channel
// choice, the source link a public-action channel requires (checked as the contract does, said on
// the field in the console's language), and the recorded input in the inbox with its channel and
// link. In real browsers against the reference server's "office" council; what is recorded is
// checked through the API too.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../kit/testing/wait.js';
import { $, active, all, choose, cleanUpAfterEach, env, maybe, officeApi, signedIn, text, view } from './console-testing.js';
import type { CocreateConsole } from './cocreate-console.js';
import '../cocreate-feedback/cocreate-feedback.js';

const run = Math.random().toString(36).slice(2, 8);
cleanUpAfterEach();

const api = <T>(path: string): Promise<T> => officeApi<T>(env.office.editor, 'GET', path);

/** The staff form inside the record view, and its shadow DOM. */
async function staffForm(el: CocreateConsole) {
  const form = $(el, '#record cocreate-feedback') as HTMLElement & { updateComplete: Promise<unknown> };
  const inner = <T extends HTMLElement = HTMLElement>(selector: string) => form.shadowRoot?.querySelector<T>(selector) ?? null;
  await waitUntil(() => inner('form #text') && inner('#channel optgroup'), 'the staff form did not render', { timeout: 15_000 });
  const set = async (selector: string, value: string, event: 'input' | 'change') => {
    const control = inner<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(selector)!;
    control.value = value;
    control.dispatchEvent(new Event(event, { bubbles: true, composed: true }));
    await form.updateComplete;
  };
  const send = async () => {
    inner('button[type="submit"]')!.click();
    await form.updateComplete;
  };
  return { form, inner, set, send };
}

describe('<cocreate-console> input seen in public', () => {
  it('records a petition with its source link, checked on its field first; the inbox shows it with channel and link', async () => {
    const el = await signedIn({ api: env.apiUrl, council: env.office.council, token: env.office.editor });
    await view(el, 'Record input', 'record');
    const { form, inner, set, send } = await staffForm(el);
    const groups = [...form.shadowRoot!.querySelectorAll('#channel optgroup')].map((g) => [g.getAttribute('label'), [...g.querySelectorAll('option')].map((o) => o.value)]);
    expect(groups).to.deep.equal([
      ['Assisted entry', ['phone', 'in-person', 'paper', 'email', 'outreach']],
      ['Seen in public', ['petition', 'campaign', 'protest', 'social-media', 'press', 'artwork']],
    ]);
    expect(inner('#sourceUrl'), 'no link field for assisted entry').to.equal(null);

    // A resident on the phone may rate the service; a petition rated nothing: no rating is asked
    // for it, and one chosen before goes.
    await set('#channel', 'phone', 'change');
    inner<HTMLInputElement>('input[name="rating"][value="2"]')!.click();
    await form.updateComplete;
    await set('#channel', 'petition', 'change');
    expect(inner('#sourceUrl')).to.not.equal(null);
    expect(inner('input[name="rating"]'), 'no rating for input seen in public').to.equal(null);
    // Said on the choice itself, which the select's description carries.
    expect(inner('#channel')!.getAttribute('aria-describedby')).to.equal('channel-hint');
    expect(text(inner('#channel-hint'))).to.equal('Input seen in public is recorded with the address where it can be seen, and without a rating.');
    inner('input[name="kind"][value="idea"]')!.click();
    const words = `Petition for benches by the river (${run})`;
    await set('#text', words, 'input');
    await send();
    await waitUntil(() => inner('#sourceUrl-error'), 'no error on the link');
    expect(text(inner('#sourceUrl-error'))).to.include('Give the address where this can be seen');
    expect(inner('#sourceUrl')!.getAttribute('aria-invalid')).to.equal('true');
    expect([...form.shadowRoot!.querySelectorAll('[part~="error-summary"] a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#sourceUrl']);
    await expect(el).to.be.accessible();

    await set('#sourceUrl', 'petitions.example/benches', 'input');
    await send();
    await waitUntil(() => text(inner('#sourceUrl-error')).includes('Enter a web address starting with https:// or http://'), 'a link without its scheme was taken');

    const link = `https://petitions.example/benches-${run}`;
    await set('#sourceUrl', link, 'input');
    await send();
    await waitUntil(() => inner('[part~="receipt-code"]'), 'no receipt code', { timeout: 15_000 });
    const receipt = text(inner('[part~="receipt-code"]'));
    // Nobody to hand the code to: it is the council's, to follow the input.
    expect(text(inner('[part~="receipt"]'))).to.include('The receipt code of this input, to follow what happens with it').and.not.include('Give the resident');
    const stored = (await api<{ items: { text: string; channel: string; sourceUrl: string | null; receipt: string; rating?: number | null }[] }>(`staff/feedback?q=${encodeURIComponent(run)}`)).items.find((i) => i.text === words);
    expect(stored).to.deep.include({ channel: 'petition', sourceUrl: link, receipt });
    expect(stored!.rating ?? null, 'the rating chosen for the phone call was not sent').to.equal(null);

    // The inbox (read again after the record) has it: channel and link in the reading pane.
    await view(el, 'Inbox', 'inbox');
    await waitUntil(() => all(el, '.item').some((b) => text(b).includes(words)), 'the input is not in the inbox', { timeout: 15_000 });
    all(el, '.item')
      .find((b) => text(b).includes(words))!
      .click();
    await waitUntil(() => active(el)?.id === 'pane', 'the pane did not open');
    const fact = (name: string) => text(all(el, '#pane .facts div').find((d) => text(d.querySelector('dt')) === name)?.querySelector('dd'));
    expect(fact('Channel')).to.equal('Petition');
    expect(fact('Seen at')).to.equal(link);
    expect($<HTMLAnchorElement>(el, '#pane-source').href).to.equal(link);
    expect(text($(el, '#pane-source'))).to.equal(link);
    await expect(el).to.be.accessible();
  });

  // First in this file's page on purpose: the console's Polish strings are not loaded yet.
  it('a staff form in another language shows its staff part in that language from the first moment, never in English first', async () => {
    const seen = new Set<string>();
    const el = document.createElement('cocreate-feedback') as HTMLElement & { staffToken?: string; updateComplete: Promise<unknown> };
    Object.assign(el, { staffToken: env.office.editor });
    for (const [name, value] of Object.entries({ api: env.apiUrl, council: env.office.council, lang: 'pl' })) el.setAttribute(name, value);
    document.body.append(el);
    try {
      const watch = () => new MutationObserver(() => seen.add(text(el.shadowRoot!.querySelector('label[for="channel"]')))).observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
      await waitUntil(() => el.shadowRoot, 'the form did not start');
      watch();
      await waitUntil(() => el.shadowRoot!.querySelector('#channel optgroup'), 'the staff part did not render', { timeout: 15_000 });
      expect(text(el.shadowRoot!.querySelector('label[for="channel"]'))).to.equal('Jak otrzymano tę opinię?');
      expect([...el.shadowRoot!.querySelectorAll('#channel optgroup')].map((g) => g.getAttribute('label'))).to.deep.equal(['Zgłoszenie przyjęte przez pracownika', 'Widziane publicznie']);
      seen.delete('');
      expect([...seen]).to.deep.equal(['Jak otrzymano tę opinię?']);
    } finally {
      el.remove();
    }
  });

  it('speaks to staff, not as the resident: its questions, no erasing "my" message after recording, one language picker (the console’s)', async () => {
    const el = await signedIn({ api: env.apiUrl, council: env.office.council, token: env.office.editor });
    await view(el, 'Record input', 'record');
    const { form, inner, set, send } = await staffForm(el);
    expect(text(inner('fieldset:has(input[name="kind"]) legend'))).to.equal('What kind of input is it?');
    expect(text(inner('label[for="text"]'))).to.equal('The input');
    expect(text(inner('#text-hint'))).to.equal('What the resident said or what was seen, in plain words. Record no personal details (names, addresses, health) beyond what the input needs.');
    expect(text(form.shadowRoot!.querySelector('form'))).to.not.match(/What would you like to tell us|Your message|your name/);
    // One language picker: the console's, which the form follows.
    expect(form.shadowRoot!.querySelector('[part~="language"]'), 'the form has no picker of its own').to.equal(null);
    expect(all(el, '[part~="language"]')).to.have.length(1);
    expect(form.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();

    await set('#channel', 'phone', 'change');
    inner('input[name="kind"][value="question"]')!.click();
    await set('#text', `When is the library open on holidays? (${run})`, 'input');
    await send();
    await waitUntil(() => inner('[part~="receipt-code"]'), 'no receipt code', { timeout: 15_000 });
    const receipt = text(inner('[part~="receipt"]'));
    expect(receipt).to.include('The input is recorded');
    expect(receipt).to.include('What was recorded:');
    expect(receipt).to.include('Give the resident this receipt code so they can follow what happens with it:');
    expect(inner('#erase'), 'no "Erase my message" for staff').to.equal(null);
    expect(receipt).to.not.include('Erase my message');
    expect([...form.shadowRoot!.querySelectorAll('[part~="receipt"] button')].map(text)).to.include('Record another input');
    await expect(el).to.be.accessible();

    // The console's picker governs the form: switched to Polish, the form asks in Polish.
    await choose(el, '#language', 'pl');
    await waitUntil(() => text(inner('[part~="receipt"] h2, [part~="receipt"] h3')) === 'Opinia została zapisana', 'the form did not follow the console into Polish', { timeout: 15_000 });
    expect(form.getAttribute('lang')).to.equal('pl');
  });

  it('says a missing link in the console’s language', async () => {
    const el = await signedIn({ api: env.apiUrl, council: env.office.council, token: env.office.editor, lang: 'pl' });
    $(el, '#nav-record').click();
    await waitUntil(() => active(el)?.id === 'record', 'the record view did not open');
    const { inner, set, send } = await staffForm(el);
    await waitUntil(() => inner('#channel optgroup[label="Widziane publicznie"]'), 'the channel groups are not in Polish', { timeout: 15_000 });
    await set('#channel', 'social-media', 'change');
    inner('input[name="kind"][value="problem"]')!.click();
    await set('#text', `Wpis o dziurze w drodze (${run})`, 'input');
    await send();
    await waitUntil(() => inner('#sourceUrl-error'), 'no error on the link');
    expect(text(inner('#sourceUrl-error'))).to.include('Podaj adres, pod którym można to zobaczyć');
    expect(text(inner('label[for="sourceUrl"]'))).to.equal('Gdzie można to zobaczyć');
    expect(maybe(el, '#inbox')).to.equal(null);
  });
});
