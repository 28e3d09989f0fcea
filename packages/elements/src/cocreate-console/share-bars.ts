import { html, svg, type TemplateResult } from 'lit';
import { shareTable, type ShareChart } from '../kit/parts/share-chart.js';

/**
 * The share answered in public per group that has a name of its own (a service, a channel): one
 * row per group, its name, a bar and the share written out, so a sighted reader knows which bar
 * is which without opening the table. As in `shareChart`, the rows are one image named by
 * `label` (a screen reader hears it once) and the table under it gives each figure.
 */
export function shareBars(o: ShareChart): TemplateResult {
  return html`
    <figure class="chart">
      <figcaption class="chart-caption" aria-hidden="true">${o.label}</figcaption>
      <div class="share-bars" role="img" aria-label=${o.label}>
        ${o.rows.map(
          (r) => html`<div class="share-bar">
            <span>${r.name}</span>
            <svg viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false" aria-hidden="true">
              ${svg`<rect class="track" width="100" height="1"></rect><rect class="bar" width=${Math.round((r.share ?? 0) * 100)} height="1"></rect>`}
            </svg>
            <span class="share">${r.share === null ? '–' : o.percent(r.share)}</span>
          </div>`,
        )}
      </div>
      ${shareTable(o)}
    </figure>
  `;
}
