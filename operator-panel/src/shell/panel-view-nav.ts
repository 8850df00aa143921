// Tabs between the views the signed-in role may use (booth, office settings …), from PANEL_VIEWS.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { panelStyles } from '../shared/panel-styles';

@customElement('panel-view-nav')
export class PanelViewNav extends LitElement {
  static override styles = [
    panelStyles,
    css`
      nav {
        display: flex;
        /* Four tabs do not fit a phone's width in one row: the rest go to a second row. */
        flex-wrap: wrap;
        gap: var(--tl-space-1);
        padding: var(--tl-space-2) var(--tl-space-3) 0;
        border-bottom: 1px solid var(--tl-border);
        background: var(--tl-surface);
      }
      button {
        min-height: 40px;
        border: none;
        border-bottom: 3px solid transparent;
        border-radius: 0;
        background: transparent;
        color: var(--tl-text-muted);
      }
      button[aria-current='page'] {
        border-bottom-color: var(--tl-primary);
        color: var(--tl-primary);
      }
    `,
  ];

  /** The views in the user's language. */
  @property({ attribute: false }) views: readonly { id: string; label: string }[] = [];
  @property() current = '';

  override render() {
    return html`<nav>
      ${this.views.map(
        (view) =>
          html`<button type="button" data-view=${view.id} aria-current=${view.id === this.current ? 'page' : 'false'} @click=${() => this._choose(view.id)}>
            ${view.label}
          </button>`,
      )}
    </nav>`;
  }

  private _choose(id: string): void {
    this.dispatchEvent(new CustomEvent<string>('view-chosen', { detail: id, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-view-nav': PanelViewNav;
  }
}
