// Choosing the booth this computer works: every active booth, what it serves, and whether
// someone already works there.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Counter } from '../../../common/protocol';
import { counterStateIn } from './booth-view';
import { serviceName, text } from '../shared/describe';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';

@customElement('panel-booth-picker')
export class PanelBoothPicker extends LitElement {
  static override styles = [
    panelStyles,
    css`
      ul {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: var(--tl-space-3);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      button {
        width: 100%;
        min-height: 7rem;
        flex-direction: column;
        align-items: flex-start;
        text-align: left;
        padding: var(--tl-space-3);
      }
      .name {
        font-size: var(--tl-text-l);
      }
      .state,
      .serves {
        font-size: var(--tl-text-s);
        font-weight: 400;
        color: var(--tl-text-muted);
      }
      h1 {
        font-size: var(--tl-text-l);
        margin: 0 0 var(--tl-space-3);
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;

  override render() {
    const env = this._env;
    if (!env) return html``;
    const counters = env.snapshot.counters.filter((c) => c.active).sort((a, b) => a.number - b.number);
    return html`<h1>${env.t('panel.picker.heading')}</h1>
      <ul>
        ${counters.map((counter) => html`<li>${this._renderCounter(env, counter)}</li>`)}
      </ul>`;
  }

  private _renderCounter(env: PanelEnv, counter: Counter) {
    const live = counterStateIn(env.snapshot, counter.id);
    const name = live.operatorName ?? '';
    const status =
      live.status === 'open'
        ? env.t('panel.picker.openBy', { name })
        : live.status === 'paused'
          ? env.t('panel.picker.paused', { name })
          : env.t('panel.picker.free');
    const services = counter.services.map((s) => serviceName(env, s.serviceId)).join(', ');
    return html`<button type="button" data-counter=${counter.id} @click=${() => this._choose(counter.id)}>
      <span class="name">${text(env, counter.name)}</span>
      <span class="state">${status}</span>
      <span class="serves">${env.t('panel.picker.serves', { services })}</span>
    </button>`;
  }

  private _choose(counterId: string): void {
    this.dispatchEvent(new CustomEvent<string>('booth-chosen', { detail: counterId, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-booth-picker': PanelBoothPicker;
  }
}
