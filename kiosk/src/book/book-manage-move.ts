// Another time for a booking: a day, then a free time of the booking's service on it (the booking
// page's own slot grid), then one button that says exactly where the visit goes.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import type { Lang, LocalDate, SlotView } from '../../../common/protocol';
import type { OfficeId } from '../../../common/protocol/offices';
import { officeApi } from '../../../common/ui/office-api';
import { tokens } from '../../../common/ui/tokens';
import { formatDay, formatSlotDay, formatSlotTime } from './book-format';
import './book-slot-grid';
import { bookStyles } from './book-styles';

@customElement('book-manage-move')
export class BookManageMove extends LitElement {
  static override styles = [
    tokens,
    bookStyles,
    css`
      :host {
        display: grid;
        gap: var(--tl-space-3);
      }
      h3 {
        margin: 0;
        font-size: var(--tl-text-m);
      }
    `,
  ];

  @property() officeId: OfficeId = '';
  @property() serviceId = '';
  @property() language: Lang = 'ru';
  @property() timeZone = 'UTC';
  @property({ attribute: false }) days: readonly LocalDate[] = [];
  /** The booking's own time: not offered as a place to move to. */
  @property({ type: Number }) current = 0;
  @property({ type: Boolean }) sending = false;
  @state() private _day: LocalDate | null = null;
  @state() private _slots: SlotView[] = [];
  @state() private _slot: SlotView | null = null;

  /** Shows the day as it is now (after someone else took the chosen time). */
  async reload(): Promise<void> {
    this._slot = null;
    if (!this._day) return;
    const day = this._day;
    const answer = await officeApi(this.officeId)<SlotView[]>(`/public/slots?serviceId=${encodeURIComponent(this.serviceId)}&date=${day}`);
    if (day === this._day && answer.ok) this._slots = answer.data.filter((s) => s.start !== this.current);
  }

  override render() {
    const t = (key: 'booking.day' | 'booking.time') => translate(this.language, key);
    return html`<h3>${t('booking.day')}</h3>
      <div class="row">
        ${this.days.map(
          (day) => html`<button type="button" class="choice" aria-pressed=${String(day === this._day)} @click=${() => this.chooseDay(day)}>${formatDay(day, this.language)}</button>`,
        )}
      </div>
      ${this._day
        ? html`<h3>${t('booking.time')}</h3>
            <book-slot-grid
              .slots=${this._slots}
              .chosen=${this._slot?.start ?? null}
              language=${this.language}
              timeZone=${this.timeZone}
              @slot-choose=${(e: CustomEvent<SlotView>) => (this._slot = e.detail)}
            ></book-slot-grid>`
        : ''}
      <div class="row">
        ${this._slot ? this.renderConfirm(this._slot) : ''}
        <button type="button" class="choice" @click=${() => this.dispatchEvent(new Event('manage-keep', { bubbles: true, composed: true }))}>
          ${translate(this.language, 'manage.keep')}
        </button>
      </div>`;
  }

  private renderConfirm(slot: SlotView) {
    const when = { date: formatSlotDay(slot.start, this.language, this.timeZone), time: formatSlotTime(slot.start, this.language, this.timeZone) };
    return html`<button
      type="button"
      class="primary"
      data-role="move-confirm"
      ?disabled=${this.sending}
      @click=${() => this.dispatchEvent(new CustomEvent<SlotView>('manage-move', { detail: slot, bubbles: true, composed: true }))}
    >
      ${this.sending ? translate(this.language, 'manage.moving') : translate(this.language, 'manage.moveTo', when)}
    </button>`;
  }

  private chooseDay(day: LocalDate): void {
    this._day = day;
    this._slots = [];
    void this.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'book-manage-move': BookManageMove;
  }
  interface HTMLElementEventMap {
    'manage-move': CustomEvent<SlotView>;
    'manage-keep': Event;
  }
}
