// Browser suites in three engines (tests/support/engines.mjs: Debian's Chromium, Firefox ESR and
// WebKitGTK's MiniBrowser; CIVICLOOP_ENGINES picks a subset), tests compiled from source by esbuild, and a real
// reference server (in-memory PGlite) behind a fault proxy. Tests read
// GET /__test-env.json -> { apiUrl, directApiUrl, council, staffToken, services, proxyControl },
// switch the proxy with POST {mode: 'pass'|'down'|'delay'|'tamper'|'drop'|'status'} to
// proxyControl, and count stored inputs with GET /__stored?text=... -> { count, receipts }.
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { startBrowserTestEnv } from './tests/support/browser-env.ts';
import { launchers } from './tests/support/engines.mjs';

/** The dev server's port must be known before the test council lists it as an allowed origin. */
const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});
const origin = `http://localhost:${port}`;
const backend = await startBrowserTestEnv(origin);
const env = { ...backend.env, proxyControl: `${origin}/__proxy` };

/**
 * Writes pass/fail counts per engine ({ chromium: { passed, failed, failures }, … }) for
 * scripts/test.mjs, which prints one line per engine, sums them with the node suites, and names
 * each failure just above those lines (where a CI log's tail still shows it).
 */
function countingReporter() {
  const count = (suite, acc, file, path = []) => {
    for (const t of suite?.tests ?? []) {
      if (t.skipped) continue;
      if (t.passed) acc.passed++;
      else {
        acc.failed++;
        acc.failures.push(`${file}: ${[...path, t.name].join(' > ')}: ${t.error?.message ?? 'failed'}`);
      }
    }
    for (const s of suite?.suites ?? []) count(s, acc, file, [...path, s.name]);
    return acc;
  };
  return {
    onTestRunFinished({ sessions }) {
      const engines = {};
      for (const session of sessions) {
        const acc = (engines[session.browser.name] ??= { passed: 0, failed: 0, failures: [] });
        count(session.testResults, acc, session.testFile.replace(`${process.cwd()}/`, ''));
        // A file that failed to load or threw outside a test ran nothing: that is a failure too.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          acc.failed++;
          acc.failures.push(`${session.testFile.replace(`${process.cwd()}/`, '')}: ${session.errors.map((e) => e.message).join('; ')}`);
        }
      }
      if (process.env.CIVICLOOP_TEST_COUNTS) writeFileSync(process.env.CIVICLOOP_TEST_COUNTS, JSON.stringify(engines));
    },
  };
}

