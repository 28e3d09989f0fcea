import * as z from 'zod/mini';
import { Id, Locale, plainText, Slug, storable, Timestamp } from './common.js';
import type { CouncilConfig } from './council.js';
import { ProofOfWork } from './pow.js';
import {
  EMAIL_MAX,
  EMAIL_PATTERN,
  FEEDBACK_CHANNELS,
  FEEDBACK_KINDS,
  FEEDBACK_STATUSES,
  FEEDBACK_TEXT_MAX,
  RATING_MAX,
  RATING_MIN,
  RECEIPT_PATTERN,
  STAFF_CHANNELS,
  THEME_STATUSES,
} from './rules.js';

export const FeedbackKind = z.enum(FEEDBACK_KINDS);
export type FeedbackKind = z.infer<typeof FeedbackKind>;

export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

export const FeedbackChannel = z.enum(FEEDBACK_CHANNELS);
export type FeedbackChannel = z.infer<typeof FeedbackChannel>;
export const StaffChannel = z.enum(STAFF_CHANNELS);
export type StaffChannel = z.infer<typeof StaffChannel>;

/** An email address as the contract and every form accept it (`EMAIL_PATTERN`). */
export const Email = z.email({ pattern: EMAIL_PATTERN }).check(storable, z.maxLength(EMAIL_MAX));

/** The input's words: trimmed, not empty, at most `max` characters. */
const feedbackText = (max: number) => plainText(z.trim(), z.minLength(1), z.maxLength(max));

/** A resident's input, as sent by `<cocreate-feedback>` or any other client. */
export const FeedbackCreate = z.object({
  kind: FeedbackKind,
  text: feedbackText(FEEDBACK_TEXT_MAX),
  service: z.optional(Id),
  rating: z.optional(z.int().check(z.minimum(RATING_MIN), z.maximum(RATING_MAX))),
  pageUrl: z.optional(z.url().check(storable, z.maxLength(2048))),
  locale: z.optional(Locale),
  /** Only when the resident asks for a reply; erased with the input. */
  contact: z.optional(Email),
  /** Honeypot: a field people never see or fill. Anything in it marks the input as spam. */
  website: z.optional(plainText(z.maxLength(2000))),
  /** Milliseconds between the form appearing and sending; too fast is a bot (council `antiAbuse.minFillMs`). */
  elapsedMs: z.optional(z.int().check(z.minimum(0))),
  /** Solved proof-of-work challenge, when the council asks for one (`antiAbuse.proofOfWork`). */
  proof: z.optional(ProofOfWork),
});
export type FeedbackCreate = z.infer<typeof FeedbackCreate>;

/**
 * The input schema of one council: its own text limit applied (at most `FEEDBACK_TEXT_MAX`).
 * The server validates public input with it; forms can show the same limit.
 */
export function feedbackCreateFor(config: Pick<CouncilConfig, 'limits'>) {
  return z.extend(FeedbackCreate, { text: feedbackText(Math.min(config.limits.feedbackTextMax, FEEDBACK_TEXT_MAX)) });
}

/**
 * Fields that prove a person sent the input rather than say anything: an Idempotency-Key is
 * matched against the rest of the body, so a re-send may carry a fresh proof of work.
 */
export const ANTI_ABUSE_FIELDS = ['website', 'elapsedMs', 'proof'] as const;

/** Assisted entry: what a member of staff records, and how it reached them. */
export const StaffFeedbackCreate = z.extend(FeedbackCreate, { channel: StaffChannel });
export type StaffFeedbackCreate = z.infer<typeof StaffFeedbackCreate>;

/** Assisted entry for one council: its text limit applied. */
export function staffFeedbackCreateFor(config: Pick<CouncilConfig, 'limits'>) {
  return z.extend(feedbackCreateFor(config), { channel: StaffChannel });
}

/**
 * A receipt as the server gives it: `K7MX-2QPA-9R` (`RECEIPT_PATTERN`). The response schemas
 * below still say only "a string": SDK test fixtures answer shorter receipts, and tightening
 * them is a contract change for every client at once (see /work/spec/CHANGES.md).
 */
export const Receipt = z.string().check(z.regex(RECEIPT_PATTERN));

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
 * or spaces (`k7mx2qpa9r`, `K7MX-2QPA-9R`), and reads them with `normalizeReceipt`.
 */
export const ReceiptCode = plainText(z.minLength(1), z.maxLength(32));

/** `{council}` and `{receipt}` path parameters. */
export const ReceiptParams = z.object({ council: Slug, receipt: ReceiptCode });

/** Where a "you said, we did" theme stands (the themes resource comes with its own issue). */
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
