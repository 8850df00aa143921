// A heat map in SVG: rows × columns of coloured cells with their values written in, and a colour
// legend underneath. Generic: the caller names the rows and columns and formats the values.
// Sequential scale for counts (0 … max), diverging for signed gaps (−max … +max around zero).
import { LitElement, css, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CHART_FONT, DIVERGING_STOPS, SEQUENTIAL_STOPS, divergingColour, sequentialColour, textColourOn } from './chart-scale';
import type { ExportableChart } from './svg-png';

export interface HeatMapAxisItem {
  key: string;
  label: string;
}

export interface HeatMapCell {
  row: string;
  column: string;
  value: number | null;
  /** Written in the cell instead of the formatted value. */
  label?: string;
  /** Tooltip. */
  title?: string;
}

const CELL_W = 44;
const CELL_H = 30;
const ROW_LABEL_W = 56;
const HEAD_H = 22;
/** The legend's colour bar and its end values; the caption's lines come below. */
const LEGEND_BAR_H = 44;
const CAPTION_LINE_H = 15;
/** A generous width of one character at font size 12, so a caption line never runs past the edge. */
const CAPTION_CHAR_W = 7;
/** Drawn at most this much larger than its natural size: a stretched grid gets shouting-size labels. */
const MAX_ZOOM = 1.3;
const EMPTY_FILL = '#f3f4f6';

/** Words into lines of at most `width` characters (a longer word gets a line of its own). */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

@customElement('tl-heat-map')
export class TlHeatMap extends LitElement implements ExportableChart {
  static override styles = css`
    :host {
      display: block;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
    }
  `;

  @property({ attribute: false }) rows: readonly HeatMapAxisItem[] = [];
  @property({ attribute: false }) columns: readonly HeatMapAxisItem[] = [];
  @property({ attribute: false }) cells: readonly HeatMapCell[] = [];
  @property() scale: 'sequential' | 'diverging' = 'sequential';
  /** Words under the legend, e.g. "visitors per day". */
  @property() legendLabel = '';
  /** Accessible name of the chart. */
  @property() label = '';
  @property({ attribute: false }) format: (value: number) => string = (v) => String(Math.round(v * 10) / 10);

  get svg(): SVGSVGElement | null {
    return this.renderRoot.querySelector('svg');
  }

  private _extent(): number {
    const values = this.cells.map((c) => Math.abs(c.value ?? 0));
    return Math.max(0, ...values);
  }

  private _fill(value: number | null, extent: number): string {
    if (value === null || extent === 0 || (this.scale === 'sequential' && value === 0)) return EMPTY_FILL;
    return this.scale === 'diverging' ? divergingColour(value / extent) : sequentialColour(value / extent);
  }

  override render() {
    const extent = this._extent();
    const width = ROW_LABEL_W + this.columns.length * CELL_W;
    const gridBottom = HEAD_H + this.rows.length * CELL_H;
    // SVG text does not wrap: a caption wider than a narrow grid is broken into lines between words,
    // or its ends would be cut off at the picture's edges.
    const caption = wrapWords(this.legendLabel, Math.floor((width - 8) / CAPTION_CHAR_W));
    const height = gridBottom + 10 + LEGEND_BAR_H + caption.length * CAPTION_LINE_H;
    const byKey = new Map(this.cells.map((c) => [`${c.row}|${c.column}`, c]));
    const stops = this.scale === 'diverging' ? DIVERGING_STOPS : SEQUENTIAL_STOPS;
    const legendW = Math.min(260, width - ROW_LABEL_W);
    const legendLow = this.scale === 'diverging' ? -extent : 0;
    return svg`<svg viewBox="0 0 ${width} ${height}" style="max-width: ${Math.round(width * MAX_ZOOM)}px" role="img" aria-label=${this.label} font-family=${CHART_FONT} font-size="12">
      <rect width=${width} height=${height} fill="#ffffff"></rect>
      ${this.columns.map(
        (c, i) => svg`<text x=${ROW_LABEL_W + i * CELL_W + CELL_W / 2} y=${HEAD_H - 7} text-anchor="middle" fill="#4b5563">${c.label}</text>`,
      )}
      ${this.rows.map(
        (r, j) => svg`<text x=${ROW_LABEL_W - 8} y=${HEAD_H + j * CELL_H + CELL_H / 2 + 4} text-anchor="end" fill="#111827" font-weight="600">${r.label}</text>
          ${this.columns.map((c, i) => {
            const cell = byKey.get(`${r.key}|${c.key}`);
            const value = cell?.value ?? null;
            const fill = this._fill(value, extent);
            const text = cell?.label ?? (value === null || value === 0 ? '' : this.format(value));
            const x = ROW_LABEL_W + i * CELL_W;
            const y = HEAD_H + j * CELL_H;
            return svg`<g class="cell" data-row=${r.key} data-column=${c.key} data-value=${value ?? ''}>
              <title>${cell?.title ?? `${r.label} ${c.label}: ${value === null ? '—' : this.format(value)}`}</title>
              <rect x=${x + 1} y=${y + 1} width=${CELL_W - 2} height=${CELL_H - 2} rx="3" fill=${fill}></rect>
              <text x=${x + CELL_W / 2} y=${y + CELL_H / 2 + 4} text-anchor="middle" font-size="11" fill=${textColourOn(fill)}>${text}</text>
            </g>`;
          })}`,
      )}
      <defs>
        <linearGradient id="tl-heat-legend" x1="0" x2="1" y1="0" y2="0">
          ${stops.map((colour, i) => svg`<stop offset=${i / (stops.length - 1)} stop-color=${colour}></stop>`)}
        </linearGradient>
      </defs>
      <g transform="translate(${ROW_LABEL_W}, ${gridBottom + 10})">
        <rect width=${legendW} height="10" rx="2" fill="url(#tl-heat-legend)" stroke="#d1d5db"></rect>
        <text x="0" y="24" fill="#4b5563">${this.format(legendLow)}</text>
        <text x=${legendW} y="24" text-anchor="end" fill="#4b5563">${this.format(extent)}</text>
        ${caption.map((line, i) => svg`<text x=${4 - ROW_LABEL_W} y=${40 + i * CAPTION_LINE_H} fill="#4b5563" data-role="legend-caption">${line}</text>`)}
      </g>
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tl-heat-map': TlHeatMap;
  }
}