/** Test-only views of the contact bank's server side, for its browser tests. */
async function bankMiddleware(ctx) {
  const { council, editor } = env.bank;
  const staff = (method, path, body) =>
    fetch(`${backend.server.url}/v1/councils/${council}/${path}`, {
      method,
      headers: { authorization: `Bearer ${editor}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body && JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  let answer;
  if (ctx.path === '/__bank/mail') {
    // `has`: only a mail whose text holds it (an invitation to one activity of several).
    const { to, kind, has } = ctx.query;
    const pattern = new RegExp(`#${kind}=([A-Za-z0-9._-]+)`);
    const mail = backend.smtp.received.filter((r) => r.rcptTo.includes(to) && pattern.test(r.mail.text ?? '') && (!has || (r.mail.text ?? '').includes(has))).at(-1);
    if (!mail) return void (ctx.status = 404);
    answer = { token: pattern.exec(mail.mail.text)[1], subject: mail.mail.subject };
  } else if (ctx.path === '/__bank/stored') {
    const { rows } = await backend.server.db.query('SELECT count(*)::int AS n FROM contacts WHERE organisation = $1', [ctx.query.organisation]);
    answer = { count: rows[0].n };
  } else if (ctx.path === '/__bank/invite' && ctx.method === 'POST') {
    // An activity, and an invitation to the contacts of one district (the test's own contact).
    const chunks = [];
    for await (const c of ctx.req) chunks.push(c);
    const { district } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const activity = await staff('POST', 'staff/activities', {
      title: 'Library opening hours workshop', format: 'workshop', startsAt: '2027-03-04T17:00:00Z', place: 'Central Library, room 2',
      text: 'Two hours on when the libraries should open.', locale: 'en',
    });
    const invited = await staff('POST', `staff/activities/${activity.body.id}/invitations`, { district });
    bankActivity = activity.body.id;
    answer = { activity: activity.body.id, ...invited.body };
  } else if (ctx.path === '/__bank/consent' && ctx.method === 'POST') {
    // The council changes its consent text (version and English text), as an operator does with
    // `council update --contact-bank`; answers the consent it replaced, for the test to put back.
    const chunks = [];
    for await (const c of ctx.req) chunks.push(c);
    const { version, text } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const { rows } = await backend.server.db.query('SELECT contact_bank AS bank FROM councils WHERE slug = $1', [council]);
    const consent = rows[0].bank.consent;
    const next = { ...consent, version, text: text === undefined ? consent.text : { ...consent.text, en: text } };
    await backend.server.db.query("UPDATE councils SET contact_bank = jsonb_set(contact_bank, '{consent}', $2::jsonb) WHERE slug = $1", [council, JSON.stringify(next)]);
    answer = { previous: consent };
  } else if (ctx.path === '/__bank/consent-restore' && ctx.method === 'POST') {
    const chunks = [];
    for await (const c of ctx.req) chunks.push(c);
    const { consent } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    await backend.server.db.query("UPDATE councils SET contact_bank = jsonb_set(contact_bank, '{consent}', $2::jsonb) WHERE slug = $1", [council, JSON.stringify(consent)]);
    answer = { restored: true };
  } else if (ctx.path === '/__bank/accepted') {
    const detail = await staff('GET', `staff/activities/${bankActivity}`);
    answer = { accepted: detail.body.acceptedContacts.some((c) => c.email === ctx.query.email) };
  } else return void (ctx.status = 404);
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(answer);
}
let bankActivity;

/** Chromium sessions with forced colours on: the DevTools session that holds the emulation. */
const forcedColors = new Map();

export default {
  files: [
    'packages/elements/src/**/*.test.ts',
    'packages/*/src/**/*.browser.test.ts',
    'tests/browser/**/*.test.ts',
    // Run by node:test (scripts/test.mjs): stores and the registry need no browser.
    '!packages/**/*.node.test.ts',
  ],
  port,
  hostname: 'localhost',
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  // One file at a time and one engine at a time: the fault proxy is shared, and offline tests
  // must not surprise others.
  concurrency: 1,
  concurrentBrowsers: 1,
  // MiniBrowser under Xvfb takes a few seconds to come up on a busy machine.
  browserStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: launchers(),
  plugins: [
    // Screenshots for the a11y suite (packages/elements/src/kit/testing/a11y-suite.ts): the focus
    // ring's contrast is measured from pixels, with the ring on and off. Chromium and Firefox are
    // driven by puppeteer, which takes the clip asked for ({ x, y, width, height } in CSS px of
    // the document); classic WebDriver (WebKit) takes the whole viewport, which the test crops.
    {
      name: 'civicloop-screenshot',
      async executeCommand({ command, payload, session }) {
        if (command !== 'civicloop-screenshot') return undefined;
        if (session.browser.type === 'webdriver') return { viewport: await session.browser.driver.takeScreenshot() };
        const page = session.browser.getPage(session.id);
        const { x, y, width, height } = payload;
        return { clip: await page.screenshot({ encoding: 'base64', type: 'png', clip: { x, y, width, height }, captureBeyondViewport: false }) };
      },
    },
    // Forced colours (Windows High Contrast) for a test: Chromium emulates the media feature over
    // the DevTools protocol; the others have no way to, and answer false (the test then checks nothing there).
    {
      name: 'civicloop-forced-colors',
      async executeCommand({ command, payload, session }) {
        if (command !== 'civicloop-forced-colors') return undefined;
        if (session.browser.name !== 'chromium') return false;
        // Over CDP itself (the launcher's puppeteer predates forced-colors in emulateMediaFeatures),
        // in a session kept while it lasts: an emulation ends with the session that set it.
        const open = forcedColors.get(session.id);
        if (payload?.active && !open) {
          const cdp = await session.browser.getPage(session.id).target().createCDPSession();
          await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
          forcedColors.set(session.id, cdp);
        } else if (!payload?.active && open) {
          forcedColors.delete(session.id);
          await open.detach();
        }
        return true;
      },
    },
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' }),
    // nanostores reads process.env.NODE_ENV, which browsers lack; tests run its development checks.
    {
      name: 'node-env',
      transform(context) {
        if (context.response.is('js') && typeof context.body === 'string' && context.body.includes('process.env.NODE_ENV')) {
          return context.body.replaceAll('process.env.NODE_ENV', JSON.stringify('development'));
        }
      },
    },
  ],
  middleware: [
    async function testEnv(ctx, next) {
      if (ctx.path === '/__test-env.json') {
        ctx.type = 'application/json';
        ctx.body = JSON.stringify(env);
        return;
      }
      // How many inputs the server stored with this exact text: proves "exactly once" from the database.
      if (ctx.path === '/__stored') {
        const text = ctx.query.text;
        const { rows } = await backend.server.db.query('SELECT receipt FROM feedback WHERE text = $1', [text]);
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ count: rows.length, receipts: rows.map((r) => r.receipt) });
        return;
      }
      // The contact bank (<contact-bank-signup>): the newest mail's link token, sign-ups stored, an invitation sent, its acceptance seen by staff.
      if (ctx.path.startsWith('/__bank/')) return bankMiddleware(ctx);
      if (ctx.path === '/__proxy' && ctx.method === 'POST') {
        const chunks = [];
        for await (const c of ctx.req) chunks.push(c);
        const { mode, ...opts } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        backend.proxy.setMode(mode, opts);
        ctx.status = 204;
        return;
      }
      return next();
    },
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
};

process.once('exit', () => void backend.close());
