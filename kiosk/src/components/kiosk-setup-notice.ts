// Shown instead of service buttons when the kiosk has no key or the server refused it: a message
// for staff, since a visitor can do nothing about it.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translatorFor } from '../../../common/i18n';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { kioskStyles } from '../kiosk-styles';

@customElement('kiosk-setup-notice')
export class KioskSetupNotice extends LitElement {
  static override styles = [
    tokens,
    kioskStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: var(--tl-space-4);
        padding: var(--tl-space-5);
      }
      h1 {
        margin: 0;
        font-size: var(--kiosk-title);
      }
      p {
        margin: 0;
        font-size: var(--kiosk-text);
      }
    `,
  ];

  @property() language: Lang = 'ru';
  /** The staff instruction, already translated. */
  @property() detail = '';

  override render() {
    return html`<h1>${translatorFor(this.language)('kiosk.setup.title')}</h1>
      <p>${this.detail}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-setup-notice': KioskSetupNotice;
  }
}
