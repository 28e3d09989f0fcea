// A page whose own Content Security Policy leaves the council's service out of `connect-src`
// (the web editor's CMS sends one; the council allows the page's origin). The browser stops every
// request, and a stopped request fails just like one sent offline: without the policy's report
// (securitypolicyviolation) the form would promise to send "when the connection is back", which
// never comes. The elements run in a same-origin frame, so the policy stays out of the test page.
import { expect } from '@open-wc/testing';
import { waitUntil } from './testing/wait.js';

interface TestEnv {
  apiUrl: string;
  council: string;
}

let env: TestEnv;
before(async () => {
  env = (await (await fetch('/__test-env.json')).json()) as TestEnv;
});

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** `tags` alone, each on its own: a second element would ask the council again and hide a missed report. */
async function framed(policy: string, tags: string[]): Promise<{ doc: Document; done: () => void }> {
  const url = new URL('/packages/elements/src/kit/testing/policy-frame.html', location.href);
  url.search = new URLSearchParams({ api: env.apiUrl, council: env.council, csp: policy, tags: tags.join(',') }).toString();
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url.href;
  document.body.append(frame);
  await loaded;
  return { doc: frame.contentDocument!, done: () => frame.remove() };
}

describe("elements under the page's own Content Security Policy", () => {
  // Chromium and Firefox report the violation only after the request failed; the SDK's retries
  // of a request that got no answer give the report time to arrive (transport.browser.test.ts
  // shows a call without retries told "offline" first).
  it('a policy that forbids the council’s service: the form says it is the page’s setup, naming the service', async () => {
    const { doc, done } = await framed("connect-src 'self'", ['cocreate-feedback']);
    try {
      const form = doc.querySelector('cocreate-feedback')!;
      await waitUntil(() => form.shadowRoot?.querySelector('[part~="setup"]'), 'the form shows its setup notice');
      const notice = text(form.shadowRoot!.querySelector('[part~="setup"]'));
      expect(notice).to.include('security policy (Content-Security-Policy) does not allow it to reach');
      expect(notice).to.include(new URL(env.apiUrl).origin);
      expect(notice).not.to.include('does not accept this website');
    } finally {
      done();
    }
  });

  it('the same for the loop: one notice that says why, and no "Try again", since trying cannot help', async () => {
    const { doc, done } = await framed("connect-src 'self'", ['you-said-we-did']);
    try {
      const loop = doc.querySelector('you-said-we-did')!;
      await waitUntil(() => text(loop.shadowRoot?.querySelector('#list-error')).includes('security policy'), 'the loop says why nothing loads');
      expect(text(loop.shadowRoot!.querySelector('#list-error'))).to.include(new URL(env.apiUrl).origin);
      expect(loop.shadowRoot!.querySelector('#list-error button')).to.equal(null);
      expect(loop.shadowRoot!.querySelector('#lookup'), 'no lookup form that could only fail').to.equal(null);
    } finally {
      done();
    }
  });

  it('a policy that lists the council’s service: the form works, no setup notice', async () => {
    const { doc, done } = await framed(`connect-src 'self' ${new URL(env.apiUrl).origin}`, ['cocreate-feedback']);
    try {
      const form = doc.querySelector('cocreate-feedback')!;
      await waitUntil(() => form.shadowRoot?.querySelector('[part~="input-use"]'), 'the council’s “what happens with your input” arrives');
      expect(form.shadowRoot!.querySelector('[part~="setup"]')).to.equal(null);
    } finally {
      done();
    }
  });
});
