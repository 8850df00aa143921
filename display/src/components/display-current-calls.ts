import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { hallPalette } from '../display-styles';
import type { ShownCall } from '../hall-calls';
import { label } from '../labels';

/** Rows never grow beyond a quarter of the list: one call alone should not fill the wall. */
const MIN_ROWS = 4;

/** "Now calling": ticket → window, as large as the space allows; a new call blinks. */
@customElement('display-current-calls')
export class DisplayCurrentCalls extends LitElement {
  static override styles = [
    tokens,
    hallPalette,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .head,
      .row {
        display: grid;
        grid-template-columns: 1fr 0.5fr 1fr;
        align-items: center;
        text-align: center;
      }
      .head {
        font-size: 4.2vmin;
        font-weight: 700;
        padding-bottom: var(--tl-space-2);
        border-bottom: 3px solid var(--display-line);
      }
      .rows {
        flex: 1;
        min-height: 0;
        display: grid;
        grid-template-rows: repeat(var(--rows), minmax(0, 1fr));
        gap: var(--tl-space-2);
        padding-top: var(--tl-space-2);
      }
      .row {
        container-type: size;
        border-radius: var(--tl-radius);
        background: var(--display-panel);
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        line-height: 1;
      }
      .code,
      .number {
        font-size: min(72cqh, 16vmin);
        white-space: nowrap;
      }
      .number {
        color: var(--display-accent);
      }
      .arrow {
        font-size: min(50cqh, 10vmin);
        color: var(--display-muted);
      }
      .fresh {
        animation: blink 1s step-start infinite;
      }
      @keyframes blink {
        50% {
          background: var(--display-fresh);
        }
      }
      .empty {
        grid-row: 1 / -1;
        align-self: center;
        text-align: center;
        font-size: 5.5vmin;
        color: var(--display-muted);
      }
    `,
  ];

  @property({ attribute: false }) calls: ShownCall[] = [];
  @property({ attribute: false }) fresh: ReadonlySet<string> = new Set();
  @property({ attribute: false }) langs: Lang[] = ['ru'];

  override render() {
    const rows = Math.max(MIN_ROWS, this.calls.length);
    return html`
      <div class="head"><div>${label(this.langs, 'display.ticket')}</div><div></div><div>${label(this.langs, 'display.window')}</div></div>
      <div class="rows" style="--rows: ${rows}">
        ${this.calls.length === 0
          ? html`<div class="empty">${label(this.langs, 'display.noCalls')}</div>`
          : this.calls.map(
              (call) => html`<div class="row ${this.fresh.has(call.ticketId) ? 'fresh' : ''}" data-ticket=${call.code}>
                <span class="code">${call.code}</span><span class="arrow">→</span><span class="number">${call.counterNumber}</span>
              </div>`,
            )}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-current-calls': DisplayCurrentCalls;
  }
}
