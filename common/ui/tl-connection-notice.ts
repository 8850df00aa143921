// Shown while the socket is down: says so in words, so a screen never looks current when it is not.
// The connection resumes by itself (QueueConnection reconnects); this element only tells people.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translate } from '../i18n';
import type { Lang } from '../protocol';
import type { ConnectionState } from './queue-connection';
import { tokens } from './tokens';

@customElement('tl-connection-notice')
export class TlConnectionNotice extends LitElement {
  static override styles = [
    tokens,
    css`
      :host([hidden]) {
        display: none;
      }
      div {
        display: flex;
        align-items: center;
        gap: var(--tl-space-3);
        padding: var(--tl-space-3) var(--tl-space-4);
        border-radius: var(--tl-radius);
        background: var(--tl-warning);
        color: #ffffff;
        font-size: var(--tl-notice-text, var(--tl-text-l));
        font-weight: 600;
      }
      .spinner {
        flex: none;
        width: 1em;
        height: 1em;
        border: 0.18em solid currentColor;
        border-right-color: transparent;
        border-radius: 50%;
        animation: spin 1s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(360deg);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner {
          animation: none;
        }
      }
    `,
  ];

  @property() state: ConnectionState = 'connecting';
  @property() language: Lang = 'ru';

  override render() {
    if (this.state === 'online') return html``;
    return html`<div role="status"><span class="spinner" aria-hidden="true"></span>${translate(this.language, 'common.reconnecting')}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tl-connection-notice': TlConnectionNotice;
  }
}
