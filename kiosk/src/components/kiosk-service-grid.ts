// The buttons of one menu level: services and groups, as large as the screen allows, so up to
// twelve fit without scrolling in portrait (2 columns) and landscape (3–4 columns).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translatorFor } from '../../../common/i18n';
import type { Lang, Service } from '../../../common/protocol';
import { localized } from '../../../common/ui/localized-text';
import { tokens } from '../../../common/ui/tokens';
import type { MenuEntry, Unavailable } from '../kiosk-menu';
import { kioskStyles } from '../kiosk-styles';

const REASON_KEY = { limit: 'kiosk.reason.limit', notServed: 'kiosk.reason.notServed' } as const satisfies Record<Unavailable, string>;

/** Column bands: few buttons get wide ones, many get more columns. */
function band(count: number): 'few' | 'some' | 'many' {
  return count <= 4 ? 'few' : count <= 9 ? 'some' : 'many';
}

@customElement('kiosk-service-grid')
export class KioskServiceGrid extends LitElement {
  static override styles = [
    tokens,
    kioskStyles,
    css`
      :host {
        display: block;
        min-height: 0;
      }
      .grid {
        box-sizing: border-box;
        height: 100%;
        display: grid;
        gap: var(--kiosk-gap);
        grid-auto-rows: minmax(var(--tl-touch), 240px);
        align-content: center;
        overflow-y: auto;
      }
      @media (orientation: portrait) {
        .grid.few {
          grid-template-columns: 1fr;
        }
        .grid.some,
        .grid.many {
          grid-template-columns: repeat(2, 1fr);
        }
      }
      @media (orientation: landscape) {
        .grid.few {
          grid-template-columns: repeat(2, 1fr);
        }
        .grid.some {
          grid-template-columns: repeat(3, 1fr);
        }
        .grid.many {
          grid-template-columns: repeat(4, 1fr);
          --kiosk-button-text: calc(34px * var(--kiosk-scale, 1));
        }
      }
      .big-button {
        display: flex;
        flex-direction: column;
        justify-content: center;
        align-items: center;
        gap: var(--tl-space-2);
        text-align: center;
        overflow: hidden;
      }
      .reason,
      .hint {
        font-size: var(--kiosk-text);
        font-weight: 500;
      }
    `,
  ];

  @property({ attribute: false }) entries: MenuEntry[] = [];
  @property() language: Lang = 'ru';
  @property() fallbackLang: Lang = 'ru';
  /** Nothing can be chosen (closed, offline, busy); the buttons stay visible but inert. */
  @property({ type: Boolean }) disabled = false;

  override render() {
    const t = translatorFor(this.language);
    return html`<div class="grid ${band(this.entries.length)}">
      ${this.entries.map((entry) => {
        const reason = entry.unavailable ? html`<span class="reason">${t(REASON_KEY[entry.unavailable])}</span>` : null;
        const disabled = this.disabled || entry.unavailable !== null;
        if (entry.kind === 'group') {
          return html`<button class="big-button" data-group=${entry.key} ?disabled=${disabled} @click=${() => this.openGroup(entry.key)}>
            <span class="name">${localized(entry.label, this.language, this.fallbackLang)}</span>${reason ?? html`<span class="hint">${t('kiosk.groupHint')} ›</span>`}
          </button>`;
        }
        return html`<button class="big-button" data-service=${entry.service.id} ?disabled=${disabled} @click=${() => this.choose(entry.service)}>
          <span class="name">${localized(entry.service.name, this.language, this.fallbackLang)}</span>${reason}
        </button>`;
      })}
    </div>`;
  }

  private choose(service: Service): void {
    this.dispatchEvent(new CustomEvent<Service>('service-choose', { detail: service, bubbles: true, composed: true }));
  }

  private openGroup(group: string): void {
    this.dispatchEvent(new CustomEvent<string>('group-open', { detail: group, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-service-grid': KioskServiceGrid;
  }
  interface HTMLElementEventMap {
    'service-choose': CustomEvent<Service>;
    'group-open': CustomEvent<string>;
  }
}
