// "I'm here" on the live ticket page of a phone ticket that waits for its visitor: come to the office
// by the given time, and a tap makes the ticket callable (POST …/public/tickets/<id>/arrived with this
// phone's id). Only the phone that took the ticket knows that id; another browser is told so.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translatorFor } from '../../../common/i18n';
import type { ErrorCode, Lang } from '../../../common/protocol';
import { officeApi } from '../../../common/ui/office-api';
import { tokens } from '../../../common/ui/tokens';
import { clockTime } from '../office-time';
import { phoneButtonStyles, phoneCardStyles } from './phone-button-styles';
import { knownPhoneId } from './phone-memory';

@customElement('kiosk-arrival')
export class KioskArrival extends LitElement {
  static override styles = [
    tokens,
    phoneButtonStyles,
    phoneCardStyles,
    css`
      section {
        border: 2px solid var(--tl-primary);
        text-align: center;
      }
      h2 {
        margin: 0;
        font-size: var(--tl-text-l);
      }
      p {
        margin: 0;
      }
      button {
        font-size: 28px;
        font-weight: 800;
      }
      .problem {
        color: var(--tl-danger);
        font-weight: 600;
      }
    `,
  ];

  @property() officeId = '';
  @property() ticketId = '';
  /** When the ticket is dropped if nobody says "I'm here"; null: it waits all day. */
  @property({ attribute: false }) until: number | null = null;
  @property() timeZone = 'UTC';
  @property() language: Lang = 'ru';
  @state() private _sending = false;
  @state() private _problem: ErrorCode | null = null;

  private async arrive(): Promise<void> {
    const phoneId = knownPhoneId();
    if (!phoneId || this._sending) return;
    this._sending = true;
    this._problem = null;
    const result = await officeApi(this.officeId)(`/public/tickets/${encodeURIComponent(this.ticketId)}/arrived`, { body: { phoneId } });
    this._sending = false;
    if (!result.ok) {
      this._problem = result.error.code;
      return;
    }
    // The page reads the ticket again; the queue's own event would bring it too, a moment later.
    this.dispatchEvent(new CustomEvent('arrived', { bubbles: true, composed: true }));
  }

  override render() {
    const t = translatorFor(this.language);
    const phoneId = knownPhoneId();
    return html`<section data-status="awaiting-arrival">
      <h2>${t('join.arrivalHeading')}</h2>
      <p>${this.until === null ? t('join.arrivalAllDay') : t('join.arrivalUntil', { time: clockTime(this.until, this.language, this.timeZone) })}</p>
      ${phoneId
        ? html`<button ?disabled=${this._sending} @click=${() => void this.arrive()}>${this._sending ? t('join.arriving') : t('join.imHere')}</button>`
        : html`<p class="problem">${t('join.otherPhone')}</p>`}
      ${this._problem ? html`<p class="problem" role="alert">${t(`errors.${this._problem}`)}</p>` : null}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-arrival': KioskArrival;
  }
}
