import type { Locale } from '@civicloop/contract/locales';
import { css, html, nothing, type TemplateResult } from 'lit';

/**
 * The names of the interface's own languages, each in itself. A table, not `Intl.DisplayNames`:
 * every form's language picker shows them on its first render, and the first DisplayNames call
 * loads the engine's locale data (tens of milliseconds on a slow phone).
 */
const OWN_NAMES: Record<Locale, string> = { en: 'English', pl: 'Polski', sv: 'Svenska', da: 'Dansk', de: 'Deutsch', fr: 'Français', pt: 'Português', ro: 'Română' };

/** A language's name in that language ("Polski", "Svenska"), capitalised as a list item; any BCP 47 code. */
export function ownName(locale: string): string {
  const known = OWN_NAMES[locale as Locale];
  if (known) return known;
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
  } catch {
    // Older engines without DisplayNames, or a code it does not know: the code still identifies it.
  }
  name ||= locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/**
 * The element's own language switcher: many residents do not read the page's language, so a
 * form lets them choose among the council's locales. Each option is written in its own language
 * (and marked with its `lang`, so a screen reader pronounces it right); `of`, when given, names
 * what it switches. Nothing is rendered when
 * the council speaks one language only.
 */
export function languagePicker(o: { locales: readonly Locale[]; current: Locale; label: string; of?: string | undefined; onChange: (locale: Locale) => void }): TemplateResult | typeof nothing {
  const locales = o.locales.includes(o.current) ? o.locales : [o.current, ...o.locales];
  if (locales.length < 2) return nothing;
  // `of` names what it switches (the form, the section) in the select's name only: a page with
  // three elements has three pickers, which a screen reader's list of controls tells apart.
  return html`
    <div part="language" class="language">
      <label id="language-label" for="language">${o.label}</label>${o.of ? html`<span id="language-of" hidden>${o.of}</span>` : nothing}
      <select id="language" autocomplete="off" aria-labelledby=${o.of ? 'language-label language-of' : 'language-label'} @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value as Locale)}>
        ${locales.map((l) => html`<option value=${l} lang=${l} ?selected=${l === o.current}>${ownName(l)}</option>`)}
      </select>
    </div>
  `;
}

export const languageStyles = css`
  .language {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0.5em;
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .language select {
    display: inline-block;
    inline-size: auto;
  }
`;
