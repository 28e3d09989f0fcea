// The contact bank (issue 9): residents, associations and businesses who agree to be asked to
// co-create; their consent, their own view of their entry, invitations, and the staff side.
import * as z from 'zod/mini';
import { Id, Locale, LocalizedText, page, PageQuery, plainText, Slug, Timestamp } from './common.js';
import { antiAbuseFields, Email, WebUrl } from './feedback.js';
import {
  ACCESSIBILITY_NEEDS,
  ACTIVITY_PLACE_MAX,
  ACTIVITY_TEXT_MAX,
  ACTIVITY_TITLE_MAX,
  AGE_BANDS,
  CONSENT_EVENTS,
  CONSENT_MONTHS_MAX,
  CONTACT_FORMATS,
  CONTACT_KINDS,
  CONTACT_NAME_MAX,
  CONTACT_NOTE_MAX,
  CONTACT_PHONE_MAX,
  CONTACT_PURPOSES,
  INVITATION_ANSWERS,
  INVITATIONS_MAX,
  JOINING_CHANNELS,
  LANGUAGE_TAG_PATTERN,
} from './rules.js';
import { ServiceCategory } from './services.js';

export const ContactKind = z.enum(CONTACT_KINDS).check(
  z.meta({ description: 'Who is signing up: a `resident`, an `association` or a `business` (the latter two give `organisation` and `name`).' }),
);
export type ContactKind = z.infer<typeof ContactKind>;
export const ContactFormat = z.enum(CONTACT_FORMATS).check(z.meta({ description: 'A way of taking part.' }));
export type ContactFormat = z.infer<typeof ContactFormat>;
export const ContactPurpose = z.enum(CONTACT_PURPOSES).check(
  z.meta({ description: 'What a contact consents to: `invitations` (being invited to activities) or `news` (news of results).' }),
);
export type ContactPurpose = z.infer<typeof ContactPurpose>;
export const AgeBand = z.enum(AGE_BANDS).check(z.meta({ description: 'An age band, asked only to see whom the bank does not reach yet.' }));
export type AgeBand = z.infer<typeof AgeBand>;
export const AccessibilityNeed = z.enum(ACCESSIBILITY_NEEDS).check(z.meta({ description: 'A need an activity should meet.' }));
export type AccessibilityNeed = z.infer<typeof AccessibilityNeed>;
export const JoiningChannel = z.enum(JOINING_CHANNELS).check(
  z.meta({ description: 'How a contact joined: `direct`, or `pass-it-on` (through a link someone shared).' }),
);
export type JoiningChannel = z.infer<typeof JoiningChannel>;
export const InvitationAnswer = z.enum(INVITATION_ANSWERS).check(z.meta({ description: 'The answer to an invitation.' }));
export type InvitationAnswer = z.infer<typeof InvitationAnswer>;
export const ConsentEvent = z.enum(CONSENT_EVENTS).check(z.meta({ description: 'What happened to the consent.' }));
export type ConsentEvent = z.infer<typeof ConsentEvent>;

/** A language someone can take part in (BCP 47: `sv`, `uk`, `pt-BR`). */
export const LanguageTag = z.string().check(z.maxLength(35), z.regex(LANGUAGE_TAG_PATTERN));

const purposes = z
  .array(ContactPurpose)
  .check(
    z.minLength(1),
    z.maxLength(CONTACT_PURPOSES.length),
    z.refine((list) => new Set(list).size === list.length, { message: 'Each purpose once' }),
  );

// ---------------------------------------------------------------------------------------------
// The council's configuration of its bank (part of `CouncilConfig`)

export const District = z
  .object({
    id: Id.check(z.meta({ description: "The district's ID; send it as `district`." })),
    name: LocalizedText.check(z.meta({ description: "The district's name, by locale." })),
    population: z.optional(z.int().check(z.minimum(0))).check(
      z.meta({ description: 'Residents of the district, when the council has entered it; the reach view sets the bank beside it.' }),
    ),
  })
  .check(z.meta({ description: 'A district of the council.' }));
