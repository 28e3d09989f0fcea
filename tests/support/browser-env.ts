// The real backend behind the browser suites: the reference server on an in-memory PGlite,
// reached through a fault proxy that tests can take down and bring back, as a phone loses
// and regains its signal.
import { createCouncil, createService, createStaffToken, elementsCdnDir, startServer, type RunningServer } from '@civicloop/server';
import { createFaultProxy } from './fault-proxy.js';
import { seedLoop, type LoopSeed } from './loop-seed.js';
import { createBankCouncil } from './contact-bank.js';
import { startSmtp, type TestSmtp } from './smtp.js';

export interface BrowserTestEnv {
  /** API base URL as the browser sees it (through the fault proxy). */
  apiUrl: string;
  /** API base URL without the proxy, for checks that must not be affected by it. */
  directApiUrl: string;
  council: string;
  staffToken: string;
  services: { id: string }[];
  /** A council that refuses input without a solved proof-of-work challenge. */
  powCouncil: string;
  /** The <you-said-we-did> councils and what was seeded in them (tests/support/loop-seed.ts). */
  loop: LoopSeed;
  /** The <contact-bank-signup> council (a contact bank, services) and its editor token; its mail goes to `smtp`. */
  bank: { council: string; editor: string };
  /** The <cocreate-console> council (two services, no inputs until its suite adds them) and its editor token. */
  desk: { council: string; editor: string; admin: string; services: { id: string }[] };
  /** The console's settings and embed builder suite: a council of its own (settings change there), with a contact bank. */
  office: { council: string; editor: string; admin: string };
}

export async function startBrowserTestEnv(origin: string) {
  // A real SMTP server: the contact bank's links (confirm, manage, invitation) arrive by mail.
  const smtp: TestSmtp = await startSmtp();
  const server: RunningServer = await startServer({
    smtpUrl: smtp.url,
    port: 0,
    dataDir: 'memory://',
    // The built CDN files, as a council's server serves them: the console's embed builder reads their hashes.
    cdnDir: elementsCdnDir(),
    // Browser suites send many inputs from one address within seconds.
    limits: { feedbackPerClientPerHour: 100_000, feedbackPerCouncilPerHour: 100_000 },
    log: () => {},
  });
  const council = 'test';
  await createCouncil(server.db, {
    slug: council,
    name: 'Testborough Council',
    origins: [origin],
    locales: ['en', 'pl', 'sv', 'da', 'de', 'fr', 'pt', 'ro'],
    defaultLocale: 'en',
    inputUse: { en: 'A person in the service team reads every message within a week.', pl: 'Każdą wiadomość czyta osoba z zespołu w ciągu tygodnia.' },
  });
  const services = [
    await createService(server.db, { council, name: { en: 'Libraries', pl: 'Biblioteki' }, category: 'culture' }),
    await createService(server.db, { council, name: { en: 'Bus lines', pl: 'Linie autobusowe' }, category: 'transport' }),
  ];
  const powCouncil = 'powtest';
  await createCouncil(server.db, {
    slug: powCouncil,
    name: 'Proofton Council',
    origins: [origin],
    antiAbuse: { minFillMs: 0, proofOfWork: { required: true, difficulty: 10 } },
  });
  const staffToken = await createStaffToken(server.db, { council, role: 'editor', label: 'browser tests' });
  const loop = await seedLoop(server, origin);
  const bank = await createBankCouncil(server, 'bank', [origin]);
  const desk = 'desk';
  await createCouncil(server.db, { slug: desk, name: 'Deskton Council', origins: [origin], locales: ['en', 'pl', 'sv', 'da', 'de', 'fr', 'pt', 'ro'], defaultLocale: 'en' });
  const deskServices = [
    await createService(server.db, { council: desk, name: { en: 'Street lighting', pl: 'Oświetlenie ulic' }, category: 'communal' }),
    await createService(server.db, { council: desk, name: { en: 'Parks', pl: 'Parki' }, category: 'communal' }),
  ];
  const deskEditor = await createStaffToken(server.db, { council: desk, role: 'editor', label: 'console tests' });
  // Publishing and the audit log are for admins.
  const deskAdmin = await createStaffToken(server.db, { council: desk, role: 'admin', label: 'console admin' });
  const office = await createBankCouncil(server, 'office', [origin]);
  const proxy = await createFaultProxy(server.url);
  const env: BrowserTestEnv = { apiUrl: proxy.url, directApiUrl: server.url, council, staffToken, services, powCouncil, loop, bank: { council: bank.slug, editor: bank.editor }, desk: { council: desk, editor: deskEditor, admin: deskAdmin, services: deskServices }, office: { council: office.slug, editor: office.editor, admin: office.admin } };
  return {
    env,
    server,
    proxy,
    smtp,
    async close() {
      await proxy.close();
      await server.close();
      await smtp.close();
    },
  };
}
