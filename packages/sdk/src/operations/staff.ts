// Staff: assisted entry, the inbox, replies, themes and the audit log (the console only).
import type { AuditList, AuditQuery, FeedbackCreated, StaffMe, InboxQuery, Reply, ReplyCreate, StaffFeedback, StaffFeedbackCreate, StaffFeedbackList, StaffFeedbackPatch, StaffTheme, StaffThemeList, StaffThemesQuery, ThemeCreate, ThemePatch, ThemeUpdate, ThemeUpdateCreate } from '@civicloop/contract';
import { createReply as createReplyEndpoint, createStaffFeedback as createStaffFeedbackEndpoint, createTheme as createThemeEndpoint, getStaffTheme as getStaffThemeEndpoint, getStaffMe as getStaffMeEndpoint, createThemeUpdate as createThemeUpdateEndpoint, listAudit as listAuditEndpoint, listStaffFeedback as listStaffFeedbackEndpoint, listStaffThemes as listStaffThemesEndpoint, publishTheme as publishThemeEndpoint, updateStaffFeedback as updateStaffFeedbackEndpoint, updateTheme as updateThemeEndpoint } from '@civicloop/contract/endpoints';
import type { StaffCallOptions, Transport } from '../transport.js';

/** Staff: who the token is (its role, label and person), to offer only what the role may do. */
export async function getStaffMe(t: Transport, options: StaffCallOptions = {}): Promise<StaffMe> {
  return (await t.call<StaffMe>('getStaffMe', getStaffMeEndpoint, options)).data;
}

/** Assisted entry by staff (phone, desk, paper, email, outreach); needs a staff token. */
export async function createStaffFeedback(t: Transport, body: StaffFeedbackCreate, options: StaffCallOptions = {}): Promise<FeedbackCreated> {
  return (await t.call<FeedbackCreated>('createStaffFeedback', createStaffFeedbackEndpoint, { ...options, body })).data;
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

/** Staff: one theme, draft or published (404 for an id this council does not have). */
export async function getStaffTheme(t: Transport, id: string, options: StaffCallOptions = {}): Promise<StaffTheme> {
  return (await t.call<StaffTheme>('getStaffTheme', getStaffThemeEndpoint, { ...options, params: { id } })).data;
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
