// Issue 13: the WordPress plugin in a real WordPress (Debian's 6.1 package, Apache, MariaDB; set up
// by scripts/wordpress-setup.sh, which .ci/run's packages allow). The test installs the zip
// `npm run build` made, points its settings at a real Civic Loop server started here, and for
// each role saves posts as that user through WordPress's own functions (so kses filters them as
// it would that user's): the feedback block, the shortcode, and the README's raw paste, then the
// contact bank's and you-said-we-did's blocks. Headless Chromium opens each published post as a
// resident: a submission gets its receipt, a sign-up "Check your email", and the receipt is found.
// The block editor is checked in English and, for an editor whose profile language is Polish, in
// Polish (the plugin's own .mo); axe checks the settings page and the blocks' sidebar controls.
// Last, a network (WP_MULTISITE=1 scripts/wordpress-setup.sh, on localhost:8182): a sub-site's
// administrator, who has no unfiltered_html there, publishes the block, the shortcode and the paste.
// What WordPress stored and whether the resident could submit is written to
// .test-results/wordpress.json, the table in the closing note. Needs root (it configures
// Apache and MariaDB); scripts/test.mjs runs it only where WordPress is installed.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRequire } from 'node:module';
import { unzipSync } from 'fflate';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createCouncil, createService, readCdnManifest, startServer, type RunningServer } from '@civicloop/server';
import { launchChromium } from '../support/chromium.mjs';
import { testBankConfig } from '../support/contact-bank.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = `${root}packages/elements/dist/cdn`;
const zip = `${root}packages/wordpress/dist/civicloop-wordpress.zip`;
const plugins = '/var/lib/wordpress/wp-content/plugins';
const port = Number(process.env['WP_PORT'] ?? 8181);
const wpUrl = `http://127.0.0.1:${port}`;
const council = 'riverside-wp';
// The network (WP_MULTISITE=1 scripts/wordpress-setup.sh): Debian's config is chosen by host name, hence localhost.
const msPort = Number(process.env['WP_MULTISITE_PORT'] ?? 8182);
const msHost = `localhost:${msPort}`;
const ROLES = ['administrator', 'editor', 'author', 'contributor'] as const;

const skip = !existsSync('/usr/share/wordpress/wp-load.php')
  ? 'WordPress is not installed (.ci/run installs it)'
  : !existsSync(zip)
    ? 'run npm run build first'
    : false;

/**
 * Runs tests/wordpress/wp.php: WordPress's own functions, as the given user. Asynchronous, since
 * WordPress calls the Civic Loop server that runs in this process.
 */
async function wp<T>(cmd: Record<string, unknown>): Promise<T> {
  const { stdout } = await promisify(execFile)('php', [`${root}tests/wordpress/wp.php`, JSON.stringify({ host: `127.0.0.1:${port}`, ...cmd })], { encoding: 'utf8' });
  return JSON.parse(stdout.slice(stdout.indexOf('{'))) as T;
}

type Saved = { id: number; status: string; stored: string };
type Row = { role: string; path: string; unfilteredHtml: boolean; stored: string; elementOnPage: boolean; receipt: string | null };

