// Name and phone of the visitor; the browser checks that both are filled in before it submits.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { bookStyles } from './book-styles';

export interface Visitor {
  name: string;
  phone: string;
}

export type VisitorSubmitEvent = CustomEvent<Visitor>;

@customElement('book-visitor-form')
export class BookVisitorForm extends LitElement {
  static override styles = [
    tokens,
    bookStyles,
    css`
      form {
        display: grid;
        gap: var(--tl-space-3);
      }
      label {
        display: grid;
        gap: var(--tl-space-1);
        font-weight: 600;
      }
      input {
        box-sizing: border-box;
        min-height: var(--book-touch);
        padding: var(--tl-space-2) var(--tl-space-3);
        border: 2px solid var(--tl-border);
        border-radius: var(--tl-radius);
        font: inherit;
        font-weight: 400;
      }
    `,
  ];

  @property() language: Lang = 'ru';
  @property({ type: Boolean }) sending = false;

  override render() {
    const t = (key: 'booking.name' | 'booking.phone') => translate(this.language, key);
    return html`<form @submit=${this.submit}>
      <label>${t('booking.name')}<input name="name" autocomplete="name" required maxlength="100" /></label>
      <label>${t('booking.phone')}<input name="phone" type="tel" autocomplete="tel" required maxlength="30" pattern="[+]?[0-9 ()\\-]{6,30}" /></label>
      <button class="primary" type="submit" ?disabled=${this.sending}>
        ${translate(this.language, this.sending ? 'booking.sending' : 'booking.submit')}
      </button>
    </form>`;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const visitor = { name: String(data.get('name') ?? '').trim(), phone: String(data.get('phone') ?? '').trim() };
    this.dispatchEvent(new CustomEvent<Visitor>('visitor-submit', { detail: visitor, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'book-visitor-form': BookVisitorForm;
  }
  interface HTMLElementEventMap {
    'visitor-submit': VisitorSubmitEvent;
  }
}
