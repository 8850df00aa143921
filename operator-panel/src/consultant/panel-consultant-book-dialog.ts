// Booking a chosen slot: the visitor's name and phone, their language where the office speaks more
// than one (the booking's messages, its printout and the text read aloud are in it; the office's
// default is chosen first) and, where the office sends them, an e-mail address and SMS for the
// booking's messages (only when the visitor agrees, which the consultant ticks), checked by the same
// schema the server uses (so the consultant hears what is wrong before the visitor hangs up), then the
// booking itself.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { bookAppointmentSchema, type Appointment, type BookAppointmentInput, type Lang, type LocalDate, type OfferedChannels, type PublicOffice, type SlotView } from '../../../common/protocol';
import { localized } from '../../../common/ui/localized-text';
import { clockTime } from '../shared/format';
import { appointmentsApi } from './panel-consultant-api';
import { shortDay } from './panel-consultant-format';
import { refusalText } from './panel-consultant-refusal';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import { visitorLanguageOptions } from '../shared/visitor-language';
import type { PanelDialog } from '../shared/panel-dialog';
import '../shared/panel-dialog';

export type BookedEvent = CustomEvent<Appointment>;

@customElement('panel-consultant-book-dialog')
export class PanelConsultantBookDialog extends LitElement {
  static override styles = panelStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property() serviceId = '';
  @property() day: LocalDate = '';
  @property({ attribute: false }) chosenSlot: SlotView | null = null;
  /** The office's ways of telling visitors (from the booking info); e-mail and SMS are offered only where on. */
  @property({ attribute: false }) channels: OfferedChannels | null = null;
  @state() private _error: string | null = null;
  @state() private _busy = false;
  @query('panel-dialog') private _dialog!: PanelDialog;
  @query('input[name="name"]') private _name!: HTMLInputElement;
  @query('input[name="phone"]') private _phone!: HTMLInputElement;
  @query('select[name="language"]') private _language!: HTMLSelectElement | null;
  @query('input[name="email"]') private _email!: HTMLInputElement | null;
  @query('input[name="sms"]') private _sms!: HTMLInputElement | null;
  @query('input[name="consent"]') private _consent!: HTMLInputElement | null;

  async show(): Promise<void> {
    await this.updateComplete;
    this._name.value = '';
    this._phone.value = '';
    if (this._email) this._email.value = '';
    if (this._language && this._env) this._language.value = this._env.snapshot.office.defaultLanguage;
    for (const box of [this._sms, this._consent]) if (box) box.checked = false;
    this._error = null;
    await this._dialog.show();
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { office, services } = env.snapshot;
    const service = services.find((s) => s.id === this.serviceId);
    const heading = this.chosenSlot
      ? env.t('consultant.book.heading', {
          service: service ? localized(service.name, env.lang, office.defaultLanguage) : this.serviceId,
          date: shortDay(this.day, env.lang),
          time: clockTime(this.chosenSlot.start, env.lang, office.timeZone),
        })
      : '';
    return html`<panel-dialog
      .heading=${heading}
      .submitLabel=${env.t('consultant.book.submit')}
      .cancelLabel=${env.t('common.cancel')}
      .error=${this._error}
      ?busy=${this._busy}
      @dialog-submit=${() => void this._submit(env)}
    >
      <label>${env.t('consultant.book.name')}<input name="name" autocomplete="off" maxlength="100" /></label>
      <label>${env.t('consultant.book.phone')}<input name="phone" type="tel" autocomplete="off" maxlength="30" /></label>
      ${this.renderLanguage(env, office)} ${this.renderNotify(env)}
    </panel-dialog>`;
  }

  private renderLanguage(env: PanelEnv, office: PublicOffice) {
    if (office.languages.length < 2) return '';
    return html`<label>${env.t('consultant.book.language')}<select name="language">${visitorLanguageOptions(office)}</select></label>`;
  }

  private renderNotify(env: PanelEnv) {
    const { email, sms } = this.channels ?? { email: false, sms: false };
    if (!email && !sms) return '';
    return html`${email ? html`<label>${env.t('consultant.book.email')}<input name="email" type="email" autocomplete="off" maxlength="254" /></label>` : ''}
      ${sms ? html`<label class="inline"><input name="sms" type="checkbox" />${env.t('consultant.book.sms')}</label>` : ''}
      <label class="inline"><input name="consent" type="checkbox" />${env.t('consultant.book.consent')}</label>`;
  }

  /** The messages the visitor asked for, or the key of what is wrong with the request. */
  private notifyRequest(): Pick<BookAppointmentInput, 'email' | 'notify' | 'consent'> | 'consultant.book.emailInvalid' | 'consultant.book.consentMissing' {
    const email = this._email?.value.trim() ?? '';
    const sms = this._sms?.checked ?? false;
    if (email === '' && !sms) return {};
    if (email !== '' && !bookAppointmentSchema.shape.email.safeParse(email).success) return 'consultant.book.emailInvalid';
    if (!this._consent?.checked) return 'consultant.book.consentMissing';
    return { ...(email !== '' && { email }), notify: { email: email !== '', sms }, consent: true };
  }

  private async _submit(env: PanelEnv): Promise<void> {
    const slot = this.chosenSlot;
    if (!slot) return;
    const { shape } = bookAppointmentSchema;
    const name = shape.name.safeParse(this._name.value);
    const phone = shape.phone.safeParse(this._phone.value);
    if (!name.success || !phone.success) {
      this._error = env.t(name.success ? 'consultant.book.phoneInvalid' : 'consultant.book.nameMissing');
      (name.success ? this._phone : this._name).focus();
      return;
    }
    const notify = this.notifyRequest();
    if (typeof notify === 'string') {
      this._error = env.t(notify);
      (notify === 'consultant.book.emailInvalid' ? this._email : this._consent)?.focus();
      return;
    }
    this._busy = true;
    const language = this._language && { language: this._language.value as Lang };
    const result = await appointmentsApi(env.officeId).book({ serviceId: this.serviceId, slotStart: slot.start, name: name.data, phone: phone.data, ...language, ...notify });
    this._busy = false;
    if (!result.ok) {
      this._error = refusalText(result.error, env.t, env.lang, env.snapshot.office.timeZone);
      // Someone else may have taken the time meanwhile: the grid behind the dialog should say so.
      this.dispatchEvent(new CustomEvent('booking-refused', { bubbles: true, composed: true }));
      return;
    }
    this._dialog.close();
    this.dispatchEvent(new CustomEvent<Appointment>('appointment-booked', { detail: result.data, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-consultant-book-dialog': PanelConsultantBookDialog;
  }
  interface HTMLElementEventMap {
    'appointment-booked': BookedEvent;
    'booking-refused': CustomEvent<void>;
  }
}
