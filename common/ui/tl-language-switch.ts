// One tap switches the language: each button carries the language's own name ("Русский",
// "Українська", "English"), so a visitor finds theirs without reading the current one.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translate } from '../i18n';
import type { Lang } from '../protocol';
import { tokens } from './tokens';

export type LanguageChangeEvent = CustomEvent<Lang>;

@customElement('tl-language-switch')
export class TlLanguageSwitch extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        gap: var(--tl-space-2);
        flex-wrap: wrap;
      }
      button {
        /* Kiosks need 20 mm targets; a phone page may set a smaller --tl-switch-touch. */
        min-width: var(--tl-switch-touch, var(--tl-touch));
        min-height: var(--tl-switch-touch, var(--tl-touch));
        padding: 0 var(--tl-switch-padding, var(--tl-space-4));
        border: 3px solid var(--tl-primary);
        border-radius: var(--tl-radius);
        background: var(--tl-surface);
        color: var(--tl-primary);
        font: inherit;
        font-size: var(--tl-switch-text, var(--tl-text-l));
        font-weight: 600;
        cursor: pointer;
      }
      button[aria-pressed='true'] {
        background: var(--tl-primary);
        color: var(--tl-primary-text);
      }
    `,
  ];

  @property({ attribute: false }) languages: Lang[] = [];
  @property() current: Lang = 'ru';

  override render() {
    if (this.languages.length < 2) return html``;
    return this.languages.map(
      (lang) => html`<button
        type="button"
        lang=${lang}
        aria-pressed=${lang === this.current ? 'true' : 'false'}
        @click=${() => this.choose(lang)}
      >
        ${translate(lang, 'common.language')}
      </button>`,
    );
  }

  private choose(lang: Lang): void {
    if (lang === this.current) return;
    this.dispatchEvent(new CustomEvent<Lang>('language-change', { detail: lang, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tl-language-switch': TlLanguageSwitch;
  }
  interface HTMLElementEventMap {
    'language-change': LanguageChangeEvent;
  }
}
