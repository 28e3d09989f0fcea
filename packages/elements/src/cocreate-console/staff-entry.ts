// What <cocreate-feedback> adds in staff mode (a `staffToken` set): how the input reached the
// council, as one grouped choice (assisted entry: phone, in person, paper, email, outreach; seen
// in public: petition, campaign, protest, social media, press, artwork), and for input seen in
// public the address where it can be seen, required (the contract's `sourceUrl`); and the form's
// questions in staff's words (they record someone else's input). A module of its
// own, imported only once a staff token is set (the console's record view loads it ahead): the
// public form's page pays nothing for it. It lives with the console and its words are the
// console's (`console.*`): the form loads them with this module (`messages`) before showing it.
import type { StaffFeedbackCreate } from '@civicloop/contract';
import { PUBLIC_ACTION_CHANNELS, STAFF_CHANNELS, type StaffEntryChannel } from '@civicloop/contract/rules';
import { createStaffFeedback, isApiError } from '@civicloop/sdk';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { channelLabel } from './strings.js';
export { messages } from '../generated/locales/console.js';
import { describedByAttr, field } from '../kit/parts/index.js';
import type { FeedbackDraft, FieldError, StaffEntry } from '../stores/feedback.js';

const isPublic = (channel: string) => (PUBLIC_ACTION_CHANNELS as readonly string[]).includes(channel);

/** The contract's `WebUrl`: http or https, at most 2048 characters. */
function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && value.length <= 2048;
  } catch {
    return false;
  }
}

