// The free times of one day as buttons; a full slot stays visible but cannot be chosen. A day has
// dozens of times, so the grid is one Tab stop (roving tabindex): arrow keys move between times,
// Home and End jump to the first and last, Enter or Space chooses — the form is one Tab further.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import type { Lang, SlotView } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { formatSlotTime } from './book-format';
import { bookStyles } from './book-styles';

export type SlotChooseEvent = CustomEvent<SlotView>;

@customElement('book-slot-grid')
export class BookSlotGrid extends LitElement {
  static override styles = [
    tokens,
    bookStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(88px, 1fr));
        gap: var(--tl-space-2);
      }
      p {
        grid-column: 1 / -1;
        margin: 0;
        color: var(--tl-text-muted);
      }
    `,
  ];

  @property({ attribute: false }) slots: SlotView[] = [];
  @property({ type: Number }) chosen: number | null = null;
  @property() language: Lang = 'ru';
  @property() timeZone = 'UTC';
  /** The time that holds the grid's one Tab stop: the last one moved to, else the chosen one. */
  @state() private _current: number | null = null;

  override render() {
    const free = this.slots.filter((s) => s.free > 0);
    if (free.length === 0) return html`<p>${translate(this.language, 'booking.noSlots')}</p>`;
    const holds = (start: number | null) => start !== null && free.some((s) => s.start === start);
    const stop = holds(this._current) ? this._current : holds(this.chosen) ? this.chosen : free[0]!.start;
    return this.slots.map(
      (slot) => html`<button
        type="button"
        class="choice"
        data-start=${slot.start}
        tabindex=${slot.start === stop ? 0 : -1}
        ?disabled=${slot.free === 0}
        aria-pressed=${slot.start === this.chosen ? 'true' : 'false'}
        @keydown=${this.move}
        @click=${() => this.choose(slot)}
      >
        ${formatSlotTime(slot.start, this.language, this.timeZone)}
      </button>`,
    );
  }

  private choose(slot: SlotView): void {
    this._current = slot.start;
    this.dispatchEvent(new CustomEvent<SlotView>('slot-choose', { detail: slot, bubbles: true, composed: true }));
  }

  private readonly move = (event: KeyboardEvent): void => {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
    const at = buttons.indexOf(event.currentTarget as HTMLButtonElement);
    const target = buttons[this.targetIndex(event.key, at, buttons)];
    if (!target || target === event.currentTarget) return;
    event.preventDefault();
    this._current = Number(target.dataset.start);
    target.focus();
  };

  /** Where a key leads: left/right by one, up/down by a row of the grid as laid out now. */
  private targetIndex(key: string, at: number, buttons: HTMLButtonElement[]): number {
    const top = buttons[at]!.offsetTop;
    const perRow = Math.max(1, buttons.filter((b) => b.offsetTop === top).length);
    switch (key) {
      case 'ArrowRight':
        return Math.min(at + 1, buttons.length - 1);
      case 'ArrowLeft':
        return Math.max(at - 1, 0);
      case 'ArrowDown':
        return Math.min(at + perRow, buttons.length - 1);
      case 'ArrowUp':
        return Math.max(at - perRow, 0);
      case 'Home':
        return 0;
      case 'End':
        return buttons.length - 1;
      default:
        return at;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'book-slot-grid': BookSlotGrid;
  }
  interface HTMLElementEventMap {
    'slot-choose': SlotChooseEvent;
  }
}
