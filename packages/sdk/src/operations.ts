// One function per operation, each importing only its own endpoint: a bundle that calls
// `getCouncil` keeps the `getCouncil` entry of the endpoint table and nothing of the others.
import type {
  Activity,
  ActivityCreate,
  ActivityDetail,
  ActivityList,
  ContactAccepted,
  ContactConfirmed,
  ContactCreate,
  ContactExportQuery,
  ContactReach,
  ContactSearchQuery,
  Invitation,
  InvitationAnswer,
  InvitationsCreate,
  InvitationsCreated,
  MyContact,
  MyContactPatch,
  StaffContactList,
  AuditList,
  AuditQuery,
  Challenge,
  CouncilConfig,
  FeedbackCreate,
  FeedbackCreated,
  FeedbackReceipt,
  FeedQuery,
  InboxQuery,
  LoopStats,
  OpenDataStats,
  OpenDataThemes,
  Reply,
  ReplyCreate,
  ServiceList,
  StaffFeedback,
  StaffFeedbackCreate,
  StaffFeedbackList,
  StaffFeedbackPatch,
  StaffTheme,
  StaffThemeList,
  StaffThemesQuery,
  StatsQuery,
  ThemeCreate,
  ThemeDetail,
  ThemeList,
  ThemePatch,
  ThemesQuery,
  ThemeUpdate,
  ThemeUpdateCreate,
} from '@civicloop/contract';
import {
  answerInvitation as answerInvitationEndpoint,
  confirmContact as confirmContactEndpoint,
  createActivity as createActivityEndpoint,
  createContact as createContactEndpoint,
  createInvitations as createInvitationsEndpoint,
  deleteMyContact as deleteMyContactEndpoint,
  exportContacts as exportContactsEndpoint,
  getActivity as getActivityEndpoint,
  getContactReach as getContactReachEndpoint,
  getInvitation as getInvitationEndpoint,
  getMyContact as getMyContactEndpoint,
  listActivities as listActivitiesEndpoint,
  searchContacts as searchContactsEndpoint,
  updateMyContact as updateMyContactEndpoint,
  createChallenge as createChallengeEndpoint,
  createFeedback as createFeedbackEndpoint,
  createReply as createReplyEndpoint,
  createStaffFeedback as createStaffFeedbackEndpoint,
  createTheme as createThemeEndpoint,
  createThemeUpdate as createThemeUpdateEndpoint,
  deleteFeedback as deleteFeedbackEndpoint,
  getCouncil as getCouncilEndpoint,
  getFeed as getFeedEndpoint,
  getFeedbackReceipt as getFeedbackReceiptEndpoint,
  getOpenDataStats as getOpenDataStatsEndpoint,
  getOpenDataStatsCsv as getOpenDataStatsCsvEndpoint,
  getOpenDataThemes as getOpenDataThemesEndpoint,
  getOpenDataThemesCsv as getOpenDataThemesCsvEndpoint,
  getStats as getStatsEndpoint,
  getTheme as getThemeEndpoint,
  listAudit as listAuditEndpoint,
  listServices as listServicesEndpoint,
  listStaffFeedback as listStaffFeedbackEndpoint,
  listStaffThemes as listStaffThemesEndpoint,
  listThemes as listThemesEndpoint,
  publishTheme as publishThemeEndpoint,
  updateStaffFeedback as updateStaffFeedbackEndpoint,
  updateTheme as updateThemeEndpoint,
  type Endpoint,
} from '@civicloop/contract/endpoints';
import type { CallOptions, ContactCallOptions, CreateOptions, StaffCallOptions, Transport } from './transport.js';

/** A page of a list: how many, and where to go on from (`nextCursor` of the previous page). */
export interface PageQuery {
  /** Items on the page (1–100). @default the server's (50) */
  limit?: number;
  /** `nextCursor` of the previous page. @default the first page */
  cursor?: string;
}

/** The council's public configuration: name, locales, texts, limits. */
export async function getCouncil(t: Transport, options: CallOptions = {}): Promise<CouncilConfig> {
  return (await t.call<CouncilConfig>('getCouncil', getCouncilEndpoint, options)).data;
}

/** One page of the council's services; pass `nextCursor` back as `cursor` for the next. */
export async function listServices(t: Transport, query: PageQuery = {}, options: CallOptions = {}): Promise<ServiceList> {
  return (await t.call<ServiceList>('listServices', listServicesEndpoint, { ...options, query: { ...query } })).data;
}

/** Sends a resident's input; keep the `receipt` of the answer. */
export async function createFeedback(t: Transport, body: FeedbackCreate, options: CreateOptions = {}): Promise<FeedbackCreated> {
  return (await t.call<FeedbackCreated>('createFeedback', createFeedbackEndpoint, { ...options, body })).data;
}

