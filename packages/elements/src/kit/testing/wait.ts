// `waitUntil` for the browser suites, with a timeout that suits what they wait for. Open WC's
// default (1 s) is shorter than a locale chunk or a request can take on a loaded CI machine in
// Firefox or WebKit, which made passing tests fail now and then; a wait still fails when its
// condition never holds, only later. A test that means "at once" says so with its own timeout.
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/** How long a wait may take unless the test says otherwise. */
export const WAIT_TIMEOUT_MS = 10_000;

/** Resolves once `predicate` holds; rejects with `message` after `options.timeout` (10 s by default). */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: WAIT_TIMEOUT_MS, ...options });
}
