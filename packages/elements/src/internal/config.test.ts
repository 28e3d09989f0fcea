// How an element finds its API, council and language when the page says little.
import { expect, fixture, html } from '@open-wc/testing';
import { resolveConfig, scriptOrigin } from './config.js';

describe('configuration', () => {
  it('uses the origin that served the script when no api is given anywhere', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    expect(resolveConfig(host, {}).api).to.equal(new URL(import.meta.url).origin);
    expect(resolveConfig(host, { api: ' https://api.council.example ' }).api).to.equal('https://api.council.example');
  });

  it('takes only http(s) script origins', () => {
    expect(scriptOrigin('https://cdn.council.example/cdn/chunks/x.js')).to.equal('https://cdn.council.example');
    expect(scriptOrigin('file:///srv/civicloop.js')).to.equal(undefined);
    expect(scriptOrigin('not a url')).to.equal(undefined);
  });

  it('maps region variants to their language and falls back to English', async () => {
    const el = await fixture<HTMLElement>(html`<div lang="pt-BR"><span></span></div>`);
    expect(resolveConfig(el.querySelector('span')!, {}).locale).to.equal('pt');
    el.setAttribute('lang', 'xx');
    expect(resolveConfig(el.querySelector('span')!, {}).locale).to.equal('en');
  });
});