/** Where one input stands, by its receipt code (any case, hyphens optional); never its text. */
export async function getFeedback(t: Transport, receipt: string, options: CallOptions = {}): Promise<FeedbackReceipt> {
  return (await t.call<FeedbackReceipt>('getFeedbackReceipt', getFeedbackReceiptEndpoint, { ...options, params: { receipt } })).data;
}

/** The author erases their input's text and contact (it still counts). Erasing twice is fine. */
export async function deleteFeedback(t: Transport, receipt: string, options: CallOptions = {}): Promise<void> {
  await t.call('deleteFeedback', deleteFeedbackEndpoint, { ...options, params: { receipt } });
}

/** A fresh proof-of-work challenge, to solve and send as `proof` with the next input. */
export async function createChallenge(t: Transport, options: CallOptions = {}): Promise<Challenge> {
  return (await t.call<Challenge>('createChallenge', createChallengeEndpoint, options)).data;
}

/** Assisted entry by staff (phone, desk, paper, email, outreach); needs a staff token. */
export async function createStaffFeedback(t: Transport, body: StaffFeedbackCreate, options: StaffCallOptions = {}): Promise<FeedbackCreated> {
  return (await t.call<FeedbackCreated>('createStaffFeedback', createStaffFeedbackEndpoint, { ...options, body })).data;
}

/** Query values as the transport sends them (undefined ones are left out). */
type Query = Record<string, string | number | boolean | undefined>;

/** The address of a text operation (feed, CSV), for a link: `{council}` filled, the query appended. */
function addressOf(t: Transport, endpoint: Endpoint, query: Query = {}): string {
  const url = new URL(t.baseUrl + endpoint.path.replace('{council}', encodeURIComponent(t.council)));
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
  return url.href;
}

/** One page of published "you said, we did" themes, most recently updated first; filter by `service` and `status`. */
export async function listThemes(t: Transport, query: ThemesQuery = {}, options: CallOptions = {}): Promise<ThemeList> {
  return (await t.call<ThemeList>('listThemes', listThemesEndpoint, { ...options, query: { ...query } })).data;
}

/** One published theme with its timeline (oldest first). */
export async function getTheme(t: Transport, id: string, options: CallOptions = {}): Promise<ThemeDetail> {
  return (await t.call<ThemeDetail>('getTheme', getThemeEndpoint, { ...options, params: { id } })).data;
}

/** Loop figures for a period (`from`/`to`, `YYYY-MM-DD`), overall and by service, channel and month. */
export async function getStats(t: Transport, query: StatsQuery = {}, options: CallOptions = {}): Promise<LoopStats> {
  return (await t.call<LoopStats>('getStats', getStatsEndpoint, { ...options, query: { ...query } })).data;
}

/** The address of the council's Atom feed (`getFeed`), for a subscribe link; `service` limits it to one service. */
export function feedUrl(t: Transport, query: FeedQuery = {}): string {
  return addressOf(t, getFeedEndpoint, { ...query });
}

/** Every published theme as open data, with the council's licence. */
export async function getOpenDataThemes(t: Transport, options: CallOptions = {}): Promise<OpenDataThemes> {
  return (await t.call<OpenDataThemes>('getOpenDataThemes', getOpenDataThemesEndpoint, options)).data;
}

/** The address of the themes as CSV open data (`getOpenDataThemesCsv`), for a download link. */
export function openDataThemesCsvUrl(t: Transport): string {
  return addressOf(t, getOpenDataThemesCsvEndpoint);
}

/** Loop figures as open data, with the council's licence. */
export async function getOpenDataStats(t: Transport, query: StatsQuery = {}, options: CallOptions = {}): Promise<OpenDataStats> {
  return (await t.call<OpenDataStats>('getOpenDataStats', getOpenDataStatsEndpoint, { ...options, query: { ...query } })).data;
}

/** The address of the loop figures as CSV open data (`getOpenDataStatsCsv`), for a download link. */
export function openDataStatsCsvUrl(t: Transport, query: StatsQuery = {}): string {
  return addressOf(t, getOpenDataStatsCsvEndpoint, { ...query });
}

/** Staff: one page of the inbox, newest first, with filters and full-text search (`q`). */
export async function listStaffFeedback(t: Transport, query: InboxQuery = {}, options: StaffCallOptions = {}): Promise<StaffFeedbackList> {
  return (await t.call<StaffFeedbackList>('listStaffFeedback', listStaffFeedbackEndpoint, { ...options, query: { ...query } })).data;
}

/** Staff: change an input's status or its links to themes (`themeIds` replaces them). */
export async function updateStaffFeedback(t: Transport, id: string, body: StaffFeedbackPatch, options: StaffCallOptions = {}): Promise<StaffFeedback> {
  return (await t.call<StaffFeedback>('updateStaffFeedback', updateStaffFeedbackEndpoint, { ...options, params: { id }, body })).data;
}

