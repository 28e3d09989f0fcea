// The demo as a web editor ships it: the built CDN files, pages that hold only a script tag and
// the element, the server's strict CSP with Trusted Types, in Debian's Chromium and Firefox ESR
// (puppeteer over CDP and WebDriver BiDi). WebKit has no puppeteer driver: the elements' own
// suites cover it through web-test-runner. Needs `npm run build` first (scripts/test.mjs runs it).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { launchChromium, launchFirefox } from '../support/chromium.mjs';
import { createStaffToken, seedDemo, startServer, type RunningServer } from '@civicloop/server';
import { advancePageClock, DEMO_FILL_MS } from '../support/page-clock.js';
import { fragmentLink } from '../support/contact-bank.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;

for (const engine of ['chromium', 'firefox'] as const)
describe(`demo pages on the built CDN files [${engine}]`, { skip: !existsSync(`${cdnDir}/civicloop.js`) && 'run npm run build first' }, () => {
  let server: RunningServer;
  let browser: Browser;
  let smtp: TestSmtp;

  before(async () => {
    smtp = await startSmtp();
    server = await startServer({ port: 0, dataDir: 'memory://', demoDir: `${root}demo`, cdnDir, docs: true, smtpUrl: smtp.url, log: () => {} });
    await seedDemo(server.db);
    browser = await (engine === 'firefox' ? launchFirefox : launchChromium)(puppeteer);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  /** Opens a page and records everything that would tell an editor something is broken. */
  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(server.url + path, { waitUntil: 'networkidle0' });
    return { page, problems };
  }

  const shadowText = (page: Page, selector: string) =>
    page.$$eval('cocreate-feedback', (els, sel) => els.map((el) => el.shadowRoot?.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? null), selector);

  test('each council page renders its form in its own language under the strict CSP', async () => {
    const pages = [
      ['/riverside/', 'What would you like to tell us?'],
      ['/nordby/', 'Hvad vil du gerne fortælle os?'],
      ['/przykladowo/', 'Co chcesz nam przekazać?'],
    ] as const;
    for (const [path, legend] of pages) {
      const { page, problems } = await open(path);
      const csp = (await page.goto(server.url + path))?.headers()['content-security-policy'] ?? '';
      assert.match(csp, /require-trusted-types-for 'script'/, path);
      await page.waitForFunction(() => document.querySelector('cocreate-feedback')?.shadowRoot?.querySelector('form, [part~="compact"]'));
      const legends = await shadowText(page, 'legend');
      assert.ok(legends.includes(legend), `${path}: ${JSON.stringify(legends)}`);
      assert.deepEqual(problems, [], path);
      await page.close();
    }
  });

  test('each demo page and the API reference pass axe (WCAG 2.2 A and AA) as a whole, the elements inside included', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const path of ['/', '/riverside/', '/nordby/', '/przykladowo/', '/console/', '/docs']) {
      const page = await browser.newPage();
      // Only to inject axe: the CSP itself is checked by the test above. BiDi has no CSP bypass;
      // there axe is evaluated by the driver, which the page's CSP does not govern.
      if (engine === 'chromium') await page.setBypassCSP(true);
      await page.goto(server.url + path, { waitUntil: 'networkidle0' });
      await page.waitForFunction(() => [...document.querySelectorAll('cocreate-feedback')].every((el) => el.shadowRoot?.querySelector('form, [part~="compact"]')));
      if (engine === 'chromium') await page.addScriptTag({ content: axeSource });
      else await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        type Node = { target: unknown; any?: { message: string }[] };
        const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: Node[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return result.violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => [n.target, n.any?.[0]?.message]))}`);
      });
      assert.deepEqual(violations, [], path);
      await page.close();
    }
  });

  test('/console serves the staff console under the strict CSP: a staff token signs in and the inbox lists the council’s input', async () => {
    const { page, problems } = await open('/console');
    assert.equal(new URL(page.url()).pathname, '/console/');
    const el = (await page.$('cocreate-console'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#token'), { timeout: 10_000 }, el);
    const token = await createStaffToken(server.db, { council: 'riverside', role: 'editor', label: 'demo test' });
    await (await el.$('pierce/#token'))!.type(token);
    await (await el.$('pierce/[part~="sign-in"] button[type="submit"]'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="item"]'), { timeout: 10_000 }, el);
    assert.equal(await page.evaluate(() => sessionStorage.length), 1);
    // On a phone, a message opened from the inbox shows its heading: focus moves to the reading
    // pane, taller than the screen, and the browser scrolled its middle into view.
    await page.setViewport({ width: 360, height: 740 });
    await (await el.$('pierce/#item-0'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.activeElement?.id === 'pane', { timeout: 10_000 }, el);
    const pane = await page.evaluate((e) => {
      const [pane, title] = ['#pane', '#pane-title'].map((sel) => e.shadowRoot!.querySelector(sel)!.getBoundingClientRect());
      return { paneHeight: pane!.height, titleTop: title!.top, titleBottom: title!.bottom, viewport: innerHeight };
    }, el);
    assert.ok(pane.paneHeight > pane.viewport, `the pane is taller than the screen here (${JSON.stringify(pane)}), else this proves nothing`);
    // (-1: the heading may start a fraction of a pixel above, by sub-pixel layout.)
    assert.ok(pane.titleTop >= -1 && pane.titleBottom <= pane.viewport, `the opened message's heading is on screen: ${JSON.stringify(pane)}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the console\'s contact bank on a 360 px phone: the contacts table scrolls in its own box, which a keyboard reaches; the page does not scroll sideways', async () => {
    const { page, problems } = await open('/console/');
    await page.setViewport({ width: 360, height: 740 });
    // The demo council runs the contact bank, with seeded (made-up) contacts.
    await page.$eval('cocreate-console', (e) => e.setAttribute('council', 'demo'));
    const el = (await page.$('cocreate-console'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#token'), { timeout: 10_000 }, el);
    await (await el.$('pierce/#token'))!.type(await createStaffToken(server.db, { council: 'demo', role: 'editor', label: 'demo test' }));
    await (await el.$('pierce/[part~="sign-in"] button[type="submit"]'))!.click();
    await (await page.waitForFunction((e) => e.shadowRoot?.querySelector('#nav-bank'), { timeout: 10_000 }, el)).asElement()!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('#bank-contacts tbody tr'), { timeout: 10_000 }, el);
    const seen = await el.evaluate((e) => {
      const box = e.shadowRoot!.querySelector('#bank-contacts')!.parentElement!;
      return { box: [box.className, box.tabIndex, box.getAttribute('role'), box.getAttribute('aria-label')], caption: e.shadowRoot!.querySelector('#bank-contacts caption')!.textContent, wide: document.documentElement.scrollWidth };
    });
    assert.deepEqual(seen.box, ['table-scroll', 0, 'group', seen.caption]);
    assert.ok(seen.wide <= 360, `the console page is ${seen.wide} px wide at 360 px`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the console\'s embed builder says a demo page on the server\'s own origin may embed Riverside, as it does (no listed origin needed)', async () => {
    const { page, problems } = await open('/console/');
    const shown = async (selector: string) =>
      (await page.waitForFunction((sel) => document.querySelector('cocreate-console')?.shadowRoot?.querySelector(sel), { timeout: 15_000 }, selector)).asElement() as ElementHandle<HTMLElement>;
    await (await shown('#token')).type(await createStaffToken(server.db, { council: 'riverside', role: 'editor', label: 'demo embed test' }));
    await (await shown('[part~="sign-in"] button[type="submit"]')).click();
    await (await shown('#nav-embed')).click();
    await (await shown('#embed-page')).type(`${server.url}/riverside/`);
    await page.keyboard.press('Tab');
    const ok = await shown('#embed-origin-ok, #embed-origin-warning');
    assert.equal(await ok.evaluate((e) => e.id), 'embed-origin-ok', await ok.evaluate((e) => e.textContent ?? ''));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a resident sends on the Riverside page and gets a receipt; markup stays text', async () => {
    const { page, problems } = await open('/riverside/');
    const payload = `Longer hours, please <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> ${Date.now()}`;
    const el = (await page.$('cocreate-feedback'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="input-use"]'), {}, el);
    await (await el.$('pierce/input[name="kind"][value="idea"]'))!.click();
    await (await el.$('pierce/#text'))!.type(payload);
    // The demo councils refuse forms sent faster than two seconds after they appear: the resident took that long.
    await page.evaluate(advancePageClock(DEMO_FILL_MS));
    await (await el.$('pierce/button[type="submit"]'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="receipt-code"]'), { timeout: 10_000 }, el);
    const receipt = (await shadowText(page, '[part~="receipt-code"]'))[0]!;
    assert.match(receipt, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    const { rows } = await server.db.query<{ text: string; channel: string }>('SELECT text, channel FROM feedback WHERE receipt = $1', [receipt.replaceAll('-', '')]);
    assert.equal(rows[0]?.text, payload);
    assert.equal(rows[0]?.channel, 'web');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.$$eval('cocreate-feedback', (els) => els[0]!.shadowRoot!.querySelectorAll('img, script').length), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a resident joins the contact bank on /przykladowo/ as `npm start` serves it (the council lists no origin for it), and the mail leads back there', async () => {
    const { page, problems } = await open('/przykladowo/');
    const form = (await page.$('contact-bank-signup'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="consent"] a'), { timeout: 10_000 }, form);
    const email = `${engine}.demo.bank@example.org`;
    await (await form.$('pierce/input[name="kind"][value="resident"]'))!.click();
    await (await form.$('pierce/#email'))!.type(email);
    await (await form.$('pierce/input[name="languages"][value="pl"]'))!.click();
    await (await form.$('pierce/input[name="consent"][value="invitations"]'))!.click();
    await page.evaluate(advancePageClock(DEMO_FILL_MS)); // the demo councils' minimum fill time
    await (await form.$('pierce/button[type="submit"]'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="check-email"]'), { timeout: 10_000 }, form).catch(async (e) => {
      throw new Error(`${e}: ${await form.evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' '))} ${problems}`);
    });
    const mail = await smtp.waitFor(email, (m) => /#token=/.test(m.text ?? ''));
    assert.ok(fragmentLink(mail, 'token').startsWith(`${server.url}/przykladowo/#token=`), mail.text);
    assert.deepEqual(problems, []);
    // The link, opened on a phone: what the resident came for is on screen once the page has
    // settled, although <you-said-we-did> above it grows when its themes arrive, after the bank
    // has brought its answer into sight.
    await page.close();
    // A browser of its own, as the resident's phone: nothing of the page in its cache.
    const phone = await (await browser.createBrowserContext()).newPage();
    await phone.setViewport({ width: 360, height: 740 });
    await phone.goto(fragmentLink(mail, 'token'), { waitUntil: 'load' });
    const bank = (await phone.$('contact-bank-signup'))!;
    await phone.waitForFunction((e) => (e.shadowRoot?.querySelector('#task')?.textContent ?? '').includes('Jesteś w bazie kontaktów'), { timeout: 10_000 }, bank);
    await phone.waitForFunction(() => document.querySelector('you-said-we-did')?.shadowRoot?.querySelector('[part~="card"]'), { timeout: 10_000 });
    await phone.waitForNetworkIdle({ idleTime: 300 });
    const where = await bank.evaluate((e) => {
      const r = e.shadowRoot!.querySelector('#task')!.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom), viewport: innerHeight, scrollY: Math.round(scrollY) };
    });
    assert.ok(where.top >= -1 && where.top < where.viewport, `the confirmation is on screen: ${JSON.stringify(where)}`);
    await phone.browserContext().close();
  });

  test('a "join the contact bank" link on a demo page leads to that council\'s own sign-up, and only a council that runs a bank has one', async () => {
    const linked: string[] = [];
    for (const path of ['/', '/riverside/', '/nordby/', '/przykladowo/', '/strict-csp/']) {
      const html = await (await fetch(server.url + path)).text();
      for (const [tag] of html.matchAll(/<cocreate-feedback\b[^>]*>/g)) {
        const council = /\scouncil="([^"]+)"/.exec(tag)?.[1];
        const config = (await (await fetch(`${server.url}/v1/councils/${council}`)).json()) as { contactBank?: unknown };
        const url = /\scontact-bank-url="([^"]+)"/.exec(tag)?.[1];
        if (!url) continue;
        linked.push(`${path} ${council}`);
        assert.ok(config.contactBank, `${path}: ${council} runs no contact bank, yet links to ${url}`);
        const target = new URL(url, server.url + path);
        const page = await (await fetch(target)).text();
        assert.match(page, new RegExp(`<contact-bank-signup council="${council}"`), `${url} has no sign-up of ${council}`);
        if (target.hash) assert.ok(page.includes(`id="${target.hash.slice(1)}"`), `${url}: no such anchor`);
      }
    }
    assert.ok(linked.length >= 1, 'the demo shows the link somewhere');
  });

  test('<you-said-we-did> sits next to the form on each council page, in its language; the follow link after sending opens the lookup', async () => {
    const loopText = (page: Page, selector: string) =>
      page.$eval('you-said-we-did', (el, sel) => el.shadowRoot?.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector);
    const titles = [
      ['/riverside/', 'You said, we did'],
      ['/nordby/', 'I sagde, vi gjorde'],
      ['/przykladowo/', 'Powiedzieliście, zrobiliśmy'],
    ] as const;
    for (const [path, title] of titles) {
      const { page, problems } = await open(path);
      // The seeded demo themes (packages/server/src/seed-loop.ts), never the empty state.
      await page.waitForFunction(() => document.querySelector('you-said-we-did')?.shadowRoot?.querySelector('[part~="card"]'), { timeout: 10_000 });
      assert.equal(await loopText(page, '#title'), title, path);
      // Reflow (WCAG 1.4.10): on a 320 px phone the figures' table, opened, scrolls in its own box; the page does not.
      await page.setViewport({ width: 320, height: 740 });
      await page.waitForFunction(() => document.querySelector('you-said-we-did')?.shadowRoot?.querySelector('details.table'), { timeout: 10_000 });
      await page.$eval('you-said-we-did', (el) => el.shadowRoot!.querySelector('details.table')!.setAttribute('open', ''));
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 320, `${path} is ${wide} px wide at 320 px with the figures' table open`);
      assert.deepEqual(problems, [], path);
      await page.close();
    }

    const { page, problems } = await open('/riverside/');
    const form = (await page.$('cocreate-feedback'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="input-use"]'), {}, form);
    await (await form.$('pierce/input[name="kind"][value="problem"]'))!.click();
    await (await form.$('pierce/#text'))!.type(`The returns slot is jammed ${Date.now()}`);
    await page.evaluate(advancePageClock(DEMO_FILL_MS)); // the demo councils' minimum fill time
    await (await form.$('pierce/button[type="submit"]'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="follow-link"]'), { timeout: 10_000 }, form);
    const receipt = (await shadowText(page, '[part~="receipt-code"]'))[0]!;
    await (await form.$('pierce/[part~="follow-link"]'))!.click();
    await page.waitForFunction(() => document.querySelector('you-said-we-did')?.shadowRoot?.querySelector('#lookup'), { timeout: 10_000 });
    assert.equal(await loopText(page, '#lookup .heading'), 'Your message: Received');
    // The follow link carried the code in the fragment (never the query, which reaches servers), and
    // once read it left the address: the browser's history does not keep the resident's key.
    assert.equal(await form.$eval('pierce/[part~="follow-link"]', (a) => new URL((a as HTMLAnchorElement).href).hash), `#receipt=${receipt}`);
    assert.equal(new URL(page.url()).hash, '');
    assert.equal(new URL(page.url()).search, '');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('/docs renders every operation of the OpenAPI document, with no script and nothing from elsewhere', async () => {
    const { page, problems } = await open('/docs');
    const document = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    const expected = Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.operationId).filter(Boolean)).sort();
    const operations = await page.$$eval('[data-operation]', (els) => els.map((el) => el.getAttribute('data-operation')).sort());
    assert.ok(expected.length >= 5, `${expected.length} operations`);
    assert.deepEqual(operations, expected);
    assert.equal(await page.$$eval('script', (els) => els.length), 0);
    // The stylesheet applied under the page's CSP (style-src 'self'): the method badges have a border.
    assert.notEqual(await page.$eval('.method', (el) => getComputedStyle(el).borderTopStyle), 'none');
    const external = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => !u.startsWith(location.origin)));
    assert.deepEqual(external, []);
    // Reflow (WCAG 1.4.10): on a 360 px wide phone nothing scrolls sideways, the longest paths included.
    await page.setViewport({ width: 360, height: 740 });
    const widest = await page.evaluate(() => window.document.documentElement.scrollWidth); // `document` is the OpenAPI one here
    assert.ok(widest <= 360, `/docs is ${widest} px wide at 360 px`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
