// The contact bank's server operations as the element uses them (the SDK's, bound to a token),
// and the contract's shapes and rules it reads: one import site for the store and its tests.
import type { ContactAccepted, ContactBankConfig, ContactConfirmed, ContactCreate, Invitation, MyContact, MyContactPatch } from '@civicloop/contract';
import { answerInvitation, confirmContact, deleteMyContact, getInvitation, getMyContact, updateMyContact, type Transport } from '@civicloop/sdk';

export {
  ACCESSIBILITY_NEEDS,
  AGE_BANDS,
  CONTACT_FORMATS,
  CONTACT_KINDS,
  CONTACT_NAME_MAX,
  CONTACT_NOTE_MAX,
  CONTACT_PHONE_MAX,
  CONTACT_PURPOSES,
  type AccessibilityNeed,
  type AgeBand,
  type ContactFormat,
  type ContactKind,
  type ContactPurpose,
} from '@civicloop/contract/rules';
export type { ContactAccepted, ContactBankConfig, ContactConfirmed, ContactCreate, Invitation, MyContact, MyContactPatch };

export interface ContactBankApi {
  confirm(t: Transport, token: string): Promise<ContactConfirmed>;
  me(t: Transport, token: string): Promise<MyContact>;
  update(t: Transport, token: string, patch: MyContactPatch): Promise<MyContact>;
  withdraw(t: Transport, token: string): Promise<unknown>;
  invitation(t: Transport, token: string): Promise<Invitation>;
  answer(t: Transport, token: string, answer: 'yes' | 'no'): Promise<unknown>;
}

export const contactBankApi: ContactBankApi = {
  confirm: (t, token) => confirmContact(t, token),
  me: (t, token) => getMyContact(t, { token }),
  update: (t, token, patch) => updateMyContact(t, patch, { token }),
  withdraw: (t, token) => deleteMyContact(t, { token }),
  invitation: (t, token) => getInvitation(t, { token }),
  answer: (t, token, answer) => answerInvitation(t, answer, { token }),
};
