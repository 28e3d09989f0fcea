// <cocreate-console>'s co-creation activities, in real browsers against the reference server: the
// "office" council of tests/support/browser-env.ts (a contact bank). A contact signs up and
// confirms through the public API (its links arrive over real SMTP), staff create an activity and
// invite the contacts who match in the console, the contact answers through the token of the
// invitation email, and the console shows the answer. The three engines share one server, so
// each run has its own contact and activity, and counts are read from the API, never assumed.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../kit/testing/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { answerInvitation, confirmContact, createClient, createContact } from '@civicloop/sdk';
import type { Activity, ActivityDetail, ActivityList } from '@civicloop/contract';
import { $, active, all, button, choose, cleanUpAfterEach, env, maybe, officeApi, signedIn, status, text, type, view } from './console-testing.js';
import type { CocreateConsole } from './cocreate-console.js';

const run = Math.random().toString(36).slice(2, 8);
cleanUpAfterEach();

const staff = <T>(method: string, path: string, body?: unknown): Promise<T> => officeApi<T>(env.office.editor, method, path, body);

/** The token of the newest mail to `to` whose link carries `#kind=` (and whose text holds `has`), from the test SMTP server. */
async function mailToken(to: string, kind: 'token' | 'invitation', has?: string): Promise<string> {
  let token = '';
  await waitUntil(
    async () => {
      const res = await fetch(`/__bank/mail?to=${encodeURIComponent(to)}&kind=${kind}${has ? `&has=${encodeURIComponent(has)}` : ''}`);
      if (res.ok) token = ((await res.json()) as { token: string }).token;
      return Boolean(token);
    },
    `no mail with #${kind}= to ${to}`,
    { timeout: 15_000 },
  );
  return token;
}

/** An association in the south interested in parks, open to workshops, signed up and confirmed as anyone would. */
async function contact(): Promise<{ email: string; name: string; organisation: string }> {
  const person = { email: `${crypto.randomUUID()}@example.org`, name: `Robin ${run}`, organisation: `Friends of the park ${run}` };
  const resident = createClient({ baseUrl: env.directApiUrl, council: env.office.council });
  await createContact(resident, {
    kind: 'association',
    ...person,
    district: 'south',
    services: ['parks'],
    formats: ['workshop'],
    languages: ['en'],
    locale: 'en',
    consent: { version: 'v1', purposes: ['invitations'] },
    pageUrl: location.href.split('#')[0]!,
    elapsedMs: 60_000,
  });
  await confirmContact(resident, await mailToken(person.email, 'token'));
  return person;
}

const settled = (el: CocreateConsole) =>
  waitUntil(() => (maybe(el, '#activities-list-title') && !all(el, '#activities .hint').some((p) => text(p) === 'Loading…')) || maybe(el, '#activities-error'), 'the activities did not load', { timeout: 15_000 });

