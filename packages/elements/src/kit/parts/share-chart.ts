import { css, html, nothing, svg, type TemplateResult } from 'lit';

/** One bar: a group of inputs (a month, a service, a channel) and how many of them were answered in public. */
export interface ShareRow {
  key: string;
  /** The group as a reader names it (a month, a service's name). */
  name: string;
  received: number;
  answered: number;
  /** `answered / received`, or null when nothing was received. */
  share: number | null;
}

/** What a chart of shares shows, and its words (the element's localized labels). */
export interface ShareChart {
  label: string;
  showTable: string;
  /** Column headers: the rows' name, received, answered, share answered. */
  headers: readonly [string, string, string, string];
  rows: readonly ShareRow[];
  number(n: number): string;
  percent(share: number): string;
}

/**
 * Bars of the share of inputs answered in public, one per row, with the same figures as a table
 * under "Show the figures as a table" (the SVG is one image named by `label`; the table is what a
 * screen reader or a keyboard user reads figure by figure). `label` is also shown above the bars,
 * so a sighted reader knows what they measure and over which months; a screen reader hears it
 * once, as the image's name. Under the bars, the first and the last row's names mark where the
 * axis starts and ends (hidden from screen readers, which have the label and the table). It has
 * no words of its own: the element passes its localized labels.
 */
export function shareChart(o: ShareChart & { part?: string }): TemplateResult {
  const [w, h, gap] = [24, 100, 6];
  return html`
    <figure class="chart">
      <figcaption class="chart-caption" aria-hidden="true">${o.label}</figcaption>
      <svg part=${o.part ?? 'chart'} role="img" aria-label=${o.label} viewBox="0 0 ${o.rows.length * w} ${h + 2}" preserveAspectRatio="none" focusable="false">
        ${o.rows.map((r, i) => {
          const bar = Math.round((r.share ?? 0) * h);
          return svg`<rect class="bar" x=${i * w + gap / 2} y=${h - bar} width=${w - gap} height=${bar}></rect>`;
        })}
        <line class="axis" x1="0" y1=${h + 1} x2=${o.rows.length * w} y2=${h + 1}></line>
      </svg>
      ${o.rows.length
        ? html`<p class="chart-ends" aria-hidden="true"><span>${o.rows[0]!.name}</span>${o.rows.length > 1 ? html`<span>${o.rows[o.rows.length - 1]!.name}</span>` : nothing}</p>`
        : nothing}
      ${shareTable(o)}
    </figure>
  `;
}

/** The same figures as a table, under "Show the figures as a table": what a screen reader or a keyboard user reads figure by figure. */
export function shareTable(o: ShareChart): TemplateResult {
  return html`
    <details class="table">
      <summary>${o.showTable}</summary>
      ${tableScroll(o.label, html`<table>
        <caption>${o.label}</caption>
        <thead>
          <tr>
            ${o.headers.map((c) => html`<th scope="col">${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${o.rows.map(
            (r) => html`<tr>
              <th scope="row">${r.name}</th>
              <td>${o.number(r.received)}</td>
              <td>${o.number(r.answered)}</td>
              <td>${r.share === null ? '–' : o.percent(r.share)}</td>
            </tr>`,
          )}
        </tbody>
      </table>`)}
    </details>
  `;
}

/**
 * A table wider than a phone scrolls in its own box, not the page (WCAG 1.4.10); the box is
 * focusable, so a keyboard scrolls it too, and named (`label`, the table's caption) for that focus.
 * Its style is in `shareChartStyles`.
 */
export function tableScroll(label: string, table: TemplateResult): TemplateResult {
  return html`<div class="table-scroll" tabindex="0" role="group" aria-label=${label}>${table}</div>`;
}

/** The chart's styles, for the elements that show one (not every page pays for them). */
export const shareChartStyles = css`
  .chart {
    margin: 0;
  }

  .chart-caption {
    color: var(--_muted);
    margin: 0 0 0.25rem;
  }

  .chart-ends {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    margin: 0.125rem 0 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .chart svg {
    display: block;
    inline-size: 100%;
    block-size: 6rem;
  }

  /* Bars are the accent colour (3:1 on the page like the buttons); the axis is the text colour. */
  .bar {
    fill: var(--_accent);
  }

  .axis {
    stroke: currentColor;
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }

  summary {
    cursor: pointer;
    min-block-size: 24px;
    margin-block: 0.5rem;
  }

  /* A narrow screen scrolls the table, not the page (WCAG 1.4.10); the box is focusable, so a keyboard scrolls it too. */
  .table-scroll {
    overflow-x: auto;
    /* For the caption's 100cqi below: the box's width, not the table's. */
    container-type: inline-size;
  }

  table {
    border-collapse: collapse;
    inline-size: 100%;
  }

  /* A sentence, not data: it wraps in the box's width and stays in view while the table scrolls sideways (WCAG 1.4.10). */
  caption {
    text-align: start;
    color: var(--_muted);
    margin-block-end: 0.25rem;
    max-inline-size: 100cqi;
    position: sticky;
    inset-inline-start: 0;
  }

  th,
  td {
    text-align: start;
    padding: 0.25rem 0.5rem;
    border-block-end: 1px solid var(--_border);
  }

  td {
    font-variant-numeric: tabular-nums;
  }
`;
