// The booking code, large and spaced for reading aloud, with what was booked and what to do next,
// and the one link that lets the visitor see, move or cancel the booking later.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { bookStyles } from './book-styles';

@customElement('book-receipt')
export class BookReceipt extends LitElement {
  static override styles = [
    tokens,
    bookStyles,
    css`
      :host {
        display: grid;
        gap: var(--tl-space-3);
        justify-items: center;
        text-align: center;
      }
      h2 {
        margin: 0;
        font-size: var(--tl-text-l);
      }
      .code {
        padding: var(--tl-space-3) var(--tl-space-4);
        border: 3px solid var(--tl-primary);
        border-radius: var(--tl-radius);
        font-family: 'DejaVu Sans Mono', 'Roboto Mono', monospace;
        font-size: var(--tl-text-xl);
        font-weight: 700;
        letter-spacing: 0.2em;
      }
      p {
        margin: 0;
      }
      .manage {
        font-weight: 700;
      }
      .hint {
        font-size: var(--tl-text-s);
        color: var(--tl-text-muted);
      }
    `,
  ];

  @property() language: Lang = 'ru';
  @property() code = '';
  /** What was booked, already worded: service, day and time. */
  @property() summary = '';
  /** The manage page with the booking's token (`manageBookingPath`); shown only here, once. */
  @property() manageUrl = '';

  override render() {
    return html`<h2>${translate(this.language, 'booking.codeTitle')}</h2>
      <div class="code" data-code=${this.code}>${this.code}</div>
      <p><strong>${this.summary}</strong></p>
      <p>${translate(this.language, 'booking.codeHint')}</p>
      ${this.manageUrl
        ? html`<p><a class="manage" data-role="manage-link" href=${this.manageUrl}>${translate(this.language, 'manage.receiptLink')}</a></p>
            <p class="hint">${translate(this.language, 'manage.receiptLinkHint')}</p>`
        : ''}
      <button class="primary" type="button" @click=${() => this.dispatchEvent(new Event('book-again', { bubbles: true, composed: true }))}>
        ${translate(this.language, 'booking.another')}
      </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'book-receipt': BookReceipt;
  }
  interface HTMLElementEventMap {
    'book-again': Event;
  }
}
