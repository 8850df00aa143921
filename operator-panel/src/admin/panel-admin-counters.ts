// The booths by number, with an editor for the one chosen (or a new one).
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Counter } from '../../../common/protocol';
import { editButton } from './admin-fields';
import { mayEdit, type AdminConfig } from './admin-api';
import { adminStyles } from './admin-styles';
import { serviceName, text } from '../shared/describe';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { newCounter } from './panel-admin-counter-form';
import './panel-admin-counter-form';

@customElement('panel-admin-counters')
export class PanelAdminCounters extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ attribute: false }) config!: AdminConfig;
  /** The booth being edited, 'new' for one being created (from `_blank`). */
  @state() private _editing: string | null = null;
  private _blank: Counter = newCounter(1);

  private _create(number: number): void {
    this._blank = newCounter(number);
    this._editing = 'new';
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    const counters = [...this.config.counters].sort((a, b) => a.number - b.number);
    const services = [...this.config.services].sort((a, b) => a.kioskOrder - b.kioskOrder);
    const editing = counters.find((c) => c.id === this._editing);
    const nextNumber = Math.max(0, ...counters.map((c) => c.number)) + 1;
    return html`<div class="stack" @editor-closed=${() => (this._editing = null)}>
      <div class="row">
        <h2>${t('admin.sections.counters')}</h2>
        ${mayEdit(env.user) ? html`<button type="button" data-role="add" @click=${() => this._create(nextNumber)}>${t('admin.counters.add')}</button>` : ''}
      </div>
      ${this._editing === 'new'
        ? html`<panel-admin-counter-form isNew .counter=${this._blank} .services=${services}></panel-admin-counter-form>`
        : editing
          ? html`<panel-admin-counter-form .counter=${editing} .services=${services}></panel-admin-counter-form>`
          : ''}
      <table>
        <thead>
          <tr>
            <th>${t('admin.counters.columns.number')}</th>
            <th>${t('admin.counters.columns.name')}</th>
            <th>${t('admin.counters.columns.services')}</th>
            <th>${t('admin.counters.columns.zone')}</th>
            <th>${t('admin.counters.columns.state')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${counters.map(
            (c) => html`<tr class=${c.active ? '' : 'off'} data-counter=${c.id}>
              <td>${c.number}</td>
              <td>${text(env, c.name)}</td>
              <td>
                ${c.services.map(
                  (s) => html`<div>${serviceName(env, s.serviceId)} <span class="muted">· ${t(`admin.counters.weight.${s.weight}`)}</span></div>`,
                )}
              </td>
              <td>${c.zone}</td>
              <td>${c.active ? t('admin.counters.active') : t('admin.counters.switchedOff')}</td>
              <td>${editButton(t, text(env, c.name), () => (this._editing = c.id))}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-counters': PanelAdminCounters;
  }
}