/** Presses Tab until focus is on what `is` accepts; fails past `max` presses. */
async function tabTo(el: CocreateConsole, is: (e: HTMLElement) => boolean, what: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const now = active(el);
    if (now && is(now)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what} (focus on ${active(el)?.outerHTML.slice(0, 80)})`);
}

describe('<cocreate-console> activities', () => {
  it('creates an activity, invites the contacts who match, and shows the answer a contact gave through the invitation email', async () => {
    const person = await contact();
    const el = await signedIn({ api: env.apiUrl, council: env.office.council, token: env.office.editor });
    await view(el, 'Activities', 'activities');
    await settled(el);
    await expect(el).to.be.accessible();

    // Sent empty: each required field says what it needs, and focus goes to the first.
    button(el, 'Create the activity').click();
    await waitUntil(() => active(el)?.id === 'activity-title', 'focus did not move to the title');
    expect($(el, '#activity-title').getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#activity-title-error'))).to.include('Give the activity a title');
    expect(text($(el, '#activity-format-error'))).to.include('Choose a format');
    expect(text($(el, '#activity-startsAt-error'))).to.include('Say when it starts');
    expect(text($(el, '#activity-text-error'))).to.include('Say what it is about');
    await expect(el).to.be.accessible();

    const title = `Parks workshop ${run}`;
    type(el, '#activity-title', title);
    await choose(el, '#activity-format', 'workshop');
    await choose(el, '#activity-startsAt', '2027-05-06T17:30');
    await choose(el, '#activity-endsAt', '2027-05-06T16:00');
    type(el, '#activity-url', 'meet.example/parks');
    type(el, '#activity-text', 'Two hours on what the parks need next.');
    button(el, 'Create the activity').click();
    await waitUntil(() => active(el)?.id === 'activity-endsAt', 'focus did not move to the end');
    expect(text($(el, '#activity-endsAt-error'))).to.include('Choose an end on or after the start');
    expect(text($(el, '#activity-url-error'))).to.include('Enter a web address starting with https:// or http://');
    expect(maybe(el, '#activity-title-error')).to.equal(null);

    await choose(el, '#activity-endsAt', '2027-05-06T19:30');
    type(el, '#activity-url', 'https://meet.example/parks');
    button(el, 'Create the activity').click();
    await waitUntil(() => active(el)?.id === 'activity', 'focus did not move to the new activity', { timeout: 15_000 });
    expect(text($(el, '#activity-heading'))).to.equal(title);
    const created = (await staff<ActivityList>('GET', 'staff/activities?limit=100')).items.find((a: Activity) => a.title === title)!;
    expect(created.format).to.equal('workshop');
    expect(created.startsAt).to.equal(new Date('2027-05-06T17:30').toISOString());
    expect(created.url).to.equal('https://meet.example/parks');
    expect(text($(el, '#activity-counts'))).to.equal('Invited: 0 · accepted: 0 · declined: 0 · no answer yet: 0');

    // Invited by the bank search's filters: everyone who matches now, no one twice.
    await choose(el, '#invite-interest', 'parks');
    await choose(el, '#invite-district', 'south');
    button(el, 'Invite everyone who matches').click();
    await waitUntil(() => maybe(el, '#invite-result'), 'no invitation result', { timeout: 15_000 });
    const first = /^Invited now: (\d+)\. Already invited before: 0\.$/.exec(text($(el, '#invite-result')));
    expect(first, text($(el, '#invite-result'))).to.not.equal(null);
    const invited = Number(first![1]);
    expect(invited).to.be.at.least(1);
    expect((await staff<ActivityDetail>('GET', `staff/activities/${created.id}`)).invited).to.equal(invited);
    await waitUntil(() => status(el).startsWith('Invited now:'), 'the result was not announced');
    await waitUntil(() => text(maybe(el, '#activity-counts')).startsWith(`Invited: ${invited} ·`), 'the counts did not follow');

    button(el, 'Invite everyone who matches').click();
    await waitUntil(() => /Already invited before: [1-9]/.test(text(maybe(el, '#invite-result'))), 'no second result', { timeout: 15_000 });
    const again = /^Invited now: (\d+)\. Already invited before: (\d+)\.$/.exec(text($(el, '#invite-result')))!;
    expect(Number(again[2])).to.equal(invited);
    expect((await staff<ActivityDetail>('GET', `staff/activities/${created.id}`)).invited).to.equal(invited + Number(again[1]));
    expect(text($(el, '#accepted-none'))).to.equal('No one has accepted yet.');

    // The contact accepts on the page the email links to: a POST with the invitation's token.
    const token = await mailToken(person.email, 'invitation', title);
    const resident = createClient({ baseUrl: env.directApiUrl, council: env.office.council });
    expect((await answerInvitation(resident, 'yes', { token })).activity.title).to.equal(title);

    button(el, 'Check for new answers').click();
    await waitUntil(() => maybe(el, '#accepted'), 'the answer did not show', { timeout: 15_000 });
    const row = text($(el, '#accepted tbody tr'));
    expect(row).to.include(person.name);
    expect(row).to.include(person.organisation);
    expect(row).to.include(person.email);
    expect($<HTMLAnchorElement>(el, '#accepted tbody a').href).to.equal(`mailto:${person.email}`);
    expect(text($(el, '#activity-counts'))).to.include('accepted: 1 · declined: 0');
    await waitUntil(() => status(el).includes('accepted: 1'), 'the new answers were not announced');
    await expect(el).to.be.accessible();

    // Back to the list: focus on the activity just left, with its counts.
    button(el, 'Back to the activities').click();
    await waitUntil(() => active(el)?.id?.startsWith('activity-') && text(active(el)).includes(title), 'focus did not return to the activity in the list', { timeout: 15_000 });
    expect(text(active(el))).to.include('accepted: 1');
  });

  it('works by keyboard alone: open an activity and go back, a form sent empty names its first field, invite', async () => {
    const title = `Keyboard survey ${run}`;
    await staff('POST', 'staff/activities', { title, format: 'survey', startsAt: '2027-06-01T09:00:00Z', url: 'https://survey.example/k', text: 'Ten questions on the parks.', locale: 'en' });
    const el = await signedIn({ api: env.apiUrl, council: env.office.council, token: env.office.editor });
    // From the navigation, forward only (WebDriver, which drives WebKit here, sends no Shift+Tab).
    const fromNav = async () => {
      $(el, '#nav-activities').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => active(el)?.id === 'activities', 'Enter did not open the view');
      await settled(el);
      await tabTo(el, (e) => e.id.startsWith('activity-') && text(e).includes(title), 'the new activity');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => active(el)?.id === 'activity', 'Enter did not open the activity', { timeout: 15_000 });
    };

    await fromNav();
    await tabTo(el, (e) => text(e) === 'Back to the activities', 'the way back');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(active(el)).includes(title), 'focus did not return to the activity');
    await tabTo(el, (e) => e.id === 'activity-title', 'the title field');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => maybe(el, '#activity-title-error'), 'Enter did not send the form');
    expect(active(el)?.id).to.equal('activity-title');
    await expect(el).to.be.accessible();

    await fromNav();
    await tabTo(el, (e) => e.id === 'invite-submit', 'the invite button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => maybe(el, '#invite-result'), 'Enter did not invite', { timeout: 15_000 });
    expect(text($(el, '#invite-result'))).to.match(/^Invited now: \d+\. Already invited before: 0\.$/);
    expect(active(el)?.id, 'focus stays on the button').to.equal('invite-submit');
    await expect(el).to.be.accessible();
  });

  it('the audit log marks an activity’s title with the language it is written in, not the console’s', async () => {
    const title = `Rundvandring i parken ${run}`;
    const created = await staff<Activity>('POST', 'staff/activities', { title, format: 'workshop', startsAt: '2027-06-02T09:00:00Z', text: 'Vi går genom parken tillsammans.', locale: 'sv' });
    const titleCell = (el: CocreateConsole) => {
      const entry = all(el, '.entry').find((e) => text(e).includes(created.id));
      return [...(entry?.querySelectorAll('tbody tr') ?? [])].find((r) => text(r.querySelector('th')) === 'title')?.querySelectorAll('td')[1];
    };
    const auditOf = async (el: CocreateConsole) => {
      await view(el, 'Audit log', 'audit');
      await choose(el, '#audit-action', 'activity.create');
      await waitUntil(() => text(titleCell(el)) === title, 'no entry of the activity’s creation', { timeout: 15_000 });
      return titleCell(el)!;
    };
    const el = await signedIn({ api: env.apiUrl, council: env.office.council, token: env.office.admin });
    await view(el, 'Activities', 'activities');
    await settled(el);
    expect((await auditOf(el)).getAttribute('lang')).to.equal('sv');
    await expect(el).to.be.accessible();
    // The entry says its language itself: a console that holds no activities marks it too.
    el.remove();
    const fresh = await signedIn({ api: env.apiUrl, council: env.office.council, token: env.office.admin });
    expect((await auditOf(fresh)).getAttribute('lang')).to.equal('sv');
  });

  it('is not offered to a council without a contact bank', async () => {
    const el = await signedIn({ api: env.apiUrl, council: env.desk.council, token: env.desk.editor });
    await waitUntil(() => maybe(el, '#nav-inbox'), 'no navigation');
    expect(maybe(el, '#nav-activities')).to.equal(null);
    expect(maybe(el, '#nav-bank')).to.equal(null);
  });
});
