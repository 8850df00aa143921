// The shared pool of postponed tickets: any booth may call one once its postponement is over. Phone
// tickets waiting for their visitor's "I'm here" wait here too; a booth may call one by choice.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Ticket } from '../../../common/protocol';
import { isPostponedDue } from './booth-view';
import { officeTime } from '../shared/describe';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import { ticketListStyles, ticketRow } from './ticket-row';

@customElement('panel-postponed')
export class PanelPostponed extends LitElement {
  static override styles = [
    panelStyles,
    ticketListStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) tickets: Ticket[] = [];
  @property({ type: Number }) now = 0;
  @property({ type: Boolean }) canCall = false;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    return html`<section class="card" data-queue="postponed">
      <h2>${t('panel.postponed.heading')}</h2>
      ${this.tickets.length === 0
        ? html`<p class="muted">${t('panel.postponed.empty')}</p>`
        : html`<ul class="tickets">
            ${this.tickets.map((ticket) => {
              const due = isPostponedDue(ticket, this.now);
              const detail = this._detail(env, ticket, due);
              return ticketRow(env, ticket, { detail, callable: due && this.canCall, onCall: (t) => this._call(t) });
            })}
          </ul>`}
    </section>`;
  }

  private _detail(env: PanelEnv, ticket: Ticket, due: boolean): string {
    const { t } = env;
    const awaiting = ticket.awaitingArrival;
    if (awaiting) return awaiting.until === null ? t('join.staffAwaiting') : t('join.staffAwaitingUntil', { time: officeTime(env, awaiting.until) });
    return due ? t('panel.postponed.dueNow') : t('panel.postponed.dueAt', { time: officeTime(env, ticket.postponedUntil ?? 0) });
  }

  private _call(ticket: Ticket): void {
    this.dispatchEvent(new CustomEvent<string>('call-ticket', { detail: ticket.id, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-postponed': PanelPostponed;
  }
}
