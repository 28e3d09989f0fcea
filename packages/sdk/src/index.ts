export {
  createTransport,
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
export {
  answerInvitation,
  confirmContact,
  createActivity,
  createContact,
  createInvitations,
  deleteMyContact,
  exportContacts,
  getActivity,
  getContactReach,
  getInvitation,
  getMyContact,
  listActivities,
  searchContacts,
  updateMyContact,
  createChallenge,
  createFeedback,
  createReply,
  createStaffFeedback,
  createTheme,
  createThemeUpdate,
  deleteFeedback,
  feedUrl,
  getCouncil,
  getFeedback,
  getOpenDataStats,
  getOpenDataThemes,
  getStats,
  getTheme,
  listAudit,
  listServices,
  listStaffFeedback,
  listStaffThemes,
  listThemes,
  openDataStatsCsvUrl,
  openDataThemesCsvUrl,
  publishTheme,
  updateStaffFeedback,
  updateTheme,
  type PageQuery,
} from './operations.js';
export { getCouncilSettings, saveService, updateCouncilSettings } from './settings.js';
export { createStaffSession, deleteStaffSession } from './sessions.js';
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
