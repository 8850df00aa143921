import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { hallPalette } from '../display-styles';
import type { ShownCall } from '../hall-calls';
import { label } from '../labels';

/** Earlier calls, smaller: for whoever looked away when their number came up. */
@customElement('display-recent-calls')
export class DisplayRecentCalls extends LitElement {
  static override styles = [
    tokens,
    hallPalette,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 var(--tl-space-2);
        font-size: 3.6vmin;
        font-weight: 700;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(var(--columns), 1fr);
        gap: var(--tl-space-2) var(--tl-space-4);
      }
      li {
        display: flex;
        justify-content: space-between;
        gap: var(--tl-space-3);
        padding: var(--tl-space-1) var(--tl-space-3);
        border-bottom: 2px solid var(--display-line);
        font-size: 5.4vmin;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
        color: var(--display-muted);
      }
      .number {
        color: var(--display-text);
      }
    `,
  ];

  @property({ attribute: false }) calls: ShownCall[] = [];
  @property({ attribute: false }) langs: Lang[] = ['ru'];
  @property({ type: Number }) columns = 1;

  override render() {
    if (this.calls.length === 0) return html``;
    return html`<h2>${label(this.langs, 'display.recentCalls')}</h2>
      <ol style="--columns: ${this.columns}">
        ${this.calls.map((call) => html`<li><span>${call.code}</span><span class="number">→ ${call.counterNumber}</span></li>`)}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-recent-calls': DisplayRecentCalls;
  }
}