export type District = z.infer<typeof District>;

export const ContactBankConfig = z
  .object({
    districts: z.array(District).check(z.meta({ description: 'The districts a contact may choose from (may be empty).' })),
    consent: z
      .object({
        version: plainText(z.minLength(1), z.maxLength(64)).check(
          z.meta({ description: 'Version of the consent text; a sign-up sends it back, and the ledger records it.' }),
        ),
        text: LocalizedText.check(z.meta({ description: 'The consent text, by locale: shown above the consent checkboxes.' })),
        months: z.int().check(
          z.minimum(1),
          z.maximum(CONSENT_MONTHS_MAX),
          z.meta({ description: 'How long consent lasts from confirmation or renewal, in months (24 unless the council sets another).' }),
        ),
      })
      .check(z.meta({ description: 'What a contact consents to, and for how long.' })),
    privacyNoticeUrl: WebUrl.check(z.meta({ description: "The council's privacy notice, linked beside the consent text." })),
    formats: z.array(ContactFormat).check(z.minLength(1), z.meta({ description: 'The formats the council offers, in the order to show them.' })),
    languages: z
      .array(LanguageTag)
      .check(z.minLength(1), z.meta({ description: 'Languages offered as choices of `languages` (BCP 47 tags), in the order to show them.' })),
    ageBands: z.array(AgeBand).check(z.meta({ description: 'Age bands offered (empty: the form does not ask).' })),
  })
  .check(
    z.meta({
      description:
        "The council's contact bank; absent when it runs none (then the contact routes answer 404). Topics of interest are the " +
        "council's services and their categories (`listServices`).",
    }),
  );
export type ContactBankConfig = z.infer<typeof ContactBankConfig>;

// ---------------------------------------------------------------------------------------------
// A contact's own fields

const orgText = () => plainText(z.trim(), z.minLength(1), z.maxLength(CONTACT_NAME_MAX));
const Phone = plainText(z.trim(), z.maxLength(CONTACT_PHONE_MAX), z.regex(/^\+?[0-9][0-9 ()./-]{2,}$/));

const profileFields = {
  kind: ContactKind,
  organisation: z.optional(orgText()).check(z.meta({ description: "The association's or business's name; required for those kinds." })),
  name: z.optional(orgText()).check(
    z.meta({ description: "The person's name (for an association or business, the contact person; required for those kinds)." }),
  ),
  phone: z.optional(Phone).check(z.meta({ description: 'A phone number, optional.' })),
  district: z.optional(Id).check(z.meta({ description: "A district's `id` from the council's `contactBank.districts`." })),
  services: z.optional(z.array(Id).check(z.maxLength(100))).check(z.meta({ description: 'Topics of interest: IDs of services (`listServices`).' })),
  categories: z
    .optional(z.array(ServiceCategory).check(z.maxLength(20)))
    .check(z.meta({ description: 'Topics of interest: whole categories of services.' })),
  formats: z.optional(z.array(ContactFormat).check(z.maxLength(CONTACT_FORMATS.length))).check(
    z.meta({ description: 'Formats the contact is open to.' }),
  ),
  languages: z.optional(z.array(LanguageTag).check(z.maxLength(20))).check(z.meta({ description: 'Languages the contact can take part in.' })),
  accessibility: z.optional(z.array(AccessibilityNeed).check(z.maxLength(ACCESSIBILITY_NEEDS.length))).check(
    z.meta({ description: 'Accessibility needs, optional: asked so that activities can meet them.' }),
  ),
  accessibilityNote: z.optional(plainText(z.trim(), z.maxLength(CONTACT_NOTE_MAX))).check(
    z.meta({ description: 'Any other need, in their words, optional.' }),
  ),
  ageBand: z.optional(AgeBand).check(z.meta({ description: 'Optional: asked only to see whom the bank does not reach yet.' })),
  locale: z.optional(Locale).check(z.meta({ description: 'The language of emails to this contact (the council default when absent).' })),
};

