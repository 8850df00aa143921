// One message in words and an OK button: a refused ticket, a lost answer. The text is already
// translated by the caller.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { kioskStyles } from '../kiosk-styles';

@customElement('kiosk-message-panel')
export class KioskMessagePanel extends LitElement {
  static override styles = [
    tokens,
    kioskStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: var(--tl-space-5);
        text-align: center;
      }
      p {
        margin: 0;
        max-width: 24em;
        font-size: var(--kiosk-title);
        font-weight: 700;
      }
      .big-button {
        min-width: 360px;
      }
    `,
  ];

  @property() message = '';
  @property() language: Lang = 'ru';

  override render() {
    return html`<p role="alert">${this.message}</p>
      <button class="big-button" @click=${this.close}>${translate(this.language, 'common.ok')}</button>`;
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('overlay-close', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-message-panel': KioskMessagePanel;
  }
}
