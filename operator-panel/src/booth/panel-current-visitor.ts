// The visitor at the booth: the ticket code large, how long they have been here, why this ticket
// came up, and what the previous specialist wrote when they transferred it.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Ticket } from '../../../common/protocol';
import { callReasonText, officeTime, serviceName, ticketBadges } from '../shared/describe';
import { elapsed } from '../shared/format';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';

const MINUTE = 60_000;

@customElement('panel-current-visitor')
export class PanelCurrentVisitor extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
      }
      .top {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: var(--tl-space-3);
        flex-wrap: wrap;
      }
      .code {
        font-size: var(--tl-text-xxl);
        font-weight: 800;
        line-height: 1;
        letter-spacing: 0.02em;
      }
      .timer {
        font-size: var(--tl-text-xl);
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
      .status {
        font-size: var(--tl-text-m);
        font-weight: 600;
        color: var(--tl-warning);
      }
      .status.serving {
        color: var(--tl-success);
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tl-space-2) var(--tl-space-3);
        margin: var(--tl-space-2) 0;
        color: var(--tl-text-muted);
      }
      .reason {
        margin: var(--tl-space-2) 0 0;
        padding: var(--tl-space-2) var(--tl-space-3);
        border-left: 4px solid var(--tl-accent);
        background: #ecf7f5;
      }
      .comment {
        margin: var(--tl-space-2) 0 0;
        padding: var(--tl-space-2) var(--tl-space-3);
        border-left: 4px solid var(--tl-warning);
        background: #fdf3e7;
        white-space: pre-wrap;
      }
      .none {
        font-size: var(--tl-text-l);
        color: var(--tl-text-muted);
        margin: var(--tl-space-3) 0;
      }
    `,
  ];

  @property({ attribute: false }) ticket: Ticket | null = null;
  /** The server's current time, ticking in the booth. */
  @property({ type: Number }) now = 0;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    const ticket = this.ticket;
    if (!ticket) return html`<section class="card" aria-labelledby="h"><h2 id="h">${t('panel.visitor.heading')}</h2><p class="none">${t('panel.visitor.none')}</p></section>`;
    const serving = ticket.status === 'serving';
    const since = (serving ? ticket.startedAt : ticket.calledAt) ?? this.now;
    const waited = Math.max(0, Math.floor(((ticket.calledAt ?? this.now) - ticket.issuedAt) / MINUTE));
    return html`<section class="card" aria-labelledby="h">
      <h2 id="h">${t('panel.visitor.heading')}</h2>
      <div class="top">
        <span class="code" data-testid="current-code">${ticket.code}</span>
        <span class="status ${serving ? 'serving' : ''}">${t(serving ? 'panel.visitor.serving' : 'panel.visitor.called')}</span>
        <span class="timer" role="timer" aria-label=${t('panel.visitor.timerLabel')}>${elapsed(this.now - since)}</span>
      </div>
      <div class="facts">
        <strong>${serviceName(env, ticket.serviceId)}</strong>
        <span>${t('panel.visitor.issuedAt', { time: officeTime(env, ticket.issuedAt) })}</span>
        <span>${t('panel.visitor.waited', { count: waited })}</span>
        ${ticket.recalls > 0 ? html`<span>${t('panel.visitor.recalls', { count: ticket.recalls })}</span>` : ''}
        ${ticketBadges(env, ticket).map((b) => html`<span class="badge">${b}</span>`)}
      </div>
      ${ticket.callReason
        ? html`<p class="reason" data-testid="call-reason"><strong>${t('panel.reason.heading')}:</strong> ${callReasonText(env, ticket.callReason)}</p>`
        : ''}
      ${ticket.comment ? html`<p class="comment" data-testid="comment">${t('panel.visitor.comment', { comment: ticket.comment })}</p>` : ''}
      ${ticket.returnToServiceId
        ? html`<p class="muted">${t('panel.visitor.returnsTo', { service: serviceName(env, ticket.returnToServiceId) })}</p>`
        : ''}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-current-visitor': PanelCurrentVisitor;
  }
}
