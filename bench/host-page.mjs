#!/usr/bin/env node
// What the elements cost the council page that hosts them, as a resident on a phone meets it:
// headless Chromium with 4x CPU throttling and a slow network (150 ms RTT, 1.6 Mbps down) loads a
// demo council page with its elements and the same page without them, alternating, in a fresh
// browser context each time (cold cache), at phone and desktop size. It prints the medians with
// the budgets of issue 12 beside them. Needs `npm run build` first.
//   node bench/host-page.mjs [--runs N] [--page /riverside/] [--cdn DIR] [--check]
//     --runs N   loads per variant and size (default 10)
//     --check    exits 1 when a budget is missed
//
// How each figure is taken:
// - our blocking time: long animation frames (LoAF) whose `scripts[]` come from /cdn/; in each such
//   frame our work is the sum of our scripts' durations, and what of it is over 50 ms blocks
//   (as Total Blocking Time counts a task). The longest of those frames' work is "our longest task".
//   The page's whole blocking time (every LoAF's blockingDuration) is printed with and without.
// - layout shift added: the page's CLS with the elements minus without them.
// - usable: from the loader's responseEnd (resource timing) to the first frame in which every
//   element shows its rendered, interactive state (what bench/cls.mjs waits for).
// - requests: ours are /cdn/ and /v1/; bytes on the wire are resource timing's transferSize; the
//   chain is the longest run of requests each started by the one before (CDP initiators).
import http from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { launchChromium } from '../tests/support/chromium.mjs';
import { seedDemo, startServer } from '@civicloop/server';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const cdnDir = arg('--cdn') ?? `${root}packages/elements/dist/cdn`;
const pagePath = arg('--page') ?? '/riverside/';
const runs = Number(arg('--runs') ?? 10);
if (!existsSync(`${cdnDir}/civicloop.js`)) throw new Error(`no CDN build in ${cdnDir}: run npm run build first`);

