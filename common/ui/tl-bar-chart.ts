// Bars (grouped or stacked) and lines over categories, in SVG, upright or on their side. Generic:
// categories and series come from the caller. A line may use a second scale on the right (e.g.
// booths open beside visitor counts); a shaded band marks a target range (e.g. healthy 75–85 %).
import { LitElement, css, svg, type SVGTemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CHART_FONT, SERIES_COLOURS, niceTicks } from './chart-scale';
import type { ExportableChart } from './svg-png';

export interface ChartSeries {
  name: string;
  values: readonly (number | null)[];
  kind?: 'bar' | 'line';
  /** Lines only, upright charts only: drawn against the right-hand scale. */
  secondary?: boolean;
  colour?: string;
}

export interface ChartBand {
  from: number;
  to: number;
  label: string;
}

type Format = (value: number) => string;

const WIDTH = 760;
const UPRIGHT_PLOT_H = 240;
const ROW_H = 28;
const LEGEND_H = 28;
const AXIS_LABEL_H = 34;
const CATEGORY_LABEL_W = 150;
const MIN_LABEL_GAP = 34;
/** About what fits CATEGORY_LABEL_W at the chart's 12 px type, Cyrillic included. */
const MAX_LABEL_CHARS = 20;

/** A long category name (a visit reason, a service) is cut with an ellipsis rather than off the edge; the full name stays in its tooltip. */
function fitLabel(name: string): string {
  return name.length > MAX_LABEL_CHARS ? `${name.slice(0, MAX_LABEL_CHARS - 1).trimEnd()}…` : name;
}

@customElement('tl-bar-chart')
export class TlBarChart extends LitElement implements ExportableChart {
  static override styles = css`
    :host {
      display: block;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
      /* Not blown up beyond 1.3× in a wide card: labels stay at reading size. */
      max-width: 1000px;
    }
  `;

  @property({ attribute: false }) categories: readonly string[] = [];
  @property({ attribute: false }) series: readonly ChartSeries[] = [];
  @property({ type: Boolean }) horizontal = false;
  @property({ type: Boolean }) stacked = false;
  @property({ attribute: false }) band: ChartBand | null = null;
  /** The value scale reaches at least this (e.g. 1 for shares, so 100 % is always in view). */
  @property({ type: Number }) minMax = 0;
  @property() label = '';
  @property({ attribute: false }) format: Format = (v) => String(Math.round(v * 10) / 10);
  @property({ attribute: false }) secondaryFormat: Format = (v) => String(Math.round(v * 10) / 10);

  get svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  private _colour(s: ChartSeries, i: number): string {
    return s.colour ?? SERIES_COLOURS[i % SERIES_COLOURS.length]!;
  }

  private _bars(): ChartSeries[] {
    return this.series.filter((s) => (s.kind ?? 'bar') === 'bar');
  }

