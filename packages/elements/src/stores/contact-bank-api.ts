// The contact bank's server operations and shapes as the element uses them.
// PROVISIONAL until BANK-API's contract and SDK operations are merged (wip-bank-api): then the
// enums come from @civicloop/contract/rules, the types from @civicloop/contract and the calls
// from @civicloop/sdk, and this module only binds them.
import type { Locale, LocalizedText, ServiceCategory } from '@civicloop/contract';
import type { Transport } from '@civicloop/sdk';

export const CONTACT_KINDS = ['resident', 'association', 'business'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_FORMATS = ['workshop', 'survey', 'interview', 'online-meeting', 'in-person', 'service-testing', 'advisory-group'] as const;
export type ContactFormat = (typeof CONTACT_FORMATS)[number];
export const AGE_BANDS = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const CONTACT_PURPOSES = ['invitations', 'news'] as const;
export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];
export const ACCESSIBILITY_NEEDS = ['step-free-access', 'hearing-loop', 'sign-language', 'easy-read', 'large-print', 'screen-reader', 'interpreter', 'quiet-space', 'childcare'] as const;
export type AccessibilityNeed = (typeof ACCESSIBILITY_NEEDS)[number];
export const CONTACT_NAME_MAX = 200;
export const CONTACT_PHONE_MAX = 40;
export const CONTACT_NOTE_MAX = 500;

export interface ContactBankConfig {
  districts: { id: string; name: LocalizedText; population?: number }[];
  consent: { version: string; text: LocalizedText; months: number };
  privacyNoticeUrl: string;
  formats: ContactFormat[];
  languages: string[];
  ageBands: AgeBand[];
}

interface Profile {
  kind: ContactKind;
  organisation?: string;
  name?: string;
  phone?: string;
  district?: string;
  services?: string[];
  categories?: ServiceCategory[];
  formats?: ContactFormat[];
  languages?: string[];
  accessibility?: AccessibilityNeed[];
  accessibilityNote?: string;
  ageBand?: AgeBand;
  locale?: Locale;
}

export interface ContactCreate extends Profile {
  email: string;
  consent: { version: string; purposes: ContactPurpose[] };
  pageUrl: string;
  via?: string;
}

export interface ContactAccepted {
  status: 'check-your-email';
  shareCode: string;
}

export interface ContactConfirmed {
  status: 'active';
  consentExpiresAt: string;
  manageToken: string;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

export interface PublicActivity {
  title: string;
  format: ContactFormat;
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  url: string | null;
  text: string;
  locale: Locale;
}

export interface MyContact extends Required<Nullable<Omit<Profile, 'kind' | 'services' | 'categories' | 'formats' | 'languages' | 'accessibility' | 'locale'>>> {
  kind: ContactKind;
  services: string[];
  categories: ServiceCategory[];
  formats: ContactFormat[];
  languages: string[];
  accessibility: AccessibilityNeed[];
  locale: Locale;
  email: string;
  status: 'pending' | 'active';
  consent: { version: string; purposes: ContactPurpose[]; givenAt: string; confirmedAt: string | null; expiresAt: string | null };
}

export type MyContactPatch = Partial<Nullable<Profile>> & { consent?: { version: string; purposes: ContactPurpose[] } };

export interface Invitation {
  activity: PublicActivity;
  answer: 'yes' | 'no' | null;
  answeredAt: string | null;
}

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
