// Shared accessibility checks every element suite runs (like Shoelace's shared form-control
// tests): a focus ring measured from pixels, focus that never drops to <body>, announcements
// counted once, errors that stay true, targets of at least 24 px, and the demo themes to run
// them on. Browser-only (web-test-runner); nothing here ships in the CDN bundle.
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

// ---- colour ------------------------------------------------------------------------------

export type Rgb = readonly [number, number, number];

/** WCAG relative luminance of an sRGB colour (0–255 channels). */
export function relativeLuminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours, 1–21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A computed CSS colour (any notation Chromium returns) as sRGB, alpha composited over `over`. */
export function parseColor(css: string, over: Rgb = [255, 255, 255]): Rgb {
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = `rgb(${over.join(' ')})`;
  ctx.fillRect(0, 0, 1, 1);
  ctx.fillStyle = css;
  ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data;
  return [d[0]!, d[1]!, d[2]!];
}

/** The page background behind `el`: the first ancestor (across shadow roots) with an opaque one. */
export function backgroundBehind(el: Element): Rgb {
  for (let node: Element | null = el; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && !/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return parseColor(bg);
  }
  return [255, 255, 255];
}

/** Contrast of `el`'s text colour against the page background behind it. */
export function textContrast(el: Element): number {
  const bg = backgroundBehind(el);
  return contrast(parseColor(getComputedStyle(el).color, bg), bg);
}

// ---- focus ring from pixels ------------------------------------------------------------

export interface RingMeasure {
  /**
   * The contrast reached by a 2 CSS px thick perimeter of the indicator: the highest c such
   * that at least 2 × perimeter device pixels change by c:1 or more between focused and not
   * (WCAG 2.2, 2.4.13; with 2.4.11/1.4.11's 3:1 against the adjacent, unfocused pixels).
   */
  contrast: number;
  /** Device pixels that changed at all. */
  changed: number;
  /** Device pixels a 2 px perimeter needs. */
  needed: number;
}

/**
 * A PNG of `rect` (CSS px of the document). Puppeteer (Chromium, Firefox) clips it; classic
 * WebDriver (WebKit) sends the whole viewport, cropped here at the device pixel ratio.
 */
async function shot(rect: { x: number; y: number; width: number; height: number }): Promise<ImageData> {
  const answer = await executeServerCommand<{ clip: string } | { viewport: string }, typeof rect>('civicloop-screenshot', rect);
  const base64 = 'clip' in answer ? answer.clip : answer.viewport;
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  let [sx, sy, sw, sh] = [0, 0, bitmap.width, bitmap.height];
  if ('viewport' in answer) {
    const vv = window.visualViewport!;
    const scale = window.devicePixelRatio;
    [sx, sy] = [Math.round((rect.x - vv.pageLeft) * scale), Math.round((rect.y - vv.pageTop) * scale)];
    [sw, sh] = [Math.round(rect.width * scale), Math.round(rect.height * scale)];
  }
  const canvas = new OffscreenCanvas(sw, sh);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(bitmap, sx, sy, sw, sh, 0, 0, sw, sh);
  return ctx.getImageData(0, 0, sw, sh);
}

const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

/**
 * Focuses `target` as a keyboard user would (so `:focus-visible` applies), screenshots the area
 * around it, blurs it, screenshots again, and measures the ring from the pixels that changed.
 */
