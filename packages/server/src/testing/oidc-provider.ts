// Test support: a real OpenID Connect provider (`oidc-provider`) on a free port, with accounts
// whose `groups` claim the tests choose, its development login form (any password), and
// consent granted without asking (a first-party client). Used by the server's single sign-on
// suite and the console's browser journey.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface TestAccount {
  name?: string;
  groups: string[];
}

export interface TestProvider {
  /** The issuer, e.g. `http://127.0.0.1:41234`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The scopes a council using this provider asks for (its `groups` scope carries the role claim). */
  scopes: string[];
  close(): Promise<void>;
}

export const TEST_CLIENT_ID = 'civicloop-console';
export const TEST_CLIENT_SECRET = 'a-test-client-secret-of-some-length';

/** Starts a provider on 127.0.0.1 that lets `redirectUris` receive codes for `accounts` (by login). */
export async function startTestProvider(accounts: Record<string, TestAccount>, redirectUris: string[]): Promise<TestProvider> {
  const http: Server = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const scopes = ['openid', 'profile', 'groups'];
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name'], groups: ['groups'] },
    scopes,
    pkce: { methods: ['S256'], required: () => true },
    // The claims of the asked scopes go into the ID token itself, as Entra ID and Keycloak do for groups.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    // Lifetimes set, so the provider does not print a notice for each default it falls back to.
    ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...(account.name ? { name: account.name } : {}), groups: account.groups }) };
    },
    // A first-party client: every asked scope and claim is granted without a consent page.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(scopes.join(' '));
      grant.addOIDCClaims(['sub', 'name', 'groups']);
      await grant.save();
      return grant;
    },
  });
  http.on('request', provider.callback());
  return {
    issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    scopes,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A fresh PKCE verifier and its S256 challenge, a state and a nonce, as the console makes them. */
export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return {
    verifier,
    challenge: createHash('sha256').update(verifier).digest('base64url'),
    state: randomBytes(16).toString('base64url'),
    nonce: randomBytes(16).toString('base64url'),
  };
}

/**
 * Signs `login` in at the provider as a browser would (the authorization request, its login
 * form, the redirects, cookies kept) and returns what reaches the redirect URI.
 */
export async function authorizeAt(
  p: TestProvider,
  o: { login: string; redirectUri: string; challenge: string; state: string; nonce: string },
): Promise<{ code: string; state: string | null }> {
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return res;
  };
  const discovery = (await (await fetch(`${p.issuer}/.well-known/openid-configuration`)).json()) as { authorization_endpoint: string };
  const auth = new URL(discovery.authorization_endpoint);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: p.clientId,
    redirect_uri: o.redirectUri,
    scope: p.scopes.join(' '),
    code_challenge: o.challenge,
    code_challenge_method: 'S256',
    state: o.state,
    nonce: o.nonce,
  }))
    auth.searchParams.set(k, v);
  let res = await go(auth.href);
  for (let hops = 0; hops < 10; hops++) {
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} without a redirect: ${await res.text()}`);
    const next = new URL(location, p.issuer);
    if (next.href.startsWith(o.redirectUri)) {
      const code = next.searchParams.get('code');
      if (!code) throw new Error(`the provider sent back no code: ${next.search}`);
      return { code, state: next.searchParams.get('state') };
    }
    res = next.pathname.startsWith('/interaction/')
      ? await go(next.href, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ prompt: 'login', login: o.login, password: 'any' }).toString(),
        })
      : await go(next.href);
  }
  throw new Error('too many redirects at the provider');
}