/** An association or a business names itself and a contact person. */
const organisationNamed = z.refine<{ kind?: ContactKind; organisation?: string | null; name?: string | null }>(
  (c) => c.kind === undefined || c.kind === 'resident' || (!!c.organisation && !!c.name),
  { message: 'An association or business gives organisation and name', path: ['organisation'] },
);

export const ConsentGiven = z
  .object({
    version: plainText(z.minLength(1), z.maxLength(64)).check(
      z.meta({ description: "The `contactBank.consent.version` the person read; another than the council's current one is 409." }),
    ),
    purposes: purposes.check(z.meta({ description: 'The purposes the person ticked, each once; at least one.' })),
  })
  .check(z.meta({ description: 'Explicit consent per purpose to the consent text of one version.' }));
export type ConsentGiven = z.infer<typeof ConsentGiven>;

export const ContactCreate = z
  .object({
    ...profileFields,
    email: Email.check(z.meta({ description: 'Required: where the confirmation, and later invitations, go.' })),
    consent: ConsentGiven.check(z.meta({ description: 'The consent given: its text version and the purposes ticked.' })),
    pageUrl: WebUrl.check(
      z.meta({
        description:
          "The page the person signs up on; email links lead back to it (`#token=`, `#manage=`, `#invitation=`). Its origin must be one of the council's embedding origins or the server's own.",
      }),
    ),
    via: z.optional(plainText(z.maxLength(100))).check(
      z.meta({ description: 'The `via` code of a pass-it-on link the person arrived by (`#via=`); an unknown code counts as none.' }),
    ),
    ...antiAbuseFields,
  })
  .check(organisationNamed, z.meta({ description: 'A sign-up to the contact bank.' }));
export type ContactCreate = z.infer<typeof ContactCreate>;

export const ContactAccepted = z
  .object({
    status: z.literal('check-your-email').check(z.meta({ description: 'Always `check-your-email`, whether the address was new or known.' })),
    shareCode: plainText(z.minLength(1), z.maxLength(100)).check(
      z.meta({ description: 'An opaque pass-it-on code for the share link `pageUrl#via=<shareCode>`; it names nobody.' }),
    ),
  })
  .check(
    z.meta({
      description:
        'The answer to every valid sign-up, the same for a new and a known address: a new one gets a confirmation email, a known one its manage link.',
    }),
  );
export type ContactAccepted = z.infer<typeof ContactAccepted>;

export const ContactConfirm = z
  .object({ token: plainText(z.minLength(1), z.maxLength(200)).check(z.meta({ description: 'The `#token=` of the confirmation link.' })) })
  .check(z.meta({ description: 'Confirms a sign-up (double opt-in).' }));
export type ContactConfirm = z.infer<typeof ContactConfirm>;

export const ContactConfirmed = z
  .object({
    status: z.literal('active').check(z.meta({ description: 'The entry is active.' })),
    consentExpiresAt: Timestamp.check(z.meta({ description: 'When consent expires unless renewed (RFC 3339, UTC).' })),
    manageToken: plainText(z.minLength(1)).check(
      z.meta({ description: 'A manage token for this entry, so the page can go on to manage mode; send it as `Authorization: Bearer`.' }),
    ),
  })
  .check(z.meta({ description: 'The entry is confirmed; confirming again answers the same with a fresh manage token.' }));
export type ContactConfirmed = z.infer<typeof ContactConfirmed>;

export const Consent = z
  .object({
    version: z.string().check(z.meta({ description: 'The consent text version consented to last.' })),
    purposes: z.array(ContactPurpose).check(z.meta({ description: 'The purposes consented to now.' })),
    givenAt: Timestamp.check(z.meta({ description: 'When consent was given (the sign-up).' })),
    confirmedAt: z.nullable(Timestamp).check(z.meta({ description: 'When it was confirmed by email, or null while pending.' })),
    changedAt: z.nullable(Timestamp).check(z.meta({ description: 'When the purposes or version last changed, or null.' })),
    renewedAt: z.nullable(Timestamp).check(z.meta({ description: 'When it was last renewed, or null.' })),
    expiresAt: z.nullable(Timestamp).check(z.meta({ description: 'When it expires unless renewed, or null while pending.' })),
  })
  .check(z.meta({ description: 'The consent as it stands.' }));
