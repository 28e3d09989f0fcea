export {
  createTransport,
  policyForbids,
  type ApiResponse,
  type CallOptions,
  type ContactCallOptions,
  type CreateOptions,
  type RetryOptions,
  type StaffCallOptions,
  type Transport,
  type TransportInput,
  type TransportOptions,
} from './transport.js';
// One module per area, each importing only its own endpoints: a bundle keeps the operations it calls,
// and rollup puts each area's module in the chunk of the elements that use it (staff ones in the console's).
export { getCouncil, listServices, type PageQuery } from './operations/council.js';
export { createChallenge, createFeedback, deleteFeedback, getFeedback } from './operations/feedback.js';
export {
  feedUrl,
  getOpenDataStats,
  getOpenDataThemes,
  getStats,
  getTheme,
  listThemes,
  openDataStatsCsvUrl,
  openDataThemesCsvUrl,
} from './operations/loop.js';
export {
  createReply,
  createStaffFeedback,
  createTheme,
  createThemeUpdate,
  listAudit,
  listStaffFeedback,
  listStaffThemes,
  publishTheme,
  getStaffTheme,
  getStaffMe,
  updateStaffFeedback,
  updateTheme,
} from './operations/staff.js';
export { getCouncilSettings, saveService, updateCouncilSettings } from './operations/settings.js';
export { createStaffSession, deleteStaffSession } from './operations/sessions.js';
export { answerInvitation, confirmContact, createContact, deleteMyContact, getInvitation, getMyContact, updateMyContact } from './operations/contacts.js';
export {
  createActivity,
  createInvitations,
  exportContacts,
  getActivity,
  getContactReach,
  listActivities,
  searchContacts,
} from './operations/contacts-staff.js';
export { createClient, type CivicLoopClient, type ClientOptions, type RouteInput, type RouteOutput } from './client.js';
export { ApiError } from './errors/api-error.js';
export { ContractError } from './errors/contract-error.js';
export { isApiError, isContractError, isNetworkError, isSdkError, isTimeoutError } from './errors/guards.js';
export { NetworkError } from './errors/network-error.js';
export { SDK_ERROR_BRAND, SdkError, type RequestInfo } from './errors/sdk-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export { parseRetryAfter, randomKey } from './http.js';
export {
  createOutbox,
  isRetriable,
  type FlushReport,
  type Outbox,
  type OutboxEvent,
  type OutboxOptions,
  type OutboxRecord,
  type OutboxTarget,
  type RecordError,
  type RecordState,
  type SendResult,
} from './outbox.js';
export type { Endpoint, EndpointId, KeyedEndpointId, RetryClass } from '@civicloop/contract/endpoints';
