// The visitor's own booking at /book/manage/?office=<id>: opened from the receipt's or a message's
// link (the token in the #fragment, which the browser never sends to the server) or found by code
// and phone. The root owns what was asked and what the server answered; the parts below show the
// booking, ask for a new time and ask for a code. Every request names the booking again, in its body.
import '../../../common/ui/without-eval';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import {
  LANGUAGES,
  type BookingInfo,
  type ErrorCode,
  type Lang,
  type ManageBookingInput,
  type ManagedBooking,
  type Result,
  type SlotView,
} from '../../../common/protocol';
import { localized } from '../../../common/ui/localized-text';
import { officeApi } from '../../../common/ui/office-api';
import { tokens } from '../../../common/ui/tokens';
import '../../../common/ui/tl-language-switch';
import { formatSlotDay, formatSlotTime } from './book-format';
import './book-manage-booking';
import './book-manage-find';
import type { CodeAndPhone } from './book-manage-find';
import './book-manage-move';
import type { BookManageMove } from './book-manage-move';
import { browserLanguage, officeFromUrl, preferredLanguage } from './book-page-start';
import { bookPageStyles, bookStyles } from './book-styles';

type Problem = 'load' | 'not-found' | 'link-not-found' | ErrorCode;
type Note = 'moved' | 'cancelled';

const tokenFromUrl = () => location.hash.slice(1) || null;

@customElement('book-manage-app')
export class BookManageApp extends LitElement {
  static override styles = [
    tokens,
    bookStyles,
    bookPageStyles,
    css`
      section {
        gap: var(--tl-space-3);
      }
      p {
        margin: 0;
      }
      .note {
        padding: var(--tl-space-3);
        border-radius: var(--tl-radius);
        background: #dcfce7;
        color: var(--tl-success);
        font-weight: 600;
      }
    `,
  ];

  private readonly _officeId = officeFromUrl();
  @state() private _info: BookingInfo | null = null;
  @state() private _lang: Lang = LANGUAGES.find((l) => l === browserLanguage()) ?? 'ru';
  /** How the visitor named their booking; sent again with each change. */
  @state() private _asked: ManageBookingInput | null = null;
  @state() private _booking: ManagedBooking | null = null;
  @state() private _moving = false;
  @state() private _sending = false;
  @state() private _problem: Problem | null = null;
  @state() private _note: Note | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  override updated(): void {
    const info = this._info;
    document.title = info
      ? translate(this._lang, 'manage.pageTitle', { office: localized(info.office.name, this._lang, info.office.defaultLanguage) })
      : translate(this._lang, 'manage.title');
    document.documentElement.lang = this._lang;
  }

  private get api() {
    return officeApi(this._officeId ?? '');
  }

  private async start(): Promise<void> {
    if (!this._officeId) {
      this._problem = 'load';
      return;
    }
    const info = await this.api<BookingInfo>('/public/booking');
    if (!info.ok) {
      this._problem = 'load';
      return;
    }
    this._info = info.data;
    this._lang = preferredLanguage(info.data);
    const token = tokenFromUrl();
    if (token) await this.find({ token });
  }

  private async find(asked: ManageBookingInput): Promise<void> {
    this._sending = true;
    const answer = await this.api<ManagedBooking>('/public/bookings/view', { body: asked });
    this._sending = false;
    this._note = null;
    if (this.took(answer, asked)) this._asked = asked;
  }

  /** Takes the server's answer about the booking; false (and the reason shown) when it refused. */
  private took(answer: Result<ManagedBooking>, asked: ManageBookingInput): boolean {
    if (answer.ok) {
      this._booking = answer.data;
      this._problem = null;
      return true;
    }
    const { code } = answer.error;
    this._problem = code === 'not-found' ? ('token' in asked ? 'link-not-found' : 'not-found') : code;
    return false;
  }

  private async cancel(): Promise<void> {
    if (!this._asked) return;
    this._sending = true;
    const answer = await this.api<ManagedBooking>('/public/bookings/cancel', { body: this._asked });
    this._sending = false;
    if (this.took(answer, this._asked)) this._note = 'cancelled';
  }

