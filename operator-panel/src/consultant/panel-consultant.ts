// The consultant's appointment book: a service and a day, that day's free times as a grid and its
// bookings as a list; booking a free time, finding, moving, cancelling and checking visitors in.
// Bookings are not queue events: the server tells staff `appointments:changed` with the day after any
// booking change (a consultant's, a visitor's on the public pages, a check-in), and the view reads
// that day again at once; it also reloads every 30 s and when the window regains focus, in case a
// message was missed while the socket was away.
// Managers see it all read-only; the server refuses their changes anyway.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { Appointment, AppointmentsChanged, BookingInfo, LocalDate, Role, SlotView } from '../../../common/protocol';
import { localized } from '../../../common/ui/localized-text';
import { clockTime } from '../shared/format';
import { appointmentsApi } from './panel-consultant-api';
import { groupCode } from './panel-consultant-code';
import { CONSULTANT_KEYS } from './consultant-keys';
import { dayAfterOn, shortDay } from './panel-consultant-format';
import { refusalText } from './panel-consultant-refusal';
import { panelEnv, serverNow, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import type { BookingActionEvent } from './panel-consultant-bookings';
import type { PanelConsultantBookDialog } from './panel-consultant-book-dialog';
import type { PanelConsultantCancelDialog } from './panel-consultant-cancel-dialog';
import type { PanelConsultantCheckIn } from './panel-consultant-check-in';
import type { PanelConsultantConfirmation } from './panel-consultant-confirmation';
import type { PanelConsultantFind } from './panel-consultant-find';
import './panel-consultant-book-dialog';
import './panel-consultant-bookings';
import './panel-consultant-cancel-dialog';
import './panel-consultant-check-in';
import './panel-consultant-confirmation';
import './panel-consultant-find';
import './panel-consultant-slots';

const REFRESH_EVERY_MS = 30_000;
const BOOKING_ROLES: readonly Role[] = ['consultant', 'admin'];

interface Notice {
  text: string;
  tone: 'done' | 'refused';
}

@customElement('panel-consultant')
export class PanelConsultant extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(22rem, 2fr);
        gap: var(--tl-space-3);
        align-items: start;
      }
      .column {
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-3);
        min-width: 0;
      }
      .choice {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tl-space-3);
        align-items: flex-end;
      }
      .choice label {
        min-width: 14rem;
      }
      .updated {
        margin-left: auto;
        font-size: var(--tl-text-s);
      }
      .banner,
      .notice {
        margin: 0;
        padding: var(--tl-space-2) var(--tl-space-3);
        border-radius: 8px;
        font-weight: 600;
        display: flex;
        align-items: center;
        gap: var(--tl-space-3);
      }
      .banner {
        background: #e0ecf8;
        color: var(--tl-primary);
      }
      .banner button {
        margin-left: auto;
      }
      .notice.done {
        background: #dcfce7;
        color: var(--tl-success);
      }
      .notice.refused {
        background: #fde2e2;
        color: var(--tl-danger);
      }
      .read-only {
        margin: 0;
        padding: var(--tl-space-2) var(--tl-space-3);
        border-radius: 8px;
        background: #fdecd8;
        color: var(--tl-warning);
        font-weight: 600;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @state() private _info: BookingInfo | null = null;
  @state() private _serviceId = '';
  @state() private _day: LocalDate = '';
  @state() private _slots: SlotView[] = [];
  @state() private _dayBookings: Appointment[] = [];
  @state() private _updatedAt: number | null = null;
  @state() private _chosenSlot: SlotView | null = null;
  @state() private _booked: Appointment | null = null;
  @state() private _cancelling: Appointment | null = null;
  @state() private _moving: Appointment | null = null;
  @state() private _notice: Notice | null = null;
  @query('panel-consultant-book-dialog') private _bookDialog!: PanelConsultantBookDialog;
  @query('panel-consultant-confirmation') private _confirmation!: PanelConsultantConfirmation;
  @query('panel-consultant-cancel-dialog') private _cancelDialog!: PanelConsultantCancelDialog;
  @query('panel-consultant-check-in') private _checkIn!: PanelConsultantCheckIn;
  @query('panel-consultant-find') private _find!: PanelConsultantFind;
  private _timer: ReturnType<typeof setInterval> | undefined;
  /** The last `appointments:changed` acted on. */
  private _heard: AppointmentsChanged | null = null;
  private readonly _onFocus = () => void this._refresh();
  private readonly _onKeydown = (event: KeyboardEvent) => this._shortcut(event);

  override connectedCallback(): void {
    super.connectedCallback();
    void this._refresh();
    this._timer = setInterval(() => void this._refresh(), REFRESH_EVERY_MS);
    window.addEventListener('focus', this._onFocus);
    window.addEventListener('keydown', this._onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._timer);
    window.removeEventListener('focus', this._onFocus);
    window.removeEventListener('keydown', this._onKeydown);
  }

  protected override willUpdate(): void {
    const change = this._env?.appointmentsChanged ?? null;
    if (change === this._heard) return;
    this._heard = change;
    if (change) void this._bookingsChanged(change.day);
  }

  /** Someone changed a booking of `day`: that day's list and times, if shown, and the open search are stale. */
  private async _bookingsChanged(day: LocalDate): Promise<void> {
    await Promise.all([day === this._day ? this._loadDay() : undefined, this._find?.refresh()]);
  }

  private get _readOnly(): boolean {
    return !this._env || !BOOKING_ROLES.includes(this._env.user.role);
  }

  /** Reloads what can be booked, the chosen day's times and bookings, and the open search. */
  private async _refresh(): Promise<void> {
    const env = this._env;
    if (!env) return;
    const info = await appointmentsApi(env.officeId).bookingInfo();
    if (info.ok) {
      this._info = info.data;
      if (!info.data.services.some((s) => s.id === this._serviceId)) this._serviceId = info.data.services[0]?.id ?? '';
      if (!info.data.days.includes(this._day)) this._day = info.data.days[0] ?? '';
    }
    await Promise.all([this._loadDay(), this._find?.refresh()]);
  }

  private async _loadDay(): Promise<void> {
    const [serviceId, day, env] = [this._serviceId, this._day, this._env];
    if (!day || !env) return;
    const book = appointmentsApi(env.officeId);
    const [slots, bookings] = await Promise.all([serviceId ? book.slots(serviceId, day) : Promise.resolve(null), book.find({ day })]);
    // A slower answer for a day or service no longer chosen must not overwrite the current one.
    if (serviceId !== this._serviceId || day !== this._day) return;
    if (slots?.ok) this._slots = slots.data;
    if (bookings.ok) this._dayBookings = [...bookings.data].sort((a, b) => a.slotStart - b.slotStart);
    this._updatedAt = serverNow(env);
  }

  private _choose(serviceId: string, day: LocalDate): void {
    this._serviceId = serviceId;
    this._day = day;
    this._slots = [];
    void this._loadDay();
  }

  private _shortcut(event: KeyboardEvent): void {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    const origin = event.composedPath()[0];
    if (origin instanceof HTMLInputElement || origin instanceof HTMLSelectElement || origin instanceof HTMLTextAreaElement) return;
    if (event.key === 'Escape' && this._moving) this._moving = null;
    else if (event.code === CONSULTANT_KEYS.find.code) this._find.focus();
    else if (event.code === CONSULTANT_KEYS.checkIn.code && !this._readOnly) this._checkIn.focus();
    else if (event.code === CONSULTANT_KEYS.refresh.code) void this._refresh();
    else return;
    event.preventDefault();
  }

  private async _onSlotChosen(slot: SlotView, env: PanelEnv): Promise<void> {
    this._notice = null;
    const moving = this._moving;
    if (!moving) {
      this._chosenSlot = slot;
      await this._dialogShows(this._bookDialog);
      return;
    }
    const result = await appointmentsApi(env.officeId).move(moving.id, { slotStart: slot.start, serviceId: this._serviceId });
    if (result.ok) {
      this._moving = null;
      this._say('done', env.t('consultant.move.done', this._when(result.data, env)));
    } else {
      this._say('refused', refusalText(result.error, env.t, env.lang, env.snapshot.office.timeZone));
    }
    await this._refresh();
  }

  private async _onBookingAction(event: BookingActionEvent): Promise<void> {
    const { kind, appointment } = event.detail;
    this._notice = null;
    if (kind === 'check-in') return this._checkIn.checkIn(appointment.code);
    if (kind === 'cancel') {
      this._cancelling = appointment;
      return this._dialogShows(this._cancelDialog);
    }
    this._moving = appointment;
    this._choose(appointment.serviceId, appointment.day);
  }

  private async _onBooked(appointment: Appointment): Promise<void> {
    this._booked = appointment;
    await this._dialogShows(this._confirmation);
    await this._refresh();
  }

  /** Opens a dialog once it has been handed what was just chosen (it renders nothing without it). */
  private async _dialogShows(dialog: { show(): Promise<void> }): Promise<void> {
    await this.updateComplete;
    await dialog.show();
  }

  private _when(a: Appointment, env: PanelEnv) {
    return { code: groupCode(a.code), dateAfterOn: dayAfterOn(a.day, env.lang), time: clockTime(a.slotStart, env.lang, env.snapshot.office.timeZone) };
  }

  private _say(tone: Notice['tone'], text: string): void {
    this._notice = { tone, text };
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { office, services } = env.snapshot;
    const serviceName = (id: string) => {
      const service = services.find((s) => s.id === id);
      return service ? localized(service.name, env.lang, office.defaultLanguage) : id;
    };
    const info = this._info;
    const readOnly = this._readOnly;
    return html`<div
      class="layout"
      @slot-chosen=${(e: CustomEvent<SlotView>) => void this._onSlotChosen(e.detail, env)}
      @booking-action=${(e: BookingActionEvent) => void this._onBookingAction(e)}
      @appointment-booked=${(e: CustomEvent<Appointment>) => void this._onBooked(e.detail)}
      @appointment-cancelled=${(e: CustomEvent<Appointment>) => {
        this._say('done', env.t('consultant.cancel.done', { code: groupCode(e.detail.code) }));
        void this._refresh();
      }}
      @appointment-checked-in=${() => void this._refresh()}
      @booking-refused=${() => void this._refresh()}
    >
      <div class="column">
        ${readOnly ? html`<p class="read-only">${env.t('consultant.readOnly')}</p>` : ''}
        ${this._moving
          ? html`<p class="banner" role="status" data-testid="moving">
              ${env.t('consultant.move.banner', { code: groupCode(this._moving.code), name: this._moving.name })}
              <button type="button" @click=${() => (this._moving = null)}>${env.t('consultant.move.stop')} <kbd>Esc</kbd></button>
            </p>`
          : ''}
        ${this._notice
          ? html`<p class="notice ${this._notice.tone}" role=${this._notice.tone === 'refused' ? 'alert' : 'status'} data-testid="notice">
              ${this._notice.text}
            </p>`
          : ''}
        <section class="card choice">
          <label
            >${env.t('consultant.service')}
            <select name="service" @change=${(e: Event) => this._choose((e.target as HTMLSelectElement).value, this._day)}>
              ${(info?.services ?? []).map((s) => html`<option value=${s.id} ?selected=${s.id === this._serviceId}>${serviceName(s.id)}</option>`)}
            </select>
          </label>
          <label
            >${env.t('consultant.day')}
            <select name="day" @change=${(e: Event) => this._choose(this._serviceId, (e.target as HTMLSelectElement).value)}>
              ${(info?.days ?? []).map((d) => html`<option value=${d} ?selected=${d === this._day}>${shortDay(d, env.lang)}</option>`)}
            </select>
          </label>
          <button type="button" @click=${() => void this._refresh()}>${env.t('consultant.refresh')} <kbd>${CONSULTANT_KEYS.refresh.label}</kbd></button>
          ${this._updatedAt
            ? html`<span class="updated muted">${env.t('consultant.updatedAt', { time: clockTime(this._updatedAt, env.lang, office.timeZone) })}</span>`
            : ''}
        </section>
        <section class="card" data-testid="slots">
          <h2>${env.t('consultant.slots.heading')} · ${serviceName(this._serviceId)}</h2>
          ${info && info.services.length === 0
            ? html`<p class="muted">${env.t('consultant.slots.noServices')}</p>`
            : html`<panel-consultant-slots .slots=${this._slots} ?readOnly=${readOnly}></panel-consultant-slots>`}
        </section>
        <section class="card" data-testid="day-bookings">
          <h2>${this._day ? env.t('consultant.bookings.heading', { dateAfterOn: dayAfterOn(this._day, env.lang) }) : ''}</h2>
          <panel-consultant-bookings
            .appointments=${this._dayBookings}
            ?readOnly=${readOnly}
            .emptyText=${env.t('consultant.bookings.none')}
          ></panel-consultant-bookings>
        </section>
        <panel-consultant-book-dialog .serviceId=${this._serviceId} .day=${this._day} .chosenSlot=${this._chosenSlot} .channels=${this._info?.channels ?? null}></panel-consultant-book-dialog>
        <panel-consultant-confirmation .appointment=${this._booked}></panel-consultant-confirmation>
        <panel-consultant-cancel-dialog .appointment=${this._cancelling}></panel-consultant-cancel-dialog>
      </div>
      <div class="column">
        ${readOnly ? '' : html`<section class="card"><panel-consultant-check-in></panel-consultant-check-in></section>`}
        <section class="card"><panel-consultant-find ?readOnly=${readOnly}></panel-consultant-find></section>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-consultant': PanelConsultant;
  }
}
