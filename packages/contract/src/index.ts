export * from './common.js';
export * from './council.js';
export * from './feedback.js';
export * from './health.js';
export * from './pow.js';
export * from './problem.js';
export * from './routes.js';
export * from './services.js';
// The zod-free rules and endpoint table, for callers that import everything from one place.
// Their enum types (FeedbackKind, ...) share names with the schemas above, which carry the same types.
export {
  EMAIL_MAX,
  EMAIL_PATTERN,
  FEEDBACK_CHANNELS,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  FEEDBACK_TEXT_MAX,
  formatReceipt,
  IDEMPOTENCY_KEY_MAX,
  IDEMPOTENCY_KEY_MIN,
  IDEMPOTENCY_KEY_MIN_RETENTION_MS,
  IDEMPOTENCY_KEY_RETENTION_MS,
  isRetriableStatus,
  isStorableText,
  LOCALES,
  MIN_FILL_MS_MAX,
  normalizeReceipt,
  POW_CHALLENGE_TTL_MS,
  POW_DIFFICULTY_DEFAULT,
  POW_DIFFICULTY_MAX,
  PROBLEM_TYPES,
  RATING_MAX,
  RATING_MIN,
  RECEIPT_ALPHABET,
  RECEIPT_GROUPS,
  RECEIPT_LENGTH,
  RECEIPT_PATTERN,
  STAFF_CHANNELS,
  THEME_STATUSES,
  UNSTORABLE_TEXT_MESSAGE,
} from './rules.js';
export { contractMethods, endpoints, TAGS, type Endpoint, type EndpointId, type HttpMethod, type KeyedEndpointId, type RetryClass, type Tag } from './endpoints.js';
