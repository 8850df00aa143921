// Name and phone of the visitor. The form checks both itself (not the browser's bubbles, which speak
// the browser's language, not the visitor's) and shows each problem next to its field, as it shows
// the server's refusal of a field.
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { bookStyles } from './book-styles';

export interface Visitor {
  name: string;
  phone: string;
}

export type VisitorField = keyof Visitor;
export type VisitorSubmitEvent = CustomEvent<Visitor>;

/**
 * Digits with the usual separators. Browsers compile `pattern` with the `v` flag, where brackets
 * and the hyphen inside a class must be escaped; the server checks the digit count (6–15).
 */
export const PHONE_PATTERN = String.raw`\+?[0-9 \(\)\-]{6,30}`;

const FIELDS: readonly VisitorField[] = ['name', 'phone'];

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
      input[aria-invalid='true'] {
        border-color: var(--tl-danger);
      }
      .field-error {
        margin: 0;
        color: var(--tl-danger);
        font-weight: 600;
      }
    `,
  ];

  @property() language: Lang = 'ru';
  @property({ type: Boolean }) sending = false;
  /** Fields found wrong (here or by the server); each shows its message until the visitor edits it. */
  @state() private _invalid: ReadonlySet<VisitorField> = new Set();
  @query('form') private readonly form!: HTMLFormElement;

  /** Brings the form into view and puts the cursor in its first field, right after a time is chosen. */
  async focusFirstField(): Promise<void> {
    await this.updateComplete;
    this.scrollIntoView({ block: 'center' });
    this.field('name').focus({ preventScroll: true });
  }

  override render() {
    return html`<form novalidate @submit=${this.submit} @input=${this.edited}>
      ${this.renderField('name', html`<input id="name" name="name" autocomplete="name" required maxlength="100" aria-describedby="name-error" aria-invalid=${String(this._invalid.has('name'))} />`)}
      ${this.renderField(
        'phone',
        html`<input
          id="phone"
          name="phone"
          type="tel"
          autocomplete="tel"
          required
          maxlength="30"
          pattern=${PHONE_PATTERN}
          aria-describedby="phone-error"
          aria-invalid=${String(this._invalid.has('phone'))}
        />`,
      )}
      <button class="primary" type="submit" ?disabled=${this.sending}>
        ${translate(this.language, this.sending ? 'booking.sending' : 'booking.submit')}
      </button>
    </form>`;
  }

  private renderField(field: VisitorField, input: unknown) {
    const label = translate(this.language, field === 'name' ? 'booking.name' : 'booking.phone');
    const problem = field === 'name' ? 'booking.nameInvalid' : 'booking.phoneInvalid';
    return html`<label>${label}${input}</label>
      <p class="field-error" id="${field}-error" data-error=${field} ?hidden=${!this._invalid.has(field)}>
        ${this._invalid.has(field) ? translate(this.language, problem) : ''}
      </p>`;
  }

  private field(name: VisitorField): HTMLInputElement {
    return this.form.elements.namedItem(name) as HTMLInputElement;
  }

  private readonly edited = (event: Event): void => {
    const name = (event.target as HTMLInputElement).name as VisitorField;
    if (this._invalid.has(name)) this._invalid = new Set([...this._invalid].filter((f) => f !== name));
  };

  /** Shows which fields are wrong and moves the cursor to the first of them. */
  async showInvalid(fields: ReadonlySet<VisitorField>): Promise<void> {
    this._invalid = fields;
    await this.updateComplete;
    const first = FIELDS.find((f) => fields.has(f));
    if (first) this.field(first).focus();
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const wrong = new Set(FIELDS.filter((f) => !this.field(f).checkValidity()));
    if (wrong.size > 0) {
      void this.showInvalid(wrong);
      return;
    }
    const visitor = { name: this.field('name').value.trim(), phone: this.field('phone').value.trim() };
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