  private async move(slot: SlotView): Promise<void> {
    if (!this._asked) return;
    this._sending = true;
    const answer = await this.api<ManagedBooking>('/public/bookings/move', { body: { ...this._asked, slotStart: slot.start } });
    this._sending = false;
    if (this.took(answer, this._asked)) {
      this._moving = false;
      this._note = 'moved';
      return;
    }
    // Someone took the time meanwhile: show the day as it is now, keeping the message.
    if (!answer.ok && answer.error.code === 'slot-full') await this.renderRoot.querySelector<BookManageMove>('book-manage-move')?.reload();
  }

  override render() {
    const info = this._info;
    const lang = this._lang;
    return html`<header>
        <span class="office">${info ? localized(info.office.name, lang, info.office.defaultLanguage) : ''}</span>
        <tl-language-switch
          .languages=${info?.office.languages ?? [...LANGUAGES]}
          current=${lang}
          @language-change=${(e: CustomEvent<Lang>) => (this._lang = e.detail)}
        ></tl-language-switch>
      </header>
      <main>
        <h1>${translate(lang, 'manage.title')}</h1>
        ${this._problem ? html`<p class="problem" role="alert">${this.problemText(this._problem)}</p>` : ''}
        ${info ? (this._booking ? this.renderBooking(this._booking, info) : this.renderFind()) : ''}
        ${this._officeId ? html`<p><a href="/book/?office=${encodeURIComponent(this._officeId)}">${translate(lang, 'manage.bookAgain')}</a></p>` : ''}
      </main>`;
  }

  private renderFind() {
    return html`<section>
      <h2>${translate(this._lang, 'manage.findHeading')}</h2>
      <p>${translate(this._lang, 'manage.findIntro')}</p>
      <book-manage-find language=${this._lang} ?sending=${this._sending} @manage-find=${(e: CustomEvent<CodeAndPhone>) => void this.find(e.detail)}></book-manage-find>
    </section>`;
  }

  private renderBooking(booking: ManagedBooking, info: BookingInfo) {
    const lang = this._lang;
    const zone = info.office.timeZone;
    const when = { date: formatSlotDay(booking.slotStart, lang, zone), time: formatSlotTime(booking.slotStart, lang, zone) };
    const service = info.services.find((s) => s.id === booking.serviceId);
    const summary = translate(lang, 'booking.chosen', { service: service ? localized(service.name, lang, info.office.defaultLanguage) : '', ...when });
    return html`${this._note
        ? html`<p class="note" role="status" data-role="note">${this._note === 'moved' ? translate(lang, 'manage.moved', when) : translate(lang, 'manage.cancelled')}</p>`
        : ''}
      <section>
        <book-manage-booking
          .booking=${booking}
          language=${lang}
          summary=${summary}
          .when=${when}
          ?sending=${this._sending}
          @manage-cancel=${() => void this.cancel()}
          @manage-move-start=${() => {
            this._moving = true;
            this._note = null;
          }}
        ></book-manage-booking>
      </section>
      ${this._moving && booking.changeable
        ? html`<section>
            <h2>${translate(lang, 'manage.moveHeading', { service: service ? localized(service.name, lang, info.office.defaultLanguage) : '' })}</h2>
            <book-manage-move
              officeId=${this._officeId ?? ''}
              serviceId=${booking.serviceId}
              language=${lang}
              timeZone=${zone}
              .days=${info.days}
              .current=${booking.slotStart}
              ?sending=${this._sending}
              @manage-move=${(e: CustomEvent<SlotView>) => void this.move(e.detail)}
              @manage-keep=${() => (this._moving = false)}
            ></book-manage-move>
          </section>`
        : ''}`;
  }

  private problemText(problem: Problem): string {
    switch (problem) {
      case 'load':
        return translate(this._lang, 'booking.loadFailed');
      case 'not-found':
        return translate(this._lang, 'manage.notFound');
      case 'link-not-found':
        return translate(this._lang, 'manage.linkNotFound');
      default:
        return translate(this._lang, `errors.${problem}`);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'book-manage-app': BookManageApp;
  }
}
