export {
  createClient,
  type ApiResponse,
  type CallOptions,
  type CivicLoopClient,
  type ClientOptions,
  type CreateOptions,
  type RetryOptions,
  type RouteInput,
  type RouteOutput,
  type StaffCallOptions,
} from './client.js';
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
  type OutboxOperation,
  type OutboxOptions,
  type OutboxTarget,
  type QueuedSubmission,
  type SendResult,
} from './outbox.js';