export type Consent = z.infer<typeof Consent>;

export const ConsentLedgerEntry = z
  .object({
    at: Timestamp.check(z.meta({ description: 'When (RFC 3339, UTC).' })),
    event: ConsentEvent,
    version: z.string().check(z.meta({ description: 'The consent text version at that moment.' })),
    purposes: z.array(ContactPurpose).check(z.meta({ description: 'The purposes consented to from then on (empty once withdrawn or expired).' })),
  })
  .check(z.meta({ description: 'One event of the consent ledger.' }));
export type ConsentLedgerEntry = z.infer<typeof ConsentLedgerEntry>;

export const PublicActivity = z
  .object({
    title: z.string().check(z.meta({ description: 'The title, plain text.' })),
    format: ContactFormat,
    startsAt: Timestamp.check(z.meta({ description: 'When it starts (RFC 3339, UTC).' })),
    endsAt: z.nullable(Timestamp).check(z.meta({ description: 'When it ends, or null.' })),
    place: z.nullable(z.string()).check(z.meta({ description: 'Where it happens, plain text, or null.' })),
    url: z.nullable(z.string()).check(z.meta({ description: 'A link (an online meeting, a survey), or null.' })),
    text: z.string().check(z.meta({ description: 'What it is about, plain text.' })),
    locale: Locale.check(z.meta({ description: 'The language it is written in.' })),
  })
  .check(z.meta({ description: 'A co-creation activity as an invited contact sees it.' }));
export type PublicActivity = z.infer<typeof PublicActivity>;

const profileOut = {
  kind: ContactKind,
  organisation: z.nullable(z.string()).check(z.meta({ description: "The organisation's name, or null." })),
  name: z.nullable(z.string()).check(z.meta({ description: "The person's name, or null." })),
  phone: z.nullable(z.string()).check(z.meta({ description: 'The phone number, or null.' })),
  district: z.nullable(Id).check(z.meta({ description: 'The district, or null.' })),
  services: z.array(Id).check(z.meta({ description: 'Services of interest.' })),
  categories: z.array(ServiceCategory).check(z.meta({ description: 'Categories of interest.' })),
  formats: z.array(ContactFormat).check(z.meta({ description: 'Formats open to.' })),
  languages: z.array(LanguageTag).check(z.meta({ description: 'Languages.' })),
  accessibility: z.array(AccessibilityNeed).check(z.meta({ description: 'Accessibility needs.' })),
  accessibilityNote: z.nullable(z.string()).check(z.meta({ description: 'Other needs in their words, or null.' })),
  ageBand: z.nullable(AgeBand).check(z.meta({ description: 'The age band, or null.' })),
  locale: Locale.check(z.meta({ description: 'The language of emails.' })),
};

export const MyContact = z
  .object({
    ...profileOut,
    email: z.string().check(z.meta({ description: 'The address.' })),
    status: z.enum(['pending', 'active']).check(z.meta({ description: '`pending` until confirmed, then `active`.' })),
    joinedVia: JoiningChannel,
    pageUrl: z.string().check(z.meta({ description: 'The page email links lead to.' })),
    createdAt: Timestamp.check(z.meta({ description: 'When the person signed up (RFC 3339, UTC).' })),
    consent: Consent.check(z.meta({ description: 'This entry\'s consent: version, purposes and its dates.' })),
    ledger: z.array(ConsentLedgerEntry).check(z.meta({ description: 'The consent ledger of this entry, oldest first.' })),
    invitations: z
      .array(
        z.object({
          activity: PublicActivity.check(z.meta({ description: 'The activity.' })),
          invitedAt: Timestamp.check(z.meta({ description: 'When the invitation was sent.' })),
          answer: z.nullable(InvitationAnswer).check(z.meta({ description: 'The answer, or null while unanswered.' })),
          answeredAt: z.nullable(Timestamp).check(z.meta({ description: 'When it was answered, or null.' })),
        }),
      )
      .check(z.meta({ description: 'Invitations received, newest first.' })),
  })
  .check(
    z.meta({
      description: 'Everything the bank holds about this person (the JSON they may download), read with the manage token.',
    }),
  );
