// This period against the one it is aligned with, like with like: the same weekdays of the week
// before, or the same dates of the month or year before (the month for "this month", the year for
// "this year", unless the manager chooses). Each key figure, its change, and an arrow coloured by
// whether the change is good news (fewer minutes waited, more served within target).
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LocalDate } from '../../../common/protocol';
import { COMPARE_WITH, type CompareWith } from '../../../common/protocol/analytics';
import { analyticsFormat, type AnalyticsFormat } from './panel-analytics-format';
import { ReportLoader } from './panel-analytics-loader';
import { dataTable, emptyState, reportActions, reportState } from './panel-analytics-parts';
import { presetOf, type AnalyticsFilters } from './panel-analytics-query';
import { analyticsStyles } from './panel-analytics-styles';
import type { KpiName } from './panel-analytics-types';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

const REPORTS = ['comparison'] as const;

/** How each figure is written and which direction is better; a Record, so a new KPI fails tsc here. */
const KPIS: Record<KpiName, { kind: 'count' | 'minutes' | 'share'; higherIsBetter: boolean | null }> = {
  arrivals: { kind: 'count', higherIsBetter: null },
  served: { kind: 'count', higherIsBetter: true },
  meanWaitMinutes: { kind: 'minutes', higherIsBetter: false },
  medianWaitMinutes: { kind: 'minutes', higherIsBetter: false },
  p90WaitMinutes: { kind: 'minutes', higherIsBetter: false },
  serviceLevel: { kind: 'share', higherIsBetter: true },
  noShowRate: { kind: 'share', higherIsBetter: false },
  walkOutRate: { kind: 'share', higherIsBetter: false },
  utilisation: { kind: 'share', higherIsBetter: null },
};

function formatted(f: AnalyticsFormat, kind: 'count' | 'minutes' | 'share', value: number | null): string {
  return kind === 'count' ? f.count(value) : kind === 'minutes' ? f.decimal(value) : f.percent(value);
}

@customElement('panel-analytics-comparison')
export class PanelAnalyticsComparison extends LitElement {
  static override styles = analyticsStyles;

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  @property({ attribute: false }) filters!: AnalyticsFilters;
  /** The office's today, to tell which preset the period is. */
  @property({ attribute: false }) today!: LocalDate;
  /** The manager's choice; null follows the period's preset. */
  @state() private _chosen: CompareWith | null = null;
  private readonly _reports = new ReportLoader(this, REPORTS);

  private get _compareWith(): CompareWith {
    if (this._chosen) return this._chosen;
    const preset = presetOf(this.filters, this.today);
    return preset === 'thisMonth' ? 'month' : preset === 'thisYear' ? 'year' : 'week';
  }

  protected override willUpdate(): void {
    this._reports.load(this.filters, { compareWith: this._compareWith });
  }

  override render() {
    const { t, lang } = this._env;
    const compareWith = this._compareWith;
    const actions = [
      reportActions(t, REPORTS, this.filters, { compareWith }),
      html`<label class="no-print"
        >${t('analytics.comparison.compareWith')}
        <select data-testid="compare-with" @change=${(e: Event) => (this._chosen = (e.target as HTMLSelectElement).value as CompareWith)}>
          ${COMPARE_WITH.map((c) => html`<option value=${c} ?selected=${c === compareWith}>${t(`analytics.comparison.compareWithOptions.${c}`)}</option>`)}
        </select></label
      >`,
    ];
    const comparison = this._reports.results.comparison;
    const waiting = reportState(t, this._reports);
    if (waiting || !comparison) return [actions, waiting];
    if (comparison.current.arrivals + comparison.previous.arrivals === 0) return [actions, emptyState(t)];
    const f = analyticsFormat(lang);
    const range = (k: { from: string; to: string }) => t('analytics.comparison.periodRange', { from: f.date(k.from), to: f.date(k.to) });
    const names = Object.keys(KPIS) as KpiName[];
    const change = (name: KpiName) => {
      const delta = comparison.change[name];
      const { kind, higherIsBetter } = KPIS[name];
      if (delta === null || delta === 0) return formatted(f, kind, delta);
      const good = higherIsBetter === null ? null : delta > 0 === higherIsBetter;
      const sign = delta > 0 ? '+' : '−';
      const text = kind === 'share' ? `${sign}${t('analytics.units.percentPoints', { value: f.decimal(Math.abs(delta) * 100) })}` : `${sign}${formatted(f, kind, Math.abs(delta))}`;
      return html`<span class=${good === null ? '' : good ? 'up' : 'down'} data-kpi-change=${name}
        >${delta > 0 ? '▲' : '▼'} ${text}${good === null ? '' : html` <small>(${t(good ? 'analytics.comparison.better' : 'analytics.comparison.worse')})</small>`}</span
      >`;
    };
    return html`
      <div class="controls">${actions}</div>
      <section class="card">
        ${dataTable(
          [
            { header: t('analytics.comparison.measure'), cell: (n) => t(`analytics.comparison.kpis.${n}`) },
            { header: `${t('analytics.comparison.previous')} (${range(comparison.previous)})`, cell: (n) => formatted(f, KPIS[n].kind, comparison.previous[n]), numeric: true },
            { header: `${t('analytics.comparison.current')} (${range(comparison.current)})`, cell: (n) => formatted(f, KPIS[n].kind, comparison.current[n]), numeric: true },
            { header: t('analytics.comparison.change'), cell: change, numeric: true },
          ],
          names,
          { testId: 'comparison' },
        )}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-analytics-comparison': PanelAnalyticsComparison;
  }
}
