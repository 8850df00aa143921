import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, QueueSnapshot } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { hallPalette } from '../display-styles';
import { translate } from '../../../common/i18n';
import { label } from '../labels';

/** The small screen above one booth: its number, who works there, the ticket served, or "break". */
@customElement('display-booth-sign')
export class DisplayBoothSign extends LitElement {
  static override styles = [
    tokens,
    hallPalette,
    css`
      :host {
        display: block;
        height: 100%;
      }
      main {
        display: flex;
        flex-direction: column;
        height: 100%;
        box-sizing: border-box;
        padding: 4vmin 6vmin;
        gap: 3vmin;
        background: var(--display-bg);
        font-family: var(--tl-font);
        text-align: center;
      }
      .window {
        margin: 0;
        font-size: 9vmin;
        font-weight: 700;
      }
      .window .number {
        color: var(--display-accent);
        font-size: 1.6em;
      }
      .operator {
        font-size: 6vmin;
        color: var(--display-muted);
        min-height: 1.2em;
      }
      .breaks {
        display: flex;
        justify-content: center;
        flex-wrap: wrap;
        gap: 1vmin 4vmin;
        font-size: 4.5vmin;
        color: var(--display-muted);
      }
      .state {
        flex: 1;
        display: flex;
        flex-direction: column;
        justify-content: center;
        border-radius: var(--tl-radius);
        background: var(--display-panel);
        font-size: 7vmin;
        font-weight: 700;
      }
      .code {
        font-size: 24vmin;
        font-weight: 800;
        line-height: 1;
      }
      .paused {
        background: var(--tl-warning);
        font-size: 16vmin;
      }
      .closed {
        color: var(--display-muted);
        font-size: 12vmin;
      }
      .fresh {
        animation: blink 1s step-start infinite;
      }
      @keyframes blink {
        50% {
          background: var(--display-fresh);
        }
      }
    `,
  ];

  @property({ attribute: false }) snapshot!: QueueSnapshot;
  @property() counterId = '';
  @property({ attribute: false }) langs: Lang[] = ['ru'];
  @property({ attribute: false }) fresh: ReadonlySet<string> = new Set();

  override render() {
    const counter = this.snapshot.counters.find((c) => c.id === this.counterId);
    if (!counter) return html`<div class="state closed">${label(this.langs, 'display.unknownCounter', { counter: this.counterId })}</div>`;
    const state = this.snapshot.counterStates.find((s) => s.counterId === counter.id);
    const ticket = state?.ticketId ? this.snapshot.tickets.find((t) => t.id === state.ticketId) : undefined;
    return html`<main>
      <h1 class="window">${label(this.langs.slice(0, 1), 'display.window')} <span class="number">${counter.number}</span></h1>
      <div class="operator">${state?.status === 'closed' ? '' : (state?.operatorName ?? '')}</div>
      <div class="breaks">
        ${counter.plannedBreaks.map(
          (b) => html`<span>${translate(this.langs[0] ?? 'ru', b.kind === 'lunch' ? 'display.plannedLunch' : 'display.plannedTechnical', { start: b.start, end: b.end })}</span>`,
        )}
      </div>
      ${this.renderState(state?.status ?? 'closed', ticket?.code, ticket ? this.fresh.has(ticket.id) : false)}
    </main>`;
  }

  private renderState(status: 'closed' | 'open' | 'paused', code: string | undefined, fresh: boolean) {
    if (status === 'closed') return html`<div class="state closed">${label(this.langs, 'display.boothClosed')}</div>`;
    if (status === 'paused') return html`<div class="state paused">${label(this.langs, 'display.boothBreak')}</div>`;
    if (!code) return html`<div class="state">${label(this.langs, 'display.boothFree')}</div>`;
    return html`<div class="state ${fresh ? 'fresh' : ''}">
      <div>${label(this.langs, 'display.boothServing')}</div>
      <div class="code" data-ticket=${code}>${code}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-booth-sign': DisplayBoothSign;
  }
}
