// The route table: each operation of `endpoints.ts` (method, path, tag, auth, retry class)
// with its schemas, summary, responses and problems. The server binds one handler to each key,
// the SDK parses with these schemas, and the OpenAPI document is generated from them.
import type * as z from 'zod/mini';
import { CouncilParams, PageQuery } from './common.js';
import {
  Activity,
  ActivityCreate,
  ActivityDetail,
  ActivityList,
  ContactAccepted,
  ContactConfirm,
  ContactConfirmed,
  ContactCreate,
  ContactReach,
  ContactExportQuery,
  ContactSearchQuery,
  Invitation,
  InvitationReply,
  InvitationsCreate,
  InvitationsCreated,
  MyContact,
  MyContactPatch,
  StaffContactList,
  UnsubscribeParams,
} from './contacts.js';
import { CouncilConfig } from './council.js';
import { endpoints, type Endpoint, type EndpointId } from './endpoints.js';
import { feedbackCreateFor, FeedbackCreate, FeedbackCreated, FeedbackReceipt, ReceiptParams, StaffFeedbackCreate, staffFeedbackCreateFor } from './feedback.js';
import * as examples from './examples.js';
import { Health } from './health.js';
import { Challenge } from './pow.js';
import { Service, ServiceList } from './services.js';
import { CouncilSettings, CouncilSettingsPatch, ServiceParams, ServiceSave } from './settings.js';
import { StaffMe, StaffSession, StaffSessionCreate } from './sso.js';
import { AuditList, AuditQuery, InboxQuery, Reply, ReplyCreate, StaffFeedback, StaffFeedbackList, StaffFeedbackPatch, StaffItemParams } from './staff.js';
import {
  FeedQuery,
  LoopStats,
  OpenDataStats,
  OpenDataThemes,
  StaffTheme,
  StaffThemeList,
  StaffThemesQuery,
  StatsQuery,
  TextDocument,
  ThemeCreate,
  ThemeDetail,
  ThemeList,
  ThemeParams,
  ThemePatch,
  ThemesQuery,
  ThemeUpdate,
  ThemeUpdateCreate,
} from './themes.js';
import type { CouncilConfig as CouncilConfigType } from './council.js';

type Schema = z.core.$ZodType;

export interface ResponseDef {
  readonly description: string;
  /** Absent for bodiless responses (204, 304). */
  readonly schema?: Schema;
  /** A worked example of the body, published in the OpenAPI document (required with `schema`). */
  readonly example?: unknown;
  /** The media type of the body when it is not JSON (then `schema` is a string and the body is sent as is). */
  readonly mediaType?: string;
}

/** What `routes.ts` adds to an endpoint. */
export interface RouteSpec {
  readonly summary: string;
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  /** The request body as the contract publishes it (with the contract's widest limits). */
  readonly body?: Schema;
  /** A worked example of the body (required with `body`). */
  readonly bodyExample?: unknown;
  /** The body as one council accepts it (its own limits); servers validate with this when present. */
  readonly bodyFor?: (config: Pick<CouncilConfigType, 'limits'>) => Schema;
  /** Success responses by status. */
  readonly responses: Readonly<Record<number, ResponseDef>>;
  /** Problem statuses this operation can answer with, besides 5xx. */
  readonly problems: readonly number[];
  /** A longer explanation (who may call it, what it does to other resources), for the OpenAPI `description`. */
  readonly description?: string;
  /**
   * Content negotiation: a request whose `Accept` prefers `mediaType` to JSON is answered by
   * `operationId` (same path parameters and query), e.g. the contact search as CSV.
   */
  readonly alternate?: { readonly mediaType: string; readonly operationId: EndpointId };
}

/** One operation of the REST contract: its endpoint, its schemas, and its key as `operationId`. */
export interface RouteDef extends Endpoint, RouteSpec {
  readonly operationId: string;
}

type Routes<S> = { readonly [K in EndpointId]: (typeof endpoints)[K] & (K extends keyof S ? S[K] : never) & { readonly operationId: K } };

/** Joins each endpoint with its spec; a missing spec is a compile error, and `operationId` is the key. */
function defineRoutes<const S extends { readonly [K in EndpointId]: RouteSpec }>(specs: S): Routes<S> {
  const out: Record<string, RouteDef> = {};
  for (const id of Object.keys(endpoints) as EndpointId[]) out[id] = { ...endpoints[id], ...specs[id], operationId: id };
  return out as Routes<S>;
}

