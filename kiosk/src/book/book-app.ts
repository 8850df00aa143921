// The public booking page's root: owns the visitor's choices (language, office, service, day, time),
// loads what the chosen office lets book and sends the booking. One step follows another on a single
// scrolling page. The office comes from the link (`?office=<id>`); without one the page first asks
// which office, unless the organisation has only one.
import '../../../common/ui/without-eval';
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import { LANGUAGES, type BookingInfo, type BookingReceipt, type ErrorCode, type Lang, type LocalDate, type SlotView } from '../../../common/protocol';
import type { OfficeId, OfficeSummary } from '../../../common/protocol/offices';
import { api } from '../../../common/ui/api';
import { officeApi } from '../../../common/ui/office-api';
import { localized } from '../../../common/ui/localized-text';
import { tokens } from '../../../common/ui/tokens';
import '../../../common/ui/tl-language-switch';
import { formatDay, formatSlotDay, formatSlotTime } from './book-format';
import './book-office-list';
import './book-receipt';
import './book-slot-grid';
import { browserLanguage, officeFromUrl, preferredLanguage } from './book-page-start';
import { bookPageStyles, bookStyles } from './book-styles';
import './book-visitor-form';
import type { Visitor } from './book-visitor-form';
import { refusedFields } from './refused-fields';

type Problem = { kind: 'load' } | { kind: 'phone-limit' } | { kind: 'error'; code: ErrorCode };

@customElement('book-app')
export class BookApp extends LitElement {
  static override styles = [
    tokens,
    bookStyles,
    bookPageStyles,
  ];