/** Staff: a personal reply to one input, shown in its receipt view and emailed if the resident asked. */
export async function createReply(t: Transport, id: string, body: ReplyCreate, options: StaffCallOptions = {}): Promise<Reply> {
  return (await t.call<Reply>('createReply', createReplyEndpoint, { ...options, params: { id }, body })).data;
}

/** Staff: one page of themes, drafts included. */
export async function listStaffThemes(t: Transport, query: StaffThemesQuery = {}, options: StaffCallOptions = {}): Promise<StaffThemeList> {
  return (await t.call<StaffThemeList>('listStaffThemes', listStaffThemesEndpoint, { ...options, query: { ...query } })).data;
}

/** Staff: create a theme; it stays a draft until published. */
export async function createTheme(t: Transport, body: ThemeCreate, options: StaffCallOptions = {}): Promise<StaffTheme> {
  return (await t.call<StaffTheme>('createTheme', createThemeEndpoint, { ...options, body })).data;
}

/** Staff: edit a theme (a published one needs an admin token). */
export async function updateTheme(t: Transport, id: string, body: ThemePatch, options: StaffCallOptions = {}): Promise<StaffTheme> {
  return (await t.call<StaffTheme>('updateTheme', updateThemeEndpoint, { ...options, params: { id }, body })).data;
}

/** Admin: publish a theme; its linked inputs become `answered` and residents who asked are emailed. */
export async function publishTheme(t: Transport, id: string, options: StaffCallOptions = {}): Promise<StaffTheme> {
  return (await t.call<StaffTheme>('publishTheme', publishThemeEndpoint, { ...options, params: { id } })).data;
}

/** Staff: add an update to a theme's timeline (optionally changing its status). */
export async function createThemeUpdate(t: Transport, id: string, body: ThemeUpdateCreate, options: StaffCallOptions = {}): Promise<ThemeUpdate> {
  return (await t.call<ThemeUpdate>('createThemeUpdate', createThemeUpdateEndpoint, { ...options, params: { id }, body })).data;
}

/** Admin: one page of the audit log, newest first. */
export async function listAudit(t: Transport, query: AuditQuery = {}, options: StaffCallOptions = {}): Promise<AuditList> {
  return (await t.call<AuditList>('listAudit', listAuditEndpoint, { ...options, query: { ...query } })).data;
}

// The contact bank. A contact's own calls take the token from their email (`options.token`).

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

/** Staff: one page of active contacts matching the filters (never an address, name or phone); audited. */
export async function searchContacts(t: Transport, query: ContactSearchQuery = {}, options: StaffCallOptions = {}): Promise<StaffContactList> {
  return (await t.call<StaffContactList>('searchContacts', searchContactsEndpoint, { ...options, query: { ...query } })).data;
}

/** Staff: every match of the filters as CSV text (UTF-8 with BOM, RFC 4180); audited. */
export async function exportContacts(t: Transport, query: ContactExportQuery = {}, options: StaffCallOptions = {}): Promise<string> {
  return (await t.call<string>('exportContacts', exportContactsEndpoint, { ...options, headers: { accept: 'text/csv', ...options.headers }, query: { ...query } })).data;
}

/** Staff: the bank's make-up by kind, district, age band, language and channel; small groups suppressed. */
export async function getContactReach(t: Transport, options: StaffCallOptions = {}): Promise<ContactReach> {
  return (await t.call<ContactReach>('getContactReach', getContactReachEndpoint, options)).data;
}

/** Staff: creates a co-creation activity, to invite contacts to. */
export async function createActivity(t: Transport, body: ActivityCreate, options: StaffCallOptions = {}): Promise<Activity> {
  return (await t.call<Activity>('createActivity', createActivityEndpoint, { ...options, body })).data;
}

/** Staff: one page of activities with their invitation counts, newest first. */
export async function listActivities(t: Transport, query: PageQuery = {}, options: StaffCallOptions = {}): Promise<ActivityList> {
  return (await t.call<ActivityList>('listActivities', listActivitiesEndpoint, { ...options, query: { ...query } })).data;
}

/** Staff: one activity with the contact details of those who accepted (and no one else); audited. */
export async function getActivity(t: Transport, id: string, options: StaffCallOptions = {}): Promise<ActivityDetail> {
  return (await t.call<ActivityDetail>('getActivity', getActivityEndpoint, { ...options, params: { id } })).data;
}

/** Staff: invites matching contacts who consented to invitations, by email through the server. */
export async function createInvitations(t: Transport, id: string, body: InvitationsCreate = {}, options: StaffCallOptions = {}): Promise<InvitationsCreated> {
  return (await t.call<InvitationsCreated>('createInvitations', createInvitationsEndpoint, { ...options, params: { id }, body })).data;
}
