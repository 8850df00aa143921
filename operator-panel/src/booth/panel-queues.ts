// The queues this booth serves: per service how many wait, the longest wait, booked visitors due
// soon, and the tickets themselves; plus tickets transferred to this booth by name.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Ticket } from '../../../common/protocol';
import { waitedMinutes, type BoothView, type ServiceQueue } from './booth-view';
import { officeTime, text } from '../shared/describe';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import { ticketListStyles, ticketRow } from './ticket-row';

/** A long queue shows its head; the rest is counted, and "Call a ticket" reaches any of them. */
const SHOWN_PER_QUEUE = 8;

@customElement('panel-queues')
export class PanelQueues extends LitElement {
  static override styles = [
    panelStyles,
    ticketListStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-3);
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tl-space-2) var(--tl-space-3);
        align-items: baseline;
        margin-bottom: var(--tl-space-2);
      }
      .count {
        font-size: var(--tl-text-l);
        font-weight: 700;
      }
      .count.none {
        font-size: var(--tl-text-m);
        font-weight: 400;
        color: var(--tl-text-muted);
      }
      h3 {
        margin: 0;
        font-size: var(--tl-text-m);
      }
      .weight {
        font-weight: 400;
        color: var(--tl-text-muted);
        font-size: var(--tl-text-s);
      }
      .more {
        margin: var(--tl-space-1) 0 0;
        color: var(--tl-text-muted);
      }
    `,
  ];

  @property({ attribute: false }) view: BoothView | null = null;
  @property({ type: Number }) now = 0;
  /** The booth is open and free, so a ticket may be called by choice. */
  @property({ type: Boolean }) canCall = false;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;

  override render() {
    const { view, _env: env } = this;
    if (!view || !env) return html``;
    return html`
      <h2>${env.t('panel.queues.heading')}</h2>
      ${view.assigned.length
        ? html`<section class="card" data-queue="assigned">
            <h3>${env.t('panel.queues.assignedHeading')}</h3>
            <ul class="tickets">${view.assigned.map((ticket) => this._row(env, ticket))}</ul>
          </section>`
        : ''}
      ${view.queues.map((queue) => this._renderQueue(env, queue))}
    `;
  }

  private _renderQueue(env: PanelEnv, queue: ServiceQueue) {
    const { t } = env;
    const hidden = queue.waiting.length - SHOWN_PER_QUEUE;
    return html`<section class="card" data-queue=${queue.service.id}>
      <div class="summary">
        <h3>${text(env, queue.service.name)} <span class="weight">${t(`panel.queues.${queue.weight}`)}</span></h3>
        <span class="count ${queue.waiting.length ? '' : 'none'}" data-testid="waiting-count">${t('panel.queues.waiting', { count: queue.waiting.length })}</span>
        ${queue.longestWaitMinutes !== null ? html`<span>${t('panel.queues.longest', { minutes: queue.longestWaitMinutes })}</span>` : ''}
        ${queue.bookedSoon.length ? html`<span class="badge warn">${t('panel.queues.bookedSoon', { count: queue.bookedSoon.length })}</span>` : ''}
      </div>
      ${queue.waiting.length ? html`<ul class="tickets">${queue.waiting.slice(0, SHOWN_PER_QUEUE).map((ticket) => this._row(env, ticket))}</ul>` : ''}
      ${hidden > 0 ? html`<p class="more">+${hidden}</p>` : ''}
    </section>`;
  }

  private _row(env: PanelEnv, ticket: Ticket) {
    const detail = `${officeTime(env, ticket.issuedAt)} · ${env.t('panel.queues.waitedMinutes', { minutes: waitedMinutes(ticket, this.now) })}`;
    return ticketRow(env, ticket, { detail, callable: this.canCall, onCall: (t) => this._call(t) });
  }

  private _call(ticket: Ticket): void {
    this.dispatchEvent(new CustomEvent<string>('call-ticket', { detail: ticket.id, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-queues': PanelQueues;
  }
  interface HTMLElementEventMap {
    'call-ticket': CustomEvent<string>;
  }
}
