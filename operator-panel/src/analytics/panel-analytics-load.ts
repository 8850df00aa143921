// Load per specialist: served and called, time busy, paused (by reason) and idle, and utilisation
// against the healthy 75–85 % band, drawn on the chart, so the chief specialist can even the load.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../../../common/ui/tl-bar-chart';
import { HEALTHY_UTILISATION } from '../../../common/protocol/analytics';
import { analyticsFormat } from './panel-analytics-format';
import { ReportLoader } from './panel-analytics-loader';
import { dataTable, emptyState, reportActions, reportState } from './panel-analytics-parts';
import type { AnalyticsFilters } from './panel-analytics-query';
import { analyticsStyles } from './panel-analytics-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import './panel-analytics-figure';

const REPORTS = ['specialist-load'] as const;
const PAUSES = ['lunch', 'technical', 'other'] as const;
const BAND_COLOURS = { under: '#56b4e9', healthy: '#009e73', over: '#e69f00', burnout: '#b91c1c' } as const;

@customElement('panel-analytics-load')
export class PanelAnalyticsLoad extends LitElement {
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
    const load = this._reports.results['specialist-load'];
    const waiting = reportState(t, this._reports);
    if (waiting || !load) return [actions, waiting];
    if (load.length === 0) return [actions, emptyState(t)];
    const f = analyticsFormat(lang);
    const people = [...load].sort((a, b) => (b.utilisation ?? -1) - (a.utilisation ?? -1));
    const names = people.map((p) => p.name ?? p.specialistId);
    const hours = (minutes: number) => minutes / 60;
    const band = { from: HEALTHY_UTILISATION.low, to: HEALTHY_UTILISATION.high, label: t('analytics.load.healthyBand') };
    return html`
      <div class="controls">${actions}</div>
      <panel-analytics-figure .heading=${t('analytics.load.utilisationTitle')} fileName="talon-utilisation">
        <tl-bar-chart
          slot="chart"
          data-testid="utilisation-chart"
          horizontal
          .minMax=${1}
          .band=${band}
          .label=${t('analytics.load.utilisationTitle')}
          .categories=${names}
          .series=${[{ name: t('analytics.load.utilisation'), values: people.map((p) => p.utilisation) }]}
          .format=${f.percent}
        ></tl-bar-chart>
        ${dataTable(
          [
            { header: t('analytics.load.specialist'), cell: (p) => p.name ?? p.specialistId },
            { header: t('analytics.load.served'), cell: (p) => f.count(p.served), numeric: true },
            { header: t('analytics.load.handled'), cell: (p) => f.count(p.handled), numeric: true },
            { header: t('analytics.load.utilisation'), cell: (p) => f.percent(p.utilisation), numeric: true },
            {
              header: t('analytics.load.band'),
              cell: (p) => (p.band ? html`<span class="badge" style="color:${BAND_COLOURS[p.band]}">${t(`analytics.load.bands.${p.band}`)}</span>` : ''),
            },
          ],
          people,
        )}
      </panel-analytics-figure>
      <panel-analytics-figure wide .heading=${t('analytics.load.timeTitle')} fileName="talon-time-at-booth">
        <tl-bar-chart
          slot="chart"
          horizontal
          stacked
          .label=${t('analytics.load.timeTitle')}
          .categories=${names}
          .series=${[
            { name: t('analytics.load.busy'), values: people.map((p) => hours(p.busyMinutes)), colour: '#0b5cad' },
            ...PAUSES.map((reason, i) => ({
              name: t(`panel.pauseReasons.${reason}`),
              values: people.map((p) => hours(p.pausedMinutes[reason])),
              colour: ['#e69f00', '#cc79a7', '#9ca3af'][i],
            })),
            { name: t('analytics.load.idle'), values: people.map((p) => hours(p.idleMinutes)), colour: '#d1d5db' },
          ]}
          .format=${f.decimal}
        ></tl-bar-chart>
        ${dataTable(
          [
            { header: t('analytics.load.specialist'), cell: (p) => p.name ?? p.specialistId },
            { header: t('analytics.load.hours', { pause: t('analytics.load.busy') }), cell: (p) => f.decimal(hours(p.busyMinutes)), numeric: true },
            ...PAUSES.map((reason) => ({
              header: t('analytics.load.hours', { pause: t(`panel.pauseReasons.${reason}`) }),
              cell: (p: (typeof people)[number]) => f.decimal(hours(p.pausedMinutes[reason])),
              numeric: true,
            })),
            { header: t('analytics.load.hours', { pause: t('analytics.load.idle') }), cell: (p) => f.decimal(hours(p.idleMinutes)), numeric: true },
            { header: t('analytics.load.loggedIn'), cell: (p) => f.decimal(hours(p.loggedInMinutes)), numeric: true },
          ],
          people,
        )}
      </panel-analytics-figure>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-analytics-load': PanelAnalyticsLoad;
  }
}
