// The ticket on screen while it prints: the number large, the service, people ahead and the
// expected wait as the server estimated them when it issued the ticket. When the printer fails —
// or says nothing for too long — the ticket stays valid: the screen says so and shows the QR code of
// the live ticket page, so the visitor can follow their place on the phone instead.
//
// "Too long" is settled with the server, not guessed here: once patience runs out the element asks
// the kiosk to give up (`print-overdue`), and "failed" shows only when the server says so — then
// the job has expired and that paper can never come out later for nobody. The QR code points at the
// server's public URL, which the server tells the kiosk: the kiosk's own address is often localhost.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import QRCode from 'qrcode';
import { expectedWaitText, translatorFor } from '../../../common/i18n';
import type { Lang, Ticket } from '../../../common/protocol';
import { liveTicketUrl } from '../../../common/protocol/printing';
import { tokens } from '../../../common/ui/tokens';
import { kioskStyles } from '../kiosk-styles';

/** The second tap of a double tap must not dismiss the ticket it just produced. */
const DONE_ARMS_AFTER_MS = 800;
/** A printer that has not answered by then is given up on (unless it is printing right now). */
const PRINT_PATIENCE_MS = 8_000;

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
        font-size: calc(40px * var(--kiosk-scale, 1));
      }
      .print {
        font-size: var(--kiosk-text);
        color: var(--tl-text-muted);
      }
      .print.failed {
        color: var(--tl-danger);
        font-weight: 700;
      }
      .qr svg {
        width: 260px;
        height: 260px;
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
  /** Where visitors' phones reach the server, as the server told the kiosk; null: no QR code. */
  @property() publicUrl: string | null = null;
  /** The kiosk's office: the live ticket page needs it beside the ticket id. */
  @property() officeId: string | null = null;
  @state() private _armed = false;
  @state() private _qr = '';
  @state() private _qrUrl = '';
  private armTimer: ReturnType<typeof setTimeout> | undefined;
  private patienceTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this._armed = false;
    this.troubleReported = false;
    this.armTimer = setTimeout(() => (this._armed = true), DONE_ARMS_AFTER_MS);
    this.patienceTimer = setTimeout(() => {
      const { ticket } = this;
      if (ticket?.print === 'pending') this.dispatchEvent(new CustomEvent('print-overdue', { detail: ticket.id, bubbles: true, composed: true }));
    }, PRINT_PATIENCE_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.armTimer);
    clearTimeout(this.patienceTimer);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (!(changed.has('ticket') || changed.has('publicUrl')) || !this.ticket || !this.publicUrl || !this.officeId) return;
    const url = liveTicketUrl(this.publicUrl, this.officeId, this.ticket.id);
    if (url === this._qrUrl) return;
    this._qrUrl = url;
    void QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((svg) => (this._qr = svg));
  }

  override updated(): void {
    if (this.printState() === 'failed' && !this.troubleReported) {
      this.troubleReported = true;
      // The visitor needs time to note the number or scan the code: the kiosk keeps the screen longer.
      this.dispatchEvent(new CustomEvent('print-trouble', { bubbles: true, composed: true }));
    }
  }

  private troubleReported = false;

  private printState(): 'printing' | 'printed' | 'failed' | 'none' {
    const print = this.ticket?.print;
    if (print === 'failed') return 'failed';
    if (print === 'pending') return 'printing';
    return print === 'printed' ? 'printed' : 'none';
  }

  override render() {
    const { ticket } = this;
    if (!ticket) return html``;
    const t = translatorFor(this.language);
    const print = this.printState();
    const failed = print === 'failed';
    const message = { printing: t('kiosk.printing'), printed: t('kiosk.takeTicket'), failed: t('kiosk.printFailed'), none: '' }[print];
    return html`
      <div class="label">${t('ticket.yourNumber')}</div>
      <div class="code" data-ticket-code>${ticket.code}</div>
      <div class="service">${this.serviceName}</div>
      ${ticket.estimate
        ? html`<div class="estimate" data-ahead>${t('ticket.peopleAhead', { count: ticket.estimate.ahead })}</div>
            <div class="estimate" data-wait>${expectedWaitText(t, ticket.estimate.waitMinutes)}</div>`
        : null}
      <div class="print ${failed ? 'failed' : ''}" role="status" data-print=${print}>${message}</div>
      ${failed && this._qr ? html`<div class="qr" data-qr=${this._qrUrl}>${unsafeSVG(this._qr)}</div><div class="print">${t('ticket.trackOnline')}</div>` : null}
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
    'print-trouble': CustomEvent<void>;
    /** The ticket (its id) has not printed within the kiosk's patience. */
    'print-overdue': CustomEvent<string>;
  }
}
