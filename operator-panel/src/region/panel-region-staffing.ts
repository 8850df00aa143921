// The staffing advisor for every office at a glance: its busiest hour with the booths advised and
// the booths actually open, and how many weekday × hours were short of booths or had some to spare.
// An office's name opens its own advisor, hour by hour. The advice stands on the period's last four
// weeks (server/region/region-staffing.ts), which the caption names.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { regionOfficeName, type RegionStaffingRow } from '../../../common/protocol/region';
import { analyticsFormat } from '../analytics/panel-analytics-format';
import { dataTable, emptyState, reportState } from '../analytics/panel-analytics-parts';
import { analyticsStyles } from '../analytics/panel-analytics-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { regionPath, type RegionQuestion } from './region-api';
import { officeAnalyticsOpen } from './region-events';
import { RegionLoader } from './region-loader';

@customElement('panel-region-staffing')
export class PanelRegionStaffing extends LitElement {
  static override styles = analyticsStyles;

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  @property({ attribute: false }) question!: RegionQuestion;
  private readonly _staffing = new RegionLoader(this, 'staffing');

  protected override willUpdate(): void {
    this._staffing.load({ ...this.question, offices: [] });
  }

  override render() {
    const { t, lang } = this._env;
    const f = analyticsFormat(lang);
    const actions = html`<div class="actions no-print">
      <a class="button" data-csv="region-staffing" href=${regionPath('staffing', { ...this.question, offices: [] }, 'csv')} download>${t('region.csv.staffing')}</a>
      <button type="button" data-action="print" @click=${() => window.print()}>${t('analytics.actions.print')}</button>
    </div>`;
    const answer = this._staffing.answer;
    const waiting = reportState(t, this._staffing);
    if (waiting || !answer) return [actions, waiting];
    if (answer.offices.every((o) => o.peak === null)) return [actions, emptyState(t)];
    const peak = (row: RegionStaffingRow, text: (p: NonNullable<RegionStaffingRow['peak']>) => string) => (row.peak ? text(row.peak) : '—');
    return html`
      <div class="controls">${actions}</div>
      <p class="muted">${t('region.staffing.caption')}</p>
      <p class="muted" data-testid="region-staffing-based-on">${t('region.staffing.basedOn', { from: f.date(answer.basedOn.from), to: f.date(answer.basedOn.to) })}</p>
      <section class="card">
        ${dataTable(
          [
            {
              header: t('region.office'),
              cell: (row) =>
                html`<button
                  type="button"
                  aria-label=${t('region.openAnalytics', { office: regionOfficeName(row, lang) })}
                  @click=${() => this.dispatchEvent(officeAnalyticsOpen({ officeId: row.officeId, view: 'staffing' }))}
                >
                  ${regionOfficeName(row, lang)}
                </button>`,
            },
            { header: t('region.staffing.peak'), cell: (row) => (row.peak ? `${f.weekday(row.peak.weekday)} ${f.hour(row.peak.hour)}:00` : t('region.staffing.noVisitors')) },
            { header: t('region.staffing.arrivals'), cell: (row) => peak(row, (p) => f.decimal(p.arrivalsPerHour)), numeric: true },
            { header: t('region.staffing.recommended'), cell: (row) => peak(row, (p) => f.count(p.recommendedBooths)), numeric: true },
            { header: t('region.staffing.open'), cell: (row) => peak(row, (p) => f.decimal(p.meanBoothsOpen)), numeric: true },
            { header: t('region.staffing.understaffed'), cell: (row) => f.count(row.understaffedHours), numeric: true },
            { header: t('region.staffing.overstaffed'), cell: (row) => f.count(row.overstaffedHours), numeric: true },
          ],
          answer.offices,
          { testId: 'region-staffing' },
        )}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-region-staffing': PanelRegionStaffing;
  }
}
