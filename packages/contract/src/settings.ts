import * as z from 'zod/mini';
import { Locale, LocalizedText, Slug } from './common.js';
import { ContactBankConfig } from './contacts.js';
import { AntiAbuse, CouncilConfig } from './council.js';
import { REACH_THRESHOLD_MAX, SETTINGS_ORIGINS_MAX } from './rules.js';
import { Service } from './services.js';

// The council's settings as its admins see and change them in the console. A module of its own,
// so the public elements' bundles never carry these schemas.

/** A page origin allowed to embed the council: scheme, host and optional port, nothing else. */
export const EmbedOrigin = z
  .string()
  .check(
    z.maxLength(255),
    z.regex(/^https?:\/\/[^/?#\s@]+\/?$/),
    z.meta({ description: 'An origin: `https://` or `http://`, a host and an optional port, with no path.', examples: ['https://www.warszawa.pl'] }),
  );

const Licence = z.string().check(z.regex(/^[A-Za-z0-9.+-]{1,64}$/), z.meta({ description: 'An SPDX licence identifier, e.g. `CC-BY-4.0`.' }));
const ReachThreshold = z.int().check(
  z.minimum(1),
  z.maximum(REACH_THRESHOLD_MAX),
  z.meta({ description: 'Groups of the contact bank\'s reach view smaller than this are suppressed, so no one can be singled out.' }),
);

export const CouncilSettings = z
  .object({
    slug: Slug.check(z.meta({ description: 'The council in URLs (fixed).' })),
    name: CouncilConfig.shape.name,
    locales: CouncilConfig.shape.locales,
    defaultLocale: CouncilConfig.shape.defaultLocale,
    origins: z.array(EmbedOrigin).check(z.meta({ description: 'Page origins allowed to embed the council\'s elements (CORS).' })),
    pageOrigins: z.array(EmbedOrigin).check(
      z.meta({
        description:
          "Read-only: every origin whose pages may use the council's elements and contact bank: `origins` and the server's own (its demo pages and console, which need no CORS).",
      }),
    ),
    texts: CouncilConfig.shape.texts,
    limits: CouncilConfig.shape.limits,
    antiAbuse: AntiAbuse,
    contactBank: z.nullable(ContactBankConfig).check(z.meta({ description: 'The contact bank, with its consent text versions; null when it runs none.' })),
    openLicence: Licence,
    reachThreshold: ReachThreshold,
  })
  .check(z.meta({ description: 'Every setting of one council that its admins may read and change.' }));
export type CouncilSettings = z.infer<typeof CouncilSettings>;

// Strict, as every PATCH body: a misspelt setting is a 422 naming it, never a 200 that changed nothing.
export const CouncilSettingsPatch = z
  .strictObject({
    name: z.optional(CouncilConfig.shape.name),
    locales: z.optional(z.array(Locale).check(z.minLength(1), z.maxLength(8))),
    defaultLocale: z.optional(Locale),
    origins: z.optional(z.array(EmbedOrigin).check(z.maxLength(SETTINGS_ORIGINS_MAX))).check(
      z.meta({ description: 'The allowed origins, replacing the list (an empty list lets no page embed the council).' }),
    ),
    texts: z.optional(z.strictObject({ inputUse: z.optional(LocalizedText) })),
    antiAbuse: z.optional(AntiAbuse),
    contactBank: z.optional(z.nullable(ContactBankConfig)).check(
      z.meta({ description: 'The contact bank; a new `consent.version` makes residents consent to the new text; null closes the bank.' }),
    ),
    openLicence: z.optional(Licence),
    reachThreshold: z.optional(ReachThreshold),
  })
  .check(z.meta({ description: 'Settings to change; anything absent stays as it is.' }));
export type CouncilSettingsPatch = z.input<typeof CouncilSettingsPatch>;

export const ServiceParams = z.object({
  council: Slug,
  service: Slug.check(
    z.meta({ description: "The service's ID, as residents' inputs name it: lower-case letters, digits and single hyphens (e.g. `libraries`)." }),
  ),
});

export const ServiceSave = z
  .object({ name: Service.shape.name.check(z.refine((n) => Object.keys(n).length > 0, { message: 'Name the service in at least one language' })), category: Service.shape.category })
  .check(z.meta({ description: 'A service to create, or its new name and category.' }));
export type ServiceSave = z.infer<typeof ServiceSave>;
