// The transport in real Chromium against the real reference server (through the fault proxy):
// a page whose origin the council does not allow gets a `blocked` NetworkError, never an
// "offline" one. The test council allows this page's origin (http://localhost:PORT); the same
// dev server reached as http://127.0.0.1:PORT is another origin, which it does not allow.
import { createTransport } from './transport.js';
import { getCouncil } from './operations/council.js';
import { createFeedback } from './operations/feedback.js';
import { callFromOtherOrigin as otherOrigin, callUnderPolicy } from './testing/other-origin.js';

declare const describe: (name: string, fn: () => void) => void;
declare const it: (name: string, fn: () => Promise<void>) => void;
declare const afterEach: (fn: () => Promise<void>) => void;

interface TestEnv {
  apiUrl: string;
  council: string;
  proxyControl: string;
}

const inBrowser = typeof document !== 'undefined';
if (!inBrowser) {
  const nodeTest = 'node:test';
  const { test } = (await import(nodeTest)) as typeof import('node:test');
  test('transport (runs in the browsers: node scripts/test.mjs --browser)', { skip: 'browser suite' });
}

const { expect } = inBrowser ? await import('@open-wc/testing') : ({} as typeof import('@open-wc/testing'));
const env: TestEnv = inBrowser ? await (await fetch('/__test-env.json')).json() : ({} as TestEnv);

async function proxy(mode: 'pass' | 'down' | 'drop', opts: { times?: number } = {}) {
  const res = await fetch(env.proxyControl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode, ...opts }) });
  if (!res.ok) throw new Error(`proxy control answered ${res.status}`);
}

const callFromOtherOrigin = (call: 'getCouncil' | 'createFeedback', council = env.council) => otherOrigin(env, call, council);

if (inBrowser) describe('transport: origins the council does not allow', () => {
  afterEach(async () => {
    await proxy('pass');
  });

  it('the allowed page reads the council (the setup works)', async () => {
    const config = await getCouncil(createTransport({ baseUrl: env.apiUrl, council: env.council }));
    expect(config.slug).to.equal(env.council);
  });

  it('a GET from a page the council does not allow is a blocked NetworkError', async () => {
    const result = await callFromOtherOrigin('getCouncil');
    expect(result).to.include({ ok: false, name: 'NetworkError', blocked: true });
    expect(result.message).to.match(/does not let this page read the answer/);
  });

  it('a POST (preflighted) from a page the council does not allow is a blocked NetworkError', async () => {
    const result = await callFromOtherOrigin('createFeedback');
    expect(result).to.include({ ok: false, name: 'NetworkError', blocked: true });
  });

  it('the same page with the server unreachable is offline, not blocked', async () => {
    await proxy('down');
    const result = await callFromOtherOrigin('getCouncil');
    expect(result).to.include({ ok: false, name: 'NetworkError', blocked: false });
  });

  it('an unknown council is a readable 404 from any page, not a blocked request', async () => {
    const result = await callFromOtherOrigin('getCouncil', 'no-such-council');
    expect(result).to.include({ ok: false, name: 'ApiError', status: 404 });
  });

  it('a connection dropped once on an allowed page is tried once more and delivered, never called blocked', async () => {
    const text = `Dropped once ${Date.now()}`;
    await proxy('drop', { times: 1 });
    const created = await createFeedback(createTransport({ baseUrl: env.apiUrl, council: env.council, retry: 0 }), { kind: 'idea', text, locale: 'en' });
    expect(created.receipt).to.be.a('string');
    const stored = await (await fetch(`/__stored?text=${encodeURIComponent(text)}`)).json();
    expect(stored.count).to.equal(1, 'stored once: the second attempt carried the same Idempotency-Key');
  });
});

if (inBrowser) describe("transport: the page's own Content Security Policy", () => {
  afterEach(async () => {
    await proxy('pass');
  });

  // The frame is on an origin the council allows; only its policy stands in the way. The browser
  // reports the violation (securitypolicyviolation) when it likes: Chromium after the request has
  // failed, so the first call may still be told offline; once reported, every call is `csp`.
  it("a policy whose connect-src leaves out the API is `csp` (and blocked) once the browser reports it, naming the web editor's fix", async () => {
    const result = await callUnderPolicy(env, 'councilAfterReport', env.council, "connect-src 'self'");
    expect(result).to.include({ ok: true });
    const { first, second } = result.data as Record<'first' | 'second', { name: string; blocked: boolean; csp: boolean; message: string }>;
    expect(first.name).to.equal('NetworkError');
    expect(second).to.include({ name: 'NetworkError', blocked: true, csp: true });
    expect(second.message).to.include(`does not allow connecting to ${new URL(env.apiUrl).origin} (add it to connect-src)`);
  });

  it('a policy that lists the API reads the council (only what the policy forbids is `csp`)', async () => {
    const result = await callUnderPolicy(env, 'getCouncil', env.council, `connect-src 'self' ${new URL(env.apiUrl).origin}`);
    expect(result).to.include({ ok: true });
  });

  it('under a policy that allows the API, a server that is down is offline, not `csp`', async () => {
    await proxy('down');
    const result = await callUnderPolicy(env, 'createFeedback', env.council, `connect-src 'self' ${new URL(env.apiUrl).origin}`);
    expect(result).to.include({ ok: false, name: 'NetworkError', blocked: false });
    expect(result.csp).to.equal(false);
  });
});
