import { z } from 'zod/mini';
import { Id, Locale, Timestamp } from './common.js';

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
});
export type FeedbackCreate = z.infer<typeof FeedbackCreate>;

/** 201 body of a created input: the receipt is what the resident keeps. */
export const FeedbackCreated = z.object({
  id: Id,
  receipt: z.string(),
  status: FeedbackStatus,
  createdAt: Timestamp,
});
export type FeedbackCreated = z.infer<typeof FeedbackCreated>;
