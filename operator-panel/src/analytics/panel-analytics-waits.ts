// Waiting and service times: mean, median and 90th percentile by service, hour, day or specialist;
// the share served within the target (walk-in and booked); no-show, cancel and transfer rates; and
// the longest waits of the period.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../../../common/ui/tl-bar-chart';
import { localDate } from '../../../common/time/calendar';
import { officeTime, serviceName } from '../shared/describe';
import { analyticsFormat, type AnalyticsFormat } from './panel-analytics-format';
import { ReportLoader } from './panel-analytics-loader';
import { dataTable, emptyState, kpiTiles, reportActions, reportState, type Column } from './panel-analytics-parts';
import type { AnalyticsFilters } from './panel-analytics-query';
import { analyticsStyles } from './panel-analytics-styles';
import type { TimesRow } from './panel-analytics-types';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import './panel-analytics-figure';

const REPORTS = ['wait-times', 'service-level', 'outcomes', 'longest-waits', 'specialist-load'] as const;
const GROUPS = ['byService', 'byHour', 'byDay', 'bySpecialist'] as const;
type Group = (typeof GROUPS)[number];

@customElement('panel-analytics-waits')
export class PanelAnalyticsWaits extends LitElement {
  static override styles = analyticsStyles;

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  @property({ attribute: false }) filters!: AnalyticsFilters;
  @state() private _group: Group = 'byService';
  private readonly _reports = new ReportLoader(this, REPORTS);

  protected override willUpdate(): void {
    this._reports.load(this.filters);
  }

  private _keyLabel(group: Group, key: string, f: AnalyticsFormat): string {
    const { t } = this._env;
    switch (group) {
      case 'byService':
        return serviceName(this._env, key);
      case 'byHour':
        return key;
      case 'byDay':
        return f.date(key);
      case 'bySpecialist': {
        if (key === 'unknown') return t('analytics.waits.unknownSpecialist');
        return this._reports.results['specialist-load']?.find((s) => s.specialistId === key)?.name ?? key;
      }
    }
  }

