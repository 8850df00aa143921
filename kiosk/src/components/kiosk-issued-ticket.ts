// The ticket on screen while it prints: the number large, the service, people ahead and the
// expected wait as the server estimated them when it issued the ticket.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translatorFor } from '../../../common/i18n';
import type { Lang, Ticket } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { kioskStyles } from '../kiosk-styles';

/** The second tap of a double tap must not dismiss the ticket it just produced. */
const DONE_ARMS_AFTER_MS = 800;

@customElement('kiosk-issued-ticket')
export class KioskIssuedTicket extends LitElement {
  static override styles = [
    tokens,
    kioskStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: var(--tl-space-4);
        text-align: center;
      }
      .label {
        font-size: var(--kiosk-title);
        color: var(--tl-text-muted);
      }
      .code {
        font-size: 220px;
        line-height: 1;
        font-weight: 800;
        color: var(--tl-text);
        letter-spacing: 0.02em;
      }
      .service {
        font-size: var(--kiosk-title);
        font-weight: 700;
      }
      .estimate {
        font-size: 40px;
      }
      .print {
        font-size: var(--kiosk-text);
        color: var(--tl-text-muted);
      }
      .print.failed {
        color: var(--tl-danger);
        font-weight: 700;
      }
      .big-button {
        min-width: 360px;
        margin-top: var(--tl-space-4);
      }
    `,
  ];

  @property({ attribute: false }) ticket: Ticket | null = null;
  @property() serviceName = '';
  @property() language: Lang = 'ru';
  @state() private _armed = false;
  private armTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this._armed = false;
    this.armTimer = setTimeout(() => (this._armed = true), DONE_ARMS_AFTER_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.armTimer);
  }

  override render() {
    const { ticket } = this;
    if (!ticket) return html``;
    const t = translatorFor(this.language);
    const failed = ticket.print === 'failed';
    return html`
      <div class="label">${t('ticket.yourNumber')}</div>
      <div class="code" data-ticket-code>${ticket.code}</div>
      <div class="service">${this.serviceName}</div>
      ${ticket.estimate
        ? html`<div class="estimate" data-ahead>${t('ticket.peopleAhead', { count: ticket.estimate.ahead })}</div>
            <div class="estimate">${t('ticket.expectedWait', { count: ticket.estimate.waitMinutes })}</div>`
        : null}
      <div class="print ${failed ? 'failed' : ''}" role="status">${failed ? t('kiosk.printFailed') : t('kiosk.takeTicket')}</div>
      <button class="big-button" data-done ?disabled=${!this._armed} @click=${this.done}>${t('kiosk.done')}</button>
    `;
  }

  private done(): void {
    this.dispatchEvent(new CustomEvent('overlay-close', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-issued-ticket': KioskIssuedTicket;
  }
  interface HTMLElementEventMap {
    'overlay-close': CustomEvent<void>;
  }
}
