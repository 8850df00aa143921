// The booth's buttons: one big next step, then what else may be done with the visitor, then the
// booth's own actions. Every button shows its key; pressing the key does the same (panel-booth).
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Translator } from '../../../common/i18n';
import { ACTION_KEYS, type ActionPlan, type BoothAction } from './booth-actions';
import { panelStyles } from '../shared/panel-styles';

export type BoothActionEvent = CustomEvent<BoothAction>;

const CAUTIOUS: readonly BoothAction[] = ['noShow', 'close'];

@customElement('panel-action-bar')
export class PanelActionBar extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-3);
      }
      .primary-action {
        width: 100%;
        min-height: 96px;
        font-size: var(--tl-text-xl);
        border-width: 3px;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tl-space-2);
      }
      .row.booth button {
        font-size: var(--tl-text-s);
        min-height: 36px;
      }
      button[aria-disabled='true'] {
        opacity: 0.6;
        cursor: progress;
      }
    `,
  ];

  @property({ attribute: false }) plan: ActionPlan | null = null;
  @property({ attribute: false }) t: Translator | null = null;
  /**
   * The booth's previous command is not answered yet. Its event may already have drawn the next
   * buttons, which do nothing until the answer comes: say so rather than swallow a press. The
   * buttons keep their focus (aria-disabled, not disabled), so the keyboard flow is not broken.
   */
  @property({ type: Boolean }) busy = false;
  @query('.primary-action') private _primary!: HTMLButtonElement;

  override focus(): void {
    this._primary?.focus();
  }

  override render() {
    const { plan, t } = this;
    if (!plan || !t) return html``;
    return html`
      ${this._button(plan.primary, t, 'primary primary-action')}
      ${plan.visitor.length ? html`<div class="row visitor">${plan.visitor.map((a) => this._button(a, t, CAUTIOUS.includes(a) ? 'danger' : ''))}</div>` : ''}
      <div class="row booth">${plan.booth.map((a) => this._button(a, t, CAUTIOUS.includes(a) ? 'danger' : ''))}</div>
    `;
  }

  private _button(action: BoothAction, t: Translator, className: string) {
    const key = ACTION_KEYS[action].label;
    return html`<button
      type="button"
      class=${className}
      data-action=${action}
      aria-keyshortcuts=${key}
      aria-disabled=${this.busy ? 'true' : 'false'}
      @click=${() => this.dispatchEvent(new CustomEvent<BoothAction>('booth-action', { detail: action, bubbles: true, composed: true }))}
    >
      ${t(`panel.actions.${action}`)} <kbd>${key}</kbd>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-action-bar': PanelActionBar;
  }
  interface HTMLElementEventMap {
    'booth-action': BoothActionEvent;
  }
}