describe('the WordPress plugin in a real WordPress [chromium]', { skip }, () => {
  let server: RunningServer;
  let browser: Browser;
  let serviceId: string;
  const users: Record<string, { id: number; unfilteredHtml: boolean }> = {};
  const rows: Row[] = [];
  let snippet = '';
  let mailDir = '';

  before(async () => {
    execFileSync('bash', [`${root}scripts/wordpress-setup.sh`], { env: { ...process.env, WP_PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
    // Every resident here is one browser at 127.0.0.1: the per-client limit (20 an hour) is raised
    // above the ~30 inputs this suite sends, so it tests WordPress, not the rate limit.
    // Mail (the contact bank's "check your email") is written to a folder: this suite tests WordPress, not SMTP.
    mailDir = mkdtempSync(join(tmpdir(), 'civicloop-wp-mail-'));
    server = await startServer({ port: 0, dataDir: 'memory://', cdnDir, mailOutboxDir: mailDir, purgeEveryMs: false, limits: { feedbackPerClientPerHour: 100 }, log: () => {} });
    // The council runs a contact bank too, so every element's block can take a resident's input.
    await createCouncil(server.db, { slug: council, name: 'Riverside', origins: [wpUrl], locales: ['en'], defaultLocale: 'en', contactBank: testBankConfig() });
    await createCouncil(server.db, { slug: 'elsewhere', name: 'Elsewhere', origins: ['https://www.elsewhere.example'], locales: ['en'], defaultLocale: 'en' });
    serviceId = (await createService(server.db, { council, name: { en: 'Libraries' }, category: 'culture' })).id;
    // The README's paste, with the tags the server prints (cdn-snippet).
    const manifest = (await readCdnManifest(cdnDir))!;
    snippet = `<script type="module" src="${server.url}/cdn/v${manifest.version}/civicloop.js" integrity="${manifest.files['civicloop.js']}" crossorigin="anonymous"></script>\n\n<cocreate-feedback council="${council}" service="${serviceId}"></cocreate-feedback>`;

    // Plugins → Add New → Upload: the zip unpacked into the plugins folder, then activated.
    rmSync(`${plugins}/civicloop`, { recursive: true, force: true });
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
      if (name.endsWith('/')) continue;
      mkdirSync(`${plugins}/${name.slice(0, name.lastIndexOf('/'))}`, { recursive: true });
      writeFileSync(`${plugins}/${name}`, bytes);
    }
    for (const role of ROLES) users[role] = await wp({ do: 'user', login: `${role}-wp`, role });
    browser = await launchChromium(puppeteer);
  });

  test('before the plugin: the README\'s paste works only for roles with unfiltered_html', async () => {
    for (const role of ROLES) {
      let saved = await wp<Saved>({ do: 'post', user: users[role]!.id, title: `${role} paste without the plugin`, content: snippet });
      if (role === 'contributor') saved = await wp<Saved>({ do: 'publish', user: users['editor']!.id, id: saved.id });
      const seen = await resident(saved.id, true);
      rows.push({ role, path: 'paste, no plugin', unfilteredHtml: users[role]!.unfilteredHtml, stored: saved.stored, elementOnPage: seen.elementOnPage, receipt: seen.receipt });
      if (users[role]!.unfilteredHtml) {
        assert.equal(saved.stored, snippet, `${role}: stored unchanged`);
        assert.match(seen.receipt ?? '', /^[2-9A-HJKMNP-Z]{4}-/, `${role}: a receipt`);
      } else {
        // kses removes the script and the element, and WordPress says "Post published."
        assert.equal(saved.stored.trim(), '', `${role}: nothing stored`);
        assert.equal(seen.elementOnPage, false);
      }
    }
    assert.deepEqual(ROLES.map((r) => users[r]!.unfilteredHtml), [true, true, false, false]);
    // A hardened site: not even an Administrator's paste is kept.
    const hardened = await wp<Saved>({ do: 'post', user: users['administrator']!.id, title: 'hardened paste without the plugin', content: snippet, disallowUnfilteredHtml: true });
    const seen = await resident(hardened.id, false);
    rows.push({ role: 'administrator (DISALLOW_UNFILTERED_HTML)', path: 'paste, no plugin', unfilteredHtml: false, stored: hardened.stored, elementOnPage: seen.elementOnPage, receipt: null });
    assert.equal(hardened.stored.trim(), '');
    assert.equal(seen.elementOnPage, false);
  });

  test('the plugin installs from the built zip and activates', async () => {
    assert.deepEqual(await wp({ do: 'activate' }), { ok: true, error: null });
  });

  after(async () => {
    if (rows.length) {
      mkdirSync(`${root}.test-results`, { recursive: true });
      writeFileSync(`${root}.test-results/wordpress.json`, JSON.stringify(rows, null, 2) + '\n');
      console.log(rows.map((r) => `${r.role.padEnd(34)} ${r.path.padEnd(10)} stored: ${JSON.stringify(r.stored.slice(0, 90))}  element: ${r.elementOnPage}  receipt: ${r.receipt ?? 'none'}`).join('\n'));
    }
    await browser?.close();
    await server?.close();
    if (mailDir) rmSync(mailDir, { recursive: true, force: true });
  });

  test('settings: saving checks the server, the council and whether this site is an allowed origin', async () => {
    type Saved = { saved: { server: string; council: string }; messages: { type: string; message: string }[] };
    const unreachable = await wp<Saved>({ do: 'settings', server: 'http://127.0.0.1:9', council });
    assert.equal(unreachable.messages[0]?.type, 'error');
    assert.match(unreachable.messages[0]!.message, /could not be reached/);
    const unknown = await wp<Saved>({ do: 'settings', server: server.url, council: 'nowhere' });
    assert.match(unknown.messages[0]!.message, /has no council "nowhere"/);
    const notAllowed = await wp<Saved>({ do: 'settings', server: server.url, council: 'elsewhere' });
    assert.equal(notAllowed.messages[0]?.type, 'error');
    assert.match(notAllowed.messages[0]!.message, new RegExp(`This site \\(${wpUrl.replace(/\./g, '\\.')}\\) is not among the allowed origins of the council "elsewhere"`));
    // The plugin's own .mo: the same check in German.
    const german = await wp<Saved>({ do: 'settings', server: server.url, council: 'elsewhere', locale: 'de_DE' });
    assert.match(german.messages[0]!.message, /^Diese Website \(http:\/\/127\.0\.0\.1:\d+\) gehört nicht zu den erlaubten Ursprüngen der Kommune „elsewhere“/);
    const ok = await wp<Saved>({ do: 'settings', server: `${server.url}/`, council });
    assert.deepEqual(ok.messages, [{ type: 'success', message: `Connected to Riverside; this site (${wpUrl}) may show its elements.` }]);
    assert.deepEqual(ok.saved, { server: server.url, council });
  });

  test('the shortcode refuses unknown elements and attributes, visibly to editors only', async () => {
    type Rendered = { html: string };
    for (const content of ['[civicloop element="cocreate-console"]', `[civicloop element="cocreate-feedback" onclick="alert(1)"]`, '[civicloop element="cocreate-feedback" heading-level="two"]']) {
      const asEditor = await wp<Rendered>({ do: 'render', user: users['editor']!.id, content });
      assert.match(asEditor.html, /class="civicloop-refused" role="alert"/, content);
      assert.doesNotMatch(asEditor.html, /<cocreate-/);
      assert.equal((await wp<Rendered>({ do: 'render', user: 0, content })).html.trim(), '', `a visitor sees nothing for ${content}`);
    }
    // Every value escaped: a quote cannot leave its attribute.
    const html = (await wp<Rendered>({ do: 'render', user: 0, content: `[civicloop element="cocreate-feedback" follow-url='https://x.example/"><script>alert(1)</script>' compact]` })).html;
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /^<cocreate-feedback follow-url="[^"<>]*" compact council="riverside-wp"><\/cocreate-feedback>$/);
  });

  test('the service control lists the council\'s services, through WordPress', async () => {
    const r = await wp<{ status: number; data: { id: string; name: string }[] }>({ do: 'rest', user: users['author']!.id, path: '/civicloop/v1/services' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.data, [{ id: serviceId, name: 'Libraries' }]);
    assert.equal((await wp<{ status: number }>({ do: 'rest', user: 0, path: '/civicloop/v1/services' })).status, 401);
  });

  /** Opens a published post as a resident: the element renders, and (with `submit`) a submission gets a receipt. */
  async function resident(postId: number, submit: boolean, site = `${wpUrl}/`): Promise<{ elementOnPage: boolean; receipt: string | null; problems: string[] }> {
    return withPage(`${site}?p=${postId}`, async (page) => {
      const form = await page.$('cocreate-feedback');
      if (!form) return { elementOnPage: false, receipt: null };
      await page.waitForFunction((e) => e.shadowRoot?.querySelector('form #text'), { timeout: 30_000 }, form);
      if (!submit) return { elementOnPage: true, receipt: null };
      await (await form.$('pierce/input[name="kind"][value="idea"]'))!.click();
      await (await form.$('pierce/#text'))!.type(`Longer opening hours, please (post ${postId}).`);
      await (await form.$('pierce/button[type="submit"]'))!.click();
      await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="receipt-code"]'), { timeout: 30_000 }, form);
      return { elementOnPage: true, receipt: await form.evaluate((e) => e.shadowRoot!.querySelector('[part~="receipt-code"]')!.textContent!.trim()) };
    });
  }

  /** A resident joins the contact bank through the post's <contact-bank-signup>: "Check your email". */
  async function joins(postId: number, email: string): Promise<{ elementOnPage: boolean; outcome: string | null; problems: string[] }> {
    return withPage(`${wpUrl}/?p=${postId}`, async (page) => {
      const form = await page.$('contact-bank-signup');
      if (!form) return { elementOnPage: false, outcome: null };
      await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="consent"] a'), { timeout: 30_000 }, form);
      await (await form.$('pierce/input[name="kind"][value="resident"]'))!.click();
      await (await form.$('pierce/#email'))!.type(email);
      await (await form.$('pierce/input[name="formats"][value="workshop"]'))!.click();
      await (await form.$('pierce/input[name="languages"][value="en"]'))!.click();
      await (await form.$('pierce/input[name="consent"][value="invitations"]'))!.click();
      await (await form.$('pierce/button[type="submit"]'))!.click();
      await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="check-email"]'), { timeout: 30_000 }, form);
      return { elementOnPage: true, outcome: await form.evaluate((e) => e.shadowRoot!.querySelector('#outcome-title')!.textContent!.trim()) };
    });
  }

  /** A resident follows their input by its receipt in the post's <you-said-we-did> (`#receipt=` in the address). */
  async function follows(postId: number, receipt: string): Promise<{ elementOnPage: boolean; outcome: string | null; problems: string[] }> {
    return withPage(`${wpUrl}/?p=${postId}#receipt=${receipt}`, async (page) => {
      const loop = await page.$('you-said-we-did');
      if (!loop) return { elementOnPage: false, outcome: null };
      await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="lookup"]'), { timeout: 30_000 }, loop);
      return { elementOnPage: true, outcome: await loop.evaluate((e) => e.shadowRoot!.querySelector('[part~="lookup"]')!.textContent!.replace(/\s+/g, ' ').trim()) };
    });
  }

  /** A page opened by a resident, with what went wrong on it (page errors, console errors, failed responses). */
  async function withPage<T extends object>(url: string, use: (page: Page) => Promise<T>): Promise<T & { problems: string[] }> {
    const page: Page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
    });
    try {
      await page.goto(url, { waitUntil: 'load' });
      return { ...(await use(page)), problems };
    } finally {
      await page.close();
    }
  }

  const paths = {
    block: () => `<!-- wp:civicloop/cocreate-feedback {"service":"${serviceId}"} /-->`,
    shortcode: () => `[civicloop element="cocreate-feedback" service="${serviceId}"]`,
    paste: () => snippet,
  };

  for (const hardened of [false, true]) {
    for (const role of ROLES) {
      const label = hardened ? `${role} (DISALLOW_UNFILTERED_HTML)` : role;
      test(`${label}: the feedback block and the shortcode get a receipt, the contact bank block a sign-up and the you-said-we-did block finds that receipt; the raw paste is recorded`, async () => {
        // The three posts side by side (three residents at once), to keep the suite quick.
        const done = await Promise.all(
          Object.entries(paths).map(async ([path, content]) => {
            let saved = await wp<Saved>({ do: 'post', user: users[role]!.id, title: `${label} ${path}`, content: content(), disallowUnfilteredHtml: hardened });
            const pending = saved.status;
            // A Contributor's post is submitted for review, then published by an editor.
            if (role === 'contributor') saved = await wp<Saved>({ do: 'publish', user: users['editor']!.id, id: saved.id, disallowUnfilteredHtml: hardened });
            const seen = saved.status === 'publish' ? await resident(saved.id, true) : null;
            return { path, content, saved, pending, seen };
          }),
        );
        for (const { path, content, saved, pending, seen: maybeSeen } of done) {
          assert.ok(saved.id > 0);
          assert.equal(pending, role === 'contributor' ? 'pending' : 'publish');
          assert.equal(saved.status, 'publish');
          const seen = maybeSeen!;
          const unfilteredHtml = users[role]!.unfilteredHtml && !hardened;
          rows.push({ role: label, path, unfilteredHtml, stored: saved.stored, elementOnPage: seen.elementOnPage, receipt: seen.receipt });
          if (path === 'paste') {
            // The README says who may paste: with unfiltered_html the snippet is stored as it is;
            // without it kses removes the <script>, and the plugin's allow-list keeps the element.
            assert.equal(saved.stored.includes('<script'), unfilteredHtml, `${label}: the script ${unfilteredHtml ? 'kept' : 'removed'}`);
            assert.match(saved.stored, /<cocreate-feedback council="[^"]+" service="[^"]+"><\/cocreate-feedback>/);
          } else {
            // The post stores what was written: the block's comment or the shortcode, never the element.
            assert.equal(saved.stored, content());
          }
          assert.equal(seen.elementOnPage, true, `${label} ${path}: the element is on the page`);
          assert.match(seen.receipt ?? '', /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/, `${label} ${path}: a receipt`);
          assert.deepEqual(seen.problems, [], `${label} ${path}`);
        }

        // The other elements' blocks, as the same user: a resident joins the contact bank, and
        // follows the input just sent through the block by its receipt.
        const receipt = done.find((d) => d.path === 'block')!.seen!.receipt!;
        const others = {
          'contact bank block': { content: `<!-- wp:civicloop/contact-bank-signup /-->`, visit: (id: number) => joins(id, `${role}${hardened ? '-hardened' : ''}@residents.example`) },
          'you said, we did block': { content: `<!-- wp:civicloop/you-said-we-did /-->`, visit: (id: number) => follows(id, receipt) },
        };
        for (const [path, { content, visit }] of Object.entries(others)) {
          let saved = await wp<Saved>({ do: 'post', user: users[role]!.id, title: `${label} ${path}`, content, disallowUnfilteredHtml: hardened });
          if (role === 'contributor') saved = await wp<Saved>({ do: 'publish', user: users['editor']!.id, id: saved.id, disallowUnfilteredHtml: hardened });
          assert.equal(saved.stored, content, `${label} ${path}: only the block's comment is stored`);
          const seen = await visit(saved.id);
          rows.push({ role: label, path, unfilteredHtml: users[role]!.unfilteredHtml && !hardened, stored: saved.stored, elementOnPage: seen.elementOnPage, receipt: seen.outcome });
          assert.equal(seen.elementOnPage, true, `${label} ${path}: the element is on the page`);
          if (path === 'contact bank block') assert.equal(seen.outcome, 'Check your email', `${label}: joined`);
          else assert.match(seen.outcome ?? '', new RegExp(`Receipt code ${receipt}`), `${label}: the receipt found`);
          assert.deepEqual(seen.problems, [], `${label} ${path}`);
        }
      });
    }
  }

  /**
   * A new page in a browser context of its own (another user's session cookies stay out), signed
   * in to wp-admin through wp-login.php as a person would. The login page focuses and selects its
   * user field 200 ms after it loads (wp_attempt_focus): typing before that, on a busy machine,
   * sent part of the password into the user field. So the test waits for that focus, as a person
   * sees it, and checks that it landed in wp-admin.
   */
  async function signIn(login: string, password: string): Promise<Page> {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    await page.goto(`${wpUrl}/wp-login.php`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.activeElement?.id === 'user_login', { timeout: 10_000 });
    await page.type('#user_login', login);
    await page.type('#user_pass', password);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#wp-submit')]);
    const url = new URL(page.url());
    assert.equal(url.pathname.startsWith('/wp-admin'), true, `${login} signed in: ${url.href} ${await page.$eval('#login_error', (e) => e.textContent).catch(() => '')}`);
    return page;
  }

  /**
   * Waits (30 s) for `fn` in the page; a timeout says what was awaited, where the page was and
   * what it showed, so that a failure seen once in CI explains itself.
   */
  async function until<A extends unknown[]>(page: Page, what: string, fn: (...args: A) => unknown, ...args: A) {
    try {
      return await page.waitForFunction(fn as never, { timeout: 30_000 }, ...(args as never[]));
    } catch (error) {
      const shown = await page.evaluate(() => {
        const open = document.querySelector('.components-modal__frame')?.textContent ?? '';
        const inspector = document.querySelector('.block-editor-block-inspector')?.textContent ?? '(no block inspector)';
        return `modal: ${open.slice(0, 120) || 'none'}; inspector: ${inspector.slice(0, 300)}; body: ${document.body?.innerText.replace(/\s+/g, ' ').slice(0, 300)}`;
      }).catch((e) => `(could not read the page: ${e})`);
      throw new Error(`${what}: not seen in 30 s at ${page.url()}; ${shown}`, { cause: error });
    }
  }

  /** A new page, signed in to wp-admin as this user, on a new post in the block editor with Civic Loop's blocks registered. */
  async function newPostAs(login: string, password: string): Promise<Page> {
    const page = await signIn(login, password);
    await page.goto(`${wpUrl}/wp-admin/post-new.php`, { waitUntil: 'load' });
    await until(page, 'the block editor with the plugin\'s blocks', () => (window as any).wp?.blocks?.getBlockType?.('civicloop/cocreate-feedback'));
    return page;
  }

  /** The block's title, description and its category's title, as the editor has them. */
  const blockTexts = (page: Page, name: string) =>
    page.evaluate((n) => {
      const wp = (window as any).wp;
      const type = wp.blocks.getBlockType(n);
      const category = wp.blocks.getCategories().find((c: { slug: string }) => c.slug === type.category);
      return { title: type.title as string, description: type.description as string, category: category?.title as string | undefined };
    }, name);

  test('in the block editor: the block is offered, its service control lists the council\'s services, the real element is its preview, and the post stores only its attributes', async () => {
    const page = await newPostAs('admin', 'admin-password-for-tests');
    try {
      const types = await page.evaluate(() => (window as any).wp.blocks.getBlockTypes().map((b: { name: string }) => b.name).filter((n: string) => n.startsWith('civicloop/')).sort());
      assert.deepEqual(types, ['civicloop/cocreate-feedback', 'civicloop/contact-bank-signup', 'civicloop/you-said-we-did']);
      assert.deepEqual(await blockTexts(page, 'civicloop/cocreate-feedback'), {
        title: 'Feedback form',
        description: 'Resident feedback with a receipt, an offline outbox and assisted entry.',
        category: 'Civic Loop',
      });
      await page.evaluate(() => {
        const wp = (window as any).wp;
        wp.data.dispatch('core/block-editor').insertBlocks(wp.blocks.createBlock('civicloop/cocreate-feedback', {}));
      });
      // The sidebar's service control, filled from the council's services through the plugin's REST route.
      const option = await until(page, 'the service control\'s options', () =>
        [...document.querySelectorAll('.block-editor-block-inspector select option')].find((o) => o.textContent === 'Libraries') as HTMLOptionElement | undefined,
      );
      const select = await option.evaluateHandle((o) => (o as HTMLOptionElement).parentElement as HTMLSelectElement);
      await select.asElement()!.select(serviceId);
      // The preview is the element itself, defined by the loader in the editor.
      await until(page, 'the element as the block\'s preview', (id: string) => document.querySelector(`.editor-styles-wrapper cocreate-feedback[service="${id}"]`)?.shadowRoot?.querySelector('form'), serviceId);
      const content = await page.evaluate(() => (window as any).wp.data.select('core/editor').getEditedPostContent());
      assert.equal(content, `<!-- wp:civicloop/cocreate-feedback {"service":"${serviceId}"} /-->`);
    } finally {
      await page.browserContext().close();
    }
  });

  test('in the block editor of an editor whose profile language is Polish: the blocks\' titles and descriptions, their controls\' labels, help and options are in Polish, from the plugin\'s own .mo', async () => {
    // WordPress's own Polish files are not installed (no network): only the plugin's texts change.
    await wp({ do: 'user', login: 'editor-pl', role: 'editor', password: 'editor-pl-password-for-tests', locale: 'pl_PL' });
    const page = await newPostAs('editor-pl', 'editor-pl-password-for-tests');
    try {
      assert.deepEqual(await blockTexts(page, 'civicloop/cocreate-feedback'), {
        title: 'Formularz opinii',
        description: 'Opinie mieszkańców z kodem potwierdzenia, skrzynką nadawczą offline i pomocą we wpisywaniu.',
        category: 'Civic Loop',
      });
      assert.equal((await blockTexts(page, 'civicloop/contact-bank-signup')).title, 'Zapisy do bazy kontaktów');
      assert.equal((await blockTexts(page, 'civicloop/you-said-we-did')).title, 'Powiedzieliście, zrobiliśmy');
      // The inserter's search finds it by its Polish title.
      const found = await page.evaluate(() => {
        const wp = (window as any).wp;
        return wp.data.select('core/block-editor').getInserterItems().filter((i: { title: string }) => i.title === 'Formularz opinii').map((i: { name: string }) => i.name);
      });
      assert.deepEqual(found, ['civicloop/cocreate-feedback']);
      await page.evaluate(() => {
        const wp = (window as any).wp;
        wp.data.dispatch('core/block-editor').insertBlocks(wp.blocks.createBlock('civicloop/you-said-we-did', {}));
      });
      // The sidebar's controls for the selected block.
      await until(page, 'the block\'s controls in Polish', () => document.querySelector('.block-editor-block-inspector')?.textContent?.includes('Poziom nagłówka'));
      // textContent: the labels are upper-cased by CSS only.
      const text = await page.$eval('.block-editor-block-inspector', (p) => p.textContent ?? '');
      for (const expected of ['Powiedzieliście, zrobiliśmy', 'Ustawienia', 'Status', 'Na początku pokazuj tylko tematy o tym statusie; mieszkaniec może go zmienić.', 'Język', 'Gmina', 'Usługa', 'Poziom górnego nagłówka elementu (1–6)']) {
        assert.ok(text.includes(expected), `the inspector shows "${expected}":\n${text}`);
      }
      const options = await page.evaluate(() =>
        [...document.querySelectorAll('.block-editor-block-inspector select option')].map((o) => o.textContent),
      );
      assert.ok(['Słuchamy', 'Rozważamy', 'Zaplanowane', 'Zrobione', 'Niemożliwe'].every((o) => options.includes(o)), options.join(', '));
      assert.ok(!/Heading level|Council slug/.test(text), 'nothing left in English');
    } finally {
      await page.browserContext().close();
    }
  });

  test('every element\'s block renders, and the loader comes once per page with its integrity hash', async () => {
    const content = ['cocreate-feedback', 'you-said-we-did', 'contact-bank-signup'].map((t) => `<!-- wp:civicloop/${t} /-->`).join('\n\n');
    const saved = await wp<Saved>({ do: 'post', user: users['author']!.id, title: 'All the blocks', content });
    const manifest = (await readCdnManifest(cdnDir))!;
    const html = await (await fetch(`${wpUrl}/?p=${saved.id}`)).text();
    const scripts = [...html.matchAll(/<script[^>]*civicloop\.js[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [
      `<script type="module" src="${server.url}/cdn/v${manifest.version}/civicloop.js" integrity="${manifest.files['civicloop.js']}" crossorigin="anonymous" id="civicloop-js">`,
    ]);
    assert.equal([...html.matchAll(/<link[^>]*civicloop\.css[^>]*>/g)].length, 1);
    const page = await browser.newPage();
    try {
      await page.goto(`${wpUrl}/?p=${saved.id}`, { waitUntil: 'load' });
      for (const tag of ['cocreate-feedback', 'you-said-we-did', 'contact-bank-signup']) {
        await page.waitForFunction((t) => customElements.get(t) && (document.querySelector(t)?.shadowRoot?.textContent ?? '').trim().length > 0, { timeout: 30_000 }, tag);
      }
    } finally {
      await page.close();
    }
  });

  /**
   * axe (WCAG 2.2 A and AA) over the plugin's own markup only (`include`), so that WordPress's
   * own admin does not decide the result: violations as "rule target: message".
   */
  async function axe(page: Page, include: string[]): Promise<string[]> {
    const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: source });
    return page.evaluate(async (selectors) => {
      type Node = { target: unknown; any?: { message: string }[]; all?: { message: string }[]; none?: { message: string }[] };
      const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: { id: string; nodes: Node[] }[]; passes: unknown[] }> } }).axe;
      const result = await axe.run({ include: selectors.map((sel) => [sel]) }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      if (result.passes.length === 0) return ['axe checked nothing: is the selector right?'];
      return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}: ${[...(n.any ?? []), ...(n.all ?? []), ...(n.none ?? [])].map((c) => c.message).join(' / ')}`));
    }, include);
  }

  test('accessibility (axe, WCAG 2.2 AA): Settings → Civic Loop, with the check\'s message, passes', async () => {
    const page = await signIn('admin', 'admin-password-for-tests');
    try {
      await page.goto(`${wpUrl}/wp-admin/options-general.php?page=civicloop`, { waitUntil: 'load' });
      assert.deepEqual(await axe(page, ['#wpbody-content .wrap']), [], 'the settings page');
      // Each field's hint is read with it (axe does not ask for this).
      assert.deepEqual(
        await page.$$eval('.wrap input.regular-text', (inputs) => inputs.map((i) => document.getElementById(i.getAttribute('aria-describedby') ?? '')?.textContent)),
        ['Where the Civic Loop server is, as residents\' browsers reach it.', 'The council\'s short name (its slug), used when a block or shortcode names none.'],
      );
      // Saved through the form, as an administrator does: the error the check gives is on the page too.
      const field = await page.$('#civicloop_council');
      await field!.click({ clickCount: 3 });
      await field!.type('elsewhere');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#submit')]);
      assert.match(await page.$eval('#wpbody-content .wrap', (w) => (w as HTMLElement).innerText), /is not among the allowed origins of the council "elsewhere"/);
      assert.deepEqual(await axe(page, ['#wpbody-content .wrap']), [], 'the settings page with the check\'s message');
      const again = await page.$('#civicloop_council');
      await again!.click({ clickCount: 3 });
      await again!.type(council);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#submit')]);
      assert.match(await page.$eval('#wpbody-content .wrap', (w) => (w as HTMLElement).innerText), /Connected to Riverside/);
    } finally {
      await page.browserContext().close();
    }
  });

  test('accessibility (axe, WCAG 2.2 AA): each block\'s controls in the editor\'s sidebar pass', async () => {
    const page = await newPostAs('admin', 'admin-password-for-tests');
    try {
      for (const tag of ['cocreate-feedback', 'contact-bank-signup', 'you-said-we-did']) {
        await page.evaluate((t) => {
          const wp = (window as any).wp;
          wp.data.dispatch('core/block-editor').resetBlocks([]);
          wp.data.dispatch('core/block-editor').insertBlocks(wp.blocks.createBlock(`civicloop/${t}`, {}));
        }, tag);
        // The plugin's panel, once the service control has its list.
        await until(page, `${tag}: the service control's options`, () => [...document.querySelectorAll('.block-editor-block-inspector select option')].some((o) => o.textContent === 'Libraries'));
        assert.deepEqual(await axe(page, ['.block-editor-block-inspector .civicloop-controls']), [], tag);
      }
    } finally {
      await page.browserContext().close();
    }
  });

  test('multisite: the administrator of a sub-site, who has no unfiltered_html there (only super admins do), publishes the block and the shortcode, and a resident gets a receipt', async () => {
    execFileSync('bash', [`${root}scripts/wordpress-setup.sh`], { env: { ...process.env, WP_MULTISITE: '1', WP_PORT: String(msPort) }, stdio: ['ignore', 'ignore', 'inherit'] });
    const msCouncil = 'riverside-ms';
    await createCouncil(server.db, { slug: msCouncil, name: 'Riverside network site', origins: [`http://${msHost}`], locales: ['en'], defaultLocale: 'en' });
    const msService = (await createService(server.db, { council: msCouncil, name: { en: 'Parks' }, category: 'culture' })).id;
    const site = await wp<{ id: number; url: string }>({ host: msHost, do: 'site', slug: 'riverside', title: 'Riverside' });
    assert.equal(site.url, `http://${msHost}/riverside/`);
    const path = '/riverside/';
    const admin = await wp<{ id: number; unfilteredHtml: boolean; superAdmin: boolean }>({ host: msHost, path, do: 'user', login: 'site-admin', role: 'administrator' });
    assert.deepEqual([admin.unfilteredHtml, admin.superAdmin], [false, false], 'a site administrator on a network has no unfiltered_html');
    const paste = snippet.replace(`council="${council}" service="${serviceId}"`, `council="${msCouncil}" service="${msService}"`);
    // Without the plugin, the README's paste is emptied, as on a single site with DISALLOW_UNFILTERED_HTML.
    const before = await wp<Saved>({ host: msHost, path, do: 'post', user: admin.id, title: 'Sub-site administrator paste without the plugin', content: paste });
    const unseen = await resident(before.id, false, site.url);
    rows.push({ role: 'administrator of a network\'s site', path: 'paste, no plugin', unfilteredHtml: false, stored: before.stored, elementOnPage: unseen.elementOnPage, receipt: null });
    assert.equal(before.stored.trim(), '');
    assert.equal(unseen.elementOnPage, false);
    // The plugin folder is the single site's (shared wp-content), installed from the zip above; the super admin network-activates it.
    assert.deepEqual(await wp({ host: msHost, do: 'activate', network: true }), { ok: true, error: null });
    // The sub-site's administrator saves the plugin's settings for their site.
    type Settings = { saved: { server: string; council: string }; messages: { type: string; message: string }[] };
    const saved = await wp<Settings>({ host: msHost, path, do: 'settings', user: admin.id, server: server.url, council: msCouncil });
    assert.deepEqual(saved.messages, [{ type: 'success', message: `Connected to Riverside network site; this site (http://${msHost}) may show its elements.` }]);
    const contents = {
      block: `<!-- wp:civicloop/cocreate-feedback {"service":"${msService}"} /-->`,
      shortcode: `[civicloop element="cocreate-feedback" service="${msService}"]`,
      paste,
    };
    for (const [kind, content] of Object.entries(contents)) {
      const post = await wp<Saved>({ host: msHost, path, do: 'post', user: admin.id, title: `Sub-site administrator ${kind}`, content });
      assert.equal(post.status, 'publish');
      const seen = await resident(post.id, true, site.url);
      rows.push({ role: 'administrator of a network\'s site', path: kind, unfilteredHtml: false, stored: post.stored, elementOnPage: seen.elementOnPage, receipt: seen.receipt });
      if (kind === 'paste') {
        // kses removes the script, even for this administrator; the plugin's allow-list keeps the element.
        assert.equal(post.stored.includes('<script'), false);
        assert.match(post.stored, new RegExp(`<cocreate-feedback council="${msCouncil}" service="${msService}"></cocreate-feedback>`));
      } else {
        assert.equal(post.stored, content, `${kind}: only what was written is stored`);
      }
      assert.equal(seen.elementOnPage, true, `${kind}: the element is on the sub-site's page`);
      assert.match(seen.receipt ?? '', /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/, `${kind}: a receipt`);
      assert.deepEqual(seen.problems, [], kind);
    }
  });
});
