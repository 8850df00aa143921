// Peak hours: when people come. A weekday × hour heat map of arrivals, arrivals per hour against
// visitors served and booths open, and arrivals by day of the month: each a mean per day the office
// was open, with the number of days it stands on beside it (a cell's tooltip, a table column).
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../../../common/ui/tl-bar-chart';
import '../../../common/ui/tl-heat-map';
import type { HeatMapCell } from '../../../common/ui/tl-heat-map';
import { analyticsFormat } from './panel-analytics-format';
import { ReportLoader } from './panel-analytics-loader';
import { dataTable, emptyState, reportActions, reportState } from './panel-analytics-parts';
import type { AnalyticsFilters } from './panel-analytics-query';
import { analyticsStyles } from './panel-analytics-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import './panel-analytics-figure';

const REPORTS = ['peak-hours'] as const;

@customElement('panel-analytics-peak')
export class PanelAnalyticsPeak extends LitElement {
  static override styles = analyticsStyles;

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  @property({ attribute: false }) filters!: AnalyticsFilters;
  private readonly _reports = new ReportLoader(this, REPORTS);

  protected override willUpdate(): void {
    this._reports.load(this.filters);
  }

  override render() {
    const { t, lang } = this._env;
    const actions = reportActions(t, REPORTS, this.filters);
    const peak = this._reports.results['peak-hours'];
    const waiting = reportState(t, this._reports);
    if (waiting || !peak) return [actions, waiting];
    if (peak.workingDays === 0) return [actions, emptyState(t)];
    const f = analyticsFormat(lang);
    // Only the hours and weekdays the office saw anyone: a 7 × 24 grid of mostly empty cells hides the peaks.
    const busyHours = peak.byHour.filter((h) => h.arrivals > 0 || h.meanBoothsOpen > 0).map((h) => h.hour);
    const hours = busyHours.length ? Array.from({ length: Math.max(...busyHours) - Math.min(...busyHours) + 1 }, (_, i) => Math.min(...busyHours) + i) : [];
    const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((d) => peak.heatmap.some((c) => c.weekday === d && c.arrivals > 0));
    const cells: HeatMapCell[] = peak.heatmap
      .filter((c) => hours.includes(c.hour))
      .map((c) => ({
        row: String(c.weekday),
        column: String(c.hour),
        value: c.meanArrivals,
        title: t('analytics.peak.heatCellTitle', {
          weekday: f.weekday(c.weekday, 'long'),
          hour: f.hour(c.hour),
          mean: f.decimal(c.meanArrivals),
          days: t('analytics.peak.openDays', { count: c.openDays }),
          total: f.count(c.arrivals),
        }),
      }));
    const byHour = peak.byHour.filter((h) => hours.includes(h.hour));
    const byDay = peak.byDayOfMonth;
    return html`
      <div class="controls">
        ${actions}
        <span class="muted">${t('analytics.peak.workingDays', { count: peak.workingDays })}</span>
      </div>
      <panel-analytics-figure wide .heading=${t('analytics.peak.heatTitle')} fileName="talon-peak-heatmap">
        <tl-heat-map
          slot="chart"
          data-testid="peak-heatmap"
          .label=${t('analytics.peak.heatTitle')}
          .rows=${weekdays.map((d) => ({ key: String(d), label: f.weekday(d) }))}
          .columns=${hours.map((h) => ({ key: String(h), label: f.hour(h) }))}
          .cells=${cells}
          .legendLabel=${t('analytics.peak.heatLegend')}
          .format=${f.decimal}
        ></tl-heat-map>
        <p class="muted" data-testid="peak-heatmap-caption">${t('analytics.peak.heatCaption')}</p>
      </panel-analytics-figure>
      <panel-analytics-figure .heading=${t('analytics.peak.byHourTitle')} fileName="talon-peak-by-hour">
        <tl-bar-chart
          slot="chart"
          .label=${t('analytics.peak.byHourTitle')}
          .categories=${byHour.map((h) => f.hour(h.hour))}
          .series=${[
            { name: t('analytics.peak.arrivals'), values: byHour.map((h) => h.meanArrivals) },
            { name: t('analytics.peak.served'), values: byHour.map((h) => h.meanServed) },
            { name: t('analytics.peak.boothsOpen'), values: byHour.map((h) => h.meanBoothsOpen), kind: 'line', secondary: true, colour: '#111827' },
          ]}
          .format=${f.decimal}
          .secondaryFormat=${f.decimal}
        ></tl-bar-chart>
        ${dataTable(
          [
            { header: t('analytics.peak.hour'), cell: (h) => f.hour(h.hour) },
            { header: t('analytics.peak.openDaysColumn'), cell: (h) => f.count(h.openDays), numeric: true },
            { header: t('analytics.peak.arrivals'), cell: (h) => f.decimal(h.meanArrivals), numeric: true },
            { header: t('analytics.peak.served'), cell: (h) => f.decimal(h.meanServed), numeric: true },
            { header: t('analytics.peak.boothsOpen'), cell: (h) => f.decimal(h.meanBoothsOpen), numeric: true },
          ],
          byHour,
        )}
      </panel-analytics-figure>
      <panel-analytics-figure .heading=${t('analytics.peak.byDayTitle')} fileName="talon-peak-by-day-of-month">
        <tl-bar-chart
          slot="chart"
          .label=${t('analytics.peak.byDayTitle')}
          .categories=${byDay.map((d) => String(d.dayOfMonth))}
          .series=${[
            { name: t('analytics.peak.arrivals'), values: byDay.map((d) => d.meanArrivals) },
            { name: t('analytics.peak.served'), values: byDay.map((d) => d.meanServed) },
          ]}
          .format=${f.decimal}
        ></tl-bar-chart>
        ${dataTable(
          [
            { header: t('analytics.peak.day'), cell: (d) => d.dayOfMonth, numeric: true },
            { header: t('analytics.peak.openDaysColumn'), cell: (d) => f.count(d.openDays), numeric: true },
            { header: t('analytics.peak.arrivals'), cell: (d) => f.decimal(d.meanArrivals), numeric: true },
            { header: t('analytics.peak.served'), cell: (d) => f.decimal(d.meanServed), numeric: true },
            { header: t('analytics.peak.total'), cell: (d) => f.count(d.arrivals), numeric: true },
          ],
          byDay,
          { testId: 'peak-by-day' },
        )}
      </panel-analytics-figure>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-analytics-peak': PanelAnalyticsPeak;
  }
}
