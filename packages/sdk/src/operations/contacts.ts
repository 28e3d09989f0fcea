// The contact bank as a resident uses it: sign-up, confirmation, one's own entry and invitations
// (<contact-bank-signup>). A contact's own calls take the token from their email (`options.token`).
import type { ContactAccepted, ContactConfirmed, ContactCreate, Invitation, InvitationAnswer, MyContact, MyContactPatch } from '@civicloop/contract';
import { answerInvitation as answerInvitationEndpoint, confirmContact as confirmContactEndpoint, createContact as createContactEndpoint, deleteMyContact as deleteMyContactEndpoint, getInvitation as getInvitationEndpoint, getMyContact as getMyContactEndpoint, updateMyContact as updateMyContactEndpoint } from '@civicloop/contract/endpoints';
import type { CallOptions, ContactCallOptions, CreateOptions, Transport } from '../transport.js';

/**
 * Signs up to the contact bank. The answer is the same whether the address was new or known:
 * "check your email", and a `shareCode` for the pass-it-on link `pageUrl#via=<shareCode>`.
 */
export async function createContact(t: Transport, body: ContactCreate, options: CreateOptions = {}): Promise<ContactAccepted> {
  return (await t.call<ContactAccepted>('createContact', createContactEndpoint, { ...options, body })).data;
}

/** Confirms a sign-up with the `#token=` of the confirmation email; the answer carries a manage token. */
export async function confirmContact(t: Transport, token: string, options: CallOptions = {}): Promise<ContactConfirmed> {
  return (await t.call<ContactConfirmed>('confirmContact', confirmContactEndpoint, { ...options, body: { token } })).data;
}

/** Everything the bank holds about the holder of the manage token (also their data download). */
export async function getMyContact(t: Transport, options: ContactCallOptions): Promise<MyContact> {
  return (await t.call<MyContact>('getMyContact', getMyContactEndpoint, options)).data;
}

/** Changes one's own entry; `consent` renews (same purposes) or changes it. */
export async function updateMyContact(t: Transport, body: MyContactPatch, options: ContactCallOptions): Promise<MyContact> {
  return (await t.call<MyContact>('updateMyContact', updateMyContactEndpoint, { ...options, body })).data;
}

/** Withdraws: personal data is erased at once and the token stops working. */
export async function deleteMyContact(t: Transport, options: ContactCallOptions): Promise<void> {
  await t.call('deleteMyContact', deleteMyContactEndpoint, options);
}

/** The activity of an invitation, by the `#invitation=` token of its email, with any answer given. */
export async function getInvitation(t: Transport, options: ContactCallOptions): Promise<Invitation> {
  return (await t.call<Invitation>('getInvitation', getInvitationEndpoint, options)).data;
}

/** Answers an invitation yes or no (answering again replaces the answer). */
export async function answerInvitation(t: Transport, answer: InvitationAnswer, options: ContactCallOptions): Promise<Invitation> {
  return (await t.call<Invitation>('answerInvitation', answerInvitationEndpoint, { ...options, body: { answer } })).data;
}
