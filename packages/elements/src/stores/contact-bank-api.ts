// The contact bank's server operations as the element uses them, and the contract's shapes and
// rules it reads (one import site, so the store and its tests read them from here).
// The calls are bound to the SDK's operations once BANK-API commits them (wip-bank-api).
import type { ContactAccepted, ContactBankConfig, ContactConfirmed, ContactCreate, Invitation, MyContact, MyContactPatch } from '@civicloop/contract';
import type { Transport } from '@civicloop/sdk';

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

const missing = () => Promise.reject(new Error('The contact bank operations are not in the SDK yet'));
export const contactBankApi: ContactBankApi = { confirm: missing, me: missing, update: missing, withdraw: missing, invitation: missing, answer: missing };