  @state() private _officeId: OfficeId | null = officeFromUrl();
  /** The offices to choose from; null until asked (a link with `?office=` never asks). */
  @state() private _offices: OfficeSummary[] | null = null;
  @state() private _info: BookingInfo | null = null;
  @state() private _lang: Lang = LANGUAGES.find((l) => l === browserLanguage()) ?? 'ru';
  /** A language the visitor picked on the office step is kept if the office speaks it. */
  private _langChosen = false;
  @state() private _serviceId: string | null = null;
  @state() private _day: LocalDate | null = null;
  @state() private _slots: SlotView[] = [];
  @state() private _slot: SlotView | null = null;
  @state() private _sending = false;
  @state() private _receipt: BookingReceipt | null = null;
  @state() private _problem: Problem | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onHistory);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onHistory);
  }

  /** Back and forward move between the office step and an office's booking. */
  private readonly onHistory = () => {
    this._officeId = officeFromUrl();
    void this.start();
  };

  override updated(): void {
    const info = this._info;
    document.title = info
      ? translate(this._lang, 'booking.pageTitle', { office: localized(info.office.name, this._lang, info.office.defaultLanguage) })
      : translate(this._lang, 'booking.title');
    document.documentElement.lang = this._lang;
  }

  private async start(): Promise<void> {
    this.resetChoices();
    this._info = null;
    this._problem = null;
    if (this._officeId) return this.load(this._officeId);
    const offices = this._offices ? { ok: true as const, data: this._offices } : await api<OfficeSummary[]>('/api/offices');
    if (!offices.ok) {
      this._problem = { kind: 'load' };
      return;
    }
    this._offices = offices.data.filter((office) => !office.archived);
    // One office: nothing to choose, the page is that office's, as it always was.
    const [only] = this._offices;
    if (this._offices.length === 1 && only) {
      this._officeId = only.id;
      await this.load(only.id);
    }
  }

  private chooseOffice(officeId: OfficeId): void {
    history.pushState(null, '', `?office=${encodeURIComponent(officeId)}`);
    this._officeId = officeId;
    void this.start();
  }

  private chooseAnotherOffice(): void {
    history.pushState(null, '', location.pathname);
    this._officeId = null;
    void this.start();
  }

  private resetChoices(): void {
    this._serviceId = null;
    this._day = null;
    this._slots = [];
    this._slot = null;
    this._receipt = null;
  }

  override render() {
    const info = this._info;
    if (!this._officeId && this._offices) return this.renderOffices(this._offices);
    if (!info) return this._problem ? html`<main>${this.renderProblem()}</main>` : html``;
    const t = (key: 'booking.title' | 'booking.service' | 'booking.day' | 'booking.time' | 'booking.noServices') => translate(this._lang, key);
    return html`<header>
        <span class="office">${localized(info.office.name, this._lang, info.office.defaultLanguage)}</span>
        ${this._offices && this._offices.length > 1
          ? html`<button type="button" class="choice" data-role="another-office" @click=${this.chooseAnotherOffice}>${translate(this._lang, 'offices.choose.another')}</button>`
          : ''}
        <tl-language-switch .languages=${info.office.languages} current=${this._lang} @language-change=${(e: CustomEvent<Lang>) => this.setLanguage(e.detail)}></tl-language-switch>
      </header>
      <main>
      <h1>${t('booking.title')}</h1>
      ${this._receipt
        ? html`<section>
            <book-receipt
              language=${this._lang}
              code=${this._receipt.code}
              manageUrl=${this._receipt.manageUrl}
              summary=${this.summary(this._receipt.serviceId, this._receipt.slotStart)}
              @book-again=${this.startOver}
            ></book-receipt>
          </section>`
        : info.services.length === 0
          ? html`<p class="problem">${t('booking.noServices')}</p>`
          : html`<section>
                <h2>${t('booking.service')}</h2>
                <div class="row">
                  ${info.services.map(
                    (s) => html`<button type="button" class="choice" aria-pressed=${String(s.id === this._serviceId)} @click=${() => this.chooseService(s.id)}>
                      ${localized(s.name, this._lang, info.office.defaultLanguage)}
                    </button>`,
                  )}
                </div>
              </section>
              ${this._serviceId ? this.renderDays(info) : ''} ${this._day && this._serviceId ? this.renderSlots(info) : ''}
              ${this._slot && this._serviceId ? this.renderVisitor() : ''}`}
      <p><a data-role="manage" href="/book/manage/?office=${encodeURIComponent(this._officeId ?? '')}">${translate(this._lang, 'manage.findLink')}</a></p>
      </main>`;
  }

  private renderOffices(offices: readonly OfficeSummary[]) {
    return html`<header>
        <span class="office">${translate(this._lang, 'booking.title')}</span>
        <tl-language-switch .languages=${[...LANGUAGES]} current=${this._lang} @language-change=${(e: CustomEvent<Lang>) => this.setLanguage(e.detail)}></tl-language-switch>
      </header>
      <main>
        <h1>${translate(this._lang, 'offices.choose.heading')}</h1>
        ${this._problem ? this.renderProblem() : ''}
        <section>
          <h2>${translate(this._lang, 'offices.choose.intro')}</h2>
          <book-office-list .offices=${offices} language=${this._lang} @office-choose=${(e: CustomEvent<OfficeId>) => this.chooseOffice(e.detail)}></book-office-list>
        </section>
      </main>`;
  }

  private renderDays(info: BookingInfo) {
    return html`<section>
      <h2>${translate(this._lang, 'booking.day')}</h2>
      <div class="row">
        ${info.days.map(
          (day) => html`<button type="button" class="choice" aria-pressed=${String(day === this._day)} @click=${() => this.chooseDay(day)}>
            ${formatDay(day, this._lang)}
          </button>`,
        )}
      </div>
    </section>`;
  }

  private renderSlots(info: BookingInfo) {
    return html`<section>
      <h2>${translate(this._lang, 'booking.time')}</h2>
      <book-slot-grid
        .slots=${this._slots}
        .chosen=${this._slot?.start ?? null}
        language=${this._lang}
        timeZone=${info.office.timeZone}
        @slot-choose=${(e: CustomEvent<SlotView>) => void this.chooseSlot(e.detail)}
      ></book-slot-grid>
    </section>`;
  }

  private renderVisitor() {
    return html`<section>
      <h2>${this.summary(this._serviceId!, this._slot!.start)}</h2>
      ${this._problem ? this.renderProblem() : ''}
      <book-visitor-form language=${this._lang} .channels=${this._info!.channels} ?sending=${this._sending} @visitor-submit=${(e: CustomEvent<Visitor>) => void this.submit(e.detail)}></book-visitor-form>
    </section>`;
  }

  private renderProblem() {
    const problem = this._problem!;
    const text =
      problem.kind === 'load'
        ? translate(this._lang, 'booking.loadFailed')
        : problem.kind === 'phone-limit'
          ? translate(this._lang, 'booking.phoneLimit')
          : translate(this._lang, `errors.${problem.code}`);
    return html`<p class="problem" role="alert">${text}</p>`;
  }

  private summary(serviceId: string, slotStart: number): string {
    const info = this._info!;
    const service = info.services.find((s) => s.id === serviceId);
    return translate(this._lang, 'booking.chosen', {
      service: service ? localized(service.name, this._lang, info.office.defaultLanguage) : '',
      date: formatSlotDay(slotStart, this._lang, info.office.timeZone),
      time: formatSlotTime(slotStart, this._lang, info.office.timeZone),
    });
  }

  private async load(officeId: OfficeId): Promise<void> {
    const answer = await officeApi(officeId)<BookingInfo>('/public/booking');
    if (officeId !== this._officeId) return;
    // A link to an office that is gone (archived, mistyped): the visitor chooses among those there are.
    if (!answer.ok && answer.error.code === 'office-not-found') {
      history.replaceState(null, '', location.pathname);
      this._officeId = null;
      return this.start();
    }
    if (!answer.ok) {
      this._problem = { kind: 'load' };
      return;
    }
    this._info = answer.data;
    const kept = this._langChosen && answer.data.office.languages.includes(this._lang);
    if (!kept) this._lang = preferredLanguage(answer.data);
  }

  private setLanguage(lang: Lang): void {
    this._lang = lang;
    this._langChosen = true;
  }

  /** The form appears below every time of the day: bring it into view, cursor in its first field. */
  private async chooseSlot(slot: SlotView): Promise<void> {
    this._slot = slot;
    this._problem = null;
    await this.updateComplete;
    await this.renderRoot.querySelector('book-visitor-form')?.focusFirstField();
  }

  private chooseService(serviceId: string): void {
    this._serviceId = serviceId;
    void this.loadSlots();
  }

  private chooseDay(day: LocalDate): void {
    this._day = day;
    void this.loadSlots();
  }

  private async loadSlots(): Promise<void> {
    this._slot = null;
    this._slots = [];
    if (!this._serviceId || !this._day || !this._officeId) return;
    const answer = await officeApi(this._officeId)<SlotView[]>(`/public/slots?serviceId=${encodeURIComponent(this._serviceId)}&date=${this._day}`);
    if (answer.ok) this._slots = answer.data;
    else this._problem = { kind: 'error', code: answer.error.code };
  }

  private async submit(visitor: Visitor): Promise<void> {
    if (!this._serviceId || !this._slot || !this._officeId || this._sending) return;
    this._sending = true;
    this._problem = null;
    const answer = await officeApi(this._officeId)<BookingReceipt>('/public/appointments', {
      body: { serviceId: this._serviceId, slotStart: this._slot.start, ...visitor, language: this._lang },
    });
    this._sending = false;
    if (answer.ok) {
      this._receipt = answer.data;
      return;
    }
    const details = answer.error.details as { reason?: string } | undefined;
    const fields = refusedFields(answer.error);
    if (fields.size > 0) {
      await this.renderRoot.querySelector('book-visitor-form')?.showInvalid(fields);
      return;
    }
    this._problem = details?.reason === 'phone-limit' ? { kind: 'phone-limit' } : { kind: 'error', code: answer.error.code };
    // Someone took the time meanwhile: show the day as it is now, keeping the message.
    if (answer.error.code === 'slot-full') {
      const problem = this._problem;
      await this.loadSlots();
      this._problem = problem;
    }
  }

  private startOver(): void {
    this._receipt = null;
    this._slot = null;
    void this.loadSlots();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'book-app': BookApp;
  }
}
