// Issue 13's "from scratch with the README alone": the commands of the README's "Running the
// server" run as printed (a fresh data folder; the server on a free port), and the snippet of its
// paste section, with the tags `cdn-snippet` prints as the README says to copy them, takes a
// resident's input on the council's own page (https://www.riverside.example, answered by the
// test in Chromium, as is the README's server address, relayed to the server the test started) and
// gives a receipt.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type HTTPRequest } from 'puppeteer-core';
import { launchChromium } from '../support/chromium.mjs';
import { codeAfter } from '../support/readme.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = `${root}packages/server/dist/cli.js`;

/** A shell line's words (double-quoted words kept whole; a trailing `# comment` dropped). */
function words(line: string): string[] {
  return [...line.replace(/\s+#.*$/, '').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** The server's address in the README's examples. */
const SERVER = 'https://civicloop.your-council.example';

/** Sends a browser request for the README's server address to the real one at `url`, and its answer back. */
async function relay(r: HTTPRequest, url: string): Promise<void> {
  const headers = Object.fromEntries(Object.entries(r.headers()).filter(([k]) => !/^(host|accept-encoding)$/i.test(k)));
  // The body of a request the page sent as a stream is not in the event: it is asked for.
  const sent = r.hasPostData() ? (r.postData() ?? (await r.fetchPostData())) : undefined;
  const res = await fetch(url + r.url().slice(SERVER.length), { method: r.method(), headers, body: sent ?? null, redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  // fetch has already decoded the body: its length and encoding headers no longer apply.
  const answer = Object.fromEntries([...res.headers].filter(([k]) => !/^(content-encoding|content-length|transfer-encoding)$/i.test(k)));
  await r.respond({ status: res.status, headers: answer, body });
}

describe('a council made by following the README', { skip: !existsSync(cli) && 'run npm run build first' }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'civicloop-readme-'));
  const env = { ...process.env, DATA_DIR: dataDir };
  delete env['DATABASE_URL'];
  let serve: ChildProcess | undefined;
  let browser: Browser;

  function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d));
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  }

  before(async () => {
    browser = await launchChromium(puppeteer);
  });
  after(async () => {
    serve?.kill('SIGTERM');
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('its commands run as printed, and its paste snippet takes input with a receipt', async () => {
    // Every council command of the block (backslash continuations joined), in order, as printed.
    const commands = codeAfter('## Running the server', 'sh')
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .filter((l) => l.startsWith('node packages/server/dist/cli.js council ') && !/--contact-bank|--oidc/.test(l))
      .map((l) => words(l).slice(2));
    assert.ok(commands.some((c) => c[1] === 'create') && commands.some((c) => c[1] === 'services'), 'the README creates a council and adds a service');
    for (const args of commands) {
      const r = await run(args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    }

    serve = spawn(process.execPath, [cli, 'serve'], { cwd: root, env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      serve!.stdout!.on('data', (d: Buffer) => {
        out += d;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      serve!.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    // "Copy the first two tags from your server rather than from here", for the README's address.
    const tags = await run(['cdn-snippet', '--url', SERVER]);
    assert.equal(tags.code, 0, tags.stderr);
    const paste = codeAfter('## For web editors: paste this into a page', 'html');
    const element = /<cocreate-feedback[^>]*><\/cocreate-feedback>/.exec(paste)?.[0];
    assert.ok(element, 'the paste section has the element');
    const create = commands.find((c) => c[1] === 'create')!;
    const council = create[create.indexOf('--slug') + 1]!;
    // The README's element names "your-council": the one just made takes its place.
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Libraries</title>${tags.stdout}</head>
      <body><main><h1>Libraries</h1>${element.replace('your-council', council)}</main></body></html>`;

    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push((e as Error).message));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      // The council's allowed origin from the README: the page a web editor made.
      if (r.url() === 'https://www.riverside.example/libraries') return void r.respond({ status: 200, contentType: 'text/html', body: html });
      // The README's server address: answered by the server just started, request for request.
      if (r.url().startsWith(SERVER)) return void relay(r, url);
      void r.respond({ status: 404, body: '' });
    });
    await page.goto('https://www.riverside.example/libraries', { waitUntil: 'networkidle0' });
    const form = (await page.$('cocreate-feedback'))!;
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('form #text'), { timeout: 15_000 }, form).catch(async (e: Error) => {
      throw new Error(`${e.message}; the page: ${problems.join(' | ')}; ${await form.evaluate((el) => el.shadowRoot?.textContent?.slice(0, 300))}`);
    });
    await (await form.$('pierce/input[name="kind"][value="idea"]'))!.click();
    await (await form.$('pierce/#text'))!.type('Open the libraries on Sunday afternoons');
    await (await form.$('pierce/button[type="submit"]'))!.click();
    await page.waitForFunction((e) => e.shadowRoot?.querySelector('[part~="receipt-code"]')?.textContent?.trim(), { timeout: 15_000 }, form).catch(async (e: Error) => {
      throw new Error(`${e.message}; the page: ${problems.join(' | ')}; ${await form.evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 600))}`);
    });
    const receipt = await form.evaluate((e) => e.shadowRoot!.querySelector('[part~="receipt-code"]')!.textContent!.trim());
    assert.match(receipt, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
    assert.deepEqual(problems, []);
  });
});
