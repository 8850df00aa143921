// The booking code and the phone number it was made with: how a visitor without the link finds their
// booking. Checked here in the visitor's language; the server answers a wrong pair as "not found".
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { bookFormStyles, bookStyles } from './book-styles';
import { PHONE_PATTERN } from './book-visitor-form';

export interface CodeAndPhone {
  code: string;
  phone: string;
}

type Field = keyof CodeAndPhone;

@customElement('book-manage-find')
export class BookManageFind extends LitElement {
  static override styles = [
    tokens,
    bookStyles,
    bookFormStyles,
    css`
      input[name='code'] {
        font-family: 'DejaVu Sans Mono', 'Roboto Mono', monospace;
        letter-spacing: 0.15em;
        text-transform: uppercase;
      }
    `,
  ];

  @property() language: Lang = 'ru';
  @property({ type: Boolean }) sending = false;
  @state() private _invalid: ReadonlySet<Field> = new Set();
  @query('form') private readonly form!: HTMLFormElement;

  override render() {
    const t = (key: 'manage.code' | 'manage.phone' | 'manage.find' | 'manage.finding' | 'manage.codeInvalid' | 'booking.phoneInvalid') => translate(this.language, key);
    return html`<form novalidate @submit=${this.submit} @input=${() => (this._invalid = new Set())}>
      <label
        >${t('manage.code')}
        <input name="code" autocomplete="off" autocapitalize="characters" required maxlength="20" aria-describedby="code-error" aria-invalid=${String(this._invalid.has('code'))}
      /></label>
      <p class="field-error" id="code-error" ?hidden=${!this._invalid.has('code')}>${t('manage.codeInvalid')}</p>
      <label
        >${t('manage.phone')}
        <input
          name="phone"
          type="tel"
          autocomplete="tel"
          required
          maxlength="30"
          pattern=${PHONE_PATTERN}
          aria-describedby="phone-error"
          aria-invalid=${String(this._invalid.has('phone'))}
      /></label>
      <p class="field-error" id="phone-error" ?hidden=${!this._invalid.has('phone')}>${t('booking.phoneInvalid')}</p>
      <button class="primary" type="submit" ?disabled=${this.sending}>${t(this.sending ? 'manage.finding' : 'manage.find')}</button>
    </form>`;
  }

  private field(name: Field): HTMLInputElement {
    return this.form.elements.namedItem(name) as HTMLInputElement;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const wrong = new Set((['code', 'phone'] as const).filter((f) => !this.field(f).checkValidity()));
    this._invalid = wrong;
    if (wrong.size > 0) return;
    const detail = { code: this.field('code').value.trim(), phone: this.field('phone').value.trim() };
    this.dispatchEvent(new CustomEvent<CodeAndPhone>('manage-find', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'book-manage-find': BookManageFind;
  }
  interface HTMLElementEventMap {
    'manage-find': CustomEvent<CodeAndPhone>;
  }
}
