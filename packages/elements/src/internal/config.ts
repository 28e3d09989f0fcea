import type { Locale } from './locales.js';
import { SOURCE_LOCALE, toLocale } from './locales.js';

/** Tag of the once-per-page configuration element. */
export const CONFIG_TAG = 'civicloop-config';

/**
 * Fired on `document` when a `<civicloop-config>` appears or changes, so elements that
 * rendered before it re-read their configuration. Internal: not part of the public API.
 */
export const CONFIG_CHANGE_EVENT = 'civicloop-config-change';

/** What an element needs to talk to its council's API, after attributes and page config merge. */
export interface ResolvedConfig {
  /** Base URL of the council's Civic Loop API, e.g. `https://api.council.example`. */
  api: string | undefined;
  /** Council slug, e.g. `testborough`. */
  council: string | undefined;
  /** Service id the element is about, if any. */
  service: string | undefined;
  /** Locale the element renders in (see `localeFallback`). */
  locale: Locale;
  /**
   * True when no `lang` names a language the elements speak, so `locale` is English by default:
   * the element then speaks its council's default language, once known, if English is not one of
   * the council's.
   */
  localeFallback: boolean;
  /** Whether a `lang` was given at all (with `localeFallback`: one the elements do not speak, such as `nb`). */
  langNamed: boolean;
}

/** An element's own values: its properties, or the attributes of one not upgraded yet (null when absent). */
export interface ElementConfigSource {
  api?: string | null | undefined;
  council?: string | null | undefined;
  service?: string | null | undefined;
}

const nonEmpty = (v: string | null | undefined) => (v && v.trim() ? v.trim() : undefined);

/**
 * With no `api` anywhere, the API is the origin that served this script: a council that hosts
 * the CDN files on its Civic Loop server needs only the script tag and the element.
 */
export function scriptOrigin(url: string = import.meta.url): string | undefined {
  try {
    const { protocol, origin } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Element attributes override the page config; `api` falls back to the script's origin. The locale is the element's own `lang`, else
 * the page config's `lang`, else the nearest ancestor's `lang` (crossing shadow roots), else
 * `<html lang>`; region variants map to their language (`pt-BR` -> `pt`) and anything
 * unsupported falls back to English (or to the council's default language: `localeFallback`).
 */
export function resolveConfig(host: HTMLElement, own: ElementConfigSource): ResolvedConfig {
  // The page's <civicloop-config>, read from the DOM rather than from a module variable so that
  // every Civic Loop version on the page sees the same one, even before it is defined.
  const page = host.ownerDocument.querySelector(CONFIG_TAG);
  return {
    api: nonEmpty(own.api) ?? nonEmpty(page?.getAttribute('api')) ?? scriptOrigin(),
    council: nonEmpty(own.council) ?? nonEmpty(page?.getAttribute('council')),
    service: nonEmpty(own.service) ?? nonEmpty(page?.getAttribute('service')),
    ...resolveLocale(host, page),
  };
}

// The first `lang` given decides, even one the elements do not speak (then English).
function resolveLocale(host: HTMLElement, page: Element | null): Pick<ResolvedConfig, 'locale' | 'localeFallback' | 'langNamed'> {
  const named = nonEmpty(host.getAttribute('lang')) ?? nonEmpty(page?.getAttribute('lang')) ?? inheritedLang(host);
  const locale = toLocale(named);
  return { locale: locale ?? SOURCE_LOCALE, localeFallback: !locale, langNamed: !!named };
}

/** `closest('[lang]')` that also climbs out of shadow roots, for elements nested in others. */
function inheritedLang(node: Element): string | undefined {
  let current: Element | null = node;
  while (current) {
    const found: Element | null = current.closest('[lang]');
    const value = nonEmpty(found?.getAttribute('lang'));
    if (value) return value;
    const root = (found ?? current).getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return nonEmpty(node.ownerDocument.documentElement.getAttribute('lang'));
}
