// The contact bank for staff: search, export, reach, activities and invitations (the console only).
import type { Activity, ActivityCreate, ActivityDetail, ActivityList, ContactExportQuery, ContactReach, ContactSearchQuery, InvitationsCreate, InvitationsCreated, StaffContactList } from '@civicloop/contract';
import { createActivity as createActivityEndpoint, createInvitations as createInvitationsEndpoint, exportContacts as exportContactsEndpoint, getActivity as getActivityEndpoint, getContactReach as getContactReachEndpoint, listActivities as listActivitiesEndpoint, searchContacts as searchContactsEndpoint } from '@civicloop/contract/endpoints';
import type { StaffCallOptions, Transport } from '../transport.js';
import type { PageQuery } from './council.js';

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
