// One worked example per operation, and one per problem response, published in the OpenAPI
// document. Typed by the schemas, and openapi.test.ts parses each with its schema, so an example
// cannot drift from the contract.
import * as z from 'zod/mini';
import type {
  Activity,
  ActivityCreate,
  ActivityDetail,
  ActivityList,
  ContactAccepted,
  ContactBankConfig,
  ContactConfirm,
  ContactConfirmed,
  ContactCreate,
  ContactReach,
  Invitation,
  InvitationReply,
  InvitationsCreate,
  InvitationsCreated,
  MyContact,
  MyContactPatch,
  PublicActivity,
  StaffContactList,
} from './contacts.js';
import type { CouncilConfig } from './council.js';
import { FeedbackCreate, type FeedbackCreated, type FeedbackReceipt, type StaffFeedbackCreate } from './feedback.js';
import type { Health } from './health.js';
import { toValidationIssues, type Problem } from './problem.js';
import { PROBLEM_TYPES } from './rules.js';
import type { Challenge } from './pow.js';
import type { ServiceList } from './services.js';
import type { CouncilSettings, CouncilSettingsPatch, ServiceSave } from './settings.js';
import type { StaffMe, StaffSession, StaffSessionCreate } from './sso.js';
import type { AuditList, Reply, ReplyCreate, StaffFeedback, StaffFeedbackList, StaffFeedbackPatch } from './staff.js';
import type {
  LoopStats,
  OpenDataStats,
  OpenDataThemes,
  StaffTheme,
  StaffThemeList,
  Theme,
  ThemeCreate,
  ThemeDetail,
  ThemeList,
  ThemePatch,
  ThemeUpdate,
  ThemeUpdateCreate,
} from './themes.js';

export const healthUp: Health = { status: 'ok', database: 'ok' };
export const healthDown: Health = { status: 'degraded', database: 'unreachable' };

export const contactBankConfig: ContactBankConfig = {
  districts: [
    { id: 'srodmiescie', name: { pl: 'Śródmieście', en: 'City centre' }, population: 102_000 },
    { id: 'praga-polnoc', name: { pl: 'Praga-Północ', en: 'Praga North' }, population: 61_000 },
  ],
  consent: {
    version: '2026-05',
    text: {
      pl: 'Zgadzam się, by urząd kontaktował się ze mną w celach, które zaznaczę poniżej. Zgoda wygasa po 24 miesiącach.',
      en: 'I agree that the council may contact me for the purposes I tick below. My consent lapses after 24 months.',
    },
    months: 24,
  },
  privacyNoticeUrl: 'https://um.warszawa.pl/prywatnosc',
  formats: ['workshop', 'survey', 'interview', 'online-meeting', 'in-person', 'service-testing', 'advisory-group'],
  languages: ['pl', 'en', 'uk'],
  ageBands: ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-plus'],
};

export const council: CouncilConfig = {
  slug: 'warszawa',
  name: 'Miasto Stołeczne Warszawa',
  locales: ['pl', 'en'],
  defaultLocale: 'pl',
  texts: {
    inputUse: {
      pl: 'Czytamy każdą opinię. Grupujemy je w tematy i publikujemy, co zrobiliśmy.',
      en: 'We read every input, group them into themes and publish what we did.',
    },
  },
  limits: { feedbackTextMax: 2000 },
  antiAbuse: { minFillMs: 3000, proofOfWork: { required: true, difficulty: 16 } },
  contactBank: contactBankConfig,
  sso: {
    label: 'Microsoft Entra ID',
    issuer: 'https://login.microsoftonline.com/7c1e2f3a-4b5d-4e6f-8a9b-0c1d2e3f4a5b/v2.0',
    authorizationEndpoint: 'https://login.microsoftonline.com/7c1e2f3a-4b5d-4e6f-8a9b-0c1d2e3f4a5b/oauth2/v2.0/authorize',
    clientId: '3f2e1d0c-9b8a-4f7e-8d6c-5b4a3f2e1d0c',
    scopes: ['openid', 'profile'],
  },
};

