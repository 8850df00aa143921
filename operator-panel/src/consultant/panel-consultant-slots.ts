// The free times of one service on one day as a grid: each slot shows how many places are left; a
// full slot stays visible (the consultant sees the day's shape) but cannot be chosen.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SlotView } from '../../../common/protocol';
import { clockTime } from '../shared/format';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';

export type SlotChosenEvent = CustomEvent<SlotView>;

@customElement('panel-consultant-slots')
export class PanelConsultantSlots extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr));
        gap: var(--tl-space-2);
      }
      button {
        flex-direction: column;
        gap: 0;
        min-height: 64px;
        padding: var(--tl-space-1) var(--tl-space-2);
      }
      .time {
        font-size: var(--tl-text-m);
        font-variant-numeric: tabular-nums;
      }
      .free {
        font-size: var(--tl-text-s);
        font-weight: 400;
      }
      button.last:not(:disabled) {
        border-color: var(--tl-warning);
        color: var(--tl-warning);
      }
      p {
        margin: 0;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ attribute: false }) slots: readonly SlotView[] = [];
  /** Managers look without booking: every slot is then just information. */
  @property({ type: Boolean }) readOnly = false;

  override render() {
    const env = this._env;
    if (!env) return html``;
    if (this.slots.length === 0) return html`<p class="muted" data-testid="no-slots">${env.t('consultant.slots.none')}</p>`;
    const { timeZone } = env.snapshot.office;
    return html`<div class="grid">
      ${this.slots.map((slot) => {
        const time = clockTime(slot.start, env.lang, timeZone);
        return html`<button
          type="button"
          class=${slot.free === 1 ? 'last' : ''}
          data-slot=${time}
          data-free=${slot.free}
          ?disabled=${slot.free === 0 || this.readOnly}
          @click=${() => this.dispatchEvent(new CustomEvent<SlotView>('slot-chosen', { detail: slot, bubbles: true, composed: true }))}
        >
          <span class="time">${time}</span>
          <span class="free">${env.t('consultant.slots.free', { count: slot.free })}</span>
        </button>`;
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-consultant-slots': PanelConsultantSlots;
  }
  interface HTMLElementEventMap {
    'slot-chosen': SlotChosenEvent;
  }
}
