// "I have an appointment": an on-screen keypad for the booking code, with exactly the letters and
// digits codes are made of (none that look alike). The app checks the code in; a refusal comes
// back here in words, so the visitor can correct a mistyped code.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translatorFor } from '../../../common/i18n';
import { APPOINTMENT_CODE_ALPHABET, APPOINTMENT_CODE_LENGTH, type Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { kioskStyles } from '../kiosk-styles';

const KEYS = [...APPOINTMENT_CODE_ALPHABET];

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
        font-size: calc(80px * var(--kiosk-scale, 1));
        font-weight: 700;
        letter-spacing: 0.15em;
        text-align: center;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(6, 120px);
        grid-auto-rows: 100px;
        gap: var(--tl-space-3);
      }
      .keys .big-button {
        font-size: calc(52px * var(--kiosk-scale, 1));
        padding: 0;
      }
      .keys .erase {
        grid-column: span 2;
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
        font-size: calc(36px * var(--kiosk-scale, 1));
        font-weight: 600;
        text-align: center;
      }
    `,
  ];

  @property() language: Lang = 'ru';
  /** Why the last code was refused, in words; shown above the keys. */
  @property() refusal = '';
  /** A check-in is on its way: keys are inert until it is answered. */
  @property({ type: Boolean }) busy = false;
  @state() private _code = '';

  override render() {
    const t = translatorFor(this.language);
    const complete = this._code.length === APPOINTMENT_CODE_LENGTH;
    return html`
      <h2>${t('kiosk.keypad.title')}</h2>
      <output aria-live="polite" data-code>${this._code || '\u00a0'}</output>
      ${this.refusal ? html`<p role="alert" data-refusal>${this.refusal}</p>` : null}
      <div class="keys">
        ${KEYS.map((k) => html`<button class="big-button secondary" data-key=${k} ?disabled=${this.busy} @click=${() => this.press(k)}>${k}</button>`)}
        <button class="big-button secondary erase" ?disabled=${this.busy} @click=${this.erase}>${t('kiosk.keypad.erase')}</button>
      </div>
      <div class="actions">
        <button class="big-button secondary" @click=${this.close}>${t('common.back')}</button>
        <button class="big-button" data-submit ?disabled=${!complete || this.busy} @click=${this.submit}>${t('kiosk.keypad.submit')}</button>
      </div>
    `;
  }

  private press(key: string): void {
    if (this._code.length < APPOINTMENT_CODE_LENGTH) this._code += key;
  }

  private erase(): void {
    this._code = this._code.slice(0, -1);
  }

  private submit(): void {
    this.dispatchEvent(new CustomEvent<string>('check-in', { detail: this._code, bubbles: true, composed: true }));
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('overlay-close', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-booking-keypad': KioskBookingKeypad;
  }
  interface HTMLElementEventMap {
    'check-in': CustomEvent<string>;
  }
}