// The public config without its single sign-on block (set with the CLI, not among these settings).
const { sso: _sso, ...councilOwn } = council;
export const councilSettings: CouncilSettings = {
  ...councilOwn,
  antiAbuse: council.antiAbuse!,
  contactBank: contactBankConfig,
  origins: ['https://www.um.warszawa.pl', 'https://konsultacje.um.warszawa.pl'],
  pageOrigins: ['https://www.um.warszawa.pl', 'https://konsultacje.um.warszawa.pl', 'https://civicloop.um.warszawa.pl'],
  openLicence: 'CC-BY-4.0',
  reachThreshold: 5,
};

export const councilSettingsPatch: CouncilSettingsPatch = {
  origins: ['https://www.um.warszawa.pl', 'https://konsultacje.um.warszawa.pl', 'https://biblioteki.um.warszawa.pl'],
  reachThreshold: 10,
};

export const serviceSave: ServiceSave = { name: { pl: 'Baseny miejskie', en: 'City swimming pools' }, category: 'health' };

export const services: ServiceList = {
  items: [
    { id: 'libraries', name: { pl: 'Biblioteki publiczne', en: 'Public libraries' }, category: 'culture' },
    { id: 'trams', name: { pl: 'Tramwaje', en: 'Trams' }, category: 'transport' },
  ],
  nextCursor: null,
};

export const challenge: Challenge = {
  challenge: 'v1.warszawa.1777886400.16.Qm9vay1tZS1hLWxpYnJhcnk.3f9c2a7e',
  difficulty: 16,
  expiresAt: '2026-05-04T09:40:00Z',
};

export const feedback: FeedbackCreate = {
  kind: 'problem',
  text: 'The lift at the central library has been out of order for two weeks.',
  service: 'libraries',
  rating: 2,
  pageUrl: 'https://um.warszawa.pl/biblioteki',
  locale: 'en',
  elapsedMs: 48210,
  proof: { challenge: challenge.challenge, nonce: '83125' },
};

export const staffFeedback: StaffFeedbackCreate = {
  kind: 'idea',
  text: 'A resident asked for longer opening hours on Saturdays.',
  service: 'libraries',
  locale: 'pl',
  channel: 'phone',
};

export const created: FeedbackCreated = {
  id: '0b6f3c1e-8d2a-4f5b-9c7e-2a1d4e6f8b90',
  receipt: 'K7MX-2QPA-9R',
  status: 'received',
  createdAt: '2026-05-04T09:31:12Z',
};

export const receipt: FeedbackReceipt = {
  receipt: 'K7MX-2QPA-9R',
  status: 'answered',
  kind: 'problem',
  service: 'libraries',
  createdAt: '2026-05-04T09:31:12Z',
  erased: false,
  theme: {
    id: '5e1c9a2b-7f3d-4e8a-b6c0-1d2e3f4a5b6c',
    title: 'Accessibility of library buildings',
    status: 'done',
    statusReason: null,
    youSaid: 'The lift at the central library was out of order for weeks, and people with pushchairs or wheelchairs could not reach the upper floors.',
    weDid: 'The lift was repaired on 20 May and is now checked weekly.',
    locale: 'en',
    updatedAt: '2026-05-21T10:15:00Z',
  },
  replies: [{ at: '2026-05-06T08:00:00Z', text: 'Thank you. The lift is ordered for repair; we will tell you when it works again.' }],
  timeline: [
    { at: '2026-05-04T09:31:12Z', status: 'received' },
    { at: '2026-05-06T08:00:00Z', status: 'in-review' },
    { at: '2026-05-21T10:15:00Z', status: 'answered' },
  ],
};

const THEME_ID = '5e1c9a2b-7f3d-4e8a-b6c0-1d2e3f4a5b6c';

export const themeUpdate: ThemeUpdate = {
  id: '8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d',
  at: '2026-05-21T10:15:00Z',
  text: 'The lift works again. It is now inspected every Monday.',
  status: 'done',
};

export const themeItem: Theme = {
  id: THEME_ID,
  title: 'Accessibility of library buildings',
  youSaid: 'The lift at the central library was out of order for weeks, and people with pushchairs or wheelchairs could not reach the upper floors.',
  weDid: 'The lift was repaired on 20 May and is now checked weekly.',
  status: 'done',
  statusReason: null,
  service: 'libraries',
  locale: 'en',
  inputCount: 14,
  publishedAt: '2026-05-12T09:00:00Z',
  updatedAt: '2026-05-21T10:15:00Z',
};

