import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { hallPalette } from '../display-styles';
import type { WaitingRow } from '../hall-calls';
import { localized } from '../../../common/ui/localized-text';
import { label } from '../labels';

/** How many people wait for each service: counts only, never who. */
@customElement('display-waiting')
export class DisplayWaiting extends LitElement {
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
      dl {
        margin: 0;
        display: grid;
        grid-template-columns: 1fr auto;
        gap: var(--tl-space-1) var(--tl-space-3);
        font-size: 3.4vmin;
      }
      dt {
        color: var(--display-muted);
      }
      dd {
        margin: 0;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        text-align: end;
      }
    `,
  ];

  @property({ attribute: false }) rows: WaitingRow[] = [];
  @property({ attribute: false }) langs: Lang[] = ['ru'];

  override render() {
    const lang = this.langs[0] ?? 'ru';
    return html`<h2>${label(this.langs, 'display.waiting')}</h2>
      <dl>${this.rows.map((row) => html`<dt>${localized(row.service.name, lang, lang)}</dt><dd>${row.waiting}</dd>`)}</dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-waiting': DisplayWaiting;
  }
}