  private _maxOf(series: readonly ChartSeries[], stacked: boolean): number {
    if (stacked) return Math.max(0, ...this.categories.map((_, c) => series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0)));
    return Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  }

  override render() {
    const lines = this.series.filter((s) => s.kind === 'line');
    const main = [...this._bars(), ...lines.filter((s) => !s.secondary || this.horizontal)];
    const secondary = this.horizontal ? [] : lines.filter((s) => s.secondary);
    const mainTicks = niceTicks(Math.max(this.minMax, this.band?.to ?? 0, this._maxOf(this._bars(), this.stacked), this._maxOf(main.filter((s) => s.kind === 'line'), false)));
    const secondaryTicks = secondary.length > 0 ? niceTicks(this._maxOf(secondary, false)) : [];
    return this.horizontal ? this._renderSideways(mainTicks) : this._renderUpright(mainTicks, secondaryTicks, secondary);
  }

  private _legend(width: number): SVGTemplateResult {
    let x = 0;
    return svg`<g transform="translate(8, 8)">${this.series.map((s, i) => {
      const at = x;
      x += 30 + s.name.length * 7;
      const colour = this._colour(s, i);
      return svg`<g transform="translate(${at}, 0)">
        ${s.kind === 'line'
          ? svg`<line x1="0" x2="16" y1="7" y2="7" stroke=${colour} stroke-width="3"></line>`
          : svg`<rect width="14" height="14" rx="2" fill=${colour}></rect>`}
        <text x="20" y="12" fill="#111827">${s.name}</text></g>`;
    })}${this.band ? svg`<g transform="translate(${Math.min(x, width - 160)}, 0)"><rect width="14" height="14" fill="#15803d" fill-opacity="0.15" stroke="#15803d" stroke-dasharray="3 2"></rect><text x="20" y="12" fill="#111827">${this.band.label}</text></g>` : ''}</g>`;
  }

  private _renderUpright(ticks: number[], secondaryTicks: number[], secondary: ChartSeries[]) {
    const left = 52;
    const right = secondary.length > 0 ? 52 : 16;
    const top = LEGEND_H + 8;
    const plotW = WIDTH - left - right;
    const height = top + UPRIGHT_PLOT_H + AXIS_LABEL_H;
    const n = Math.max(1, this.categories.length);
    const slot = plotW / n;
    const top1 = ticks[ticks.length - 1]!;
    const y = (v: number) => top + UPRIGHT_PLOT_H - (v / top1) * UPRIGHT_PLOT_H;
    const top2 = secondaryTicks[secondaryTicks.length - 1] ?? 1;
    const y2 = (v: number) => top + UPRIGHT_PLOT_H - (v / top2) * UPRIGHT_PLOT_H;
    const bars = this._bars();
    const groupW = slot * 0.8;
    const barW = this.stacked ? groupW : groupW / Math.max(1, bars.length);
    const labelEvery = Math.max(1, Math.ceil(MIN_LABEL_GAP / slot));
    return svg`<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label=${this.label} font-family=${CHART_FONT} font-size="12">
      <rect width=${WIDTH} height=${height} fill="#ffffff"></rect>
      ${this._legend(WIDTH)}
      ${this.band
        ? svg`<rect class="band" x=${left} width=${plotW} y=${y(this.band.to)} height=${y(this.band.from) - y(this.band.to)} fill="#15803d" fill-opacity="0.12" stroke="#15803d" stroke-dasharray="4 3"></rect>`
        : ''}
      ${ticks.map(
        (t) => svg`<line x1=${left} x2=${left + plotW} y1=${y(t)} y2=${y(t)} stroke="#e5e7eb"></line>
          <text x=${left - 6} y=${y(t) + 4} text-anchor="end" fill="#4b5563">${this.format(t)}</text>`,
      )}
      ${secondaryTicks.map((t) => svg`<text x=${left + plotW + 6} y=${y2(t) + 4} fill=${this._colour(secondary[0]!, this.series.indexOf(secondary[0]!))}>${this.secondaryFormat(t)}</text>`)}
      ${this.categories.map((c, i) => {
        let stackBase = 0;
        const x0 = left + i * slot + (slot - groupW) / 2;
        return svg`<g class="category" data-category=${c}>
          ${bars.map((s, k) => {
            const v = s.values[i] ?? 0;
            const colour = this._colour(s, this.series.indexOf(s));
            const bx = this.stacked ? x0 : x0 + k * barW;
            const base = this.stacked ? stackBase : 0;
            stackBase += v;
            return svg`<rect x=${bx} width=${Math.max(1, barW - 1)} y=${y(base + v)} height=${Math.max(0, y(base) - y(base + v))} fill=${colour}><title>${c} · ${s.name}: ${this.format(v)}</title></rect>`;
          })}
          ${i % labelEvery === 0 ? svg`<text x=${left + i * slot + slot / 2} y=${top + UPRIGHT_PLOT_H + 16} text-anchor="middle" fill="#4b5563">${c}</text>` : ''}
        </g>`;
      })}
      ${this.series.filter((s) => s.kind === 'line').map((s) => {
        const scale = s.secondary ? y2 : y;
        const colour = this._colour(s, this.series.indexOf(s));
        const points = s.values.flatMap((v, i) => (v === null ? [] : [[left + i * slot + slot / 2, scale(v), v, i] as const]));
        return svg`<polyline fill="none" stroke=${colour} stroke-width="2.5" stroke-linejoin="round" points=${points.map(([px, py]) => `${px},${py}`).join(' ')}></polyline>
          ${points.map(([px, py, v, i]) => svg`<circle cx=${px} cy=${py} r="3" fill=${colour}><title>${this.categories[i] ?? ''} · ${s.name}: ${(s.secondary ? this.secondaryFormat : this.format)(v)}</title></circle>`)}`;
      })}
      <line x1=${left} x2=${left + plotW} y1=${y(0)} y2=${y(0)} stroke="#6b7280"></line>
    </svg>`;
  }

  private _renderSideways(ticks: number[]) {
    const left = CATEGORY_LABEL_W;
    const right = 56;
    const top = LEGEND_H + 8;
    const plotW = WIDTH - left - right;
    const n = Math.max(1, this.categories.length);
    const plotH = n * ROW_H;
    const height = top + plotH + AXIS_LABEL_H - 10;
    const top1 = ticks[ticks.length - 1]!;
    const x = (v: number) => left + (v / top1) * plotW;
    const bars = this._bars();
    const groupH = ROW_H * 0.74;
    const barH = this.stacked ? groupH : groupH / Math.max(1, bars.length);
    return svg`<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label=${this.label} font-family=${CHART_FONT} font-size="12">
      <rect width=${WIDTH} height=${height} fill="#ffffff"></rect>
      ${this._legend(WIDTH)}
      ${this.band
        ? svg`<rect class="band" x=${x(this.band.from)} width=${x(this.band.to) - x(this.band.from)} y=${top} height=${plotH} fill="#15803d" fill-opacity="0.12" stroke="#15803d" stroke-dasharray="4 3"></rect>`
        : ''}
      ${ticks.map(
        (t) => svg`<line y1=${top} y2=${top + plotH} x1=${x(t)} x2=${x(t)} stroke="#e5e7eb"></line>
          <text y=${top + plotH + 16} x=${x(t)} text-anchor="middle" fill="#4b5563">${this.format(t)}</text>`,
      )}
      ${this.categories.map((c, i) => {
        let stackBase = 0;
        const y0 = top + i * ROW_H + (ROW_H - groupH) / 2;
        const total = bars.reduce((sum, s) => sum + (s.values[i] ?? 0), 0);
        return svg`<g class="category" data-category=${c}>
          <text x=${left - 8} y=${top + i * ROW_H + ROW_H / 2 + 4} text-anchor="end" fill="#111827">${fitLabel(c)}<title>${c}</title></text>
          ${bars.map((s, k) => {
            const v = s.values[i] ?? 0;
            const by = this.stacked ? y0 : y0 + k * barH;
            const base = this.stacked ? stackBase : 0;
            stackBase += v;
            return svg`<rect y=${by} height=${Math.max(1, barH - 1)} x=${x(base)} width=${Math.max(0, x(base + v) - x(base))} fill=${this._colour(s, this.series.indexOf(s))}><title>${c} · ${s.name}: ${this.format(v)}</title></rect>
              ${!this.stacked && s.values[i] !== null ? svg`<text x=${x(base + v) + 4} y=${by + barH / 2 + 4} font-size="11" fill="#111827">${this.format(v)}</text>` : ''}`;
          })}
          ${this.stacked && total > 0 ? svg`<text x=${x(total) + 4} y=${y0 + groupH / 2 + 4} font-size="11" fill="#111827">${this.format(total)}</text>` : ''}
        </g>`;
      })}
      <line x1=${left} x2=${left} y1=${top} y2=${top + plotH} stroke="#6b7280"></line>
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tl-bar-chart': TlBarChart;
  }
}