export type MyContact = z.infer<typeof MyContact>;

const nullable = <T extends z.core.$ZodType>(s: T) => z.optional(z.nullable(s));

// Strict, as every PATCH body: a misspelt field is a 422 naming it.
export const MyContactPatch = z
  .strictObject({
    kind: z.optional(ContactKind),
    organisation: nullable(orgText()).check(z.meta({ description: 'The organisation; null clears it.' })),
    name: nullable(orgText()).check(z.meta({ description: 'The name; null clears it.' })),
    phone: nullable(Phone).check(z.meta({ description: 'The phone number; null clears it.' })),
    district: nullable(Id).check(z.meta({ description: 'The district; null clears it.' })),
    services: profileFields.services,
    categories: profileFields.categories,
    formats: profileFields.formats,
    languages: profileFields.languages,
    accessibility: profileFields.accessibility,
    accessibilityNote: nullable(plainText(z.trim(), z.maxLength(CONTACT_NOTE_MAX))).check(z.meta({ description: 'Other needs; null clears it.' })),
    ageBand: nullable(AgeBand).check(z.meta({ description: 'The age band; null clears it.' })),
    locale: profileFields.locale,
    consent: z.optional(ConsentGiven).check(
      z.meta({
        description:
          'Consent given again: renews it for the council\'s period from now (`renewed`), or changes purposes or version (`changed`). ' +
          'To withdraw everything, DELETE.',
      }),
    ),
  })
  .check(organisationNamed, z.meta({ description: 'Changes to one\'s own entry; absent fields stay as they are. The email address cannot change.' }));
export type MyContactPatch = z.infer<typeof MyContactPatch>;

export const Invitation = z
  .object({
    activity: PublicActivity.check(z.meta({ description: 'The activity invited to.' })),
    answer: z.nullable(InvitationAnswer).check(z.meta({ description: 'The answer given, or null.' })),
    answeredAt: z.nullable(Timestamp).check(z.meta({ description: 'When it was answered, or null.' })),
  })
  .check(z.meta({ description: 'One invitation as the invited contact sees it.' }));
export type Invitation = z.infer<typeof Invitation>;

export const InvitationReply = z
  .object({ answer: InvitationAnswer })
  .check(z.meta({ description: 'Yes or no; answering again replaces the answer.' }));
export type InvitationReply = z.infer<typeof InvitationReply>;

/** `{council}` and `{token}` of a one-click unsubscribe URL. */
export const UnsubscribeParams = z.object({
  council: Slug.check(z.meta({ description: "The council's slug." })),
  token: plainText(z.minLength(1), z.maxLength(200)).check(z.meta({ description: 'The token of the `List-Unsubscribe` URL.' })),
});

// ---------------------------------------------------------------------------------------------
// Staff

const contactFilters = {
  interest: z.optional(Id).check(z.meta({ description: 'Interested in this service ID, or in this category (or a service of it).' })),
  district: z.optional(Id).check(z.meta({ description: 'In this district.' })),
  kind: z.optional(ContactKind),
  format: z.optional(ContactFormat),
  language: z.optional(LanguageTag).check(z.meta({ description: 'Can take part in this language.' })),
  accessibility: z.optional(AccessibilityNeed).check(z.meta({ description: 'Has this accessibility need.' })),
  purpose: z.optional(ContactPurpose).check(z.meta({ description: 'Consented to this purpose.' })),
};
export const ContactSearchQuery = z.object({ ...PageQuery.shape, ...contactFilters });
/** The filters of a search, for an export of every match (no pages). */
export const ContactExportQuery = z.object(contactFilters);
export type ContactExportQuery = z.input<typeof ContactExportQuery>;
export type ContactSearchQuery = Omit<z.input<typeof ContactSearchQuery>, 'limit'> & { limit?: number };

