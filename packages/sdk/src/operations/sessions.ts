// Single sign-on sessions of council staff: a module of its own, so the shared chunk every
// public element loads does not carry calls only the staff console makes.
import type { StaffSession, StaffSessionCreate } from '@civicloop/contract';
import { createStaffSession as createStaffSessionEndpoint, deleteStaffSession as deleteStaffSessionEndpoint } from '@civicloop/contract/endpoints';
import type { CallOptions, StaffCallOptions, Transport } from '../transport.js';

/**
 * Single sign-on: turns the authorization code the provider sent back (with the PKCE verifier,
 * the exact redirect URI and the nonce of the request) into a staff session, whose `token` is
 * then the staff token of every call. Never retried: a code is good for one exchange.
 */
export async function createStaffSession(t: Transport, body: StaffSessionCreate, options: CallOptions = {}): Promise<StaffSession> {
  return (await t.call<StaffSession>('createStaffSession', createStaffSessionEndpoint, { ...options, body })).data;
}

/** Signs out: ends the session of `options.token` on the server (a staff token is refused, 403). */
export async function deleteStaffSession(t: Transport, options: StaffCallOptions): Promise<void> {
  await t.call('deleteStaffSession', deleteStaffSessionEndpoint, options);
}
