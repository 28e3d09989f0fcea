// The contact bank (issue 9): who may be asked to co-create, how, and for how long.

/** Who is signing up: associations and businesses also give an organisation name and a contact person. */
export const CONTACT_KINDS = ['resident', 'association', 'business'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Ways of taking part a contact may be open to; an activity has one of them. */
export const CONTACT_FORMATS = ['workshop', 'survey', 'interview', 'online-meeting', 'in-person', 'service-testing', 'advisory-group'] as const;
export type ContactFormat = (typeof CONTACT_FORMATS)[number];

/** What a contact consents to, each separately: being invited to activities, receiving news of results. */
export const CONTACT_PURPOSES = ['invitations', 'news'] as const;
export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];

/** Age bands, asked only to see whom the bank does not reach yet. */
export const AGE_BANDS = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Needs a contact may name so that an activity can meet them. */
export const ACCESSIBILITY_NEEDS = [
  'step-free-access',
  'hearing-loop',
  'sign-language',
  'easy-read',
  'large-print',
  'screen-reader',
  'interpreter',
  'quiet-space',
  'childcare',
] as const;
export type AccessibilityNeed = (typeof ACCESSIBILITY_NEEDS)[number];

/** How a contact joined: on their own, or through a pass-it-on link someone shared. */
export const JOINING_CHANNELS = ['direct', 'pass-it-on'] as const;
export type JoiningChannel = (typeof JOINING_CHANNELS)[number];

/** An entry's life: pending until confirmed, active while consent lasts, then gone (erased). */
export const CONTACT_STATUSES = ['pending', 'active'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** Events of the consent ledger. */
export const CONSENT_EVENTS = ['given', 'confirmed', 'changed', 'renewed', 'withdrawn', 'expired'] as const;
export type ConsentEvent = (typeof CONSENT_EVENTS)[number];

/** How an invited contact answered. */
export const INVITATION_ANSWERS = ['yes', 'no'] as const;
export type InvitationAnswer = (typeof INVITATION_ANSWERS)[number];

/** How long consent lasts unless the council sets another period, and the longest it may set. */
export const CONSENT_MONTHS_DEFAULT = 24;
export const CONSENT_MONTHS_MAX = 60;
/** Unconfirmed entries are purged after this many days (and their confirm links stop working). */
export const CONTACT_PENDING_DAYS = 7;
/** The re-consent email goes out this many days before consent expires. */
export const RECONSENT_NOTICE_DAYS = 30;
/** Groups of the reach view smaller than this are suppressed unless the council sets another threshold. */
export const REACH_THRESHOLD_DEFAULT = 5;
/** The highest suppression threshold a council may set (beyond it the reach view would show nothing). */
export const REACH_THRESHOLD_MAX = 1000;

/** Bounds of what a contact writes. */
export const CONTACT_NAME_MAX = 200;
export const CONTACT_PHONE_MAX = 40;
export const CONTACT_NOTE_MAX = 500;
/** Bounds of an activity staff write. */
export const ACTIVITY_TITLE_MAX = 200;
export const ACTIVITY_TEXT_MAX = 2000;
export const ACTIVITY_PLACE_MAX = 500;
/** Most contacts one invitation request may invite. */
export const INVITATIONS_MAX = 500;

/** A language someone can take part in: a BCP 47 primary tag with optional subtags (`uk`, `pt-BR`). */
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
