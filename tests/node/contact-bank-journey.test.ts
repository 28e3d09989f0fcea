// Issue 9, the contact bank end to end over real HTTP and a real SMTP server, through the SDK as
// an integrator (or <contact-bank-signup>) calls it: sign up -> the mail arrives -> the link
// confirms -> a staff search finds the entry -> an activity and its invitation mail -> the
// resident accepts -> staff see the acceptance -> manage: download, withdraw -> no table holds
// the person's email, name, phone or organisation. The Chromium journey of the element builds
// on the same helpers (tests/support/contact-bank.ts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  answerInvitation,
  confirmContact,
  createActivity,
  createClient,
  createContact,
  createInvitations,
  deleteMyContact,
  getActivity,
  getInvitation,
  getMyContact,
  isApiError,
  searchContacts,
  type CivicLoopClient,
} from '@civicloop/sdk';
import { startServer, type RunningServer } from '@civicloop/server';
import { createBankCouncil, fragmentLink, fragmentToken, rawHeader, tablesHolding, type BankCouncil } from '../support/contact-bank.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

const page = 'https://hillside.example/get-involved';
const person = { email: 'olga.journey@example.org', name: 'Olga Journeywoman', organisation: 'Hillside Tenants Association', phone: '+46 70 555 01 02' };

let smtp: TestSmtp;
let server: RunningServer;
let bank: BankCouncil;
let resident: CivicLoopClient;
let staff: CivicLoopClient;

before(async () => {
  smtp = await startSmtp();
  server = await startServer({ port: 0, dataDir: 'memory://', smtpUrl: smtp.url, purgeEveryMs: false, validateResponses: true, log: () => {} });
  bank = await createBankCouncil(server, 'hillside', ['https://hillside.example']);
  resident = createClient({ baseUrl: server.url, council: 'hillside' });
  staff = createClient({ baseUrl: server.url, council: 'hillside', token: bank.editor });
});
after(async () => {
  await server?.close();
  await smtp?.close();
});

test('sign up, confirm, found, invited, accepted, seen by staff, downloaded, withdrawn, and no trace left', async () => {
  // 1. Sign up; the confirmation arrives over SMTP with a link back to the page.
  const accepted = await createContact(resident, {
    kind: 'association',
    ...person,
    district: 'north',
    categories: ['culture'],
    formats: ['workshop', 'in-person'],
    languages: ['en', 'uk'],
    accessibility: ['step-free-access'],
    ageBand: '35-44',
    locale: 'en',
    consent: { version: 'v1', purposes: ['invitations', 'news'] },
    pageUrl: page,
  });
  assert.equal(accepted.status, 'check-your-email');
  const confirmation = await smtp.waitFor(person.email);
  assert.ok(fragmentLink(confirmation, 'token').startsWith(`${page}#token=`));

  // 2. The link confirms.
  const confirmed = await confirmContact(resident, fragmentToken(confirmation, 'token'));
  assert.equal(confirmed.status, 'active');

  // 3. A staff search finds the entry, without the person's address, name or phone.
  const found = await searchContacts(staff, { interest: 'libraries', district: 'north', kind: 'association', language: 'uk' });
  assert.deepEqual(found.items.map((c) => c.organisation), [person.organisation]);
  for (const secret of [person.email, person.name, person.phone]) assert.ok(!JSON.stringify(found).includes(secret));

  // 4. An activity; its invitation arrives; the resident accepts on the page (a POST, never the link itself).
  const activity = await createActivity(staff, { title: 'Walk-through of the new library', format: 'in-person', startsAt: '2026-09-12T09:00:00Z', place: 'North library', text: 'An hour on foot through the plans.', locale: 'en' });
  assert.deepEqual(await createInvitations(staff, activity.id, { district: 'north' }), { invited: 1, alreadyInvited: 0 });
  const invitationMail = await smtp.waitFor(person.email, (m) => /#invitation=/.test(m.text ?? ''));
  assert.equal(rawHeader(invitationMail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
  const invitationToken = fragmentToken(invitationMail, 'invitation');
  assert.equal((await getInvitation(resident, { token: invitationToken })).answer, null, 'opening the invitation answers nothing');
  assert.equal((await answerInvitation(resident, 'yes', { token: invitationToken })).answer, 'yes');

  // 5. Staff see the acceptance, with the contact details of this person.
  const detail = await getActivity(staff, activity.id);
  assert.equal(detail.accepted, 1);
  assert.deepEqual(detail.acceptedContacts.map((c) => [c.email, c.name, c.phone]), [[person.email, person.name, person.phone]]);

  // 6. Manage: download everything held, then withdraw.
  const manage = fragmentToken(invitationMail, 'manage');
  const data = await getMyContact(resident, { token: manage });
  assert.equal(data.email, person.email);
  assert.deepEqual(data.ledger.map((e) => e.event), ['given', 'confirmed']);
  assert.equal(data.invitations[0]!.answer, 'yes');
  const needles = [person.email, person.name, person.organisation, person.phone];
  assert.ok((await tablesHolding(server.db, needles)).length >= 4, 'the scan sees the data while it is held');
  await deleteMyContact(resident, { token: manage });

  // 7. No trace: no table holds the email, name, phone or organisation; the tokens are dead.
  assert.deepEqual(await tablesHolding(server.db, needles), []);
  const gone = await getMyContact(resident, { token: manage }).catch((e: unknown) => e);
  assert.ok(isApiError(gone) && gone.status === 401);
  assert.equal((await getActivity(staff, activity.id)).acceptedContacts.length, 0);
});
