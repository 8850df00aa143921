import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { hallPalette } from '../display-styles';
import { label } from '../labels';

/** Shown while the browser blocks sound: a tap anywhere on the page turns it on (see docs/display.md). */
@customElement('display-sound-gate')
export class DisplaySoundGate extends LitElement {
  static override styles = [
    tokens,
    hallPalette,
    css`
      /* Along the bottom edge, over the running text: never over the calls themselves. */
      :host {
        position: fixed;
        inset: auto 0 0 0;
        padding: 2vmin 4vmin;
        background: var(--tl-danger);
        font-size: 4.2vmin;
        font-weight: 700;
        text-align: center;
        pointer-events: none;
      }
      .why {
        display: block;
        margin-top: var(--tl-space-1);
        font-size: 0.55em;
        font-weight: 500;
      }
    `,
  ];

  @property({ attribute: false }) langs: Lang[] = ['ru'];

  override render() {
    const lang = this.langs.slice(0, 1);
    return html`<div role="alert">${label(lang, 'display.enableSound')}<span class="why">${label(lang, 'display.soundBlocked')}</span></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-sound-gate': DisplaySoundGate;
  }
}
