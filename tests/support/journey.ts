// What the browser journeys (tests/node/*journey*.test.ts) share: the council's API called
// beside the browser (as staff, or as nobody), and what goes wrong on a page collected for the
// journey's last assertion (`assert.deepEqual(problems, [])`).
import type { Page } from 'puppeteer-core';

/**
 * A council's API at `base()` (`<server>/v1/councils/<slug>`, read at each call: the server starts
 * after the journey declares this), with a staff token or none; the reply's status and JSON body.
 */
export const councilApi =
  (base: () => string) =>
  async <T>(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base()}/${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

export interface WatchOptions {
  /** Console warnings are problems too. */
  warnings?: boolean;
  /** Responses of 400 and above are problems too. */
  responses?: boolean;
  /** Console messages count only while the page is at an address starting so (another origin's page, e.g. a provider's login, is not ours). */
  at?: () => string;
}

/** Collects into `problems` what goes wrong on `page`: uncaught errors and console errors, and what `o` adds. */
export function watchPage(page: Page, problems: string[], o: WatchOptions = {}): void {
  page.on('pageerror', (e) => problems.push(`page error at ${page.url()}: ${(e as Error).message}`));
  page.on('console', (m) => {
    if (o.at && !page.url().startsWith(o.at())) return;
    if (m.type() === 'error' || (o.warnings && m.type() === 'warn')) problems.push(`console ${m.type()} at ${page.url()}: ${m.text()}`);
  });
  if (o.responses)
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
}
