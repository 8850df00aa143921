// The services in kiosk order, with an editor for the one chosen (or a new one).
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Service } from '../../../common/protocol';
import { editButton } from './admin-fields';
import { mayEdit, type AdminConfig } from './admin-api';
import { adminStyles } from './admin-styles';
import { text } from '../shared/describe';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { newService } from './panel-admin-service-form';
import './panel-admin-service-form';

const inKioskOrder = (a: Service, b: Service) => a.kioskOrder - b.kioskOrder || a.id.localeCompare(b.id);

@customElement('panel-admin-services')
export class PanelAdminServices extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ attribute: false }) config!: AdminConfig;
  /** The service being edited, 'new' for one being created (from `_blank`). */
  @state() private _editing: string | null = null;
  private _blank: Service = newService(0);

  private _create(nextOrder: number): void {
    this._blank = newService(nextOrder);
    this._editing = 'new';
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    const services = [...this.config.services].sort(inKioskOrder);
    const editing = services.find((s) => s.id === this._editing);
    const nextOrder = Math.max(0, ...services.map((s) => s.kioskOrder)) + 1;
    return html`<div class="stack" @editor-closed=${() => (this._editing = null)}>
      <div class="row">
        <h2>${t('admin.sections.services')}</h2>
        ${mayEdit(env.user) ? html`<button type="button" data-role="add" @click=${() => this._create(nextOrder)}>${t('admin.services.add')}</button>` : ''}
      </div>
      ${this._editing === 'new'
        ? html`<panel-admin-service-form isNew .service=${this._blank}></panel-admin-service-form>`
        : editing
          ? html`<panel-admin-service-form .service=${editing}></panel-admin-service-form>`
          : ''}
      <table>
        <thead>
          <tr>
            <th>${t('admin.services.columns.order')}</th>
            <th>${t('admin.services.columns.name')}</th>
            <th>${t('admin.services.columns.prefix')}</th>
            <th>${t('admin.services.columns.numbers')}</th>
            <th>${t('admin.services.columns.limit')}</th>
            <th>${t('admin.services.columns.state')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${services.map(
            (s) => html`<tr class=${s.active ? '' : 'off'} data-service=${s.id}>
              <td>${s.kioskOrder}</td>
              <td>${text(env, s.name)}${s.group ? html`<div class="muted">${text(env, s.group)}</div>` : ''}</td>
              <td>${s.prefix || '—'}</td>
              <td>${s.startNumber}–${s.endNumber}</td>
              <td>${s.dailyLimit ?? t('admin.services.noLimit')}</td>
              <td>${s.active ? t('admin.services.active') : t('admin.services.switchedOff')}</td>
              <td>${editButton(t, text(env, s.name), () => (this._editing = s.id))}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-services': PanelAdminServices;
  }
}
