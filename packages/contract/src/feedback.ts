import { z } from 'zod/mini';
import { Id, Locale, Slug, Timestamp } from './common.js';
import { ProofOfWork } from './pow.js';

/** Upper bound of a feedback text; a council may set a lower one in its config. */
export const FEEDBACK_TEXT_MAX = 2000;

export const FEEDBACK_KINDS = ['praise', 'problem', 'idea', 'question'] as const;
export const FeedbackKind = z.enum(FEEDBACK_KINDS);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

/** Where an input stands in the loop; "answered" once a published theme covers it. */
export const FEEDBACK_STATUSES = ['received', 'in-review', 'answered', 'closed'] as const;
export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

/** A resident's input, as sent by `<cocreate-feedback>` or any other client. */
export const FeedbackCreate = z.object({
  kind: FeedbackKind,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(FEEDBACK_TEXT_MAX)),
  service: z.optional(Id),
  rating: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
  pageUrl: z.optional(z.url().check(z.maxLength(2048))),
  locale: z.optional(Locale),
  /** Only when the resident asks for a reply; erased with the input. */
  contact: z.optional(z.email().check(z.maxLength(254))),
  /** Honeypot: a field people never see or fill. Anything in it marks the input as spam. */
  website: z.optional(z.string().check(z.maxLength(2000))),
  /** Milliseconds between the form appearing and sending; too fast is a bot (council `antiAbuse.minFillMs`). */
  elapsedMs: z.optional(z.int().check(z.minimum(0))),
  /** Solved proof-of-work challenge, when the council asks for one (`antiAbuse.proofOfWork`). */
  proof: z.optional(ProofOfWork),
});
export type FeedbackCreate = z.infer<typeof FeedbackCreate>;

/**
 * Fields that prove a person sent the input rather than say anything: an Idempotency-Key is
 * matched against the rest of the body, so a re-send may carry a fresh proof of work.
 */
export const ANTI_ABUSE_FIELDS = ['website', 'elapsedMs', 'proof'] as const;

/** Ways staff receive input on a resident's behalf (assisted entry). */
export const STAFF_CHANNELS = ['phone', 'in-person', 'paper', 'email', 'outreach'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];
/** Every channel an input can arrive by: residents' own submissions are `web`. */
export const FEEDBACK_CHANNELS = ['web', ...STAFF_CHANNELS] as const;
export const FeedbackChannel = z.enum(FEEDBACK_CHANNELS);
export type FeedbackChannel = z.infer<typeof FeedbackChannel>;

/** Assisted entry: what a member of staff records, and how it reached them. */
export const StaffFeedbackCreate = z.extend(FeedbackCreate, { channel: z.enum(STAFF_CHANNELS) });
export type StaffFeedbackCreate = z.infer<typeof StaffFeedbackCreate>;

/** 201 body of a created input: the receipt is what the resident keeps. */
export const FeedbackCreated = z.object({
  id: Id,
  receipt: z.string(),
  status: FeedbackStatus,
  createdAt: Timestamp,
});
export type FeedbackCreated = z.infer<typeof FeedbackCreated>;

/**
 * Receipt codes as people write them: the server accepts any case, with or without hyphens
 * or spaces (`k7mx2qpa9r`, `K7MX-2QPA-9R`).
 */
export const ReceiptCode = z.string().check(z.minLength(1), z.maxLength(32));

/** `{council}` and `{receipt}` path parameters. */
export const ReceiptParams = z.object({ council: Slug, receipt: ReceiptCode });

/** Where a "you said, we did" theme stands (the themes resource comes with its own issue). */
export const THEME_STATUSES = ['listening', 'considering', 'planned', 'done', 'not-possible'] as const;
export const ThemeStatus = z.enum(THEME_STATUSES);
export type ThemeStatus = z.infer<typeof ThemeStatus>;

/**
 * What anyone holding a receipt may see of an input: where it stands, never its text or
 * its author's contact.
 */
export const FeedbackReceipt = z.object({
  receipt: z.string(),
  status: FeedbackStatus,
  kind: FeedbackKind,
  service: z.nullable(Id),
  createdAt: Timestamp,
  /** True once the author erased the text and contact. */
  erased: z.boolean(),
  /** The published theme this input was grouped into, with the council's public response. */
  theme: z.nullable(
    z.object({
      id: Id,
      title: z.string(),
      status: ThemeStatus,
      weDid: z.nullable(z.string()),
    }),
  ),
  /** Status changes, oldest first. */
  timeline: z.array(z.object({ at: Timestamp, status: FeedbackStatus })),
});
export type FeedbackReceipt = z.infer<typeof FeedbackReceipt>;
