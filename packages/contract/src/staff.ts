// The staff side of the loop: the inbox, changing an input, personal replies and the audit log.
import * as z from 'zod/mini';
import { Id, Locale, page, PageQuery, plainText, Slug, Timestamp } from './common.js';
import { FeedbackChannel, FeedbackKind, FeedbackStatus } from './feedback.js';
import { StaffPerson } from './sso.js';
import { AUDIT_ACTIONS, REPLY_TEXT_MAX, STAFF_ROLES, THEME_LINKS_MAX } from './rules.js';

/** `{council}` and `{id}` of one input or theme on a staff route. */
export const StaffItemParams = z.object({
  council: Slug.check(z.meta({ description: "The council's slug, e.g. `warszawa`." })),
  id: Id.check(z.meta({ description: 'The ID of the input or theme.' })),
});

export const Reply = z
  .object({
    id: Id.check(z.meta({ description: "The reply's ID." })),
    at: Timestamp.check(z.meta({ description: 'When it was sent (RFC 3339, UTC).' })),
    text: z.string().check(z.meta({ description: 'The reply, plain text.' })),
    emailed: z.boolean().check(z.meta({ description: 'True when it was also sent to the address the resident left.' })),
  })
  .check(z.meta({ description: "A council's personal reply to one input; the resident sees it in the receipt view." }));
export type Reply = z.infer<typeof Reply>;

export const ReplyCreate = z
  .object({
    text: plainText(z.trim(), z.minLength(1), z.maxLength(REPLY_TEXT_MAX)).check(
      z.meta({ description: `The reply, plain text, at most ${REPLY_TEXT_MAX} characters; write it in the resident's language (\`locale\`).` }),
    ),
  })
  .check(z.meta({ description: 'A personal reply to one input.' }));
export type ReplyCreate = z.infer<typeof ReplyCreate>;

export const StaffFeedback = z
  .object({
    id: Id.check(z.meta({ description: "The input's ID." })),
    receipt: z.string().check(z.meta({ description: 'Its receipt code, e.g. `K7MX-2QPA-9R`.' })),
    kind: FeedbackKind.check(z.meta({ description: 'What sort of input it is.' })),
    status: FeedbackStatus.check(z.meta({ description: 'Where it stands.' })),
    channel: FeedbackChannel.check(z.meta({ description: 'How it arrived.' })),
    text: z.nullable(z.string()).check(z.meta({ description: "The resident's words, or null once the author erased them." })),
    service: z.nullable(Id).check(z.meta({ description: 'The service it is about, or null.' })),
    rating: z.nullable(z.int()).check(z.meta({ description: 'The rating (1 to 5), or null.' })),
    locale: z.nullable(Locale).check(z.meta({ description: 'The language it is written in and a reply should be in, or null.' })),
    pageUrl: z.nullable(z.string()).check(z.meta({ description: 'The page the resident wrote from, or null.' })),
    sourceUrl: z.nullable(z.string()).check(z.meta({ description: 'For input seen in public: where it can be seen, or null.' })),
    replyRequested: z.boolean().check(
      z.meta({ description: 'True when the resident left an address for a reply: a personal reply or a published theme is emailed to it. The address itself is never shown.' }),
    ),
    erased: z.boolean().check(z.meta({ description: 'True once the author erased the text and contact.' })),
    themeIds: z.array(Id).check(z.meta({ description: 'Themes (draft or published) the input is linked to.' })),
    replies: z.array(Reply).check(z.meta({ description: 'Personal replies, oldest first.' })),
    createdAt: Timestamp.check(z.meta({ description: 'When it arrived (RFC 3339, UTC).' })),
    answeredAt: z.nullable(Timestamp).check(z.meta({ description: 'When it first had a public response, or null.' })),
  })
  .check(z.meta({ description: 'One input as staff see it in the inbox.' }));
export type StaffFeedback = z.infer<typeof StaffFeedback>;

export const StaffFeedbackList = page(StaffFeedback).check(z.meta({ description: 'One page of the inbox, newest first.' }));
export type StaffFeedbackList = z.infer<typeof StaffFeedbackList>;