export const StaffContact = z
  .object({
    id: Id.check(z.meta({ description: "The entry's ID." })),
    kind: ContactKind,
    organisation: z.nullable(z.string()).check(z.meta({ description: "An association's or business's name, or null. Never a person's name, address or phone." })),
    district: profileOut.district,
    services: profileOut.services,
    categories: profileOut.categories,
    formats: profileOut.formats,
    languages: profileOut.languages,
    accessibility: profileOut.accessibility,
    accessibilityNote: profileOut.accessibilityNote,
    ageBand: profileOut.ageBand,
    locale: profileOut.locale,
    purposes: z.array(ContactPurpose).check(z.meta({ description: 'What the contact consented to.' })),
    joinedVia: JoiningChannel,
    confirmedAt: Timestamp.check(z.meta({ description: 'When the entry became active.' })),
    consentExpiresAt: Timestamp.check(z.meta({ description: 'When consent expires unless renewed.' })),
  })
  .check(z.meta({ description: 'An active contact as a staff search shows it: never the email address, name or phone.' }));
export type StaffContact = z.infer<typeof StaffContact>;

export const StaffContactList = page(StaffContact).check(z.meta({ description: 'One page of active contacts, oldest first.' }));
export type StaffContactList = z.infer<typeof StaffContactList>;

export const ActivityCreate = z
  .object({
    title: plainText(z.trim(), z.minLength(1), z.maxLength(ACTIVITY_TITLE_MAX)).check(z.meta({ description: 'The title, plain text.' })),
    format: ContactFormat,
    startsAt: Timestamp.check(z.meta({ description: 'When it starts (RFC 3339, UTC).' })),
    endsAt: z.optional(Timestamp).check(z.meta({ description: 'When it ends.' })),
    place: z.optional(plainText(z.trim(), z.minLength(1), z.maxLength(ACTIVITY_PLACE_MAX))).check(z.meta({ description: 'Where it happens.' })),
    url: z.optional(WebUrl).check(z.meta({ description: 'A link: an online meeting, a survey.' })),
    text: plainText(z.trim(), z.minLength(1), z.maxLength(ACTIVITY_TEXT_MAX)).check(z.meta({ description: 'What it is about, plain text.' })),
    locale: Locale.check(z.meta({ description: 'The language it is written in.' })),
  })
  .check(z.meta({ description: 'A co-creation activity: title, format, date, place or link, a short text.' }));
export type ActivityCreate = z.infer<typeof ActivityCreate>;

export const Activity = z
  .object({
    id: Id.check(z.meta({ description: "The activity's ID." })),
    ...PublicActivity.shape,
    createdAt: Timestamp.check(z.meta({ description: 'When it was created.' })),
    invited: z.int().check(z.meta({ description: 'Contacts invited.' })),
    accepted: z.int().check(z.meta({ description: 'Invitations answered yes (people who withdrew since still count).' })),
    declined: z.int().check(z.meta({ description: 'Invitations answered no.' })),
  })
  .check(z.meta({ description: 'A co-creation activity as staff see it, with its invitation counts.' }));
export type Activity = z.infer<typeof Activity>;

export const ActivityList = page(Activity).check(z.meta({ description: 'One page of activities, newest first.' }));
export type ActivityList = z.infer<typeof ActivityList>;

export const AcceptedContact = z
  .object({
    contactId: Id.check(z.meta({ description: "The contact's ID." })),
    kind: ContactKind,
    organisation: profileOut.organisation,
    name: profileOut.name,
    email: z.string().check(z.meta({ description: 'The address, to write to this person about the activity.' })),
    phone: profileOut.phone,
    languages: profileOut.languages,
    accessibility: profileOut.accessibility,
    accessibilityNote: profileOut.accessibilityNote,
    answeredAt: Timestamp.check(z.meta({ description: 'When they accepted.' })),
  })
  .check(z.meta({ description: 'Someone who accepted: the only contact details staff ever see.' }));
