#!/usr/bin/env node
// Cumulative Layout Shift of a CMS page that holds the README's snippet exactly as printed
// (the versioned script tag with its integrity hash, then the element), with content below it,
// in Debian's Chromium. The API answers are held back a little, as a real network would, so the
// shift when the council's config and services arrive shows up as it does on a real page.
// Needs `npm run build` first.
//   node bench/cls.mjs [--cdn DIR] [--variants LIST] [--check]
//     DIR: other built CDN files (e.g. an older build); LIST: some of full,choose,compact,loop,bank
//     (default all); --check exits 1 when CLS is above 0
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { launchChromium } from '../tests/support/chromium.mjs';
import { cdnSnippet, readCdnManifest, seedDemo, startServer } from '@civicloop/server';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const cdnDir = arg('--cdn') ?? `${root}packages/elements/dist/cdn`;
if (!existsSync(`${cdnDir}/civicloop.js`)) throw new Error(`no CDN build in ${cdnDir}: run npm run build first`);
const API_DELAY_MS = 300;

const server = await startServer({ port: 0, dataDir: 'memory://', cdnDir, log: () => {} });
await seedDemo(server.db);
const manifest = await readCdnManifest(cdnDir);
// The README's snippet: the server's tags (stylesheet and loader), then the element, with a demo
// council in place of "your-council".
const snippet = `${cdnSnippet(server.url, manifest)}

<cocreate-feedback council="riverside" service="libraries"></cocreate-feedback>`;
// `where`: 'body' puts it all in the content, as an editor pastes it; 'head' puts the tags in the
// page's head (a CMS's "header scripts" field) and the element in the content.
// `variant` 'loop' is <you-said-we-did> (the figures, the lookup and the first themes) in place of the form;
// 'bank' is <contact-bank-signup> of the demo council (its districts, topics and consent text).
const page = (variant, where) => {
  const lines = snippet.split('\n');
  const [script, element] = [lines.slice(0, -2).join('\n'), lines.at(-1)];
  // 'choose': no preset service, so the resident picks one from the council's list.
  const el =
    variant === 'compact'
      ? element.replace('></cocreate-feedback>', ' compact></cocreate-feedback>')
      : variant === 'choose'
        ? element.replace(' service="libraries"', '')
        : variant === 'loop'
          ? '<you-said-we-did council="riverside"></you-said-we-did>'
          : variant === 'bank'
            ? '<contact-bank-signup council="demo"></contact-bank-signup>'
            : element;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Libraries</title>${where === 'head' ? script : ''}</head>
<body><main><h1>Libraries</h1><p>Our six libraries are open Monday to Saturday.</p>
${where === 'head' ? el : `${script}\n\n${el}`}
<h2 id="below">Opening hours</h2><p>Content below the element: it must not move.</p>
${'<p>More of the page.</p>'.repeat(20)}</main></body></html>`;
};

const browser = await launchChromium(puppeteer);

async function measure(width, variant, where) {
  const tab = await browser.newPage();
  await tab.setViewport({ width, height: 900 });
  await tab.evaluateOnNewDocument(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: Math.round(e.startTime) });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await tab.setRequestInterception(true);
  tab.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === '/cms/page.html') void request.respond({ status: 200, contentType: 'text/html', body: page(variant, where) });
    else if (pathname.startsWith('/v1/')) setTimeout(() => void request.continue(), API_DELAY_MS);
    else void request.continue();
  });
  await tab.goto(`${server.url}/cms/page.html`, { waitUntil: 'networkidle0' });
  // Settled: the element shows the council's data (its "what happens with your input" text, or
  // the compact question; the loop's figures, first theme and language picker; the bank's consent
  // text with its privacy link, the topics from the council's services and the language picker), and two frames
  // have passed for any last layout.
  await tab.waitForFunction(
    () => {
      const loop = document.querySelector('you-said-we-did')?.shadowRoot;
      if (loop) return ['.numbers', '[part~="card"]', '[part~="language"]'].every((s) => loop.querySelector(s));
      const bank = document.querySelector('contact-bank-signup')?.shadowRoot;
      if (bank) return ['[part~="consent"] a', '#district', 'input[name="categories"]', '[part~="language"]'].every((s) => bank.querySelector(s));
      return document.querySelector('cocreate-feedback')?.shadowRoot?.querySelector('[part~="input-use"], [part~="compact"]');
    },
    { timeout: 15_000 },
  );
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await new Promise((r) => setTimeout(r, 500));
  const shifts = await tab.evaluate(() => window.__shifts);
  await tab.close();
  return shifts;
}

let worst = 0;
console.log(`CLS of the README snippet (API answers delayed ${API_DELAY_MS} ms), CDN files from ${cdnDir}`);
for (const where of ['body', 'head']) {
  for (const variant of (arg('--variants') ?? 'full,choose,compact,loop,bank').split(',')) {
    for (const width of [320, 360, 768, 1280]) {
      const shifts = await measure(width, variant, where);
      const cls = shifts.reduce((a, s) => a + s.value, 0);
      worst = Math.max(worst, cls);
      console.log(`script in ${where.padEnd(4)} ${variant.padEnd(8)} ${String(width).padStart(5)} px  CLS ${cls.toFixed(4)}  shifts: ${shifts.map((s) => `${s.value.toFixed(4)}@${s.at}ms`).join(', ') || 'none'}`);
    }
  }
}
console.log(`worst CLS ${worst.toFixed(4)}`);
await browser.close();
await server.close();
if (process.argv.includes('--check') && worst > 0) process.exit(1);