export const staffEntry: StaffEntry & {
  /** An error in staff's words (they record someone else's input); `limit` is the formatted text limit. */
  errorText(error: FieldError, limit: string): string | undefined;
  /**
   * What the form asks in staff mode, in the words of staff recording someone else's input, for
   * input received by `channel`. Input seen in public (a petition, a post) has no `rating`: no
   * resident rated the service, so the form asks for none; and its receipt code is the council's.
   */
  words(channel: string): Record<'kind' | 'text' | 'hint' | 'replyHint' | 'echo' | 'again' | 'formLabel' | 'replyLabel' | 'send' | 'code' | 'sentTitle', string> & { rating?: string; clearRating: string };
  render(o: { draft: FeedbackDraft; error(field: 'channel' | 'sourceUrl'): string | undefined; update(patch: Partial<FeedbackDraft>): void }): TemplateResult;
} = {
  issues(d) {
    if (!d.channel) return [{ field: 'channel', code: 'channel-missing' }];
    if (!isPublic(d.channel)) return [];
    const source = d.sourceUrl.trim();
    if (!source) return [{ field: 'sourceUrl', code: 'source-missing' }];
    return isWebUrl(source) ? [] : [{ field: 'sourceUrl', code: 'source-invalid' }];
  },

  fields(d) {
    // Input seen in public rated nothing: no rating goes with it, whatever the draft holds.
    return { channel: d.channel as StaffEntryChannel, ...(isPublic(d.channel) ? { sourceUrl: d.sourceUrl.trim(), rating: undefined } : {}) };
  },

  sender(target, token) {
    return {
      send: (_operation, body, options) => {
        const key = options!.idempotencyKey!;
        return createStaffFeedback(target, body as StaffFeedbackCreate, { token, idempotencyKey: key }).then(
          (result) => ({ state: 'delivered', key, result }),
          (error: unknown) => {
            if (isApiError(error)) return { state: 'refused', key, error };
            throw error;
          },
        );
      },
    };
  },

  errorText(error, limit) {
    switch (error.code) {
      case 'channel-missing':
        return msg('Choose how you received this input', { id: 'console.entry.channelMissing' });
      case 'source-missing':
        return msg('Give the address where this can be seen', { id: 'console.entry.sourceMissing' });
      case 'source-invalid':
        return msg('Enter a web address starting with https:// or http://', { id: 'console.activities.notALink' });
      case 'kind-missing':
        return msg('Choose what kind of input this is', { id: 'console.entry.kindMissing' });
      case 'text-missing':
        return msg('Write the input', { id: 'console.entry.textMissing' });
      case 'text-too-long':
        return msg(str`The input must be ${limit} characters or fewer`, { id: 'console.entry.textTooLong' });
      case 'contact-missing':
        return msg('Enter the resident’s email address, or untick “The resident would like a reply”', { id: 'console.entry.contactMissing' });
      default:
        return undefined;
    }
  },

  words(channel) {
    const seen = isPublic(channel);
    return {
      kind: msg('What kind of input is it?', { id: 'console.entry.kind' }),
      ...(seen ? {} : { rating: msg('How did the resident rate the service? (optional)', { id: 'console.entry.rating' }) }),
      clearRating: msg('Remove the rating', { id: 'console.entry.clearRating' }),
      text: msg('The input', { id: 'console.entry.text' }),
      hint: msg('What the resident said or what was seen, in plain words. Record no personal details (names, addresses, health) beyond what the input needs.', { id: 'console.entry.textHint' }),
      replyHint: msg('Their email address is used only to answer this input, and deleted if the input is erased.', { id: 'console.entry.replyHint' }),
      echo: msg('What was recorded:', { id: 'console.entry.echo' }),
      again: msg('Record another input', { id: 'console.entry.again' }),
      formLabel: msg('Record a resident’s input', { id: 'console.entry.formLabel' }),
      replyLabel: msg('The resident would like a reply', { id: 'console.entry.replyLabel' }),
      send: msg('Record input', { id: 'console.entry.send' }),
      code: seen
        ? msg('The receipt code of this input, to follow what happens with it:', { id: 'console.entry.publicCode' })
        : msg('Give the resident this receipt code so they can follow what happens with it:', { id: 'console.entry.code' }),
      sentTitle: msg('The input is recorded', { id: 'console.entry.sentTitle' }),
    };
  },

  render({ draft: d, error, update }) {
    const option = (value: StaffEntryChannel, label: string) => html`<option value=${value} ?selected=${d.channel === value}>${label}</option>`;
    return html`
      ${field({
        id: 'channel',
        label: msg('How did you receive this input?', { id: 'console.entry.channel' }),
        // Said where the choice is made: the rating goes and a link field comes (read with the select).
        hint: isPublic(d.channel) ? msg('Input seen in public is recorded with the address where it can be seen, and without a rating.', { id: 'console.entry.publicHint' }) : undefined,
        error: error('channel'),
        control: (a) => html`
          <select id="channel" aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} @change=${(e: Event) => update({ channel: (e.target as HTMLSelectElement).value as StaffEntryChannel | '' })}>
            <option value="" ?selected=${!d.channel}>${msg('Choose…', { id: 'console.activities.choose' })}</option>
            <optgroup label=${msg('Assisted entry', { id: 'console.entry.assisted' })}>${STAFF_CHANNELS.map((c) => option(c, channelLabel(c)))}</optgroup>
            <optgroup label=${msg('Seen in public', { id: 'console.entry.public' })}>${PUBLIC_ACTION_CHANNELS.map((c) => option(c, channelLabel(c)))}</optgroup>
          </select>
        `,
      })}
      ${isPublic(d.channel)
        ? field({
            id: 'sourceUrl',
            label: msg('Where it can be seen', { id: 'console.entry.source' }),
            hint: msg('The web address of the petition, post, article or picture.', { id: 'console.entry.sourceHint' }),
            error: error('sourceUrl'),
            control: (a) =>
              html`<input type="url" id="sourceUrl" name="sourceUrl" inputmode="url" autocomplete="off" spellcheck="false" aria-describedby=${describedByAttr(a.describedBy)} aria-invalid=${a.invalid ? 'true' : 'false'} .value=${d.sourceUrl} @input=${(e: Event) => update({ sourceUrl: (e.target as HTMLInputElement).value })} />`,
          })
        : nothing}
    `;
  },
};
