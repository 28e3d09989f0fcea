// The browser's part of single sign-on for <cocreate-console> (OpenID Connect, authorization
// code with PKCE): a code verifier and its S256 challenge, a state and a nonce made with Web
// Crypto and kept in this tab's sessionStorage while the browser is at the provider; the
// redirect there; and, on return, the code checked against the state and taken out of the
// address bar, ready for the API's `createStaffSession`.
import type { SsoPublic, StaffSessionCreate } from '@civicloop/contract';

/** What the tab keeps while the browser is at the provider. */
interface Pending {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

/** Parameters the provider adds to the redirect URI (RFC 6749 §4.1.2, RFC 9207, OpenID Connect Session). */
const RETURN_PARAMS = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'session_state'];

/** The sessionStorage key of a sign-in in progress for a council at an API. */
export const pendingKey = (api: string, council: string) => `civicloop.console.sso\n${api}\n${council}`;

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n: number) => base64url(crypto.getRandomValues(new Uint8Array(n)));

/** The page's address as the redirect URI: without its fragment and without what a provider added. */
export function redirectUriOf(href: string): string {
  const url = new URL(href);
  url.hash = '';
  for (const p of RETURN_PARAMS) url.searchParams.delete(p);
  return url.href;
}

/** The provider's authorization URL for a fresh sign-in; its secrets are kept in `storage` under `key`. */
export async function beginSignIn(sso: SsoPublic, href: string, storage: Storage, key: string): Promise<string> {
  const pending: Pending = { state: random(16), nonce: random(16), codeVerifier: random(32), redirectUri: redirectUriOf(href) };
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.codeVerifier))));
  storage.setItem(key, JSON.stringify(pending));
  const url = new URL(sso.authorizationEndpoint);
  const params = {
    response_type: 'code',
    client_id: sso.clientId,
    redirect_uri: pending.redirectUri,
    scope: sso.scopes.includes('openid') ? sso.scopes.join(' ') : ['openid', ...sso.scopes].join(' '),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

/**
 * What the page's address brings back from the provider: nothing (`none`), a refusal or a
 * state that is not this tab's (`failed`), or the body for `createStaffSession`. The sign-in's
 * secrets are used once: they leave storage here, and the provider's parameters leave the address.
 */
export function finishSignIn(
  href: string,
  storage: Storage,
  key: string,
  replaceUrl: (url: string) => void,
): { kind: 'none' } | { kind: 'failed'; error: string } | { kind: 'code'; body: StaffSessionCreate } {
  const url = new URL(href);
  const code = url.searchParams.get('code');
  const error = url.searchParams.get('error');
  const state = url.searchParams.get('state');
  if (!code && !error) return { kind: 'none' };
  const raw = storage.getItem(key);
  storage.removeItem(key);
  replaceUrl(redirectUriOf(href) + url.hash);
  let pending: Pending | undefined;
  try {
    pending = raw ? (JSON.parse(raw) as Pending) : undefined;
  } catch {
    pending = undefined;
  }
  // A code this tab did not ask for (no sign-in begun here, or another state) is never sent: it may be an attacker's.
  if (!pending || state !== pending.state) return { kind: 'failed', error: 'state' };
  if (error || !code) return { kind: 'failed', error: error ?? 'no-code' };
  return { kind: 'code', body: { code, codeVerifier: pending.codeVerifier, redirectUri: pending.redirectUri, nonce: pending.nonce } };
}
