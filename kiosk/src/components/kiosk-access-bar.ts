// Help for a visitor who does not see the screen well, on every kiosk screen: "Large text" (larger,
// high-contrast; pressed again, back to normal) and "Read aloud" (the screen's heading and options,
// or the ticket, in the visitor's language). Both sit beside the language switch.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translatorFor } from '../../../common/i18n';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { kioskStyles } from '../kiosk-styles';
import type { ReadingState } from '../screen-reader';

/** A loudspeaker drawn inline: kiosks often lack an emoji font. */
const SPEAKER = html`<svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="1.1em" height="1.1em" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">
  <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
  <path d="M16.5 8.5a5 5 0 0 1 0 7M19.5 5.5a9 9 0 0 1 0 13" />
</svg>`;

@customElement('kiosk-access-bar')
export class KioskAccessBar extends LitElement {
  static override styles = [
    tokens,
    kioskStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--tl-space-2);
      }
      .big-button {
        --kiosk-button-text: calc(28px * var(--kiosk-scale, 1));
        display: inline-flex;
        align-items: center;
        gap: var(--tl-space-2);
        padding: 0 var(--tl-space-3);
      }
      .big-button[aria-pressed='true'] {
        background: var(--tl-primary);
        color: var(--tl-primary-text);
      }
      .icon {
        font-size: 1.2em;
        line-height: 1;
      }
      .failed {
        flex-basis: 100%;
        color: var(--tl-danger);
        font-weight: 700;
      }
    `,
  ];

  @property() language: Lang = 'ru';
  @property({ type: Boolean }) largeText = false;
  @property() reading: ReadingState = 'idle';
  /** The last reading could not be done (no voice in the browser, the server unreachable). */
  @property({ type: Boolean }) failed = false;

  override render() {
    const t = translatorFor(this.language);
    return html`<button
        class="big-button secondary"
        data-large-text
        aria-pressed=${this.largeText ? 'true' : 'false'}
        @click=${() => this.dispatchEvent(new Event('large-text-toggle', { bubbles: true, composed: true }))}
      >
        <span class="icon" aria-hidden="true">A+</span>${t('kiosk.largeText')}
      </button>
      <button
        class="big-button secondary"
        data-read-aloud
        data-reading=${this.reading}
        aria-busy=${this.reading === 'loading' ? 'true' : 'false'}
        @click=${() => this.dispatchEvent(new Event('read-aloud', { bubbles: true, composed: true }))}
      >
        ${SPEAKER}${t('kiosk.readAloud')}
      </button>
      ${this.failed ? html`<span class="failed" role="status">${t('kiosk.readAloudFailed')}</span>` : null}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-access-bar': KioskAccessBar;
  }
  interface HTMLElementEventMap {
    'large-text-toggle': Event;
    'read-aloud': Event;
  }
}
