import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tells native controls (select lists, radios, checkboxes, scrollbars) whether the host page
 * is light or dark, which CSS alone cannot learn from a page that sets no `color-scheme`:
 * light inherited text means a dark page. Sets `data-scheme="light|dark"` on the element's
 * `[part~="base"]` wrapper after each update (the theme maps it to `color-scheme`). A page
 * that sets `color-scheme` itself on the element or an ancestor is followed as it is.
 */
export class ColorSchemeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdated(): void {
    const base = this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');
    if (!base) return;
    const declared = getComputedStyle(this.#host).colorScheme;
    if (declared && declared !== 'normal') {
      base.removeAttribute('data-scheme');
      return;
    }
    const scheme = luminance(getComputedStyle(base).color) > 0.4 ? 'dark' : 'light';
    if (base.dataset['scheme'] !== scheme) base.dataset['scheme'] = scheme;
  }
}

/** Relative luminance (WCAG) of a computed CSS colour; 0 when it cannot be read. */
export function luminance(color: string): number {
  const rgb = toRgb(color);
  if (!rgb) return 0;
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function toRgb(color: string): [number, number, number] | undefined {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(color);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  // Other notations (oklch(), color(srgb …)): let a canvas convert them.
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!ctx) return undefined;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return [r ?? 0, g ?? 0, b ?? 0];
}
