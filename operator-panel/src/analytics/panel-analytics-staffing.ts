// The staffing advisor: for each weekday and hour, the booths Erlang C recommends for the goal
// (e.g. 80 % within 15 minutes) beside the booths the office actually opened, and the expected wait
// with one booth fewer, the recommendation, and one more. The goal is the manager's to adjust.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../../../common/ui/tl-bar-chart';
import '../../../common/ui/tl-heat-map';
import { analyticsFormat } from './panel-analytics-format';
import { ReportLoader } from './panel-analytics-loader';
import { dataTable, reportActions, reportState } from './panel-analytics-parts';
import type { AnalyticsFilters } from './panel-analytics-query';
import { analyticsStyles } from './panel-analytics-styles';
import type { StaffingCell, StaffingQuery } from './panel-analytics-types';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import './panel-analytics-figure';

const REPORTS = ['staffing'] as const;
const DEFAULT_QUERY: StaffingQuery = { slGoal: 0.8, targetMinutes: 15, maxOccupancy: 0.85, shrinkage: 0 };
/** Form fields: the API's share parameters are typed in as percentages. */
const FIELDS = [
  { name: 'slGoal', label: 'analytics.staffing.goal', percent: true, min: 1, max: 99 },
  { name: 'targetMinutes', label: 'analytics.staffing.targetMinutes', percent: false, min: 1, max: 600 },
  { name: 'maxOccupancy', label: 'analytics.staffing.maxOccupancy', percent: true, min: 1, max: 100 },
  { name: 'shrinkage', label: 'analytics.staffing.shrinkage', percent: true, min: 0, max: 99 },
] as const;

