// A small notice on the booth panel: which of this booth's services have waiting visitors predicted
// to miss their target (the manager's live-monitor alert, where the work is). Live: it follows the
// server's `alerts:breach-risk` pushes, and disappears when nothing is at risk.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { serviceName } from '../shared/describe';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';

@customElement('panel-breach-notice')
export class PanelBreachNotice extends LitElement {
  static override styles = [
    panelStyles,
    css`
      section {
        padding: var(--tl-space-2) var(--tl-space-3);
        border-radius: var(--tl-radius);
        border: 1px solid var(--tl-warning);
        background: #fff7e6;
      }
      h2 {
        margin: 0 0 var(--tl-space-1);
        font-size: var(--tl-text-m);
      }
      ul {
        margin: 0;
        padding-left: 1.2em;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true }) private _env?: PanelEnv;
  @property() counterId = '';

  override render() {
    const env = this._env;
    const counter = env?.snapshot.counters.find((c) => c.id === this.counterId);
    if (!env || !counter) return html``;
    const served = new Set(counter.services.map((s) => s.serviceId));
    const risks = env.breachRisks.filter((r) => served.has(r.serviceId));
    if (risks.length === 0) return html``;
    const { t } = env;
    return html`<section role="status" aria-live="polite" data-testid="breach-notice">
      <h2>${t('panel.breachRisk.title')}</h2>
      <ul>
        ${risks.map(
          (r) =>
            html`<li data-service=${r.serviceId}>
              ${t('panel.breachRisk.service', { service: serviceName(env, r.serviceId), count: r.atRisk + r.breached, codes: r.codes.join(', ') })}${r.breached > 0
                ? html` · <strong>${t('panel.breachRisk.breached', { count: r.breached })}</strong>`
                : ''}
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-breach-notice': PanelBreachNotice;
  }
}