export type AcceptedContact = z.infer<typeof AcceptedContact>;

export const ActivityDetail = z
  .object({
    ...Activity.shape,
    acceptedContacts: z.array(AcceptedContact).check(
      z.meta({ description: 'Who accepted, with their contact details (audited as `contact.view`); people who withdrew are gone from it.' }),
    ),
  })
  .check(z.meta({ description: 'One activity with the people who accepted.' }));
export type ActivityDetail = z.infer<typeof ActivityDetail>;

export const InvitationsCreate = z
  .object({
    interest: ContactSearchQuery.shape.interest,
    district: ContactSearchQuery.shape.district,
    kind: ContactSearchQuery.shape.kind,
    language: ContactSearchQuery.shape.language,
    accessibility: ContactSearchQuery.shape.accessibility,
    max: z.optional(z.int().check(z.minimum(1), z.maximum(INVITATIONS_MAX))).check(
      z.meta({ description: `Invite at most this many (oldest entries first), at most ${INVITATIONS_MAX}.` }),
    ),
  })
  .check(
    z.meta({
      description:
        "Whom to invite: active contacts who consented to `invitations`, are open to the activity's format and match every filter given. " +
        'Contacts already invited are not invited again.',
    }),
  );
export type InvitationsCreate = z.infer<typeof InvitationsCreate>;

export const InvitationsCreated = z
  .object({
    invited: z.int().check(z.meta({ description: 'Contacts invited now (one email each, in their language).' })),
    alreadyInvited: z.int().check(z.meta({ description: 'Matching contacts invited before, not invited again.' })),
  })
  .check(z.meta({ description: 'How many were invited. Addresses are never handed out.' }));
export type InvitationsCreated = z.infer<typeof InvitationsCreated>;

const reachCount = {
  key: z.string().check(z.meta({ description: 'The group (`not-given` for people who did not say).' })),
  count: z.nullable(z.int()).check(z.meta({ description: 'Active contacts in the group, or null when suppressed.' })),
  suppressed: z.boolean().check(z.meta({ description: "True when the group is under the council's threshold." })),
};
export const ReachGroup = z.object(reachCount).check(z.meta({ description: 'One group of the bank.' }));
export type ReachGroup = z.infer<typeof ReachGroup>;

export const ContactReach = z
  .object({
    threshold: z.int().check(z.meta({ description: 'Groups smaller than this are suppressed (5 unless the council sets another).' })),
    at: Timestamp.check(z.meta({ description: 'When the figures were taken.' })),
    active: z.int().check(z.meta({ description: 'Active contacts.' })),
    left: z
      .object({
        withdrawn: z.int().check(z.meta({ description: 'Entries withdrawn by their person.' })),
        expired: z.int().check(z.meta({ description: 'Entries whose consent expired.' })),
      })
      .check(z.meta({ description: 'Anonymous counts of entries erased since; no personal data stays.' })),
    kind: z.array(ReachGroup).check(z.meta({ description: 'By kind.' })),
    district: z
      .array(
        z.object({
          ...reachCount,
          population: z.nullable(z.int()).check(z.meta({ description: "The district's population, when the council entered it." })),
          perThousand: z.nullable(z.number()).check(
            z.meta({ description: 'Active contacts per 1000 residents of the district, or null (suppressed or no population).' }),
          ),
        }),
      )
      .check(z.meta({ description: "By district, beside the district's population." })),
    ageBand: z.array(ReachGroup).check(z.meta({ description: 'By age band.' })),
    language: z.array(ReachGroup).check(z.meta({ description: 'By language (a contact counts once in each language they named).' })),
    channel: z.array(ReachGroup).check(z.meta({ description: 'By channel of joining: `direct` or `pass-it-on`.' })),
  })
  .check(z.meta({ description: "The bank's make-up, to see whom it does not reach yet; small groups suppressed." }));
export type ContactReach = z.infer<typeof ContactReach>;
