// The region's arrivals by weekday and hour, for every office or a chosen few (ticked in the list
// beside it): each cell adds up what the chosen offices receive in that hour on a typical day they
// are open then. Hours are each office's own local time.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../../../common/ui/tl-heat-map';
import type { HeatMapCell } from '../../../common/ui/tl-heat-map';
import { regionOfficeName } from '../../../common/protocol/region';
import { analyticsFormat } from '../analytics/panel-analytics-format';
import { emptyState, reportState } from '../analytics/panel-analytics-parts';
import { analyticsStyles } from '../analytics/panel-analytics-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import '../analytics/panel-analytics-figure';
import { regionPath, type RegionQuestion } from './region-api';
import { RegionLoader } from './region-loader';

@customElement('panel-region-heat-map')
export class PanelRegionHeatMap extends LitElement {
  static override styles = [
    analyticsStyles,
    css`
      fieldset {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tl-space-1) var(--tl-space-3);
        border: 1px solid var(--tl-border);
        border-radius: 8px;
        padding: var(--tl-space-2) var(--tl-space-3);
        margin: 0;
      }
      fieldset label {
        display: inline-flex;
        align-items: center;
        gap: var(--tl-space-1);
        min-height: 32px;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  /** `offices`: the chosen ones; empty means every office. */
  @property({ attribute: false }) question!: RegionQuestion;
  /** Every box was unticked: the map keeps the last choice and says why. */
  @state() private _noneChosen = false;
  private readonly _heatmap = new RegionLoader(this, 'heatmap');

  /** Every office, to choose from: the last answer lists them. */
  private get _offices() {
    return this._heatmap.answer?.offices ?? [];
  }

  protected override willUpdate(): void {
    this._heatmap.load(this.question);
  }

  private _toggle(officeId: string, on: boolean): void {
    const chosen = new Set(this.question.offices.length > 0 ? this.question.offices : this._offices.map((o) => o.officeId));
    if (on) chosen.add(officeId);
    else chosen.delete(officeId);
    this._noneChosen = chosen.size === 0;
    if (this._noneChosen) return;
    // Every office ticked is the whole region: asked for as such, so a new office joins it.
    if (chosen.size === this._offices.length) return this._chooseAll();
    const offices = this._offices.map((o) => o.officeId).filter((id) => chosen.has(id));
    this.dispatchEvent(new CustomEvent<readonly string[]>('offices-change', { detail: offices, bubbles: true, composed: true }));
  }

  private _chooseAll(): void {
    this._noneChosen = false;
    this.dispatchEvent(new CustomEvent<readonly string[]>('offices-change', { detail: [], bubbles: true, composed: true }));
  }

  private _selection() {
    const { t, lang } = this._env;
    const chosen = (id: string) => this.question.offices.length === 0 || this.question.offices.includes(id);
    return html`<fieldset data-testid="region-selection">
      <legend>${t('region.selection.legend')}</legend>
      <label
        ><input
          type="checkbox"
          data-office="*"
          .checked=${this.question.offices.length === 0}
          @change=${(e: Event) => (e.target as HTMLInputElement).checked && this._chooseAll()}
        />${t('region.selection.all')}</label
      >
      ${this._offices.map(
        (office) => html`<label
          ><input type="checkbox" data-office=${office.officeId} .checked=${chosen(office.officeId)} @change=${(e: Event) => this._toggle(office.officeId, (e.target as HTMLInputElement).checked)} />${regionOfficeName(
            office,
            lang,
          )}</label
        >`,
      )}
      ${this._noneChosen ? html`<p class="state" role="status">${t('region.selection.none')}</p>` : ''}
    </fieldset>`;
  }

  override render() {
    const { t, lang } = this._env;
    const f = analyticsFormat(lang);
    const actions = html`<div class="actions no-print">
      <a class="button" data-csv="region-heatmap" href=${regionPath('heatmap', this.question, 'csv')} download>${t('region.csv.heatmap')}</a>
      <button type="button" data-action="print" @click=${() => window.print()}>${t('analytics.actions.print')}</button>
    </div>`;
    const answer = this._heatmap.answer;
    const waiting = reportState(t, this._heatmap);
    if (waiting || !answer) return [actions, this._selection(), waiting];
    const cells = answer.heatmap;
    // Only the hours and weekdays anyone came in: a 7 × 24 grid of mostly empty cells hides the peaks.
    const busy = cells.filter((c) => c.arrivals > 0);
    if (busy.length === 0) return [actions, this._selection(), emptyState(t)];
    const first = Math.min(...busy.map((c) => c.hour));
    const last = Math.max(...busy.map((c) => c.hour));
    const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((d) => busy.some((c) => c.weekday === d));
    const shown: HeatMapCell[] = cells
      .filter((c) => hours.includes(c.hour) && weekdays.includes(c.weekday))
      .map((c) => ({
        row: String(c.weekday),
        column: String(c.hour),
        value: c.meanArrivals,
        title: t('region.heatCellTitle', { weekday: f.weekday(c.weekday, 'long'), hour: f.hour(c.hour), mean: f.decimal(c.meanArrivals), total: f.count(c.arrivals) }),
      }));
    return html`
      <div class="controls">${actions}</div>
      ${this._selection()}
      <panel-analytics-figure wide .heading=${t('region.views.heatmap')} fileName="talon-region-heatmap">
        <tl-heat-map
          slot="chart"
          data-testid="region-heatmap"
          .label=${t('region.views.heatmap')}
          .rows=${weekdays.map((d) => ({ key: String(d), label: f.weekday(d) }))}
          .columns=${hours.map((h) => ({ key: String(h), label: f.hour(h) }))}
          .cells=${shown}
          .legendLabel=${t('region.heatLegend')}
          .format=${f.decimal}
        ></tl-heat-map>
        <p class="muted">${t('region.heatCaption')}</p>
      </panel-analytics-figure>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-region-heat-map': PanelRegionHeatMap;
  }
}
