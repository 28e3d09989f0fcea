// The staff tools' rules (the console, assisted entry, the audit log): rules.ts re-exports them,
// and in their own module a resident's page never loads them.

/** Where an input stands in the loop; "answered" once a published theme covers it. */
export const FEEDBACK_STATUSES = ['received', 'in-review', 'answered', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** Ways staff receive input on a resident's behalf (assisted entry). */
export const STAFF_CHANNELS = ['phone', 'in-person', 'paper', 'email', 'outreach'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

/**
 * Input seen in public: citizen-led action that staff record as input, each with a source link
 * (`sourceUrl`), so the loop also counts what residents said outside the council's forms.
 */
export const PUBLIC_ACTION_CHANNELS = ['petition', 'campaign', 'protest', 'social-media', 'press', 'artwork'] as const;
export type PublicActionChannel = (typeof PUBLIC_ACTION_CHANNELS)[number];

/** Every channel staff may record input by: assisted entry and input seen in public. */
export const STAFF_ENTRY_CHANNELS = [...STAFF_CHANNELS, ...PUBLIC_ACTION_CHANNELS] as const;
export type StaffEntryChannel = (typeof STAFF_ENTRY_CHANNELS)[number];

/** Every channel an input can arrive by: residents' own submissions are `web`. */
export const FEEDBACK_CHANNELS = ['web', ...STAFF_ENTRY_CHANNELS] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

/** What the audit log records: every staff action that changes something. */
export const AUDIT_ACTIONS = [
  'feedback.create',
  'feedback.update',
  'feedback.reply',
  'theme.create',
  'theme.update',
  'theme.publish',
  'theme.add-update',
  'contact.search',
  'contact.export',
  'contact.view',
  'activity.create',
  'activity.invite',
  'council.update',
  'service.save',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The five categories of Warsaw's diagnosis, plus social services and a catch-all. */
export const SERVICE_CATEGORIES = ['education', 'health', 'culture', 'communal', 'transport', 'social', 'other'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** What a staff token may do: editors triage and answer, admins also publish and read the audit log. */
export const STAFF_ROLES = ['editor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** How long a staff session made by single sign-on lasts unless the council sets another length, in minutes (8 hours). */
export const STAFF_SESSION_MINUTES_DEFAULT = 480;
/** The shortest and longest staff session a council may set, in minutes (a working day at most). */
export const STAFF_SESSION_MINUTES_MIN = 5;
export const STAFF_SESSION_MINUTES_MAX = 1440;
