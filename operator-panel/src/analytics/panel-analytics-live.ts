// The hall now: waiting per service and the longest wait, each booth's state and ticket, and the
// visitors predicted to miss their target while there is still time to act. Refreshed when the
// live connection reports a queue change, and every few seconds so waits keep growing on screen.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiError, QueueSnapshot } from '../../../common/protocol';
import { officeApi } from '../../../common/ui/office-api';
import '../../../common/ui/tl-bar-chart';
import { officeTime, serviceName } from '../shared/describe';
import { analyticsFormat } from './panel-analytics-format';
import { dataTable, reportState } from './panel-analytics-parts';
import { analyticsStyles } from './panel-analytics-styles';
import type { BreachAlert, LiveMonitor } from './panel-analytics-types';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import './panel-analytics-figure';

const REFRESH_MS = 5_000;
/** Several queue events often arrive together (call, finish, call): one request for the burst. */
const EVENT_SETTLE_MS = 300;

@customElement('panel-analytics-live')
export class PanelAnalyticsLive extends LitElement {
  static override styles = [
    analyticsStyles,
    css`
      .alerts {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-2);
      }
      .alerts li {
        display: flex;
        gap: var(--tl-space-3);
        align-items: baseline;
        padding: var(--tl-space-2) var(--tl-space-3);
        border-radius: 8px;
        border-left: 6px solid var(--tl-warning);
        background: #fdf3e7;
      }
      .alerts li.breached {
        border-left-color: var(--tl-danger);
        background: #fbe9e9;
      }
      .alerts strong {
        min-width: 9em;
      }
      .status-open {
        color: var(--tl-success);
        font-weight: 600;
      }
      .status-paused {
        color: var(--tl-warning);
        font-weight: 600;
      }
      .status-closed {
        color: var(--tl-text-muted);
      }
      .late {
        color: var(--tl-danger);
        font-weight: 700;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true }) private _env!: PanelEnv;
  @state() private _live: LiveMonitor | null = null;
  @state() private _error: ApiError | null = null;
  private _timer: ReturnType<typeof setInterval> | undefined;
  private _settle: ReturnType<typeof setTimeout> | undefined;
  private _seenSnapshot: QueueSnapshot | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._refresh();
    this._timer = setInterval(() => void this._refresh(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._timer);
    clearTimeout(this._settle);
  }

  protected override willUpdate(): void {
    // A new snapshot object means the connection applied a queue event.
    if (this._env.snapshot === this._seenSnapshot) return;
    const first = this._seenSnapshot === null;
    this._seenSnapshot = this._env.snapshot;
    if (first) return;
    clearTimeout(this._settle);
    this._settle = setTimeout(() => void this._refresh(), EVENT_SETTLE_MS);
  }

  private async _refresh(): Promise<void> {
    const answer = await officeApi(this._env.officeId)<LiveMonitor>('/analytics/live');
    if (answer.ok) {
      this._live = answer.data;
      this._error = null;
    } else {
      this._error = answer.error;
    }
  }

  private _alert(a: BreachAlert) {
    const { t } = this._env;
    const f = analyticsFormat(this._env.lang);
    const left = Math.abs(Math.round(a.minutesLeft));
    return html`<li class=${a.state} data-alert=${a.state}>
      <strong>${t(a.state === 'breached' ? 'analytics.live.breached' : 'analytics.live.atRisk')} · ${t(a.state === 'breached' ? 'analytics.live.minutesOver' : 'analytics.live.minutesLeft', { minutes: left })}</strong>
      <span
        >${a.predictedWaitMinutes === null
          ? `${a.code} · ${serviceName(this._env, a.serviceId)}: ${t('analytics.live.noCounter')}`
          : t('analytics.live.alertLine', {
              code: a.code,
              service: serviceName(this._env, a.serviceId),
              waited: f.decimal(a.waitedMinutes),
              predicted: f.decimal(a.predictedWaitMinutes),
              target: f.decimal(a.targetMinutes),
            })}</span
      >
    </li>`;
  }

  override render() {
    const { t, lang } = this._env;
    const live = this._live;
    if (!live) return reportState(t, { loading: !this._error, error: this._error });
    const f = analyticsFormat(lang);
    return html`
      <p class="muted" role="status">${t('analytics.live.updated', { time: officeTime(this._env, live.at) })}</p>
      ${this._error ? reportState(t, { loading: false, error: this._error }) : ''}
      <section class="card" data-testid="live-alerts">
        <h2>${t('analytics.live.alerts')}</h2>
        ${live.alerts.length === 0 ? html`<p class="muted">${t('analytics.live.noAlerts')}</p>` : html`<ul class="alerts">${live.alerts.map((a) => this._alert(a))}</ul>`}
      </section>
      <panel-analytics-figure wide .heading=${t('analytics.live.queues')} fileName="talon-live-queues">
        <tl-bar-chart
          slot="chart"
          horizontal
          .label=${t('analytics.live.queues')}
          .categories=${live.services.map((s) => serviceName(this._env, s.serviceId))}
          .series=${[{ name: t('analytics.live.waiting'), values: live.services.map((s) => s.waiting) }]}
          .format=${f.count}
        ></tl-bar-chart>
        ${dataTable(
          [
            { header: t('analytics.filters.service'), cell: (s) => serviceName(this._env, s.serviceId) },
            { header: t('analytics.live.waiting'), cell: (s) => f.count(s.waiting), numeric: true },
            {
              header: t('analytics.live.longestWait'),
              cell: (s) => html`<span class=${(s.longestWaitMinutes ?? 0) > s.targetMinutes ? 'late' : ''}>${f.decimal(s.longestWaitMinutes)}</span>`,
              numeric: true,
            },
            { header: t('analytics.live.target'), cell: (s) => f.decimal(s.targetMinutes), numeric: true },
            { header: t('analytics.live.countersOpen'), cell: (s) => f.count(s.countersOpen), numeric: true },
          ],
          live.services,
          { testId: 'live-services' },
        )}
      </panel-analytics-figure>
      <section class="card">
        <h2>${t('analytics.live.counters')}</h2>
        ${dataTable(
          [
            { header: t('analytics.live.booth'), cell: (c) => c.number, numeric: true },
            {
              header: t('analytics.live.state'),
              cell: (c) =>
                html`<span class="status-${c.status}">${t(`panel.booth.status.${c.status}`)}${c.pauseReason ? ` · ${t(`panel.pauseReasons.${c.pauseReason}`)}` : ''}</span>`,
            },
            { header: t('analytics.live.operator'), cell: (c) => c.operatorName ?? '' },
            { header: t('analytics.live.ticket'), cell: (c) => c.ticketCode ?? '' },
            { header: t('analytics.live.minutesInState'), cell: (c) => f.decimal(c.minutesInState), numeric: true },
          ],
          live.counters,
          { testId: 'live-counters' },
        )}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-analytics-live': PanelAnalyticsLive;
  }
}