export async function focusRingContrast(target: HTMLElement, margin = 10): Promise<RingMeasure> {
  // Keyboard modality first (a real key press, not a modifier), so that programmatic focus
  // shows :focus-visible as it does for a keyboard user; the focus then goes to `target`.
  ((target.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null)?.blur?.();
  await sendKeys({ press: 'Escape' });
  target.scrollIntoView({ block: 'center' });
  target.focus({ focusVisible: true } as FocusOptions);
  await frames();
  if (!target.matches(':focus-visible')) throw new Error(`${describe(target)} did not get :focus-visible; the ring cannot be measured`);
  const r = target.getBoundingClientRect();
  // Puppeteer's clip is in CSS px of the document (it intersects it with the visual viewport).
  const vv = window.visualViewport!;
  const rect = {
    x: Math.max(0, Math.floor(r.left + vv.pageLeft - margin)),
    y: Math.max(0, Math.floor(r.top + vv.pageTop - margin)),
    width: Math.ceil(r.width + 2 * margin),
    height: Math.ceil(r.height + 2 * margin),
  };
  // The first capture of a page can return a frame from before the last paint: take one to settle.
  await shot(rect);
  await frames();
  const on = await shot(rect);
  target.blur();
  await frames();
  const off = await shot(rect);
  const moved = target.getBoundingClientRect();
  if (Math.abs(moved.top - r.top) > 0.5 || Math.abs(moved.left - r.left) > 0.5) {
    throw new Error(`${describe(target)} moved while its ring was measured; wait for the layout to settle first`);
  }
  const contrasts: number[] = [];
  for (let i = 0; i < on.data.length; i += 4) {
    const a: Rgb = [on.data[i]!, on.data[i + 1]!, on.data[i + 2]!];
    const b: Rgb = [off.data[i]!, off.data[i + 1]!, off.data[i + 2]!];
    if (a[0] !== b[0] || a[1] !== b[1] || a[2] !== b[2]) contrasts.push(contrast(a, b));
  }
  contrasts.sort((x, y) => y - x);
  const scale = on.width / rect.width;
  const needed = Math.round(2 * 2 * (r.width + r.height) * scale * scale);
  return { contrast: contrasts[needed - 1] ?? 1, changed: contrasts.length, needed };
}

// ---- native controls from pixels ---------------------------------------------------------

export interface InkMeasure {
  /** The colour most pixels of the area have: what the engine painted as the control's ground. */
  ground: Rgb;
  /** The highest contrast any pixel of the area reaches against that ground: its text or mark. */
  ink: number;
  /** The highest contrast any pixel reaches against the page behind the control. */
  againstPage: number;
  /** Rows (CSS px from the area's top) of the first and last pixel at 3:1 or more from the ground. */
  inkRows: [number, number] | null;
  /** Height of the area in CSS px. */
  height: number;
}

/**
 * How readable a native control is as the engine paints it (select, radio, checkbox): a
 * screenshot of its box, inset by `inset` CSS px on every side and keeping `keep` of its width
 * from the start (a select's text, not its arrow), read for its ground colour and the contrast of
 * its ink. Reading CSS cannot tell this: the engine's theme paints these controls.
 */
export async function controlInk(control: HTMLElement, { inset = 0, keep = 1 } = {}): Promise<InkMeasure> {
  control.scrollIntoView({ block: 'center' });
  await frames();
  const r = control.getBoundingClientRect();
  const vv = window.visualViewport!;
  const rect = {
    x: Math.round(r.left + vv.pageLeft + inset),
    y: Math.round(r.top + vv.pageTop + inset),
    width: Math.max(1, Math.round((r.width - 2 * inset) * keep)),
    height: Math.max(1, Math.round(r.height - 2 * inset)),
  };
  await shot(rect);
  const img = await shot(rect);
  const counts = new Map<number, number>();
  for (let i = 0; i < img.data.length; i += 4) {
    const key = (img.data[i]! << 16) | (img.data[i + 1]! << 8) | img.data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const key = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const ground: Rgb = [(key >> 16) & 255, (key >> 8) & 255, key & 255];
  const page = backgroundBehind(control.parentElement ?? control);
  let ink = 1;
  let againstPage = 1;
  let inkRows: [number, number] | null = null;
  const scale = img.width / rect.width;
  for (let i = 0; i < img.data.length; i += 4) {
    const px: Rgb = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
    const c = contrast(px, ground);
    ink = Math.max(ink, c);
    againstPage = Math.max(againstPage, contrast(px, page));
    if (c >= 3) {
      const row = Math.floor(i / 4 / img.width) / scale;
      inkRows = inkRows ? [Math.min(inkRows[0], row), Math.max(inkRows[1], row)] : [row, row];
    }
  }
  return { ground, ink, againstPage, inkRows, height: img.height / scale };
}

// ---- engines without relative colours ------------------------------------------------------

/**
 * Makes `host`'s shadow styles take the path of an engine without relative colour syntax
 * (`oklch(from …)`; before Safari 18 and Firefox 128): every `@supports` rule about it is
 * evaluated as that engine would, the positive ones dropped and the `not` ones applied. Only
 * this element's shadow root changes (its own copies of the sheets). Returns the undo.
 */
export function withoutRelativeColor(host: HTMLElement): () => void {
  const root = host.shadowRoot!;
  const original = root.adoptedStyleSheets;
  if (!original.length) throw new Error('no adopted stylesheets to rewrite');
  let rewritten = 0;
  const rewrite = (rules: CSSRuleList): string =>
    [...rules]
      .map((rule) => {
        if (!(rule instanceof CSSSupportsRule) || !/\bfrom\b/.test(rule.conditionText)) return rule.cssText;
        rewritten++;
        if (!/^\s*not\s*\(/.test(rule.conditionText) || /\b(and|or)\b/.test(rule.conditionText)) {
          if (/^\s*\(/.test(rule.conditionText) && !/\b(and|or)\b/.test(rule.conditionText)) return '';
          throw new Error(`cannot evaluate @supports ${rule.conditionText}`);
        }
        return rewrite(rule.cssRules);
      })
      .join('\n');
  root.adoptedStyleSheets = original.map((sheet) => {
    const copy = new CSSStyleSheet();
    copy.replaceSync(rewrite(sheet.cssRules));
    return copy;
  });
  if (!rewritten) {
    root.adoptedStyleSheets = original;
    throw new Error('no @supports rule about relative colours: nothing to test');
  }
  return () => {
    root.adoptedStyleSheets = original;
  };
}

// ---- focus kept ----------------------------------------------------------------------------

export interface FocusedTarget {
  element: HTMLElement | null;
  /** The explicit role, or the tag name. */
  role: string;
  /** The accessible name, roughly: aria-labelledby, aria-label, label, or the text. */
  name: string;
}

/** Accessible name, as far as these checks need it. */
export function accessibleName(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const ids = el.getAttribute('aria-labelledby');
  if (ids) return squash(ids.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' '));
  const label = el.getAttribute('aria-label');
  if (label) return squash(label);
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
    return squash([...(el.labels ?? [])].map((l) => l.textContent ?? '').join(' '));
  }
  return squash(el.textContent ?? '');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Where focus is in `host`'s shadow root; `element` is null when it dropped out (to <body>). */
export function focusedIn(host: HTMLElement): FocusedTarget {
  const element = (host.shadowRoot?.activeElement as HTMLElement | null) ?? null;
  return { element, role: element ? (element.getAttribute('role') ?? element.localName) : '', name: element ? accessibleName(element) : '' };
}

/** True when focus dropped to the page: <body>, <html> or nothing. */
export function focusDropped(): boolean {
  const a = document.activeElement;
  return !a || a === document.body || a === document.documentElement;
}

// ---- announcements ---------------------------------------------------------------------

export interface AnnouncementLog {
  /** Each thing said: live region content inserted or changed, alerts shown, and (as "focus: name") focus moves into the element. */
  readonly said: string[];
  /** Only the live region and alert announcements. */
  readonly spoken: string[];
  stop(): void;
}

const LIVE = '[role="status"], [role="alert"], [aria-live]:not([aria-live="off"]), [role="log"]';

/**
 * Records what a screen reader would announce from `host`: text added to or changed in a live
 * region (each inserted node once, so the same words said twice are counted twice), an alert
 * inserted, and focus moving to a new element inside the host (what landing there says).
 */
export function watchAnnouncements(host: HTMLElement): AnnouncementLog {
  const root = host.shadowRoot!;
  const said: string[] = [];
  const spoken: string[] = [];
  const say = (text: string) => {
    const t = squash(text);
    if (!t) return;
    said.push(t);
    spoken.push(t);
  };
  const observer = new MutationObserver((records) => {
    const changedRegions = new Set<Element>();
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      const region = target?.closest(LIVE);
      if (record.type === 'childList') {
        for (const node of record.addedNodes) {
          if (region) {
            if (node.nodeType === Node.TEXT_NODE) changedRegions.add(region);
            else say(node.textContent ?? '');
          } else if (node instanceof Element) {
            const alerts = node.matches('[role="alert"]') ? [node] : [...node.querySelectorAll('[role="alert"]')];
            for (const a of alerts) say(a.textContent ?? '');
          }
        }
      } else if (record.type === 'characterData' && region) changedRegions.add(region);
    }
    for (const region of changedRegions) say(region.textContent ?? '');
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  const onFocus = () => {
    const el = root.activeElement;
    if (el) said.push(`focus: ${accessibleName(el)}`);
  };
  root.addEventListener('focusin', onFocus);
  return {
    said,
    spoken,
    stop() {
      observer.disconnect();
      root.removeEventListener('focusin', onFocus);
    },
  };
}

// ---- errors true -----------------------------------------------------------------------

/**
 * Problems with the errors shown in `host` (empty when they are true): every visible error
 * message describes at least one control; every control described by an error is
 * `aria-invalid="true"`, and every `aria-invalid="true"` control is described by an error; in a
 * radio group with an error, every radio is invalid and described by it.
 */
export function errorProblems(host: HTMLElement): string[] {
  const root = host.shadowRoot!;
  const problems: string[] = [];
  const messages = [...root.querySelectorAll<HTMLElement>('.error-message[id]')];
  const describes = (control: Element, id: string) => (control.getAttribute('aria-describedby') ?? '').split(/\s+/).includes(id);
  const controls = [...root.querySelectorAll<HTMLElement>('input:not([type="hidden"]), select, textarea')].filter((c) => c.tabIndex >= 0 || c.getAttribute('type') === 'radio');
  for (const m of messages) {
    const described = controls.filter((c) => describes(c, m.id));
    if (!described.length) problems.push(`#${m.id} describes no control`);
    for (const c of described) if (c.getAttribute('aria-invalid') !== 'true') problems.push(`${describe(c)} is described by #${m.id} but not aria-invalid`);
    const group = m.closest('fieldset');
    if (group) {
      for (const radio of group.querySelectorAll('input[type="radio"]')) {
        if (radio.getAttribute('aria-invalid') !== 'true' || !describes(radio, m.id)) problems.push(`${describe(radio)} in a group with an error is not invalid and described by it`);
      }
    }
  }
  for (const c of controls) {
    if (c.getAttribute('aria-invalid') !== 'true') continue;
    const ids = (c.getAttribute('aria-describedby') ?? '').split(/\s+/);
    if (!messages.some((m) => ids.includes(m.id))) problems.push(`${describe(c)} is aria-invalid without an error describing it`);
  }
  return problems;
}

const describe = (el: Element) => `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}${el.getAttribute('value') ? `[value=${el.getAttribute('value')}]` : ''}`;

// ---- targets ---------------------------------------------------------------------------------

/** Links and buttons (and radios, checkboxes) in `host` smaller than `min` CSS px either way. */
export function smallTargets(host: HTMLElement, min = 24): string[] {
  const small: string[] = [];
  for (const el of host.shadowRoot!.querySelectorAll<HTMLElement>('a[href], button, input[type="radio"], input[type="checkbox"], select')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue; // not rendered (hidden honeypot)
    if (el.closest('[aria-hidden="true"]')) continue;
    if (r.width < min - 0.01 || r.height < min - 0.01) small.push(`${describe(el)} "${squash(el.textContent ?? '')}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
  }
  return small;
}

// ---- demo themes -------------------------------------------------------------------------------

/** The demo pages' themes: light (riverside), tinted (nordby), dark (przykladowo). */
export const DEMO_THEMES = { light: 'riverside', tinted: 'nordby', dark: 'przykladowo' } as const;
export type DemoTheme = keyof typeof DEMO_THEMES;

/**
 * Puts a demo page's own stylesheet (demo/<site>/site.css: body font, colours, the element's
 * accent) on the test page. Returns a function that takes it off again.
 */
export async function useDemoTheme(theme: DemoTheme): Promise<() => void> {
  const cssText = await (await fetch(`/demo/${DEMO_THEMES[theme]}/site.css`)).text();
  return useStylesheet(cssText);
}

/** Adds a page stylesheet (a theme, a hostile CMS rule set); returns its remover. */
export function useStylesheet(cssText: string): () => void {
  const style = document.createElement('style');
  style.textContent = cssText;
  document.head.append(style);
  return () => style.remove();
}

/** A deliberately hostile CMS stylesheet: universal rules, unset buttons, important widths, big margins, hidden labels, tight line height. */
export const HOSTILE_CSS = `
  * { box-sizing: content-box; margin: 24px; line-height: 1; }
  button { all: unset; }
  input, textarea, select { width: 640px !important; padding: 12px !important; }
  label { display: none !important; }
  cocreate-feedback { margin: 48px; }
  body { width: 360px; padding: 0; margin: 0; }
`;

// ---- timers ------------------------------------------------------------------------------

/**
 * Holds back the page's timers of exactly `ms` milliseconds (a debounce), so a test can run them
 * when it chooses instead of sleeping past them. Others run as usual. `flush()` runs the held
 * ones that were not cleared; `restore()` puts the real timers back.
 */
export function holdTimers(ms: number): { flush(): void; held(): number; restore(): void } {
  const realSet = window.setTimeout;
  const realClear = window.clearTimeout;
  const held = new Map<number, () => void>();
  let next = 1e9;
  window.setTimeout = ((fn: TimerHandler, delay?: number, ...args: unknown[]) => {
    if (delay === ms && typeof fn === 'function') {
      const id = next++;
      held.set(id, () => (fn as (...a: unknown[]) => void)(...args));
      return id;
    }
    return realSet(fn, delay, ...args);
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined && held.delete(id)) return;
    realClear(id);
  }) as typeof window.clearTimeout;
  return {
    flush() {
      const runs = [...held.values()];
      held.clear();
      for (const run of runs) run();
    },
    held: () => held.size,
    restore() {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
    },
  };
}