/** The route table: every operation of contract v1, by `operationId`. */
export const routes = defineRoutes({
  health: {
    summary: 'Liveness and database reachability',
    responses: { 200: { description: 'Up', schema: Health, example: examples.healthUp }, 503: { description: 'Database unreachable', schema: Health, example: examples.healthDown } },
    problems: [],
  },
  getCouncil: {
    summary: "A council's public configuration",
    params: CouncilParams,
    responses: { 200: { description: 'The council', schema: CouncilConfig, example: examples.council }, 304: { description: 'Not modified' } },
    problems: [404],
  },
  listServices: {
    summary: "The council's services",
    params: CouncilParams,
    query: PageQuery,
    responses: { 200: { description: 'Services', schema: ServiceList, example: examples.services }, 304: { description: 'Not modified' } },
    problems: [404, 422],
  },
  createFeedback: {
    summary: "Send a resident's input",
    params: CouncilParams,
    body: FeedbackCreate,
    bodyExample: examples.feedback,
    bodyFor: feedbackCreateFor,
    responses: { 201: { description: 'Stored; keep the receipt', schema: FeedbackCreated, example: examples.created } },
    problems: [400, 404, 409, 413, 415, 422, 429],
  },
  getFeedbackReceipt: {
    summary: 'Where one input stands, by its receipt (never its text or contact)',
    params: ReceiptParams,
    responses: { 200: { description: 'The input as its receipt shows it', schema: FeedbackReceipt, example: examples.receipt }, 304: { description: 'Not modified' } },
    problems: [404],
  },
  deleteFeedback: {
    summary: "The author erases their input's text and contact; it still counts. Erasing again is 204 too",
    params: ReceiptParams,
    responses: { 204: { description: 'Erased (or already erased)' } },
    problems: [404],
  },
  createChallenge: {
    summary: 'A fresh proof-of-work challenge for one submission (no body needed)',
    params: CouncilParams,
    responses: { 201: { description: 'Solve it and send it as `proof` with the input', schema: Challenge, example: examples.challenge } },
    problems: [404],
  },
  createStaffFeedback: {
    summary: 'Assisted entry: input received by phone, in person, on paper, by email or in outreach',
    params: CouncilParams,
    body: StaffFeedbackCreate,
    bodyExample: examples.staffFeedback,
    bodyFor: staffFeedbackCreateFor,
    responses: { 201: { description: 'Stored; give the receipt to the resident', schema: FeedbackCreated, example: examples.created } },
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
    description:
      'Editors and admins. Input seen in public (`petition`, `campaign`, `protest`, `social-media`, `press`, `artwork`) needs a `sourceUrl`. ' +
      'Recorded in the audit log (`feedback.create`).',
  },
  listThemes: {
    summary: 'Published "you said, we did" themes',
    description: 'Drafts are never listed. Most recently updated first; filter by `service` and `status`.',
    params: CouncilParams,
    query: ThemesQuery,
    responses: { 200: { description: 'Published themes', schema: ThemeList, example: examples.themes }, 304: { description: 'Not modified' } },
    problems: [404, 422],
  },
  getTheme: {
    summary: 'One published theme with its timeline',
    description: 'A draft, or a theme of another council, is 404.',
    params: ThemeParams,
    responses: { 200: { description: 'The theme', schema: ThemeDetail, example: examples.theme }, 304: { description: 'Not modified' } },
    problems: [404],
  },
  getStats: {
    summary: 'Loop figures: inputs received, share answered, median days to a public response',
    description:
      'For the days `from` to `to` (inclusive, UTC; default the year up to today): inputs received in the period, how many had a public ' +
      'response (a personal reply or a published theme) by the end of it, and the median days from input to that response; overall, ' +
      'by service, by channel and by month.',
    params: CouncilParams,
    query: StatsQuery,
    responses: { 200: { description: 'The figures', schema: LoopStats, example: examples.stats }, 304: { description: 'Not modified' } },
    problems: [404, 422],
  },
  getFeed: {
    summary: 'Atom feed of published theme updates',
    description:
      'An Atom 1.0 feed (RFC 4287): one entry per publication of a theme and per timeline update, newest first (at most 50); ' +
      '`?service=` limits it to one service. Texts are plain text (`type="text"`), escaped.',
    params: CouncilParams,
    query: FeedQuery,
    responses: {
      200: { description: 'The feed', schema: TextDocument, mediaType: 'application/atom+xml', example: examples.feed },
      304: { description: 'Not modified' },
    },
    problems: [404, 422],
  },
  getOpenDataThemes: {
    summary: 'Open data: every published theme (JSON)',
    description: "Under the council's open licence (`licence`); a stable URL. The same data as `themes.csv`.",
    params: CouncilParams,
    responses: { 200: { description: 'The themes', schema: OpenDataThemes, example: examples.openDataThemes }, 304: { description: 'Not modified' } },
    problems: [404],
  },
  getOpenDataThemesCsv: {
    summary: 'Open data: every published theme (CSV)',
    description:
      "RFC 4180 CSV in UTF-8 with a header row: `id,title,you_said,we_did,status,status_reason,service,locale,input_count,published_at,updated_at`. " +
      "Under the council's open licence, named in the `Link` header (`rel=license`); a stable URL.",
    params: CouncilParams,
    responses: {
      200: { description: 'The themes', schema: TextDocument, mediaType: 'text/csv', example: examples.openDataThemesCsv },
      304: { description: 'Not modified' },
    },
    problems: [404],
  },
  getOpenDataStats: {
    summary: 'Open data: loop figures (JSON)',
    description: "`getStats` for the period asked (default the year up to today), under the council's open licence; a stable URL.",
    params: CouncilParams,
    query: StatsQuery,
    responses: { 200: { description: 'The figures', schema: OpenDataStats, example: examples.openDataStats }, 304: { description: 'Not modified' } },
    problems: [404, 422],
  },
  getOpenDataStatsCsv: {
    summary: 'Open data: loop figures (CSV)',
    description:
      'RFC 4180 CSV in UTF-8 with a header row: `from,to,group,key,received,answered,answered_share,median_days_to_response`; ' +
      "`group` is `all`, `service`, `channel` or `month`. Under the council's open licence (`Link: <...>; rel=license`).",
    params: CouncilParams,
    query: StatsQuery,
    responses: {
      200: { description: 'The figures', schema: TextDocument, mediaType: 'text/csv', example: examples.openDataStatsCsv },
      304: { description: 'Not modified' },
    },
    problems: [404, 422],
  },
  listStaffFeedback: {
    summary: 'The inbox: inputs with filters and full-text search',
    description:
      'Editors and admins. Newest first; filters `status`, `service`, `kind`, `channel`, `from`/`to` and `q` (full-text, in each ' +
      "input's language) combine with AND. A cursor that is not a `nextCursor` of this list is 422.",
    params: CouncilParams,
    query: InboxQuery,
    responses: { 200: { description: 'One page of the inbox', schema: StaffFeedbackList, example: examples.inbox } },
    problems: [401, 403, 404, 422],
  },
  updateStaffFeedback: {
    summary: "Change an input's status or its links to themes",
    description:
      'Editors and admins. `themeIds` replaces the links; linking to an already published theme makes the input `answered`. ' +
      'Recorded in the audit log (`feedback.update`) with the fields before and after.',
    params: StaffItemParams,
    body: StaffFeedbackPatch,
    bodyExample: examples.feedbackPatch,
    responses: { 200: { description: 'The input as it is now', schema: StaffFeedback, example: examples.staffFeedbackItem } },
    problems: [400, 401, 403, 404, 413, 415, 422],
  },
  createReply: {
    summary: 'A personal reply to one input',
    description:
      'Editors and admins. Shown in the receipt view; emailed, in the resident\'s language, when they left an address. ' +
      'The input becomes `answered`. Recorded in the audit log (`feedback.reply`).',
    params: StaffItemParams,
    body: ReplyCreate,
    bodyExample: examples.replyCreate,
    responses: { 201: { description: 'Sent', schema: Reply, example: examples.reply } },
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  },
  listStaffThemes: {
    summary: 'Themes, drafts included',
    description: 'Editors and admins. Most recently updated first.',
    params: CouncilParams,
    query: StaffThemesQuery,
    responses: { 200: { description: 'One page of themes', schema: StaffThemeList, example: examples.staffThemes } },
    problems: [401, 403, 404, 422],
  },
  getStaffTheme: {
    summary: 'One theme, draft or published',
    description: "Editors and admins. The `Location` of a created theme. A theme of another council is as unknown as one that does not exist (404).",
    params: StaffItemParams,
    responses: { 200: { description: 'The theme', schema: StaffTheme, example: examples.staffTheme } },
    problems: [401, 403, 404],
  },
  createTheme: {
    summary: 'Create a theme (a draft until published)',
    description: 'Editors and admins. Texts are plain text. Recorded in the audit log (`theme.create`).',
    params: CouncilParams,
    body: ThemeCreate,
    bodyExample: examples.themeCreate,
    responses: { 201: { description: 'Created, as a draft', schema: StaffTheme, example: examples.staffTheme } },
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  },
  updateTheme: {
    summary: 'Edit a theme',
    description:
      'Editors may edit drafts; editing a published theme (public text) needs an admin token, else 403. ' +
      'Recorded in the audit log (`theme.update`) with the fields before and after.',
    params: StaffItemParams,
    body: ThemePatch,
    bodyExample: examples.themePatch,
    responses: { 200: { description: 'The theme as it is now', schema: StaffTheme, example: examples.staffTheme } },
    problems: [400, 401, 403, 404, 413, 415, 422],
  },
  publishTheme: {
    summary: 'Publish a theme: it becomes public and its linked inputs `answered`',
    description:
      'Admins only (an editor gets 403): publishing speaks for the council. Residents of linked inputs who asked for a reply get one ' +
      'email in their language. Publishing a published theme changes nothing. Recorded in the audit log (`theme.publish`).',
    params: StaffItemParams,
    responses: { 200: { description: 'Published', schema: StaffTheme, example: examples.staffTheme } },
    problems: [401, 403, 404],
  },
  createThemeUpdate: {
    summary: "Add an update to a theme's timeline",
    description:
      "Editors and admins. Plain text; `status` also changes the theme's status (on a published theme, only an admin may change it: " +
      'an editor gets 403). Public (and in the feed) once the theme is published. ' +
      'Recorded in the audit log (`theme.add-update`).',
    params: StaffItemParams,
    body: ThemeUpdateCreate,
    bodyExample: examples.themeUpdateCreate,
    responses: { 201: { description: 'Added', schema: ThemeUpdate, example: examples.themeUpdate } },
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  },
  createStaffSession: {
    summary: 'Sign in with single sign-on: turn an authorization code into a staff session',
    description:
      "No token needed. For a council with `sso` in its configuration: the server redeems the code (with the PKCE verifier) at the provider's " +
      'token endpoint, checks the ID token (signature by the provider\'s keys, issuer, audience, expiry, `nonce`), and maps the council\'s role ' +
      'claim to `editor` or `admin`. A person whose claims map to no role gets 403; a code, verifier or nonce the provider or the ID token ' +
      'does not confirm gets 401; a council without single sign-on, 404. Every attempt counts against a limit per client address and per council ' +
      '(30 and 1000 an hour by default; 429 with `Retry-After` past it), refused ones included. The session lasts the council\'s session length; only its hash is stored.',
    params: CouncilParams,
    body: StaffSessionCreate,
    bodyExample: examples.staffSessionCreate,
    responses: { 201: { description: 'Signed in', schema: StaffSession, example: examples.staffSession } },
    problems: [400, 401, 403, 404, 413, 415, 422, 429],
  },
  getStaffMe: {
    summary: 'Who this token is: its role, label and person',
    description:
      'Editors and admins, with a staff token or a session token. Lets a staff tool show only what the role may do (an editor is not offered "Publish"); ' +
      'the routes still decide. Not recorded in the audit log.',
    params: CouncilParams,
    responses: { 200: { description: 'The token of this request', schema: StaffMe, example: examples.staffMe } },
    problems: [401, 403, 404],
  },
  deleteStaffSession: {
    summary: 'Sign out: end the single sign-on session of this request',
    description:
      'Editors and admins, with a session token: the session ends at once, and the token is refused from then on (401). ' +
      'A staff token is not a session (403): revoke it with the CLI.',
    params: CouncilParams,
    responses: { 204: { description: 'Signed out' } },
    problems: [401, 403, 404],
  },
  listAudit: {
    summary: 'The audit log: who did what, when, before and after',
    description: 'Admins only (an editor gets 403). Newest first; filters `action` and `subject`.',
    params: CouncilParams,
    query: AuditQuery,
    responses: { 200: { description: 'One page of the log', schema: AuditList, example: examples.audit } },
    problems: [401, 403, 404, 422],
  },
  getCouncilSettings: {
    summary: "The council's settings",
    description:
      'Editors and admins (editors read them so the embed builder can say whether a page may embed the council; only admins change them). ' +
      'Everything the public config holds, plus the allowed origins, the open-data licence, the contact bank with its consent text and the reach suppression threshold.',
    params: CouncilParams,
    responses: { 200: { description: 'The settings', schema: CouncilSettings, example: examples.councilSettings } },
    problems: [401, 403, 404],
  },
  updateCouncilSettings: {
    summary: "Change the council's settings",
    description:
      'Admins only (an editor gets 403). Only the settings given change; a default locale no longer among new locales moves to the first of them. ' +
      'Elements pick the change up on their next load. Recorded in the audit log (`council.update`) with the fields before and after.',
    params: CouncilParams,
    body: CouncilSettingsPatch,
    bodyExample: examples.councilSettingsPatch,
    responses: { 200: { description: 'The settings as they are now', schema: CouncilSettings, example: examples.councilSettings } },
    problems: [400, 401, 403, 404, 413, 415, 422],
  },
  saveService: {
    summary: 'Create a service, or rename it',
    description:
      'Admins only (an editor gets 403). Creates the service with this ID, or changes its name and category; inputs about it keep it. ' +
      'Recorded in the audit log (`service.save`) with the fields before and after.',
    params: ServiceParams,
    body: ServiceSave,
    bodyExample: examples.serviceSave,
    responses: { 200: { description: 'The service as it is now', schema: Service, example: examples.services.items[0]! } },
    problems: [400, 401, 403, 404, 413, 415, 422],
  },
  createContact: {
    summary: 'Sign up to the contact bank (double opt-in)',
    description:
      'Always 202 with the same body, whether the address is new or already in the bank (no enumeration): a new address gets a ' +
      'confirmation email (`pageUrl#token=`), a known one an email with its manage link (`pageUrl#manage=`) and no second entry. ' +
      "An unconfirmed entry is purged after 7 days. `pageUrl` must be on one of the council's embedding origins or the server's own (else 422), " +
      "`consent.version` must be the council's current one (else 409: the page shows an old text). " +
      'A council without a contact bank is 404. Spam protection as for inputs (`antiAbuse`).',
    params: CouncilParams,
    body: ContactCreate,
    bodyExample: examples.contactCreate,
    responses: { 202: { description: 'Check your email', schema: ContactAccepted, example: examples.contactAccepted } },
    problems: [400, 404, 409, 413, 415, 422, 429],
  },
  confirmContact: {
    summary: 'Confirm a sign-up with the token of the confirmation email',
    description:
      'The entry becomes active and its consent runs from now for the council\'s period. An unknown, used-up or expired token is 404. ' +
      'Confirming an active entry again with the same token answers 200 as well, with the same manage token (no new one).',
    params: CouncilParams,
    body: ContactConfirm,
    bodyExample: examples.contactConfirm,
    responses: { 200: { description: 'Active', schema: ContactConfirmed, example: examples.contactConfirmed } },
    problems: [400, 404, 413, 415, 422],
  },
  getMyContact: {
    summary: 'Everything the bank holds about me (manage token)',
    description: 'With `Authorization: Bearer <manage token>` from an email. The JSON is the data download. An unknown token is 401.',
    params: CouncilParams,
    responses: { 200: { description: 'My entry', schema: MyContact, example: examples.myContact } },
    problems: [401, 404],
  },
  updateMyContact: {
    summary: 'Change my entry or renew my consent (manage token)',
    description:
      'Absent fields stay. `consent` gives consent again: the same purposes and version renew it for the council\'s period ' +
      '(`renewed` in the ledger), others change it (`changed`); a version other than the current one is 409.',
    params: CouncilParams,
    body: MyContactPatch,
    bodyExample: examples.myContactPatch,
    responses: { 200: { description: 'My entry as it is now', schema: MyContact, example: examples.myContact } },
    problems: [400, 401, 404, 409, 413, 415, 422],
  },
  deleteMyContact: {
    summary: 'Withdraw: my personal data is erased at once (manage token)',
    description:
      'Name, email, phone, organisation and notes are erased, every token of the entry stops working, and the ledger records ' +
      '`withdrawn`. Anonymous counts (reach, invitation answers) stay.',
    params: CouncilParams,
    responses: { 204: { description: 'Withdrawn and erased' } },
    problems: [401, 404],
  },
  getInvitation: {
    summary: 'The activity I was invited to (invitation token)',
    description: 'With `Authorization: Bearer <invitation token>` from the invitation email (`pageUrl#invitation=`). An unknown token is 401.',
    params: CouncilParams,
    responses: { 200: { description: 'The invitation', schema: Invitation, example: examples.invitation } },
    problems: [401, 404],
  },
  answerInvitation: {
    summary: 'Answer an invitation yes or no (invitation token)',
    description:
      'A POST from the page, never a link with side effects (mail scanners open links). Answering again replaces the answer. ' +
      'Staff then see the people who said yes, with their contact details.',
    params: CouncilParams,
    body: InvitationReply,
    bodyExample: examples.invitationReply,
    responses: { 200: { description: 'Answered', schema: Invitation, example: examples.invitationAnswered } },
    problems: [400, 401, 404, 413, 415, 422],
  },
  unsubscribeContact: {
    summary: 'One-click unsubscribe (RFC 8058) from invitations or news',
    description:
      'The URL of the `List-Unsubscribe` header of invitation and news emails; mail clients POST `List-Unsubscribe=One-Click` to it. ' +
      'Removes the purpose of that email from the consent (`changed`); with no purpose left, the entry is withdrawn and erased. ' +
      'Unsubscribing twice is 204; an unknown token, or one of an entry since erased, is 404.',
    params: UnsubscribeParams,
    responses: { 204: { description: 'Unsubscribed' } },
    problems: [404],
  },
  searchContacts: {
    summary: 'Search the contact bank',
    description:
      'Editors and admins. Active contacts only, oldest first; filters combine with AND. Never shows an email address, a name or a phone: ' +
      'reach people through invitations. Every search is in the audit log (`contact.search`, with its filters).',
    params: CouncilParams,
    query: ContactSearchQuery,
    alternate: { mediaType: 'text/csv', operationId: 'exportContacts' },
    responses: { 200: { description: 'One page of contacts', schema: StaffContactList, example: examples.staffContacts } },
    problems: [401, 403, 404, 422],
  },
  exportContacts: {
    summary: 'Export a search of the contact bank as CSV',
    description:
      'Editors and admins. The filters of `searchContacts`, every match (no pages). RFC 4180 CSV in UTF-8 with a byte order mark ' +
      '(spreadsheet programs read it as UTF-8), CRLF line ends; lists are joined with `;`; a cell that would start a formula is ' +
      'prefixed with `\'`. The same fields as the search: never an email address, a name or a phone. Audited (`contact.export`).',
    params: CouncilParams,
    query: ContactExportQuery,
    responses: { 200: { description: 'The contacts', schema: TextDocument, mediaType: 'text/csv', example: examples.staffContactsCsv } },
    problems: [401, 403, 404, 422],
  },
  getContactReach: {
    summary: "The bank's make-up: whom it reaches, whom not yet",
    description:
      "Editors and admins. Active contacts by kind, district (beside the district's population when entered), age band, language and " +
      "channel of joining. A group of 1 up to the council's threshold is suppressed (`count: null`), and where one suppressed group " +
      'could be worked out from the total, the next smallest is suppressed too; empty groups show 0 (whom the bank does not reach).',
    params: CouncilParams,
    responses: { 200: { description: 'The figures', schema: ContactReach, example: examples.contactReach } },
    problems: [401, 403, 404],
  },
  createActivity: {
    summary: 'Create a co-creation activity',
    description: 'Editors and admins. Then invite contacts to it (`createInvitations`). Audited (`activity.create`).',
    params: CouncilParams,
    body: ActivityCreate,
    bodyExample: examples.activityCreate,
    responses: { 201: { description: 'Created', schema: Activity, example: examples.activity } },
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  },
  listActivities: {
    summary: 'Activities with their invitation counts',
    description: 'Editors and admins. Newest first.',
    params: CouncilParams,
    query: PageQuery,
    responses: { 200: { description: 'One page of activities', schema: ActivityList, example: examples.activities } },
    problems: [401, 403, 404, 422],
  },
  getActivity: {
    summary: 'One activity, with the people who accepted',
    description: 'Editors and admins. The contact details of those who said yes, and no one else; audited (`contact.view`).',
    params: StaffItemParams,
    responses: { 200: { description: 'The activity', schema: ActivityDetail, example: examples.activityDetail } },
    problems: [401, 403, 404],
  },
  createInvitations: {
    summary: 'Invite matching contacts to an activity by email',
    description:
      "Editors and admins. Active contacts who consented to `invitations`, are open to the activity's format and match the filters " +
      'each get one email in their language, with yes/no through `pageUrl#invitation=` and a one-click `List-Unsubscribe`. ' +
      'Addresses are never handed out. Audited (`activity.invite`, with the filters and the count).',
    params: StaffItemParams,
    body: InvitationsCreate,
    bodyExample: examples.invitationsCreate,
    responses: { 201: { description: 'Invited', schema: InvitationsCreated, example: examples.invitationsCreated } },
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  },
});

export type RouteId = keyof typeof routes;
