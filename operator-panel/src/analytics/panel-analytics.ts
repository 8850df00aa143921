// The manager's analytics: tabs for the reports, the period and service every report is asked
// for (kept while switching tabs), and a heading that only paper shows, saying what was printed.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LocalDate } from '../../../common/protocol';
import { localDate } from '../../../common/time/calendar';
import { serviceName } from '../shared/describe';
import { analyticsFormat } from './panel-analytics-format';
import { presetPeriod, type AnalyticsFilters } from './panel-analytics-query';
import { analyticsStyles, reportTabsStyles } from './panel-analytics-styles';
import { panelEnv, serverNow, type PanelEnv } from '../shared/panel-env';
import './panel-analytics-appointments';
import './panel-analytics-comparison';
import './panel-analytics-filters';
import './panel-analytics-journal';
import './panel-analytics-live';
import './panel-analytics-load';
import './panel-analytics-peak';
import './panel-analytics-ratings';
import './panel-analytics-staffing';
import './panel-analytics-waits';

const VIEWS = ['peak', 'waits', 'load', 'appointments', 'comparison', 'staffing', 'journal', 'ratings', 'live'] as const;
export type AnalyticsViewId = (typeof VIEWS)[number];
/** Views whose reports always cover the whole office: no service to choose. */
const OFFICE_WIDE: readonly AnalyticsViewId[] = ['journal', 'ratings'];

@customElement('panel-analytics')
export class PanelAnalytics extends LitElement {
  static override styles = [
    analyticsStyles,
    reportTabsStyles,
    css`
      .print-only {
        display: none;
      }
      @media print {
        nav,
        panel-analytics-filters {
          display: none;
        }
        .print-only {
          display: block;
          margin: 0 0 8px;
          font-size: 20px;
        }
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  /** The tab to show first (the regional view opens an office's analytics on a tab); the first tab when null. */
  @property({ attribute: false }) openOn: AnalyticsViewId | null = null;
  @state() private _view: AnalyticsViewId = 'peak';
  @state() private _filters: AnalyticsFilters | null = null;

  private _today(): LocalDate {
    return localDate(serverNow(this._env), this._env.snapshot.office.timeZone);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('openOn') && this.openOn) this._view = this.openOn;
    this._filters ??= { officeId: this._env.officeId, ...presetPeriod('last30Days', this._today()), serviceId: null };
  }

  private _renderView(filters: AnalyticsFilters) {
    switch (this._view) {
      case 'peak':
        return html`<panel-analytics-peak .filters=${filters}></panel-analytics-peak>`;
      case 'waits':
        return html`<panel-analytics-waits .filters=${filters}></panel-analytics-waits>`;
      case 'load':
        return html`<panel-analytics-load .filters=${filters}></panel-analytics-load>`;
      case 'appointments':
        return html`<panel-analytics-appointments .filters=${filters}></panel-analytics-appointments>`;
      case 'comparison':
        return html`<panel-analytics-comparison .filters=${filters} .today=${this._today()}></panel-analytics-comparison>`;
      case 'staffing':
        return html`<panel-analytics-staffing .filters=${filters}></panel-analytics-staffing>`;
      case 'journal':
        return html`<panel-analytics-journal .filters=${filters}></panel-analytics-journal>`;
      case 'ratings':
        return html`<panel-analytics-ratings .filters=${filters}></panel-analytics-ratings>`;
      case 'live':
        return html`<panel-analytics-live></panel-analytics-live>`;
    }
  }

  override render() {
    const filters = this._filters;
    if (!filters) return '';
    const { t } = this._env;
    const format = analyticsFormat(this._env.lang);
    const officeWide = OFFICE_WIDE.includes(this._view);
    return html`
      <nav aria-label=${t('analytics.heading')}>
        ${VIEWS.map(
          (id) => html`<button type="button" data-analytics-view=${id} aria-current=${id === this._view ? 'page' : 'false'} @click=${() => (this._view = id)}>
            ${t(`analytics.views.${id}`)}
          </button>`,
        )}
      </nav>
      <h1 class="print-only">
        ${this._view === 'live'
          ? t('analytics.views.live')
          : t('analytics.printHeading', {
              report: t(`analytics.views.${this._view}`),
              from: format.date(filters.from),
              to: format.date(filters.to),
              service: filters.serviceId && !officeWide ? serviceName(this._env, filters.serviceId) : t('analytics.filters.allServices'),
            })}
      </h1>
      ${this._view === 'live'
        ? ''
        : html`<panel-analytics-filters
            .filters=${filters}
            .today=${this._today()}
            .serviceFilter=${!officeWide}
            @filters-change=${(e: CustomEvent<AnalyticsFilters>) => (this._filters = e.detail)}
          ></panel-analytics-filters>`}
      ${this._renderView(filters)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-analytics': PanelAnalytics;
  }
}
