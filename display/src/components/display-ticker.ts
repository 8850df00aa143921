import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { tokens } from '../../../common/ui/tokens';
import { hallPalette } from '../display-styles';

/** Reading speed of the running text, in characters per second: slow enough to read from afar. */
const CHARS_PER_SECOND = 8;

/** The office's running text along the bottom edge. */
@customElement('display-ticker')
export class DisplayTicker extends LitElement {
  static override styles = [
    tokens,
    hallPalette,
    css`
      :host {
        display: block;
        overflow: hidden;
        white-space: nowrap;
        background: var(--display-accent);
        color: #111827;
        font-size: 4.4vmin;
        font-weight: 700;
        padding: var(--tl-space-2) 0;
      }
      span {
        display: inline-block;
        padding-left: 100%;
        animation: run var(--duration) linear infinite;
      }
      @keyframes run {
        to {
          transform: translateX(-100%);
        }
      }
    `,
  ];

  @property() text = '';

  override render() {
    const seconds = Math.max(10, Math.round(this.text.length / CHARS_PER_SECOND) + 10);
    return html`<span style="--duration: ${seconds}s">${this.text}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-ticker': DisplayTicker;
  }
}
