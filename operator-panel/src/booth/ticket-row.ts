// One waiting ticket in a list (a service's queue, the booth's transfers, the postponed pool):
// code, a detail such as its wait, its badges, and a button to call it by choice.
import { css, html } from 'lit';
import type { Ticket } from '../../../common/protocol';
import { ticketBadges } from '../shared/describe';
import type { PanelEnv } from '../shared/panel-env';

export interface TicketRowOptions {
  detail: string;
  /** The booth is free and may call this ticket now. */
  callable: boolean;
  onCall: (ticket: Ticket) => void;
}

export function ticketRow(env: PanelEnv, ticket: Ticket, options: TicketRowOptions) {
  return html`<li data-ticket=${ticket.code}>
    <span class="code">${ticket.code}</span>
    <span class="detail">${options.detail}</span>
    <span class="badges">${ticketBadges(env, ticket).map((b) => html`<span class="badge">${b}</span>`)}</span>
    ${options.callable
      ? html`<button type="button" class="call" @click=${() => options.onCall(ticket)}>${env.t('panel.queues.call', { code: ticket.code })}</button>`
      : ''}
  </li>`;
}

export const ticketListStyles = css`
  ul.tickets {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ul.tickets li {
    display: grid;
    grid-template-columns: 4.5rem 9rem 1fr auto;
    align-items: center;
    gap: var(--tl-space-2);
    padding: var(--tl-space-1) 0;
    border-top: 1px solid var(--tl-border);
  }
  ul.tickets .code {
    font-weight: 700;
    font-size: var(--tl-text-m);
  }
  ul.tickets .detail {
    color: var(--tl-text-muted);
    font-variant-numeric: tabular-nums;
  }
  ul.tickets .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tl-space-1);
  }
  ul.tickets button.call {
    min-height: 32px;
    font-size: var(--tl-text-s);
    padding: 0 var(--tl-space-2);
  }
`;
