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
  REPLY_TEXT_MAX,
  STAFF_CHANNELS,
  STAFF_ENTRY_CHANNELS,
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
/** Assisted entry and input seen in public (`PUBLIC_ACTION_CHANNELS`). */
export const StaffEntryChannel = z.enum(STAFF_ENTRY_CHANNELS);
export type StaffEntryChannel = z.infer<typeof StaffEntryChannel>;

/** A public web address (http or https), e.g. a petition's page or a press article. */
export const WebUrl = z.url({ protocol: /^https?$/ }).check(storable, z.maxLength(2048));

/** An email address as the contract and every form accept it (`EMAIL_PATTERN`). */
export const Email = z.email({ pattern: EMAIL_PATTERN }).check(storable, z.maxLength(EMAIL_MAX));

/** The input's words: trimmed, not empty, at most `max` characters. */
const feedbackText = (max: number) => plainText(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * The anti-abuse fields of every public form (feedback, contact-bank sign-ups): a honeypot, the
 * time the form was open, and a proof of work when the council asks for one.
 */
export const antiAbuseFields = {
  website: z.optional(plainText(z.maxLength(2000))).check(
    z.meta({
      description:
        'Honeypot: a field people never see or fill; send it empty or not at all. Anything but whitespace in it is ' +
        'refused: 422 `rejected-as-spam` naming `/website`.',
    }),
  ),
  elapsedMs: z.optional(z.int().check(z.minimum(0))).check(
    z.meta({
      description:
        'Milliseconds between the form appearing and sending; too fast is a bot (council `antiAbuse.minFillMs`). ' +
        'A server-side caller relaying a form sends the time its own form was open. Where the council sets ' +
        '`antiAbuse.minFillMs` above 0, a lower or missing value is refused: 422 `rejected-as-spam` naming `/elapsedMs`.',
    }),
  ),
  proof: z.optional(ProofOfWork).check(
    z.meta({ description: 'Solved proof-of-work challenge, when the council asks for one (`antiAbuse.proofOfWork`).' }),
  ),
};

const feedbackFields = {
  kind: FeedbackKind.check(z.meta({ description: 'What sort of input this is.' })),
  text: feedbackText(FEEDBACK_TEXT_MAX).check(
    z.meta({
      description:
        "The resident's words, trimmed; at most the council's `limits.feedbackTextMax` characters. " +
        'Text of only whitespace is empty once trimmed: 422 `validation-failed` naming `/text`.',
    }),
  ),
  service: z.optional(Id).check(z.meta({ description: 'The `id` of the service the input is about, from `listServices`.' })),
  rating: z.optional(z.int().check(z.minimum(RATING_MIN), z.maximum(RATING_MAX))).check(
    z.meta({ description: `A rating from ${RATING_MIN} (worst) to ${RATING_MAX} (best), when the form asks for one.` }),
  ),
  pageUrl: z.optional(WebUrl).check(
    z.meta({ description: 'The page the resident wrote from (http or https), so the council sees the context.' }),
  ),
  followUrl: z.optional(WebUrl).check(
    z.meta({
      description:
        'Where the resident follows the input (http or https): a page showing `<you-said-we-did>`, which opens the receipt from the address (`#receipt=`). Emails to the resident link there, else to `pageUrl`; either only on one of the council’s origins.',
    }),
  ),
  locale: z.optional(Locale).check(z.meta({ description: 'The language the resident wrote in and wants a reply in.' })),
  contact: z.optional(Email).check(z.meta({ description: 'Only when the resident asks for a reply; erased with the input.' })),
  ...antiAbuseFields,
};

export const FeedbackCreate = z
  .object(feedbackFields)
  .check(z.meta({ description: "A resident's input, as sent by `<cocreate-feedback>` or any other client." }));
export type FeedbackCreate = z.infer<typeof FeedbackCreate>;

/**
 * The input schema of one council: its own text limit applied (at most `FEEDBACK_TEXT_MAX`).
 * The server validates public input with it; forms can show the same limit.
 */
export function feedbackCreateFor(config: Pick<CouncilConfig, 'limits'>) {
  // A new object from the fields, not `z.extend`: zod refuses to overwrite a key of an object
  // that carries checks, and the published schema carries its description as one.
  return z.object({ ...feedbackFields, text: feedbackText(Math.min(config.limits.feedbackTextMax, FEEDBACK_TEXT_MAX)) });
}

/**
 * Fields that prove a person sent the input rather than say anything: an Idempotency-Key is
 * matched against the rest of the body, so a re-send may carry a fresh proof of work.
 */
export const ANTI_ABUSE_FIELDS = ['website', 'elapsedMs', 'proof'] as const;

const staffEntryFields = {
  channel: StaffEntryChannel.check(
    z.meta({
      description:
        'How the input reached the council: assisted entry (`phone`, `in-person`, `paper`, `email`, `outreach`) or input seen in public ' +
        '(`petition`, `campaign`, `protest`, `social-media`, `press`, `artwork`), which needs a `sourceUrl`.',
    }),
  ),
  sourceUrl: z.optional(WebUrl).check(
    z.meta({ description: 'Where the input can be seen in public (the petition, the article, the post); required for input seen in public.' }),
  ),
};

export const StaffFeedbackCreate = z
  .object({ ...feedbackFields, ...staffEntryFields })
  .check(z.meta({ description: 'Assisted entry or input seen in public: what a member of staff records, and how it reached the council.' }));
export type StaffFeedbackCreate = z.infer<typeof StaffFeedbackCreate>;

/** Assisted entry for one council: its text limit applied. */
export function staffFeedbackCreateFor(config: Pick<CouncilConfig, 'limits'>) {
  return z.object({ ...feedbackCreateFor(config).shape, ...staffEntryFields });
}

/** A receipt as the server gives it and people see it: `K7MX-2QPA-9R` (`RECEIPT_PATTERN`). */
export const Receipt = z.string().check(z.regex(RECEIPT_PATTERN));

const receiptField = Receipt.check(z.meta({ description: 'The receipt code the resident keeps, e.g. `K7MX-2QPA-9R`.' }));
const createdAt = Timestamp.check(z.meta({ description: 'When the server stored the input (RFC 3339, UTC).' }));

export const FeedbackCreated = z
  .object({
    id: Id.check(z.meta({ description: "The input's ID, for staff tools; residents use the receipt." })),
    receipt: receiptField,
    status: FeedbackStatus.check(z.meta({ description: 'Where the input stands; `received` when just created.' })),
    createdAt,
  })
  .check(z.meta({ description: '201 body of a created input: the receipt is what the resident keeps.' }));
export type FeedbackCreated = z.infer<typeof FeedbackCreated>;

/**
 * Receipt codes as people write them: the server accepts any case, with or without hyphens
 * or spaces (`k7mx2qpa9r`, `K7MX-2QPA-9R`), and reads them with `normalizeReceipt`.
 */
export const ReceiptCode = plainText(z.minLength(1), z.maxLength(32));

/** `{council}` and `{receipt}` path parameters. */
export const ReceiptParams = z.object({
  council: Slug.check(z.meta({ description: "The council's slug, e.g. `warszawa`." })),
  receipt: ReceiptCode.check(z.meta({ description: 'The receipt code, in any case, with or without hyphens.' })),
});

/** Where a "you said, we did" theme stands. */
export const ThemeStatus = z.enum(THEME_STATUSES).check(
  z.meta({
    description:
      'Where a theme stands: `listening` (gathering input), `considering` (weighing options), `planned` (decided, not done yet), ' +
      '`done`, or `not-possible` (with the reason in `statusReason`).',
  }),
);
export type ThemeStatus = z.infer<typeof ThemeStatus>;

export const FeedbackReceipt = z
  .object({
    receipt: receiptField,
    status: FeedbackStatus.check(z.meta({ description: 'Where the input stands now.' })),
    kind: FeedbackKind.check(z.meta({ description: 'What sort of input it is.' })),
    service: z.nullable(Id).check(z.meta({ description: 'The service it is about, or null.' })),
    createdAt,
    erased: z.boolean().check(z.meta({ description: 'True once the author erased the text and contact.' })),
    theme: z
      .nullable(
        z.object({
          id: Id.check(z.meta({ description: "The theme's ID (`getTheme`)." })),
          title: z.string().check(z.meta({ description: "The theme's title, plain text in the theme's `locale`." })),
          status: ThemeStatus.check(z.meta({ description: 'Where the theme stands.' })),
          statusReason: z.optional(z.nullable(z.string())).check(z.meta({ description: 'Why the theme stands there, plain text, or null.' })),
          youSaid: z.optional(z.string()).check(z.meta({ description: '"You said": the council\'s summary of the inputs, plain text.' })),
          weDid: z.nullable(z.string()).check(z.meta({ description: '"We did": what the council did, plain text, or null until it says.' })),
          locale: z.optional(Locale).check(z.meta({ description: 'The language the theme is written in.' })),
          updatedAt: z.optional(Timestamp).check(z.meta({ description: 'When the theme last changed in public (RFC 3339, UTC).' })),
        }),
      )
      .check(
        z.meta({
          description:
            "The published theme that answers this input, with the council's public response; the most recently published one " +
            'when several do. Never a draft.',
        }),
      ),
    replies: z
      .optional(
        z.array(
          z.object({
            at: Timestamp.check(z.meta({ description: 'When the council answered (RFC 3339, UTC).' })),
            text: z.string().check(z.meta({ description: "The council's personal reply, plain text." })),
          }),
        ),
      )
      .check(z.meta({ description: "The council's personal replies to this input, oldest first (\"the council answered you\"); always sent by this server." })),
    timeline: z
      .array(
        z.object({
          at: Timestamp.check(z.meta({ description: 'When the status changed (RFC 3339, UTC).' })),
          status: FeedbackStatus.check(z.meta({ description: 'The status from then on.' })),
        }),
      )
      .check(z.meta({ description: 'Status changes, oldest first.' })),
  })
  .check(
    z.meta({
      description: "What anyone holding a receipt may see of an input: where it stands, never its text or its author's contact.",
    }),
  );
export type FeedbackReceipt = z.infer<typeof FeedbackReceipt>;