const BUDGET = { longestTaskMs: 50, clsAdded: 0, usableMs: 500, councilFetches: 1 };
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const SIZES = {
  phone: { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  desktop: { width: 1350, height: 940, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
};

const server = await startServer({ port: 0, dataDir: 'memory://', cdnDir, demoDir: `${root}demo`, log: () => {}, purgeEveryMs: false });
await seedDemo(server.db);

// The page "without": the same HTML with our tags (stylesheet, script, every custom element) removed.
const strip = (html) =>
  html
    .replace(/<script[^>]*src="[^"]*\/cdn\/[^"]*"[^>]*><\/script>\s*/g, '')
    .replace(/<link[^>]*href="[^"]*\/cdn\/[^"]*"[^>]*>\s*/g, '')
    .replace(/<([a-z]+-[a-z-]+)\b[^>]*>[\s\S]*?<\/\1>\s*/g, '');
// A front door on its own port: `?without` serves the stripped page, everything else is the
// server's own answer, piped through unchanged (real HTTP, no request interception in the browser).
const front = http.createServer((req, res) => {
  const url = new URL(req.url, server.url);
  const upstream = http.request(`${server.url}${url.pathname}${url.searchParams.has('without') ? '' : url.search}`, { method: req.method, headers: req.headers }, (up) => {
    if (!url.searchParams.has('without')) {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
      return;
    }
    let body = '';
    up.setEncoding('utf8');
    up.on('data', (d) => (body += d));
    up.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(strip(body));
    });
  });
  req.pipe(upstream);
});
await new Promise((r) => front.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${front.address().port}`;

const withHtml = await (await fetch(`${origin}${pagePath}`, { headers: { 'accept-encoding': 'identity' } })).text();
const tags = [...new Set([...withHtml.matchAll(/<([a-z]+-[a-z-]+)\b/g)].map((m) => m[1]))];

// Installed before any page script: collects LoAFs and layout shifts, and notes the first frame in
// which every element on the page is rendered and ready for input.
function instrument() {
  window.__loaf = [];
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__loaf.push({ duration: e.duration, blocking: e.blockingDuration, scripts: e.scripts.map((s) => ({ url: s.sourceURL, duration: s.duration, invoker: s.invoker })) });
  }).observe({ type: 'long-animation-frame', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const ready = (el) => {
    const r = el.shadowRoot;
    if (!r) return false;
    if (el.localName === 'cocreate-feedback') return !!r.querySelector('[part~="input-use"], [part~="compact"]');
    if (el.localName === 'you-said-we-did') return ['.numbers', '[part~="card"]', '[part~="language"]'].every((s) => r.querySelector(s));
    if (el.localName === 'civicloop-config') return true;
    // Any other element: rendered, with something to act on, and not busy.
    return !!r.querySelector('button, input, a[href]') && !r.querySelector('[aria-busy="true"]');
  };
  const check = () => {
    const els = [...document.querySelectorAll('*')].filter((e) => e.localName.includes('-'));
    if (els.length && els.every(ready)) window.__usableAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const browser = await launchChromium(puppeteer);

async function load(size, variant) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.setViewport(SIZES[size]);
  const cdp = await tab.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    const i = e.initiator;
    const by = i.url ?? i.stack?.callFrames?.[0]?.url ?? i.stack?.parent?.callFrames?.[0]?.url;
    requests.set(e.request.url, { by });
  });
  await tab.evaluateOnNewDocument(instrument);
  const url = `${origin}${pagePath}${variant === 'without' ? '?without' : ''}`;
  await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
  if (variant === 'with') await tab.waitForFunction(() => window.__usableAt !== undefined, { timeout: 60_000, polling: 200 });
  await tab.waitForNetworkIdle({ idleTime: 500, timeout: 60_000 });
  // Two frames for any last layout, then read what the page saw.
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const seen = await tab.evaluate(() => {
    const resources = performance.getEntriesByType('resource').map((r) => ({ url: r.name, transfer: r.transferSize, body: r.encodedBodySize, end: r.responseEnd }));
    return { loaf: window.__loaf, cls: window.__cls, usableAt: window.__usableAt, resources };
  });
  await context.close();

  const ours = (u) => {
    const p = new URL(u).pathname;
    return p.startsWith('/cdn/') || p.startsWith('/v1/');
  };
  const ourFrames = seen.loaf.map((f) => f.scripts.filter((s) => s.url && ours(s.url)).reduce((a, s) => a + s.duration, 0)).filter((w) => w > 0);
  const loader = seen.resources.find((r) => /\/cdn\/(v[^/]+\/)?civicloop\.js$/.test(new URL(r.url).pathname));
  const ourResources = seen.resources.filter((r) => ours(r.url));
  // Chain depth: the page is 0, each request one more than the request that started it.
  const depth = (u, seenUrls = new Set()) => {
    const by = requests.get(u)?.by;
    if (!by || seenUrls.has(u) || by === url || !requests.has(by)) return 1;
    seenUrls.add(u);
    return 1 + depth(by, seenUrls);
  };
  const chains = ourResources.map((r) => ({ url: r.url, depth: depth(r.url) }));
  const deepest = chains.reduce((a, c) => (c.depth > a.depth ? c : a), { depth: 0, url: '' });
  const path = [];
  for (let u = deepest.url; u && requests.has(u) && u !== url && path.length < 10; u = requests.get(u).by) path.unshift(new URL(u).pathname);
  return {
    ourBlocking: ourFrames.reduce((a, w) => a + Math.max(0, w - 50), 0),
    ourLongest: Math.max(0, ...ourFrames),
    pageBlocking: seen.loaf.reduce((a, f) => a + f.blocking, 0),
    cls: seen.cls,
    usable: variant === 'with' && loader ? seen.usableAt - loader.end : undefined,
    requests: ourResources.length,
    wire: ourResources.reduce((a, r) => a + r.transfer, 0),
    body: ourResources.reduce((a, r) => a + r.body, 0),
    chain: deepest.depth,
    path,
    councilFetches: ourResources.filter((r) => /^\/v1\/councils\/[^/]+$/.test(new URL(r.url).pathname)).length,
  };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

console.log(`host-page: ${pagePath} (elements: ${tags.join(', ')}), ${runs} loads each way per size, alternating, cold cache`);
console.log(`Chromium, CPU 4x slower, network ${NETWORK.latency} ms RTT, ${(NETWORK.downloadThroughput * 8) / 1e6} Mbps down; machine load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
let missed = 0;
const verdict = (ok) => {
  if (!ok) missed++;
  return ok ? 'within' : 'OVER';
};
for (const size of Object.keys(SIZES)) {
  const results = { with: [], without: [] };
  for (let i = 0; i < runs; i++) for (const v of ['with', 'without']) results[v].push(await load(size, v));
  const m = (v, k) => median(results[v].map((r) => r[k]));
  const w = results.with;
  const longest = m('with', 'ourLongest');
  const clsAdded = m('with', 'cls') - m('without', 'cls');
  const usable = m('with', 'usable');
  const council = Math.max(...w.map((r) => r.councilFetches));
  const { width, height } = SIZES[size];
  console.log(`\n${size} ${width}x${height}                          median (range)            budget`);
  console.log(`  our blocking time (LoAF, over 50 ms)   ${m('with', 'ourBlocking').toFixed(0).padStart(6)} ms (${range(w.map((r) => r.ourBlocking))})`);
  console.log(`  our longest task                       ${longest.toFixed(0).padStart(6)} ms (${range(w.map((r) => r.ourLongest))})      <= ${BUDGET.longestTaskMs} ms: ${verdict(longest <= BUDGET.longestTaskMs)}`);
  console.log(`  page blocking time with / without      ${m('with', 'pageBlocking').toFixed(0).padStart(6)} / ${m('without', 'pageBlocking').toFixed(0)} ms`);
  console.log(`  layout shift added                     ${clsAdded.toFixed(4).padStart(9)} (with ${m('with', 'cls').toFixed(4)}, without ${m('without', 'cls').toFixed(4)})   = ${BUDGET.clsAdded}: ${verdict(clsAdded <= BUDGET.clsAdded)}`);
  console.log(`  usable after the loader arrives        ${usable.toFixed(0).padStart(6)} ms (${range(w.map((r) => r.usable))})    <= ${BUDGET.usableMs} ms: ${verdict(usable <= BUDGET.usableMs)}`);
  console.log(`  our requests                           ${m('with', 'requests').toFixed(0).padStart(6)}, ${kb(m('with', 'wire'))} on the wire (${kb(m('with', 'body'))} bodies)`);
  console.log(`  longest request chain                  ${m('with', 'chain').toFixed(0).padStart(6)} round trips: ${w.at(-1).path.join(' → ')}`);
  console.log(`  council settings fetched               ${String(council).padStart(6)} time(s) per page                 <= ${BUDGET.councilFetches}: ${verdict(council <= BUDGET.councilFetches)}`);
}
await browser.close();
front.close();
await server.close();
console.log(`\nhost-page: ${missed} budget(s) missed`);
if (process.argv.includes('--check') && missed) process.exit(1);
