// Offices side by side: each measure of the period and its change against the aligned previous
// period, one row per office and the whole region underneath. Every column header sorts (a second
// press turns the order round); an office's name opens that office's own analytics. The CSV file
// comes in the order on the screen.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  REGION_MEASURES,
  regionOfficeName,
  sortRegionRows,
  type RegionFigures,
  type RegionMeasure,
  type RegionOfficeRow,
  type RegionSortKey,
} from '../../../common/protocol/region';
import { analyticsFormat } from '../analytics/panel-analytics-format';
import { emptyState, reportState } from '../analytics/panel-analytics-parts';
import { analyticsStyles } from '../analytics/panel-analytics-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { regionPath, type RegionQuestion } from './region-api';
import { officeAnalyticsOpen } from './region-events';
import { RegionLoader } from './region-loader';
import { changeText, changeTone, measureText } from './region-measures';

@customElement('panel-region-offices')
export class PanelRegionOffices extends LitElement {
  static override styles = [
    analyticsStyles,
    css`
      .table-wrap {
        max-height: 70vh;
      }
      th button {
        all: unset;
        cursor: pointer;
        font-weight: 600;
      }
      th button:focus-visible {
        outline: 2px solid var(--tl-primary);
      }
      td.change,
      th.change {
        color: var(--tl-text-muted);
        border-right: 1px solid var(--tl-border);
      }
      td button.office {
        min-height: 32px;
        padding: 0 var(--tl-space-2);
        font-size: var(--tl-text-s);
        border-width: 1px;
        text-align: left;
      }
      tfoot td {
        font-weight: 700;
        border-top: 2px solid var(--tl-border);
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  @property({ attribute: false }) question!: RegionQuestion;
  @state() private _sort: RegionSortKey = 'name';
  @state() private _direction: 'asc' | 'desc' = 'asc';
  private readonly _report = new RegionLoader(this, 'report');

  protected override willUpdate(): void {
    // The order is the screen's own; the server is asked again only for a new period or comparison.
    this._report.load({ ...this.question, offices: [] });
  }

  private _sortBy(key: RegionSortKey): void {
    if (this._sort === key) this._direction = this._direction === 'asc' ? 'desc' : 'asc';
    else {
      this._sort = key;
      // Names read A→Z; figures are looked at biggest first.
      this._direction = key === 'name' ? 'asc' : 'desc';
    }
  }

  /** `label` names the column for screen readers and the sort button; `shown` is what the header shows (a change column just says so). */
  private _header(key: RegionSortKey, label: string, className: string, shown = label) {
    const sorted = this._sort === key ? (this._direction === 'asc' ? 'ascending' : 'descending') : 'none';
    const { t } = this._env;
    return html`<th scope="col" class=${className} aria-sort=${sorted}>
      <button type="button" data-sort=${key} title=${label} aria-label=${t('region.sortBy', { column: label })} @click=${() => this._sortBy(key)}>
        ${shown}${sorted === 'none' ? '' : sorted === 'ascending' ? ' ▲' : ' ▼'}
      </button>
    </th>`;
  }

  private _cells(current: RegionFigures, change: Record<RegionMeasure, number | null>) {
    const { t, lang } = this._env;
    const f = analyticsFormat(lang);
    return REGION_MEASURES.map((m) => {
      const delta = change[m];
      const title = m === 'satisfaction' ? t('region.ratingsCount', { count: current.ratings }) : nothing;
      return html`<td class="num" data-measure=${m} title=${title}>${measureText(f, m, current[m])}</td>
        <td class="num change" data-change=${m}>
          ${delta === null || delta === 0 ? measureText(f, m, delta) : html`<span class=${changeTone(m, delta)}>${changeText(t, f, m, delta)}</span>`}
        </td>`;
    });
  }

  private _row(row: RegionOfficeRow) {
    const { t, lang } = this._env;
    const name = regionOfficeName(row, lang);
    return html`<tr data-office=${row.officeId}>
      <td>
        <button type="button" class="office" aria-label=${t('region.openAnalytics', { office: name })} @click=${() => this.dispatchEvent(officeAnalyticsOpen({ officeId: row.officeId }))}>
          ${name}
        </button>
      </td>
      ${this._cells(row.current, row.change)}
    </tr>`;
  }

  override render() {
    const { t, lang } = this._env;
    const f = analyticsFormat(lang);
    const question = { ...this.question, offices: [], sort: this._sort, direction: this._direction, lang };
    const actions = html`<div class="actions no-print">
      <a class="button" data-csv="region-report" href=${regionPath('report', question, 'csv')} download>${t('region.csv.report')}</a>
      <button type="button" data-action="print" @click=${() => window.print()}>${t('analytics.actions.print')}</button>
    </div>`;
    const report = this._report.answer;
    const waiting = reportState(t, this._report);
    if (waiting || !report) return [actions, waiting];
    if (report.offices.length === 0) return [actions, html`<p class="state">${t('region.noOffices')}</p>`];
    const rows = sortRegionRows(report.offices, this._sort, this._direction, lang);
    const nothingHappened = !report.region.current.visitors && !report.region.previous.visitors;
    return html`
      <div class="controls">
        ${actions}
        <span class="muted" data-testid="region-compared-with">
          ${t('region.comparedWith', { from: f.date(report.previousPeriod.from), to: f.date(report.previousPeriod.to) })}
        </span>
      </div>
      ${nothingHappened ? emptyState(t) : nothing}
      <section class="card">
        <div class="table-wrap" tabindex="0" role="region" aria-label=${t('region.views.offices')}>
          <table data-testid="region-offices">
            <thead>
              <tr>
                ${this._header('name', t('region.office'), '')}
                ${REGION_MEASURES.map((m) => {
                  const label = t(`region.measures.${m}`);
                  return [this._header(m, label, 'num'), this._header(`${m}:change`, t('region.changeColumn', { measure: label }), 'num change', t('region.change'))];
                })}
              </tr>
            </thead>
            <tbody>
              ${rows.map((row) => this._row(row))}
            </tbody>
            <tfoot>
              <tr data-office="">
                <td>${t('region.wholeRegion')}</td>
                ${this._cells(report.region.current, report.region.change)}
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-region-offices': PanelRegionOffices;
  }
}
