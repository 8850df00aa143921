// Appointments and estimates: booked against walk-in visitors (share, no-shows, who left unserved),
// how punctually booked visitors were called, and how far the wait printed on the ticket was off.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../../../common/ui/tl-bar-chart';
import { serviceName } from '../shared/describe';
import { analyticsFormat } from './panel-analytics-format';
import { ReportLoader } from './panel-analytics-loader';
import { dataTable, emptyState, kpiTiles, reportActions, reportState } from './panel-analytics-parts';
import type { AnalyticsFilters } from './panel-analytics-query';
import { analyticsStyles } from './panel-analytics-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import './panel-analytics-figure';

const REPORTS = ['appointments', 'service-level', 'estimate-accuracy'] as const;
const RATES = ['servedRatio', 'noShowRate', 'cancelRate', 'walkOutRate', 'transferRate'] as const;

@customElement('panel-analytics-appointments')
export class PanelAnalyticsAppointments extends LitElement {
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
    const { results } = this._reports;
    const waiting = reportState(t, this._reports);
    const appointments = results.appointments;
    const level = results['service-level'];
    const accuracy = results['estimate-accuracy'];
    if (waiting || !appointments || !level || !accuracy) return [actions, waiting];
    if (appointments.booked.issued + appointments.walkIn.issued === 0) return [actions, emptyState(t)];
    const f = analyticsFormat(lang);
    const rateName = (rate: (typeof RATES)[number]) => (rate === 'servedRatio' ? t('analytics.peak.served') : t(`analytics.waits.${rate}`));
    const kinds = [
      { name: t('analytics.waits.booked'), counts: appointments.booked },
      { name: t('analytics.waits.walkIn'), counts: appointments.walkIn },
    ];
    return html`
      <div class="controls">${actions}</div>
      ${kpiTiles([
        { label: t('analytics.appointments.bookedShare'), value: f.percent(appointments.bookedShare), note: `${f.count(appointments.booked.issued)} / ${f.count(appointments.booked.issued + appointments.walkIn.issued)}` },
        { label: t('analytics.appointments.punctuality'), value: f.percent(level.overall.booked.share), note: `${f.count(level.overall.booked.within)} / ${f.count(level.overall.booked.counted)}` },
        { label: t('analytics.appointments.bookedNoShow'), value: f.percent(appointments.booked.noShowRate) },
        { label: t('analytics.appointments.walkInNoShow'), value: f.percent(appointments.walkIn.noShowRate) },
      ])}
      <panel-analytics-figure wide .heading=${t('analytics.appointments.compareTitle')} fileName="talon-booked-vs-walk-in">
        <tl-bar-chart
          slot="chart"
          horizontal
          .minMax=${1}
          .label=${t('analytics.appointments.compareTitle')}
          .categories=${RATES.map(rateName)}
          .series=${kinds.map((k) => ({ name: k.name, values: RATES.map((r) => k.counts[r]) }))}
          .format=${f.percent}
        ></tl-bar-chart>
        ${dataTable(
          [
            { header: '', cell: (k) => k.name },
            { header: t('analytics.waits.issued'), cell: (k) => f.count(k.counts.issued), numeric: true },
            ...RATES.map((r) => ({ header: rateName(r), cell: (k: (typeof kinds)[number]) => f.percent(k.counts[r]), numeric: true })),
          ],
          kinds,
        )}
      </panel-analytics-figure>
      ${kpiTiles([
        { label: t('analytics.appointments.meanError'), value: f.decimal(accuracy.overall.error.mean) },
        { label: t('analytics.appointments.medianError'), value: f.decimal(accuracy.overall.error.median) },
        { label: t('analytics.appointments.accurate'), value: f.percent(accuracy.overall.accurateShare), tone: 'good' },
        { label: t('analytics.appointments.late'), value: f.percent(accuracy.overall.lateShare), tone: 'bad' },
      ])}
      <panel-analytics-figure .heading=${t('analytics.appointments.estimateTitle')} fileName="talon-estimate-accuracy">
        <tl-bar-chart
          slot="chart"
          horizontal
          stacked
          .minMax=${1}
          .label=${t('analytics.appointments.estimateTitle')}
          .categories=${accuracy.byService.map((r) => serviceName(this._env, r.serviceId))}
          .series=${[
            { name: t('analytics.appointments.accurate'), values: accuracy.byService.map((r) => r.accurateShare), colour: '#009e73' },
            { name: t('analytics.appointments.late'), values: accuracy.byService.map((r) => r.lateShare), colour: '#d55e00' },
          ]}
          .format=${f.percent}
        ></tl-bar-chart>
        <p class="muted">${t('analytics.appointments.errorNote')}</p>
        ${dataTable(
          [
            { header: t('analytics.filters.service'), cell: (r) => serviceName(this._env, r.serviceId) },
            { header: t('analytics.waits.count'), cell: (r) => f.count(r.error.count), numeric: true },
            { header: t('analytics.appointments.meanError'), cell: (r) => f.decimal(r.error.mean), numeric: true },
            { header: t('analytics.appointments.medianError'), cell: (r) => f.decimal(r.error.median), numeric: true },
            { header: t('analytics.appointments.accurate'), cell: (r) => f.percent(r.accurateShare), numeric: true },
            { header: t('analytics.appointments.late'), cell: (r) => f.percent(r.lateShare), numeric: true },
          ],
          accuracy.byService,
        )}
      </panel-analytics-figure>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-analytics-appointments': PanelAnalyticsAppointments;
  }
}
