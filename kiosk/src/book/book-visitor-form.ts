// Name and phone of the visitor and, where the office offers them, an e-mail address and an SMS to
// that phone about the booking, sent only with the visitor's explicit consent. The form checks its
// fields itself (not the browser's bubbles, which speak the browser's language, not the visitor's) and
// shows each problem next to its field, as it shows the server's refusal of a field.
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import type { BookAppointmentInput, Lang, OfferedChannels } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { bookFormStyles, bookStyles } from './book-styles';

/** What the form adds to a booking: who comes, and how they asked to be told about it. */
export type Visitor = Pick<BookAppointmentInput, 'name' | 'phone' | 'email' | 'notify' | 'consent'>;

export type VisitorField = 'name' | 'phone' | 'email' | 'consent';
export type VisitorSubmitEvent = CustomEvent<Visitor>;

/**
 * Digits with the usual separators. Browsers compile `pattern` with the `v` flag, where brackets
 * and the hyphen inside a class must be escaped; the server checks the digit count (6–15).
 */
export const PHONE_PATTERN = String.raw`\+?[0-9 \(\)\-]{6,30}`;

const FIELDS: readonly VisitorField[] = ['name', 'phone', 'email', 'consent'];

const LABEL = { name: 'booking.name', phone: 'booking.phone', email: 'booking.email', consent: 'booking.notifyConsent' } as const;
const PROBLEM = { name: 'booking.nameInvalid', phone: 'booking.phoneInvalid', email: 'booking.emailInvalid', consent: 'booking.consentMissing' } as const;

const NO_CHANNELS: OfferedChannels = { push: false, sms: false, email: false };

@customElement('book-visitor-form')
export class BookVisitorForm extends LitElement {
  static override styles = [
    tokens,
    bookStyles,
    bookFormStyles,
    css`
      label.check {
        display: flex;
        align-items: flex-start;
        gap: var(--tl-space-2);
        font-weight: 400;
      }
      label.check input {
        flex: none;
        width: 24px;
        min-height: 24px;
        margin: 2px 0 0;
      }
    `,
  ];

  @property() language: Lang = 'ru';
  @property({ type: Boolean }) sending = false;
  /** The office's ways of telling the visitor; the form offers e-mail and SMS only where they are on. */
  @property({ attribute: false }) channels: OfferedChannels = NO_CHANNELS;
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
      ${this.renderNotify()}
      <button class="primary" type="submit" ?disabled=${this.sending}>
        ${translate(this.language, this.sending ? 'booking.sending' : 'booking.submit')}
      </button>
    </form>`;
  }

  /** The optional messages: nothing at all when the office sends neither e-mail nor SMS. */
  private renderNotify() {
    const { email, sms } = this.channels;
    if (!email && !sms) return '';
    return html`${email
        ? this.renderField(
            'email',
            html`<input id="email" name="email" type="email" autocomplete="email" maxlength="254" aria-describedby="email-error" aria-invalid=${String(this._invalid.has('email'))} />`,
          )
        : ''}
      ${sms
        ? html`<label class="check"><input name="sms" type="checkbox" />${translate(this.language, 'booking.notifySms')}</label>`
        : ''}
      ${this.renderField(
        'consent',
        html`<input id="consent" name="consent" type="checkbox" aria-describedby="consent-error" aria-invalid=${String(this._invalid.has('consent'))} />`,
        'check',
      )}`;
  }

  private renderField(field: VisitorField, input: unknown, kind: 'text' | 'check' = 'text') {
    const label = translate(this.language, LABEL[field]);
    return html`${kind === 'check' ? html`<label class="check">${input}${label}</label>` : html`<label>${label}${input}</label>`}
      <p class="field-error" id="${field}-error" data-error=${field} ?hidden=${!this._invalid.has(field)}>
        ${this._invalid.has(field) ? translate(this.language, PROBLEM[field]) : ''}
      </p>`;
  }

  /** The form's control of that name; null for the optional ones the office does not offer. */
  private control(name: VisitorField | 'sms'): HTMLInputElement | null {
    return this.form.elements.namedItem(name) as HTMLInputElement | null;
  }

  private field(name: VisitorField): HTMLInputElement {
    return this.control(name)!;
  }

  private readonly edited = (event: Event): void => {
    const name = (event.target as HTMLInputElement).name as VisitorField;
    if (this._invalid.has(name)) this._invalid = new Set([...this._invalid].filter((f) => f !== name));
  };

  /** Shows which fields are wrong and moves the cursor to the first of them. */
  async showInvalid(fields: ReadonlySet<VisitorField>): Promise<void> {
    this._invalid = fields;
    await this.updateComplete;
    const first = FIELDS.find((f) => fields.has(f) && this.control(f));
    if (first) this.field(first).focus();
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const email = this.control('email')?.value.trim() ?? '';
    const sms = this.control('sms')?.checked ?? false;
    const consent = this.control('consent')?.checked ?? false;
    const wrong = new Set(FIELDS.filter((f) => this.control(f)?.checkValidity() === false));
    // Asking for a message is only half of it: the consent box says yes to being sent one.
    if ((email !== '' || sms) && !consent) wrong.add('consent');
    if (wrong.size > 0) {
      void this.showInvalid(wrong);
      return;
    }
    const visitor: Visitor = {
      name: this.field('name').value.trim(),
      phone: this.field('phone').value.trim(),
      ...(email !== '' && { email }),
      ...((email !== '' || sms) && { notify: { email: email !== '', sms }, consent: true as const }),
    };
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
