// The three engines the browser suites run in, all from Debian packages (no browser downloads
// here): Chromium (`chromium`), Firefox (`firefox-esr`, driven over WebDriver BiDi by
// puppeteer-core) and WebKit (`webkit2gtk-driver`: WebKitWebDriver and MiniBrowser, driven over
// classic WebDriver by webdriverio, on an Xvfb display because MiniBrowser has no headless mode).
// CIVICLOOP_ENGINES=chromium,firefox picks a subset (e.g. while developing).
//
// Every web-test-runner suite runs in all three. The demo pages run in all three too
// (tests/node/demo.test.ts: Chromium and Firefox through puppeteer; demo-webkit.test.ts: WebKit).
// Chromium only, on purpose: tests/node/embed.test.ts (rewrites and holds the page's requests
// with puppeteer's interception, which classic WebDriver lacks), tests/node/packaging.test.ts
// and tests/node/cdn.test.ts (they check what the build and the CDN emit, once; the elements
// those files carry are the ones the three-engine suites test).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import puppeteerCore from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FIREFOX_PATH } from './chromium.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
export const MINIBROWSER_PATH = process.env['MINIBROWSER_PATH'] ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const WEBKIT_DRIVER_PATH = process.env['WEBKIT_DRIVER_PATH'] ?? '/usr/bin/WebKitWebDriver';
export const XVFB_PATH = process.env['XVFB_PATH'] ?? '/usr/bin/Xvfb';

/** The engines this run asks for (CIVICLOOP_ENGINES, default all three). */
export function selectedEngines() {
  const asked = (process.env['CIVICLOOP_ENGINES'] ?? ENGINES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = asked.filter((e) => !ENGINES.includes(e));
  if (unknown.length) throw new Error(`CIVICLOOP_ENGINES: unknown engine(s) ${unknown.join(', ')}; known: ${ENGINES.join(', ')}`);
  return asked;
}

export function chromiumLauncher() {
  const launcher = chromeLauncher({ launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS } });
  launcher.name = 'chromium';
  return launcher;
}

export function firefoxLauncher() {
  const launcher = chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: {
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      extraPrefsFirefox: {
        // A test page is never the foreground tab Firefox expects: its timers would be clamped to
        // 1 s (and budgeted further), slowing the outbox's retries and the tests' clocks.
        'dom.min_background_timeout_value': 0,
        'dom.min_background_timeout_value_without_budget_throttling': 0,
        'dom.timeout.enable_budget_timer_throttling': false,
        'dom.timeout.throttling_delay': 0,
        // No first-run pages, updates or telemetry connections, which the closed network refuses.
        'app.update.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
      },
    },
  });
  launcher.name = 'firefox';
  return launcher;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

const waitFor = async (check, what, ms = 15_000) => {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** What WebKitWebDriver needs to start MiniBrowser (classic WebDriver forced in webdriverio 9). */
export const WEBKIT_CAPABILITIES = {
  browserName: 'MiniBrowser',
  // webdriverio 9 speaks BiDi by default; WebKitWebDriver answers classic WebDriver only.
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
};

/**
 * Starts Xvfb (on a display it picks itself) and WebKitWebDriver on it, each in its own process
 * group. `kill()` (synchronous, so it also works on process exit) ends both groups, MiniBrowser
 * and its web processes included.
 * @returns {Promise<{ port: number, kill(): void }>}
 */
export async function startWebKitDriver() {
  const children = [];
  let display;
  const kill = () => {
    for (const child of children.splice(0).reverse()) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (display !== undefined) {
      rmSync(`/tmp/.X${display}-lock`, { force: true });
      rmSync(`/tmp/.X11-unix/X${display}`, { force: true });
      display = undefined;
    }
  };
  const start = (cmd, args, env = {}, stdout = 'ignore') => {
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', stdout, 'ignore'], env: { ...process.env, ...env } });
    child.on('error', (e) => console.error(`${cmd}: ${e.message}`));
    children.push(child);
    return child;
  };
  try {
    // -displayfd: Xvfb takes the first free display and writes its number once it is ready.
    const xvfb = start(XVFB_PATH, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {}, 'pipe');
    display = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('timed out waiting for Xvfb')), 15_000);
      xvfb.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) {
          clearTimeout(timer);
          resolve(Number(out.trim()));
        }
      });
      xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    });
    const port = await freePort();
    start(WEBKIT_DRIVER_PATH, [`--port=${port}`, '--host=127.0.0.1'], { DISPLAY: `:${display}` });
    await waitFor(async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/status`)).ok;
      } catch {
        return false;
      }
    }, 'WebKitWebDriver');
    return { port, kill };
  } catch (e) {
    kill();
    throw e;
  }
}

/** WebKit for web-test-runner: the driver above, then @web/test-runner-webdriver. */
class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super({ hostname: '127.0.0.1', port: 0, capabilities: {} });
    this.driverProcess = undefined;
  }

  async initialize(config) {
    this.driverProcess = await startWebKitDriver();
    Object.assign(this.options, {
      port: this.driverProcess.port,
      logLevel: 'error',
      // Every navigation, script and screenshot of a suite goes through one session.
      connectionRetryTimeout: 120_000,
      capabilities: WEBKIT_CAPABILITIES,
    });
    await super.initialize(config);
    this.name = 'webkit';
  }

  kill() {
    this.driverProcess?.kill();
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      this.kill();
    }
  }
}

const webkitLaunchers = new Set();
let exitHooked = false;

export function webkitLauncher() {
  const launcher = new WebKitLauncher();
  webkitLaunchers.add(launcher);
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', () => webkitLaunchers.forEach((l) => l.kill()));
    // SIGINT: web-test-runner stops itself and exits; SIGTERM and SIGHUP it does not handle.
    process.once('SIGINT', () => webkitLaunchers.forEach((l) => l.kill()));
    for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]]) {
      process.once(signal, () => {
        webkitLaunchers.forEach((l) => l.kill());
        process.exit(code);
      });
    }
  }
  return launcher;
}

/** Launchers for `engines` (default: selectedEngines()). */
export function launchers(engines = selectedEngines()) {
  const make = { chromium: chromiumLauncher, firefox: firefoxLauncher, webkit: webkitLauncher };
  return engines.map((e) => make[e]());
}
