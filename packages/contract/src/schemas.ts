/** Named schemas published under `components/schemas` of the OpenAPI document. */
export {
  AcceptedContact,
  Activity,
  ActivityCreate,
  ActivityDetail,
  ActivityList,
  Consent,
  ConsentGiven,
  ConsentLedgerEntry,
  ContactAccepted,
  ContactBankConfig,
  ContactConfirm,
  ContactConfirmed,
  ContactCreate,
  ContactReach,
  District,
  Invitation,
  InvitationReply,
  InvitationsCreate,
  InvitationsCreated,
  MyContact,
  MyContactPatch,
  PublicActivity,
  StaffContact,
  StaffContactList,
} from './contacts.js';
export { AntiAbuse, CouncilConfig } from './council.js';
export { FeedbackCreate, FeedbackCreated, FeedbackReceipt, StaffFeedbackCreate, ThemeStatus } from './feedback.js';
export { Health } from './health.js';
export { Challenge, ProofOfWork } from './pow.js';
export { Problem, ProblemType, ValidationIssue } from './problem.js';
export { Service, ServiceList } from './services.js';
export { AuditEntry, AuditList, Reply, ReplyCreate, StaffFeedback, StaffFeedbackList, StaffFeedbackPatch } from './staff.js';
export {
  LoopStats,
  OpenDataStats,
  OpenDataThemes,
  OpenLicence,
  StaffTheme,
  StaffThemeList,
  Theme,
  ThemeCreate,
  ThemeDetail,
  ThemeList,
  ThemePatch,
  ThemeState,
  ThemeUpdate,
  ThemeUpdateCreate,
} from './themes.js';
