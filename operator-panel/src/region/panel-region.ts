// The regional view (regional administrators and analysts): one period and one comparison for
// every office, shown as offices side by side, the region's arrivals by weekday and hour, or the
// booths each office needs. The period and the heat map's choice of offices are kept while
// switching tabs. Opening an office hands over to the shell (`office-analytics-open`).
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { COMPARE_WITH, type CompareWith } from '../../../common/protocol/analytics';
import { localDate } from '../../../common/time/calendar';
import { presetOf, presetPeriod, type AnalyticsFilters } from '../analytics/panel-analytics-query';
import { analyticsStyles, reportTabsStyles } from '../analytics/panel-analytics-styles';
import '../analytics/panel-analytics-filters';
import { panelEnv, serverNow, type PanelEnv } from '../shared/panel-env';
import type { RegionQuestion } from './region-api';
import './panel-region-heat-map';
import './panel-region-offices';
import './panel-region-staffing';

const VIEWS = ['offices', 'heatmap', 'staffing'] as const;
type ViewId = (typeof VIEWS)[number];

@customElement('panel-region')
export class PanelRegion extends LitElement {
  static override styles = [
    analyticsStyles,
    reportTabsStyles,
    css`
      h1 {
        margin: 0;
        font-size: var(--tl-text-l);
      }
      @media print {
        nav,
        panel-analytics-filters,
        .no-print {
          display: none;
        }
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  @state() private _view: ViewId = 'offices';
  @state() private _filters: AnalyticsFilters | null = null;
  /** The analyst's choice; null follows the period's preset, as the office comparison does. */
  @state() private _chosenComparison: CompareWith | null = null;
  /** The heat map's offices; empty: all of them. */
  @state() private _offices: readonly string[] = [];

  /**
   * Today in this browser's time zone: the presets' dates, which each office then counts in its own
   * zone (offices a few hours apart share the same dates all working day).
   */
  private _today(): string {
    return localDate(serverNow(this._env), Intl.DateTimeFormat().resolvedOptions().timeZone);
  }

  protected override willUpdate(): void {
    // The filters element speaks the office analytics' language; the region asks for no office and no service.
    this._filters ??= { officeId: this._env.officeId, ...presetPeriod('last30Days', this._today()), serviceId: null };
  }

  private _compareWith(filters: AnalyticsFilters): CompareWith {
    if (this._chosenComparison) return this._chosenComparison;
    const preset = presetOf(filters, this._today());
    return preset === 'thisMonth' ? 'month' : preset === 'thisYear' ? 'year' : 'week';
  }

  private _renderView(question: RegionQuestion) {
    switch (this._view) {
      case 'offices':
        return html`<panel-region-offices .question=${question}></panel-region-offices>`;
      case 'heatmap':
        return html`<panel-region-heat-map
          .question=${{ ...question, offices: this._offices }}
          @offices-change=${(e: CustomEvent<readonly string[]>) => (this._offices = e.detail)}
        ></panel-region-heat-map>`;
      case 'staffing':
        return html`<panel-region-staffing .question=${question}></panel-region-staffing>`;
    }
  }

  override render() {
    const filters = this._filters;
    if (!filters) return '';
    const { t } = this._env;
    const compareWith = this._compareWith(filters);
    const question: RegionQuestion = { from: filters.from, to: filters.to, compareWith, offices: [] };
    return html`
      <h1>${t('region.heading')}</h1>
      <nav aria-label=${t('region.heading')}>
        ${VIEWS.map(
          (id) => html`<button type="button" data-region-view=${id} aria-current=${id === this._view ? 'page' : 'false'} @click=${() => (this._view = id)}>
            ${t(`region.views.${id}`)}
          </button>`,
        )}
      </nav>
      <div class="controls">
        <panel-analytics-filters
          .filters=${filters}
          .today=${this._today()}
          .serviceFilter=${false}
          @filters-change=${(e: CustomEvent<AnalyticsFilters>) => (this._filters = e.detail)}
        ></panel-analytics-filters>
        ${this._view === 'offices'
          ? html`<label class="no-print"
              >${t('analytics.comparison.compareWith')}
              <select data-testid="region-compare-with" @change=${(e: Event) => (this._chosenComparison = (e.target as HTMLSelectElement).value as CompareWith)}>
                ${COMPARE_WITH.map((c) => html`<option value=${c} ?selected=${c === compareWith}>${t(`analytics.comparison.compareWithOptions.${c}`)}</option>`)}
              </select></label
            >`
          : ''}
      </div>
      ${this._renderView(question)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-region': PanelRegion;
  }
}
