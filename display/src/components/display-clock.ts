import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { hallPalette } from '../display-styles';

/** Time and date in the office's time zone, by the server's clock (a TV's own clock drifts). */
@customElement('display-clock')
export class DisplayClock extends LitElement {
  static override styles = [
    tokens,
    hallPalette,
    css`
      :host {
        display: block;
        text-align: end;
        line-height: 1;
      }
      .time {
        font-size: var(--display-clock-size, 9vmin);
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .date {
        margin-top: 0.2em;
        font-size: calc(var(--display-clock-size, 9vmin) * 0.36);
        color: var(--display-muted);
        white-space: nowrap;
      }
    `,
  ];

  @property() timeZone = 'UTC';
  @property() locale: Lang = 'ru';
  /** Server time minus this machine's time. */
  @property({ type: Number }) offsetMs = 0;
  @state() private _now = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => (this._now = Date.now()), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override render() {
    const at = new Date(this._now + this.offsetMs);
    const time = new Intl.DateTimeFormat(this.locale, { timeZone: this.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    const date = new Intl.DateTimeFormat(this.locale, { timeZone: this.timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(at);
    return html`<div class="time">${time}</div>
      <div class="date">${date}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-clock': DisplayClock;
  }
}
