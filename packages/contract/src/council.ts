import * as z from 'zod/mini';
import { Locale, LocalizedText, plainText, Slug } from './common.js';
import { PowDifficulty } from './pow.js';
import { FEEDBACK_TEXT_MAX, MIN_FILL_MS_MAX } from './rules.js';

/** How a client proves a submission comes from a person, without puzzles or third parties. */
export const AntiAbuse = z.object({
  /** Inputs sent sooner than this after the form appeared (`elapsedMs`) are refused as spam. */
  minFillMs: z.int().check(z.minimum(0), z.maximum(MIN_FILL_MS_MAX)),
  proofOfWork: z.object({
    /** When true, a public submission needs a solved challenge (`proof`). */
    required: z.boolean(),
    /** Leading zero bits asked for; 16 is about 65 000 hashes. */
    difficulty: PowDifficulty,
  }),
});
export type AntiAbuse = z.infer<typeof AntiAbuse>;

/** Public configuration of one council, read by every element on start. */
export const CouncilConfig = z.object({
  slug: Slug,
  name: plainText(z.minLength(1), z.maxLength(200)),
  locales: z.array(Locale).check(z.minLength(1)),
  defaultLocale: Locale,
  texts: z.object({
    /** "What happens with your input": shown before a resident sends anything. */
    inputUse: LocalizedText,
  }),
  limits: z.object({
    feedbackTextMax: z.int().check(z.positive(), z.maximum(FEEDBACK_TEXT_MAX)),
  }),
  /**
   * Spam protection the council asks of public submissions. Absent means none: no minimum
   * fill time and no proof of work.
   */
  antiAbuse: z.optional(AntiAbuse),
});
export type CouncilConfig = z.infer<typeof CouncilConfig>;
