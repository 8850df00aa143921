// The free times of one day as buttons; a full slot stays visible but cannot be chosen.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
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

  override render() {
    if (!this.slots.some((s) => s.free > 0)) return html`<p>${translate(this.language, 'booking.noSlots')}</p>`;
    return this.slots.map(
      (slot) => html`<button
        type="button"
        class="choice"
        ?disabled=${slot.free === 0}
        aria-pressed=${slot.start === this.chosen ? 'true' : 'false'}
        @click=${() => this.dispatchEvent(new CustomEvent<SlotView>('slot-choose', { detail: slot, bubbles: true, composed: true }))}
      >
        ${formatSlotTime(slot.start, this.language, this.timeZone)}
      </button>`,
    );
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
