import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang, QueueSnapshot } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import type { DisplaySettings } from '../display-settings';
import { hallPalette } from '../display-styles';
import { activeCalls, callScope, earlierCalls, waitingByService } from '../hall-calls';
import { localized } from '../../../common/ui/localized-text';
import { label } from '../labels';
import './display-clock';
import './display-current-calls';
import './display-recent-calls';
import './display-ticker';
import './display-waiting';

/** At most this many calls in progress are listed; more would be too small to read from afar. */
const MAX_ACTIVE: Record<'landscape' | 'portrait', number> = { landscape: 6, portrait: 7 };

/** The hall screen: header with clock, calls in progress, earlier calls, waiting counts, running text. */
@customElement('display-hall')
export class DisplayHall extends LitElement {
  static override styles = [
    tokens,
    hallPalette,
    css`
      :host {
        display: grid;
        height: 100%;
        box-sizing: border-box;
        background: var(--display-bg);
        grid-template-rows: auto minmax(0, 1fr) auto;
        font-family: var(--tl-font);
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: var(--tl-space-4);
        padding: var(--tl-space-3) var(--tl-space-5);
        border-bottom: 3px solid var(--display-line);
      }
      .office {
        font-size: 4vmin;
        font-weight: 700;
        min-width: 0;
      }
      h1 {
        margin: 0;
        font: inherit;
      }
      .status {
        display: inline-block;
        margin-top: var(--tl-space-2);
        padding: var(--tl-space-1) var(--tl-space-3);
        border-radius: var(--tl-radius);
        background: var(--tl-warning);
        font-size: 3vmin;
      }
      main {
        display: grid;
        gap: var(--tl-space-5);
        padding: var(--tl-space-4) var(--tl-space-5);
        min-height: 0;
      }
      :host([layout='landscape']) main {
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
      }
      :host([layout='portrait']) main {
        grid-template-rows: minmax(0, 1fr) auto;
      }
      aside {
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-5);
        min-height: 0;
        overflow: hidden;
      }
      :host([layout='landscape']) aside {
        border-left: 3px solid var(--display-line);
        padding-left: var(--tl-space-5);
      }
    `,
  ];

  @property({ attribute: false }) snapshot!: QueueSnapshot;
  @property({ attribute: false }) settings!: DisplaySettings;
  @property({ attribute: false }) langs: Lang[] = ['ru'];
  @property({ attribute: false }) fresh: ReadonlySet<string> = new Set();
  @property({ reflect: true }) layout: 'landscape' | 'portrait' = 'landscape';
  @property({ type: Number }) clockOffsetMs = 0;

  override render() {
    const { snapshot, settings } = this;
    const lang = this.langs[0] ?? snapshot.office.defaultLanguage;
    const scope = callScope(snapshot, settings);
    const active = activeCalls(snapshot, scope).slice(0, MAX_ACTIVE[this.layout]);
    const earlier = earlierCalls(snapshot, scope, settings.recentCount);
    const officeState = snapshot.officeStatus.state;
    return html`
      <header>
        <div class="office">
          <h1>${localized(snapshot.office.name, lang, snapshot.office.defaultLanguage)}</h1>
          ${officeState === 'open'
            ? nothing
            : html`<div class="status">${label([lang], officeState === 'break' ? 'display.officeBreak' : 'display.officeClosed')}</div>`}
        </div>
        <display-clock .timeZone=${snapshot.office.timeZone} .locale=${lang} .offsetMs=${this.clockOffsetMs}></display-clock>
      </header>
      <main>
        <display-current-calls .calls=${active} .fresh=${this.fresh} .langs=${this.langs}></display-current-calls>
        <aside>
          <display-recent-calls .calls=${earlier} .langs=${this.langs} .columns=${this.layout === 'portrait' ? 2 : 1}></display-recent-calls>
          ${settings.showWaiting ? html`<display-waiting .rows=${waitingByService(snapshot, scope)} .langs=${this.langs}></display-waiting>` : nothing}
        </aside>
      </main>
      ${settings.ticker ? html`<display-ticker .text=${settings.ticker}></display-ticker>` : html`<div></div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-hall': DisplayHall;
  }
}
