// How every suite and bench starts Debian's Chromium: the one executable and the flags this
// machine needs (no sandbox as root; no background networking, whose connections the closed
// network refuses at every start). Plain .mjs so benches and the test-runner config share it.

/** Debian's Chromium, or CHROME_PATH. */
export const CHROMIUM_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches Chromium through puppeteer-core.
 * @param {typeof import('puppeteer-core').default} puppeteer
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export function launchChromium(puppeteer) {
  return puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Debian's Firefox ESR, or FIREFOX_PATH (driven by puppeteer over WebDriver BiDi). */
export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

/**
 * Launches Firefox through puppeteer-core (WebDriver BiDi), for node suites that drive a page in
 * more than one engine. WebKit has no puppeteer driver here; the browser suites reach it through
 * web-test-runner (tests/support/engines.mjs).
 * @param {typeof import('puppeteer-core').default} puppeteer
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export function launchFirefox(puppeteer) {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: { 'dom.min_background_timeout_value': 0, 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false },
  });
}