  override render() {
    const { t, lang } = this._env;
    const actions = reportActions(t, REPORTS.filter((r) => r !== 'specialist-load'), this.filters);
    const { results } = this._reports;
    const waiting = reportState(t, this._reports);
    const times = results['wait-times'];
    const level = results['service-level'];
    const outcomes = results.outcomes;
    const longest = results['longest-waits'];
    if (waiting || !times || !level || !outcomes || !longest) return [actions, waiting];
    if (outcomes.overall.issued === 0) return [actions, emptyState(t)];
    const f = analyticsFormat(lang);
    const minutes = (v: number | null) => (v === null ? f.decimal(v) : t('analytics.units.minutes', { value: f.decimal(v) }));
    const rows = times[this._group];
    const label = (row: TimesRow) => this._keyLabel(this._group, row.key, f);
    const groupName = t(`analytics.waits.groups.${this._group}`);
    const timeColumns: Column<TimesRow>[] = [
      { header: groupName, cell: label },
      { header: t('analytics.waits.count'), cell: (r) => f.count(r.wait.count), numeric: true },
      { header: `${t('analytics.waits.wait')}: ${t('analytics.waits.mean')}`, cell: (r) => f.decimal(r.wait.mean), numeric: true },
      { header: t('analytics.waits.median'), cell: (r) => f.decimal(r.wait.median), numeric: true },
      { header: t('analytics.waits.p90'), cell: (r) => f.decimal(r.wait.p90), numeric: true },
      { header: t('analytics.waits.max'), cell: (r) => f.decimal(r.wait.max), numeric: true },
      { header: `${t('analytics.waits.service')}: ${t('analytics.waits.mean')}`, cell: (r) => f.decimal(r.service.mean), numeric: true },
      { header: t('analytics.waits.median'), cell: (r) => f.decimal(r.service.median), numeric: true },
      { header: t('analytics.waits.p90'), cell: (r) => f.decimal(r.service.p90), numeric: true },
    ];
    const share = (cell: { share: number | null; within: number; counted: number }) => `${f.percent(cell.share)} (${f.count(cell.within)}/${f.count(cell.counted)})`;
    return html`
      <div class="controls">${actions}</div>
      ${kpiTiles([
        { label: t('analytics.waits.meanWait'), value: minutes(times.overall.wait.mean) },
        { label: t('analytics.waits.medianWait'), value: minutes(times.overall.wait.median) },
        { label: t('analytics.waits.p90Wait'), value: minutes(times.overall.wait.p90) },
        { label: t('analytics.waits.meanService'), value: minutes(times.overall.service.mean) },
        { label: `${t('analytics.waits.within')}: ${t('analytics.waits.walkIn')}`, value: f.percent(level.overall.walkIn.share) },
        { label: `${t('analytics.waits.within')}: ${t('analytics.waits.booked')}`, value: f.percent(level.overall.booked.share) },
        { label: t('analytics.waits.noShowRate'), value: f.percent(outcomes.overall.noShowRate) },
        { label: t('analytics.waits.cancelRate'), value: f.percent(outcomes.overall.cancelRate) },
        { label: t('analytics.waits.transferRate'), value: f.percent(outcomes.overall.transferRate) },
      ])}
      <div class="controls no-print"><label
        >${t('analytics.waits.groupBy')}
        <select data-testid="wait-group" @change=${(e: Event) => (this._group = (e.target as HTMLSelectElement).value as Group)}>
          ${GROUPS.map((g) => html`<option value=${g} ?selected=${g === this._group}>${t(`analytics.waits.groups.${g}`)}</option>`)}
        </select>
      </label></div>
      <panel-analytics-figure wide .heading=${t('analytics.waits.chartTitle', { group: groupName })} fileName="talon-waits-${this._group}">
        <tl-bar-chart
          slot="chart"
          ?horizontal=${this._group === 'byService' || this._group === 'bySpecialist'}
          .label=${t('analytics.waits.chartTitle', { group: groupName })}
          .categories=${rows.map(label)}
          .series=${[
            { name: t('analytics.waits.mean'), values: rows.map((r) => r.wait.mean) },
            { name: t('analytics.waits.median'), values: rows.map((r) => r.wait.median) },
            { name: t('analytics.waits.p90'), values: rows.map((r) => r.wait.p90) },
          ]}
          .format=${f.decimal}
        ></tl-bar-chart>
        ${dataTable(timeColumns, rows)}
      </panel-analytics-figure>
      <panel-analytics-figure wide .heading=${t('analytics.waits.levelTitle')} fileName="talon-service-level">
        <tl-bar-chart
          slot="chart"
          horizontal
          .minMax=${1}
          .label=${t('analytics.waits.levelTitle')}
          .categories=${level.byService.map((r) => serviceName(this._env, r.serviceId))}
          .series=${[
            { name: t('analytics.waits.walkIn'), values: level.byService.map((r) => r.walkIn.share) },
            { name: t('analytics.waits.booked'), values: level.byService.map((r) => r.booked.share) },
          ]}
          .format=${f.percent}
        ></tl-bar-chart>
        ${dataTable(
          [
            { header: t('analytics.filters.service'), cell: (r) => serviceName(this._env, r.serviceId) },
            { header: `${t('analytics.waits.walkIn')}: ${t('analytics.waits.target')}`, cell: (r) => f.decimal(r.walkInTargetMinutes), numeric: true },
            { header: t('analytics.waits.within'), cell: (r) => share(r.walkIn), numeric: true },
            { header: `${t('analytics.waits.booked')}: ${t('analytics.waits.target')}`, cell: (r) => f.decimal(r.bookedTargetMinutes), numeric: true },
            { header: t('analytics.waits.within'), cell: (r) => share(r.booked), numeric: true },
            { header: t('analytics.waits.all'), cell: (r) => share(r.all), numeric: true },
          ],
          level.byService,
        )}
      </panel-analytics-figure>
      <section class="card">
        <h2>${t('analytics.waits.outcomesTitle')}</h2>
        ${dataTable(
          [
            { header: t('analytics.filters.service'), cell: (r) => r.name },
            { header: t('analytics.waits.issued'), cell: (r) => f.count(r.issued), numeric: true },
            { header: t('analytics.peak.served'), cell: (r) => f.count(r.served), numeric: true },
            { header: t('analytics.waits.noShowRate'), cell: (r) => f.percent(r.noShowRate), numeric: true },
            { header: t('analytics.waits.cancelRate'), cell: (r) => f.percent(r.cancelRate), numeric: true },
            { header: t('analytics.waits.walkOutRate'), cell: (r) => f.percent(r.walkOutRate), numeric: true },
            { header: t('analytics.waits.transferRate'), cell: (r) => f.percent(r.transferRate), numeric: true },
          ],
          [...outcomes.byService.map((r) => ({ ...r, name: serviceName(this._env, r.serviceId) })), { ...outcomes.overall, name: t('analytics.waits.all') }],
        )}
      </section>
      <section class="card">
        <h2>${t('analytics.waits.longestTitle')}</h2>
        ${dataTable(
          [
            { header: t('analytics.waits.code'), cell: (w) => w.code },
            { header: t('analytics.filters.service'), cell: (w) => serviceName(this._env, w.serviceId) },
            { header: t('analytics.waits.issuedAt'), cell: (w) => `${f.date(localDate(w.issuedAt, this._env.snapshot.office.timeZone))} ${officeTime(this._env, w.issuedAt)}` },
            { header: t('analytics.waits.calledAt'), cell: (w) => (w.calledAt === null ? t('analytics.waits.notCalled') : officeTime(this._env, w.calledAt)) },
            { header: t('analytics.waits.waited'), cell: (w) => f.decimal(w.waitMinutes), numeric: true },
            { header: t('analytics.waits.booked'), cell: (w) => (w.booked ? '✓' : '') },
            { header: t('analytics.waits.outcome'), cell: (w) => (w.outcome ? t(`panel.journal.outcomes.${w.outcome}`) : '') },
          ],
          longest,
          { testId: 'longest-waits' },
        )}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-analytics-waits': PanelAnalyticsWaits;
  }
}
