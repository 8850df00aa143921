// One chart of a report in a card: its title, a "Save as PNG" button, the chart, and the same
// numbers as a table beside it (slotted), for reading exact values and for screen readers.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { downloadSvgAsPng, isExportableChart } from '../../../common/ui/svg-png';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';

@customElement('panel-analytics-figure')
export class PanelAnalyticsFigure extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
      }
      header {
        display: flex;
        align-items: start;
        justify-content: space-between;
        gap: var(--tl-space-2);
      }
      figcaption {
        font-weight: 600;
        font-size: var(--tl-text-m);
        margin-bottom: var(--tl-space-2);
      }
      button {
        min-height: 32px;
        font-size: var(--tl-text-s);
        padding: 0 var(--tl-space-2);
        border-width: 1px;
      }
      .body {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: var(--tl-space-3);
        align-items: start;
      }
      :host([wide]) .body {
        grid-template-columns: minmax(0, 1fr);
      }
      @media (max-width: 1100px) {
        .body {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      @media print {
        .card {
          border: none;
          padding: 0;
        }
        button {
          display: none;
        }
        .body {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true }) private _env?: PanelEnv;
  @property() heading = '';
  /** The PNG's file name without extension. */
  @property() fileName = 'talon-chart';
  /** Table under the chart instead of beside it (for wide charts such as heat maps). */
  @property({ type: Boolean, reflect: true }) wide = false;

  private async _savePng(): Promise<void> {
    const chart = this.querySelector('[slot="chart"]');
    const svg = chart && isExportableChart(chart) ? chart.svg : null;
    if (svg) await downloadSvgAsPng(svg, `${this.fileName}.png`);
  }

  override render() {
    return html`<figure class="card">
      <header>
        <figcaption>${this.heading}</figcaption>
        <button type="button" data-action="png" @click=${() => void this._savePng()}>${this._env?.t('analytics.actions.png') ?? ''}</button>
      </header>
      <div class="body">
        <div><slot name="chart"></slot></div>
        <div><slot></slot></div>
      </div>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-analytics-figure': PanelAnalyticsFigure;
  }
}
