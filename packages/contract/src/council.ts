import * as z from 'zod/mini';
import { Locale, LocalizedText, plainText, Slug } from './common.js';
import { ContactBankConfig } from './contacts.js';
import { PowDifficulty } from './pow.js';
import { SsoPublic } from './sso.js';
import { FEEDBACK_TEXT_MAX, MIN_FILL_MS_MAX } from './rules.js';

export const AntiAbuse = z
  .object({
    minFillMs: z.int().check(
      z.minimum(0),
      z.maximum(MIN_FILL_MS_MAX),
      z.meta({ description: 'Inputs sent sooner than this after the form appeared (`elapsedMs`) are refused as spam.' }),
    ),
    proofOfWork: z
      .object({
        required: z.boolean().check(z.meta({ description: 'When true, a public submission needs a solved challenge (`proof`).' })),
        difficulty: PowDifficulty.check(z.meta({ description: 'Leading zero bits asked for; 16 is about 65 000 hashes.' })),
      })
      .check(
        z.meta({
          description:
            'Proof of work: fetch a challenge (`createChallenge`), find a `nonce` such that ' +
            "SHA-256(challenge + ':' + nonce) starts with `difficulty` zero bits, and send both as `proof`.",
        }),
      ),
  })
  .check(z.meta({ description: 'How a client proves a submission comes from a person, without puzzles or third parties.' }));
export type AntiAbuse = z.infer<typeof AntiAbuse>;

export const CouncilConfig = z
  .object({
    slug: Slug.check(z.meta({ description: 'The council in URLs: lower-case letters, digits and single hyphens.' })),
    name: plainText(z.minLength(1), z.maxLength(200)).check(z.meta({ description: "The council's name as residents know it." })),
    locales: z.array(Locale).check(z.minLength(1), z.meta({ description: 'Locales the council writes its texts in.' })),
    defaultLocale: Locale.check(z.meta({ description: 'The locale readers fall back to when a text lacks theirs.' })),
    texts: z
      .object({
        inputUse: LocalizedText.check(
          z.meta({ description: '"What happens with your input": shown before a resident sends anything.' }),
        ),
      })
      .check(z.meta({ description: 'Texts the council writes for its residents, by locale.' })),
    limits: z
      .object({
        feedbackTextMax: z.int().check(
          z.positive(),
          z.maximum(FEEDBACK_TEXT_MAX),
          z.meta({ description: "Most characters this council accepts in an input's `text`." }),
        ),
      })
      .check(z.meta({ description: "The council's own limits, within the contract's." })),
    antiAbuse: z.optional(AntiAbuse).check(
      z.meta({
        description:
          'Spam protection the council asks of public submissions. Absent means none: no minimum fill time and no proof of work.',
      }),
    ),
    contactBank: z.optional(ContactBankConfig).check(
      z.meta({ description: "The council's contact bank (`<contact-bank-signup>`); absent when it runs none." }),
    ),
    sso: z.optional(SsoPublic).check(z.meta({ description: 'Single sign-on for its staff (the console); absent when staff sign in with staff tokens only.' })),
  })
  .check(z.meta({ description: 'Public configuration of one council, read by every element on start.' }));
export type CouncilConfig = z.infer<typeof CouncilConfig>;
