export * from './common.js';
export * from './contacts.js';
export * from './council.js';
export * from './feedback.js';
export * from './health.js';
export * from './pow.js';
export * from './problem.js';
export * from './routes.js';
export * from './services.js';
export * from './settings.js';
export * from './sso.js';
export * from './staff.js';
export * from './themes.js';
// The zod-free rules and endpoint table, for callers that import everything from one place.
// Their enum types (FeedbackKind, ...) share names with the schemas above, which carry the same types.
export {
  ACCESSIBILITY_NEEDS,
  ACTIVITY_TEXT_MAX,
  ACTIVITY_TITLE_MAX,
  AGE_BANDS,
  CONSENT_EVENTS,
  CONSENT_MONTHS_DEFAULT,
  CONSENT_MONTHS_MAX,
  CONTACT_FORMATS,
  CONTACT_KINDS,
  CONTACT_NAME_MAX,
  CONTACT_NOTE_MAX,
  CONTACT_PENDING_DAYS,
  CONTACT_PHONE_MAX,
  CONTACT_PURPOSES,
  CONTACT_STATUSES,
  INVITATION_ANSWERS,
  INVITATIONS_MAX,
  JOINING_CHANNELS,
  LANGUAGE_TAG_PATTERN,
  REACH_THRESHOLD_DEFAULT,
  RECONSENT_NOTICE_DAYS,
  AUDIT_ACTIONS,
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
  OPEN_LICENCE_DEFAULT,
  PUBLIC_ACTION_CHANNELS,
  REPLY_TEXT_MAX,
  STAFF_CHANNELS,
  STAFF_ENTRY_CHANNELS,
  STAFF_ROLES,
  STAFF_SESSION_MINUTES_DEFAULT,
  STAFF_SESSION_MINUTES_MAX,
  STAFF_SESSION_MINUTES_MIN,
  TEXT_SEARCH_CONFIGS,
  THEME_LINKS_MAX,
  THEME_STATES,
  THEME_STATUSES,
  THEME_TEXT_MAX,
  THEME_TITLE_MAX,
  THEME_UPDATE_TEXT_MAX,
  UNSTORABLE_TEXT_MESSAGE,
} from './rules.js';
export { contractMethods, endpoints, TAGS, type Endpoint, type EndpointId, type HttpMethod, type KeyedEndpointId, type RetryClass, type Tag } from './endpoints.js';