@customElement('panel-analytics-staffing')
export class PanelAnalyticsStaffing extends LitElement {
  static override styles = [
    analyticsStyles,
    css`
      input {
        width: 8em;
      }
      .meets {
        font-weight: 700;
        color: var(--tl-success);
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  @property({ attribute: false }) filters!: AnalyticsFilters;
  @state() private _query: StaffingQuery = DEFAULT_QUERY;
  @state() private _weekday: number | null = null;
  private readonly _reports = new ReportLoader(this, REPORTS);

  protected override willUpdate(): void {
    this._reports.load(this.filters, { ...this._query });
  }

  private _apply(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const next = { ...this._query };
    for (const field of FIELDS) {
      const value = Number(data.get(field.name));
      if (Number.isFinite(value)) next[field.name] = field.percent ? value / 100 : value;
    }
    this._query = next;
  }

  override render() {
    const { t, lang } = this._env;
    const f = analyticsFormat(lang);
    const form = html`<form class="controls no-print" @submit=${(e: SubmitEvent) => this._apply(e)}>
      ${FIELDS.map(
        (field) => html`<label
          >${t(field.label)}
          <input type="number" name=${field.name} min=${field.min} max=${field.max} step="any" required
            .value=${String(field.percent ? Math.round(this._query[field.name] * 100) : this._query[field.name])}
        /></label>`,
      )}
      <button type="submit" class="primary">${t('analytics.actions.apply')}</button>
    </form>`;
    const actions = reportActions(t, REPORTS, this.filters, { ...this._query });
    const staffing = this._reports.results.staffing;
    const waiting = reportState(t, this._reports);
    if (waiting || !staffing) return [actions, form, waiting];
    const cells = staffing.cells.filter((c) => c.arrivalsPerHour > 0 || c.meanBoothsOpen > 0);
    if (staffing.serviceMinutes === null || cells.length === 0) return [actions, form, html`<p class="state">${t('analytics.staffing.noData')}</p>`];
    const weekdays = [...new Set(cells.map((c) => c.weekday))].sort((a, b) => a - b);
    const hourList = cells.map((c) => c.hour);
    const hours = Array.from({ length: Math.max(...hourList) - Math.min(...hourList) + 1 }, (_, i) => Math.min(...hourList) + i);
    const weekday = this._weekday !== null && weekdays.includes(this._weekday) ? this._weekday : weekdays[0]!;
    const day = staffing.cells.filter((c) => c.weekday === weekday && hours.includes(c.hour)).sort((a, b) => a.hour - b.hour);
    const optionCount = Math.max(0, ...day.map((c) => c.options.length));
    const option = (c: StaffingCell, i: number) => {
      const o = c.options[i];
      if (!o) return '';
      return html`<span class=${o.counters === c.recommendedBooths ? 'meets' : ''} title=${o.meetsGoal ? t('analytics.staffing.meetsGoal') : ''}
        >${t('analytics.staffing.option', { count: o.counters })}: ${t('analytics.staffing.optionCell', { wait: f.decimal(o.averageWaitMinutes), level: f.percent(o.serviceLevel) })}</span
      >`;
    };
    return html`
      <div class="controls">${actions}</div>
      ${form}
      <p class="muted">${t('analytics.staffing.note')}</p>
      <p class="muted" data-testid="staffing-basis">
        ${t('analytics.staffing.basis', { occupied: f.decimal(staffing.serviceMinutes), startToFinish: f.decimal(staffing.startToFinishMinutes) })}
      </p>
      <panel-analytics-figure wide .heading=${t('analytics.staffing.gridTitle')} fileName="talon-staffing-grid">
        <tl-heat-map
          slot="chart"
          data-testid="staffing-grid"
          scale="diverging"
          .label=${t('analytics.staffing.gridTitle')}
          .rows=${weekdays.map((d) => ({ key: String(d), label: f.weekday(d) }))}
          .columns=${hours.map((h) => ({ key: String(h), label: f.hour(h) }))}
          .cells=${cells.map((c) => ({
            row: String(c.weekday),
            column: String(c.hour),
            value: c.recommendedBooths - c.meanBoothsOpen,
            label: `${c.recommendedBooths}/${f.decimal(c.meanBoothsOpen)}`,
            title: t('analytics.staffing.gridCell', { weekday: f.weekday(c.weekday, 'long'), hour: f.hour(c.hour), recommended: c.recommendedBooths, open: f.decimal(c.meanBoothsOpen) }),
          }))}
          .legendLabel=${t('analytics.staffing.gridLegend')}
          .format=${f.decimal}
        ></tl-heat-map>
      </panel-analytics-figure>
      <div class="controls no-print"><label
        >${t('analytics.staffing.weekday')}
        <select data-testid="staffing-weekday" @change=${(e: Event) => (this._weekday = Number((e.target as HTMLSelectElement).value))}>
          ${weekdays.map((d) => html`<option value=${d} ?selected=${d === weekday}>${f.weekday(d, 'long')}</option>`)}
        </select>
      </label></div>
      <panel-analytics-figure wide .heading=${t('analytics.staffing.dayTitle', { weekday: f.weekday(weekday, 'long') })} fileName="talon-staffing-${weekday}">
        <tl-bar-chart
          slot="chart"
          .label=${t('analytics.staffing.dayTitle', { weekday: f.weekday(weekday, 'long') })}
          .categories=${day.map((c) => f.hour(c.hour))}
          .series=${[
            { name: t('analytics.staffing.recommended'), values: day.map((c) => c.recommendedBooths) },
            { name: t('analytics.staffing.open'), values: day.map((c) => c.meanBoothsOpen), kind: 'line', colour: '#111827' },
          ]}
          .format=${f.decimal}
        ></tl-bar-chart>
        ${dataTable(
          [
            { header: t('analytics.peak.hour'), cell: (c) => f.hour(c.hour) },
            { header: t('analytics.staffing.openDays'), cell: (c) => f.count(c.openDays), numeric: true },
            { header: t('analytics.staffing.arrivalsPerHour'), cell: (c) => f.decimal(c.arrivalsPerHour), numeric: true },
            { header: t('analytics.staffing.serviceMinutes'), cell: (c) => f.decimal(c.serviceMinutes), numeric: true },
            { header: t('analytics.staffing.recommended'), cell: (c) => c.recommendedBooths, numeric: true },
            { header: t('analytics.staffing.roster'), cell: (c) => c.staffToRoster, numeric: true },
            { header: t('analytics.staffing.open'), cell: (c) => f.decimal(c.meanBoothsOpen), numeric: true },
            { header: t('analytics.staffing.measured'), cell: (c) => f.percent(c.measuredServiceLevel), numeric: true },
            ...Array.from({ length: optionCount }, (_, i) => ({ header: i === 0 ? t('analytics.staffing.choices') : '', cell: (c: StaffingCell) => option(c, i) })),
          ],
          day,
          { testId: 'staffing-table' },
        )}
      </panel-analytics-figure>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-analytics-staffing': PanelAnalyticsStaffing;
  }
}
