// The console's side of single sign-on without a browser: the authorization request it sends
// to the provider (PKCE S256, state, nonce), and what it accepts back: only a code for this
// tab's own state, used once, its parameters taken out of the address.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import type { SsoPublic } from '@civicloop/contract';
import { MemoryStorage } from '../kit/testing/memory-storage.ts';
import { beginSignIn, finishSignIn, pendingKey, redirectUriOf } from './console-sso.ts';

const sso: SsoPublic = {
  label: 'Riverside Login',
  issuer: 'https://login.riverside.example',
  authorizationEndpoint: 'https://login.riverside.example/authorize?tenant=staff',
  clientId: 'civicloop-console',
  scopes: ['profile', 'groups'],
};
const key = pendingKey('https://api.example', 'riverside');
const page = 'https://intranet.riverside.example/console/?council=riverside#inbox';

describe('console single sign-on', () => {
  test('the redirect URI is the page without its fragment and without what a provider adds', () => {
    assert.equal(redirectUriOf(page), 'https://intranet.riverside.example/console/?council=riverside');
    assert.equal(redirectUriOf('https://intranet.riverside.example/console/?code=a&state=b&iss=c&council=riverside'), 'https://intranet.riverside.example/console/?council=riverside');
  });

  test('the authorization request: code with an S256 challenge of the kept verifier, fresh state and nonce, openid asked for', async () => {
    const storage = new MemoryStorage();
    const url = new URL(await beginSignIn(sso, page, storage, key));
    assert.equal(url.origin + url.pathname, 'https://login.riverside.example/authorize');
    assert.equal(url.searchParams.get('tenant'), 'staff', "the endpoint's own parameters stay");
    const kept = JSON.parse(storage.getItem(key)!) as { state: string; nonce: string; codeVerifier: string; redirectUri: string };
    assert.match(kept.codeVerifier, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'tenant')), {
      response_type: 'code',
      client_id: 'civicloop-console',
      redirect_uri: 'https://intranet.riverside.example/console/?council=riverside',
      scope: 'openid profile groups',
      state: kept.state,
      nonce: kept.nonce,
      code_challenge: createHash('sha256').update(kept.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    const again = JSON.parse((await beginSignIn(sso, page, storage, key), storage.getItem(key)!)) as typeof kept;
    assert.notEqual(again.state, kept.state);
    assert.notEqual(again.codeVerifier, kept.codeVerifier);
  });

  test('back from the provider: the code for this tab\'s state becomes the session request, once, and leaves the address', async () => {
    const storage = new MemoryStorage();
    await beginSignIn(sso, page, storage, key);
    const kept = JSON.parse(storage.getItem(key)!) as { state: string; nonce: string; codeVerifier: string };
    const replaced: string[] = [];
    const back = `https://intranet.riverside.example/console/?council=riverside&code=the-code&state=${kept.state}&iss=https%3A%2F%2Flogin.riverside.example`;
    const result = finishSignIn(back, storage, key, (u) => replaced.push(u));
    assert.deepEqual(result, {
      kind: 'code',
      body: { code: 'the-code', codeVerifier: kept.codeVerifier, redirectUri: 'https://intranet.riverside.example/console/?council=riverside', nonce: kept.nonce },
    });
    assert.deepEqual(replaced, ['https://intranet.riverside.example/console/?council=riverside']);
    assert.equal(storage.getItem(key), null, 'used once');
    // The same address again (a reload before the address changed) sends nothing.
    assert.deepEqual(finishSignIn(back, storage, key, () => {}), { kind: 'failed', error: 'state' });
  });

  test('a code for another state, or none asked for here, is never sent; a refusal by the provider is a failure', async () => {
    const storage = new MemoryStorage();
    assert.deepEqual(finishSignIn(page, storage, key, () => assert.fail('nothing to replace')), { kind: 'none' });
    assert.deepEqual(finishSignIn('https://intranet.riverside.example/console/?code=x&state=y', storage, key, () => {}), { kind: 'failed', error: 'state' });
    await beginSignIn(sso, page, storage, key);
    assert.deepEqual(finishSignIn('https://intranet.riverside.example/console/?code=x&state=forged', storage, key, () => {}), { kind: 'failed', error: 'state' });
    await beginSignIn(sso, page, storage, key);
    const { state } = JSON.parse(storage.getItem(key)!) as { state: string };
    assert.deepEqual(finishSignIn(`https://intranet.riverside.example/console/?error=access_denied&state=${state}`, storage, key, () => {}), { kind: 'failed', error: 'access_denied' });
  });
});
