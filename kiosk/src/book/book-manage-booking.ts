// One booking as its visitor sees it: the code, what and when, its state, and — while it is still
// booked — moving it or cancelling it, the latter only after a second, explicit "yes".
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import type { Lang, ManagedBooking } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { bookStyles } from './book-styles';

@customElement('book-manage-booking')
export class BookManageBooking extends LitElement {
  static override styles = [
    tokens,
    bookStyles,
    css`
      :host {
        display: grid;
        gap: var(--tl-space-3);
      }
      p {
        margin: 0;
      }
      .code {
        justify-self: start;
        padding: var(--tl-space-2) var(--tl-space-3);
        border: 3px solid var(--tl-primary);
        border-radius: var(--tl-radius);
        font-family: 'DejaVu Sans Mono', 'Roboto Mono', monospace;
        font-size: var(--tl-text-l);
        font-weight: 700;
        letter-spacing: 0.2em;
      }
      .status {
        font-weight: 700;
      }
      .status.cancelled,
      .status.no-show {
        color: var(--tl-danger);
      }
      .danger {
        border-color: var(--tl-danger);
        color: var(--tl-danger);
      }
      .question {
        padding: var(--tl-space-3);
        border-radius: var(--tl-radius);
        background: #fef2f2;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) booking!: ManagedBooking;
  @property() language: Lang = 'ru';
  /** What and when, already worded in the office's zone. */
  @property() summary = '';
  /** The slot's date and time, for the cancel question. */
  @property({ attribute: false }) when: { date: string; time: string } = { date: '', time: '' };
  @property({ type: Boolean }) sending = false;
  @state() private _asking = false;

  override render() {
    const b = this.booking;
    const t = translate;
    const lang = this.language;
    return html`<p class="code" data-code=${b.code}>${b.code}</p>
      <p><strong>${this.summary}</strong></p>
      <p class="status ${b.status}" data-status=${b.status} role="status">${t(lang, `manage.status.${b.status}`)}</p>
      ${b.cancelledBy ? html`<p>${t(lang, b.cancelledBy === 'visitor' ? 'manage.cancelledByVisitor' : 'manage.cancelledByStaff')}</p>` : ''}
      ${b.changeable
        ? this._asking
          ? html`<p class="question" role="alert">${t(lang, 'manage.cancelQuestion', this.when)}</p>
              <div class="row">
                <button type="button" class="primary" data-role="cancel-yes" ?disabled=${this.sending} @click=${() => this.tell('manage-cancel')}>
                  ${t(lang, 'manage.cancelYes')}
                </button>
                <button type="button" class="choice" @click=${() => (this._asking = false)}>${t(lang, 'manage.cancelNo')}</button>
              </div>`
          : html`<div class="row">
              <button type="button" class="choice" data-role="move" @click=${() => this.tell('manage-move-start')}>${t(lang, 'manage.move')}</button>
              <button type="button" class="choice danger" data-role="cancel" @click=${() => (this._asking = true)}>${t(lang, 'manage.cancel')}</button>
            </div>`
        : ''}`;
  }

  private tell(name: 'manage-cancel' | 'manage-move-start'): void {
    this._asking = false;
    this.dispatchEvent(new Event(name, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'book-manage-booking': BookManageBooking;
  }
  interface HTMLElementEventMap {
    'manage-cancel': Event;
    'manage-move-start': Event;
  }
}