export const InboxQuery = z.object({
  ...PageQuery.shape,
  status: z.optional(FeedbackStatus).check(z.meta({ description: 'Only inputs with this status.' })),
  service: z.optional(Id).check(z.meta({ description: 'Only inputs about this service.' })),
  kind: z.optional(FeedbackKind).check(z.meta({ description: 'Only inputs of this kind.' })),
  channel: z.optional(FeedbackChannel).check(z.meta({ description: 'Only inputs that arrived by this channel.' })),
  from: z.optional(z.iso.date()).check(z.meta({ description: 'Only inputs received on or after this day (`YYYY-MM-DD`, UTC).' })),
  to: z.optional(z.iso.date()).check(z.meta({ description: 'Only inputs received on or before this day (`YYYY-MM-DD`, UTC).' })),
  q: z.optional(plainText(z.trim(), z.minLength(1), z.maxLength(200))).check(
    z.meta({
      description:
        'Full-text search of the text, in each input\'s own language (stemming where PostgreSQL has a configuration for it, ' +
        'plain words otherwise); web-search syntax: `"exact phrase"`, `or`, `-without`.',
    }),
  ),
});
export type InboxQuery = Omit<z.input<typeof InboxQuery>, 'limit'> & { limit?: number };

// A change names only fields it may change: a misspelt one is a 422, never a 200 that changed nothing.
export const StaffFeedbackPatch = z
  .strictObject({
    status: z.optional(FeedbackStatus).check(z.meta({ description: 'The new status.' })),
    themeIds: z.optional(z.array(Id).check(z.maxLength(THEME_LINKS_MAX))).check(
      z.meta({ description: 'The themes the input is linked to, replacing the current links (an empty list unlinks it from all).' }),
    ),
  })
  .check(z.meta({ description: 'Changes to one input: its status, its links to themes.' }));
export type StaffFeedbackPatch = z.infer<typeof StaffFeedbackPatch>;

export const AuditAction = z.enum(AUDIT_ACTIONS).check(z.meta({ description: 'What was done.' }));
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z
  .object({
    id: Id.check(z.meta({ description: "The entry's ID." })),
    at: Timestamp.check(z.meta({ description: 'When (RFC 3339, UTC).' })),
    actor: z
      .object({
        tokenId: Id.check(z.meta({ description: 'The staff token or single sign-on session used.' })),
        label: z.nullable(z.string()).check(z.meta({ description: "The staff token's label (usually a person or a desk), or null (always for a session)." })),
        role: z.enum(STAFF_ROLES).check(z.meta({ description: "The token's or session's role." })),
        person: z.nullable(StaffPerson).check(z.meta({ description: 'The person signed in with single sign-on, or null for an action made with a staff token.' })),
      })
      .check(z.meta({ description: 'Who did it.' })),
    action: AuditAction,
    subject: z
      .object({
        type: z.enum(['feedback', 'theme', 'contact', 'activity', 'contact-bank', 'council', 'service']).check(
          z.meta({ description: 'What it concerns: an input, a theme, a contact, an activity, the whole `contact-bank` (a search or export; `id` is the council), the settings of the `council` (`id` is the council), or a `service`.' }),
        ),
        id: Id.check(z.meta({ description: 'Its ID.' })),
      })
      .check(z.meta({ description: 'What it was done to.' })),
    before: z.nullable(z.record(z.string(), z.unknown())).check(z.meta({ description: 'The changed fields before, or null for a creation.' })),
    after: z.nullable(z.record(z.string(), z.unknown())).check(z.meta({ description: 'The changed fields after.' })),
  })
  .check(z.meta({ description: 'One staff action: who, what, when, before and after. Never an email address.' }));
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditList = page(AuditEntry).check(z.meta({ description: 'One page of the audit log, newest first.' }));
export type AuditList = z.infer<typeof AuditList>;

export const AuditQuery = z.object({
  ...PageQuery.shape,
  action: z.optional(AuditAction).check(z.meta({ description: 'Only entries of this action.' })),
  subject: z.optional(Id).check(z.meta({ description: 'Only entries about this input or theme ID.' })),
});
export type AuditQuery = Omit<z.input<typeof AuditQuery>, 'limit'> & { limit?: number };