export const themes: ThemeList = { items: [themeItem], nextCursor: 'WyIyMDI2LTA1LTIxVDEwOjE1OjAwLjAwMFoiLCI1ZTFjIl0' };

export const theme: ThemeDetail = {
  ...themeItem,
  timeline: [{ id: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b', at: '2026-05-12T09:00:00Z', text: 'A repair is ordered.', status: 'planned' }, themeUpdate],
};

const figures = { received: 120, answered: 87, answeredShare: 0.725, medianDaysToResponse: 9.5 };

export const stats: LoopStats = {
  from: '2025-05-22',
  to: '2026-05-21',
  service: null,
  ...figures,
  byService: [
    { service: 'libraries', received: 70, answered: 55, answeredShare: 0.7857, medianDaysToResponse: 8 },
    { service: 'trams', received: 50, answered: 32, answeredShare: 0.64, medianDaysToResponse: 12.25 },
  ],
  byChannel: [
    { channel: 'web', received: 100, answered: 75, answeredShare: 0.75, medianDaysToResponse: 9 },
    { channel: 'phone', received: 20, answered: 12, answeredShare: 0.6, medianDaysToResponse: 11 },
  ],
  byMonth: [
    { month: '2026-04', received: 60, answered: 50, answeredShare: 0.8333, medianDaysToResponse: 7 },
    { month: '2026-05', received: 60, answered: 37, answeredShare: 0.6167, medianDaysToResponse: 12 },
  ],
};

export const feed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:civicloop:feed:warszawa</id>
  <title type="text">Miasto Stołeczne Warszawa: you said, we did</title>
  <updated>2026-05-21T10:15:00.000Z</updated>
  <link rel="self" href="https://api.example.org/v1/councils/warszawa/feed.atom"/>
  <author><name>Miasto Stołeczne Warszawa</name></author>
  <entry>
    <id>urn:civicloop:theme-update:8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d</id>
    <title type="text">Accessibility of library buildings: done</title>
    <updated>2026-05-21T10:15:00.000Z</updated>
    <link rel="alternate" href="https://api.example.org/v1/councils/warszawa/themes/5e1c9a2b-7f3d-4e8a-b6c0-1d2e3f4a5b6c"/>
    <content type="text">The lift works again. It is now inspected every Monday.</content>
  </entry>
</feed>
`;

const licence = { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

export const openDataThemes: OpenDataThemes = { council: 'warszawa', licence, items: [themeItem] };

export const openDataThemesCsv =
  'id,title,you_said,we_did,status,status_reason,service,locale,input_count,published_at,updated_at\r\n' +
  `${THEME_ID},Accessibility of library buildings,"The lift at the central library was out of order for weeks, and people with pushchairs or wheelchairs could not reach the upper floors.",The lift was repaired on 20 May and is now checked weekly.,done,,libraries,en,14,2026-05-12T09:00:00.000Z,2026-05-21T10:15:00.000Z\r\n`;

export const openDataStats: OpenDataStats = { council: 'warszawa', licence, stats };

export const openDataStatsCsv =
  'from,to,group,key,received,answered,answered_share,median_days_to_response\r\n' +
  '2025-05-22,2026-05-21,all,,120,87,0.725,9.5\r\n' +
  '2025-05-22,2026-05-21,service,libraries,70,55,0.7857,8\r\n' +
  '2025-05-22,2026-05-21,channel,web,100,75,0.75,9\r\n' +
  '2025-05-22,2026-05-21,month,2026-05,60,37,0.6167,12\r\n';

export const reply: Reply = {
  id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  at: '2026-05-06T08:00:00Z',
  text: 'Thank you. The lift is ordered for repair; we will tell you when it works again.',
  emailed: true,
};

export const replyCreate: ReplyCreate = { text: reply.text };

export const staffFeedbackItem: StaffFeedback = {
  id: created.id,
  receipt: created.receipt,
  kind: 'problem',
  status: 'answered',
  channel: 'web',
  text: feedback.text,
  service: 'libraries',
  rating: 2,
  locale: 'en',
  pageUrl: 'https://um.warszawa.pl/biblioteki',
  sourceUrl: null,
  replyRequested: true,
  erased: false,
  themeIds: [THEME_ID],
  replies: [reply],
  createdAt: created.createdAt,
  answeredAt: '2026-05-06T08:00:00Z',
};

export const inbox: StaffFeedbackList = { items: [staffFeedbackItem], nextCursor: null };

export const feedbackPatch: StaffFeedbackPatch = { status: 'in-review', themeIds: [THEME_ID] };

export const themeCreate: ThemeCreate = {
  title: themeItem.title,
  youSaid: themeItem.youSaid,
  status: 'considering',
  service: 'libraries',
  locale: 'en',
  feedbackIds: [created.id],
};

export const themePatch: ThemePatch = { status: 'done', weDid: 'The lift was repaired on 20 May and is now checked weekly.' };

export const staffTheme: StaffTheme = {
  ...theme,
  state: 'published',
  createdAt: '2026-05-08T14:02:00Z',
  feedbackIds: [created.id],
};

export const staffThemes: StaffThemeList = { items: [staffTheme], nextCursor: null };

export const themeUpdateCreate: ThemeUpdateCreate = { text: themeUpdate.text, status: 'done' };

export const audit: AuditList = {
  items: [
    {
      id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
      at: '2026-05-12T09:00:00Z',
      actor: { tokenId: 'e2b1c0d9-8f7e-4a6b-9c5d-4e3f2a1b0c9d', label: null, role: 'admin', person: { subject: 'AAAAAAAAAAAAAAAAAAAAAHjd2kxN1f3Q', name: 'Anna Nowak' } },
      action: 'theme.publish',
      subject: { type: 'theme', id: THEME_ID },
      before: { state: 'draft' },
      after: { state: 'published', publishedAt: '2026-05-12T09:00:00Z' },
    },
  ],
  nextCursor: null,
};

export const staffSessionCreate: StaffSessionCreate = {
  code: 'SplxlOBeZQQYbYS6WxSbIA',
  codeVerifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  redirectUri: 'https://intranet.um.warszawa.pl/civicloop/console',
  nonce: 'n-0S6_WzA2Mj-8f3k2PqRt',
};

export const staffMe: StaffMe = { role: 'editor', label: null, person: { subject: 'AAAAAAAAAAAAAAAAAAAAAHjd2kxN1f3Q', name: 'Anna Nowak' } };

export const staffSession: StaffSession = {
  token: 'clss_q8Vn2yX7c1Qd0sJ4mR9tL6bW3zK5hF2aP8eU1oI7gY0',
  expiresAt: '2026-05-12T17:00:00Z',
  role: 'editor',
  person: { subject: 'AAAAAAAAAAAAAAAAAAAAAHjd2kxN1f3Q', name: 'Anna Nowak' },
};

/**
 * The validation issues of the input example above sent with an empty text and a rating of 7:
 * made by the contract's own schema, so they are the issues a server answers with.
 */
const invalidFeedback = z.safeParse(FeedbackCreate, { ...feedback, text: '', rating: 7 });
const issues = invalidFeedback.success ? [] : toValidationIssues(invalidFeedback.error.issues);

/** One problem per status a route declares (and the 500 behind `default`), as the reference server words them. */
export const problems: Readonly<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500, Problem>> = {
  400: { type: PROBLEM_TYPES.malformedJson, title: 'Malformed JSON', status: 400, detail: 'The request body is not valid JSON.' },
  401: { type: PROBLEM_TYPES.unauthorized, title: 'Staff token required', status: 401, detail: 'Send Authorization: Bearer <staff token>.' },
  403: { type: PROBLEM_TYPES.forbidden, title: 'Not allowed', status: 403, detail: 'This staff token belongs to another council.' },
  404: { type: PROBLEM_TYPES.notFound, title: 'Unknown council', status: 404, detail: 'No council with the slug "warsaw" exists on this server.' },
  409: {
    type: PROBLEM_TYPES.idempotencyInFlight,
    title: 'Request still in flight',
    status: 409,
    detail: 'The first request with this Idempotency-Key is still being processed. Retry in a moment.',
  },
  413: { type: PROBLEM_TYPES.tooLarge, title: 'Body too large', status: 413, detail: 'Request bodies are limited to 65536 bytes.' },
  415: { type: PROBLEM_TYPES.unsupportedMediaType, title: 'Unsupported content type', status: 415, detail: 'Send the body as application/json.' },
  422: { type: PROBLEM_TYPES.validation, title: 'Validation failed', status: 422, detail: 'The request does not match the contract; see errors.', errors: issues },
  429: {
    type: PROBLEM_TYPES.rateLimited,
    title: 'Too many inputs',
    status: 429,
    detail: 'This network address reached its limit of 20 inputs an hour. Your text is not lost: send it again in 30 minutes.',
  },
  500: {
    type: PROBLEM_TYPES.internal,
    title: 'Internal server error',
    status: 500,
    detail: 'Something went wrong on our side. Nothing you sent is at fault; try again later.',
    instance: 'urn:civicloop:request:7f3a9c2e-1b4d-4e8f-9a6c-0d2e5b8f1a3c',
  },
};

// The contact bank.

export const contactCreate: ContactCreate = {
  kind: 'association',
  organisation: 'Stowarzyszenie Sąsiedzi z Pragi',
  name: 'Maria Kowalczyk',
  email: 'maria@example.org',
  phone: '+48 600 100 200',
  district: 'praga-polnoc',
  services: ['libraries'],
  categories: ['culture'],
  formats: ['workshop', 'in-person'],
  languages: ['pl', 'uk'],
  accessibility: ['step-free-access'],
  ageBand: '35-44',
  locale: 'pl',
  consent: { version: '2026-05', purposes: ['invitations', 'news'] },
  pageUrl: 'https://um.warszawa.pl/wspolnie',
  via: 'p1.Xq3v9KfL2mA.7d1c0b9a',
  elapsedMs: 61_400,
};

export const contactAccepted: ContactAccepted = { status: 'check-your-email', shareCode: 'p1.Rt7uW2pLx0s.4a9e3f1c' };

export const contactConfirm: ContactConfirm = { token: 'c1.Hq8Zp3Lw0VxN5tKe2RbY9mQa' };

export const contactConfirmed: ContactConfirmed = {
  status: 'active',
  consentExpiresAt: '2028-05-04T09:40:00Z',
  manageToken: 'm1.Vb6Tn2Qs8LcX4pWa1ZkR7yFe',
};

const activityPublic: PublicActivity = {
  title: 'Redesigning the children’s corner of the Praga library',
  format: 'workshop',
  startsAt: '2026-06-10T16:00:00Z',
  endsAt: '2026-06-10T18:00:00Z',
  place: 'Biblioteka Praga-Północ, ul. Szwedzka 5',
  url: null,
  text: 'Two hours with librarians and parents: what should the new children’s corner have?',
  locale: 'en',
};

export const myContact: MyContact = {
  kind: 'association',
  organisation: 'Stowarzyszenie Sąsiedzi z Pragi',
  name: 'Maria Kowalczyk',
  phone: '+48 600 100 200',
  district: 'praga-polnoc',
  services: ['libraries'],
  categories: ['culture'],
  formats: ['workshop', 'in-person'],
  languages: ['pl', 'uk'],
  accessibility: ['step-free-access'],
  accessibilityNote: null,
  ageBand: '35-44',
  locale: 'pl',
  email: 'maria@example.org',
  status: 'active',
  joinedVia: 'pass-it-on',
  pageUrl: 'https://um.warszawa.pl/wspolnie',
  createdAt: '2026-05-04T09:31:12Z',
  consent: {
    version: '2026-05',
    purposes: ['invitations', 'news'],
    givenAt: '2026-05-04T09:31:12Z',
    confirmedAt: '2026-05-04T09:40:00Z',
    changedAt: null,
    renewedAt: null,
    expiresAt: '2028-05-04T09:40:00Z',
  },
  ledger: [
    { at: '2026-05-04T09:31:12Z', event: 'given', version: '2026-05', purposes: ['invitations', 'news'] },
    { at: '2026-05-04T09:40:00Z', event: 'confirmed', version: '2026-05', purposes: ['invitations', 'news'] },
  ],
  invitations: [{ activity: activityPublic, invitedAt: '2026-05-20T08:00:00Z', answer: 'yes', answeredAt: '2026-05-20T19:12:00Z' }],
};

export const myContactPatch: MyContactPatch = { formats: ['workshop', 'survey'], consent: { version: '2026-05', purposes: ['invitations'] } };

export const invitation: Invitation = { activity: activityPublic, answer: null, answeredAt: null };
export const invitationReply: InvitationReply = { answer: 'yes' };
export const invitationAnswered: Invitation = { activity: activityPublic, answer: 'yes', answeredAt: '2026-05-20T19:12:00Z' };

const CONTACT_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a';

export const staffContacts: StaffContactList = {
  items: [
    {
      id: CONTACT_ID,
      kind: 'association',
      organisation: 'Stowarzyszenie Sąsiedzi z Pragi',
      district: 'praga-polnoc',
      services: ['libraries'],
      categories: ['culture'],
      formats: ['workshop', 'in-person'],
      languages: ['pl', 'uk'],
      accessibility: ['step-free-access'],
      accessibilityNote: null,
      ageBand: '35-44',
      locale: 'pl',
      purposes: ['invitations', 'news'],
      joinedVia: 'pass-it-on',
      confirmedAt: '2026-05-04T09:40:00Z',
      consentExpiresAt: '2028-05-04T09:40:00Z',
    },
  ],
  nextCursor: null,
};

export const staffContactsCsv =
  '\uFEFFid,kind,organisation,district,services,categories,formats,languages,accessibility,accessibility_note,age_band,locale,purposes,joined_via,confirmed_at,consent_expires_at\r\n' +
  `${CONTACT_ID},association,Stowarzyszenie Sąsiedzi z Pragi,praga-polnoc,libraries,culture,workshop;in-person,pl;uk,step-free-access,,35-44,pl,invitations;news,pass-it-on,2026-05-04T09:40:00Z,2028-05-04T09:40:00Z\r\n`;

export const activityCreate: ActivityCreate = {
  title: activityPublic.title,
  format: 'workshop',
  startsAt: '2026-06-10T16:00:00Z',
  endsAt: '2026-06-10T18:00:00Z',
  place: 'Biblioteka Praga-Północ, ul. Szwedzka 5',
  text: activityPublic.text,
  locale: 'en',
};

const ACTIVITY_ID = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';

export const activity: Activity = { id: ACTIVITY_ID, ...activityPublic, createdAt: '2026-05-20T07:55:00Z', invited: 24, accepted: 7, declined: 3 };
export const activities: ActivityList = { items: [activity], nextCursor: null };
export const activityDetail: ActivityDetail = {
  ...activity,
  acceptedContacts: [
    {
      contactId: CONTACT_ID,
      kind: 'association',
      organisation: 'Stowarzyszenie Sąsiedzi z Pragi',
      name: 'Maria Kowalczyk',
      email: 'maria@example.org',
      phone: '+48 600 100 200',
      languages: ['pl', 'uk'],
      accessibility: ['step-free-access'],
      accessibilityNote: null,
      answeredAt: '2026-05-20T19:12:00Z',
    },
  ],
};

export const invitationsCreate: InvitationsCreate = { interest: 'culture', district: 'praga-polnoc', max: 40 };
export const invitationsCreated: InvitationsCreated = { invited: 24, alreadyInvited: 0 };

export const contactReach: ContactReach = {
  threshold: 5,
  at: '2026-05-21T10:00:00Z',
  active: 57,
  left: { withdrawn: 4, expired: 2 },
  kind: [
    { key: 'resident', count: 44, suppressed: false },
    { key: 'association', count: 10, suppressed: false },
    { key: 'business', count: null, suppressed: true },
  ],
  district: [
    { key: 'srodmiescie', count: 35, suppressed: false, population: 102_000, perThousand: 0.34 },
    { key: 'praga-polnoc', count: 19, suppressed: false, population: 61_000, perThousand: 0.31 },
    { key: 'not-given', count: null, suppressed: true, population: null, perThousand: null },
  ],
  ageBand: [
    { key: '25-34', count: 21, suppressed: false },
    { key: '35-44', count: 18, suppressed: false },
    { key: '65-74', count: null, suppressed: true },
    { key: 'not-given', count: 15, suppressed: false },
  ],
  language: [
    { key: 'pl', count: 55, suppressed: false },
    { key: 'uk', count: 8, suppressed: false },
  ],
  channel: [
    { key: 'direct', count: 41, suppressed: false },
    { key: 'pass-it-on', count: 16, suppressed: false },
  ],
};
