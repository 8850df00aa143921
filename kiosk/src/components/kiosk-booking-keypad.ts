// "I have an appointment": an on-screen keypad for the booking code. The server cannot check
// bookings in yet, so submitting says so plainly instead of pretending to succeed.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translatorFor } from '../../../common/i18n';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { kioskStyles } from '../kiosk-styles';

const MAX_CODE_LENGTH = 8;
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

@customElement('kiosk-booking-keypad')
export class KioskBookingKeypad extends LitElement {
  static override styles = [
    tokens,
    kioskStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: var(--kiosk-gap);
      }
      h2 {
        margin: 0;
        font-size: var(--kiosk-title);
        text-align: center;
      }
      output {
        box-sizing: border-box;
        min-width: 560px;
        min-height: 120px;
        padding: var(--tl-space-3);
        border: 4px solid var(--tl-text);
        border-radius: var(--tl-radius);
        background: var(--tl-surface);
        font-size: 80px;
        font-weight: 700;
        letter-spacing: 0.15em;
        text-align: center;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(3, 180px);
        grid-auto-rows: 120px;
        gap: var(--tl-space-3);
      }
      .keys .big-button {
        font-size: 56px;
        padding: 0;
      }
      .keys .erase {
        font-size: var(--kiosk-text);
      }
      .actions {
        display: flex;
        gap: var(--kiosk-gap);
      }
      .actions .big-button {
        min-width: 260px;
      }
      p {
        margin: 0;
        max-width: 22em;
        padding: var(--tl-space-4);
        border-radius: var(--tl-radius);
        background: var(--tl-surface);
        border: 4px solid var(--tl-warning);
        font-size: 36px;
        font-weight: 600;
        text-align: center;
      }
    `,
  ];

  @property() language: Lang = 'ru';
  @state() private _code = '';
  @state() private _submitted = false;

  override render() {
    const t = translatorFor(this.language);
    if (this._submitted) {
      return html`<p role="alert" data-booking-unavailable>${t('kiosk.keypad.unavailable')}</p>
        <button class="big-button" @click=${this.close}>${t('common.ok')}</button>`;
    }
    return html`
      <h2>${t('kiosk.keypad.title')}</h2>
      <output aria-live="polite">${this._code || '\u00a0'}</output>
      <div class="keys">
        ${DIGITS.map((d) => html`<button class="big-button secondary" @click=${() => this.press(d)}>${d}</button>`)}
        <button class="big-button secondary erase" @click=${this.erase}>${t('kiosk.keypad.erase')}</button>
        <button class="big-button secondary" @click=${() => this.press('0')}>0</button>
        <span></span>
      </div>
      <div class="actions">
        <button class="big-button secondary" @click=${this.close}>${t('common.back')}</button>
        <button class="big-button" data-submit ?disabled=${this._code === ''} @click=${this.submit}>${t('kiosk.keypad.submit')}</button>
      </div>
    `;
  }

  private press(digit: string): void {
    if (this._code.length < MAX_CODE_LENGTH) this._code += digit;
  }

  private erase(): void {
    this._code = this._code.slice(0, -1);
  }

  private submit(): void {
    this._submitted = true;
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('overlay-close', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-booking-keypad': KioskBookingKeypad;
  }
}
