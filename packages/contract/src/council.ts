import { z } from 'zod/mini';
import { Locale, LocalizedText, Slug } from './common.js';
import { FEEDBACK_TEXT_MAX } from './feedback.js';

/** Public configuration of one council, read by every element on start. */
export const CouncilConfig = z.object({
  slug: Slug,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  locales: z.array(Locale).check(z.minLength(1)),
  defaultLocale: Locale,
  texts: z.object({
    /** "What happens with your input": shown before a resident sends anything. */
    inputUse: LocalizedText,
  }),
  limits: z.object({
    feedbackTextMax: z.int().check(z.positive(), z.maximum(FEEDBACK_TEXT_MAX)),
  }),
});
export type CouncilConfig = z.infer<typeof CouncilConfig>;
