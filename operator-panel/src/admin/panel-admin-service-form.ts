// Creating or editing one service (PUT /api/config/services/:id). Saved live: the kiosk shows the
// new name as soon as the server announces the change.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Service } from '../../../common/protocol';
import { adminApi, mayEdit } from './admin-api';
import { Draft } from './admin-draft';
import { checkField, formFooter, localizedFields, numberField, textField } from './admin-fields';
import { refusalText } from './admin-issues';
import { adminStyles } from './admin-styles';
import { text } from '../shared/describe';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

/** A new service as the schema's defaults would make it, placed after the existing ones. */
export function newService(kioskOrder: number): Service {
  return {
    id: '',
    name: {},
    prefix: '',
    startNumber: 100,
    endNumber: 999,
    dailyLimit: null,
    targetWaitMinutes: 15,
    bookedTargetWaitMinutes: 5,
    maxWaitMinutes: 30,
    expectedServiceMinutes: 10,
    kioskOrder,
    group: null,
    active: true,
  };
}

@customElement('panel-admin-service-form')
export class PanelAdminServiceForm extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  /** The saved service, or a blank one for a new service (`isNew`). */
  @property({ attribute: false }) service!: Service;
  @property({ type: Boolean }) isNew = false;
  private readonly _draft = new Draft<Service>(this);
  private readonly _edit = (change: (service: Service) => void) => this._draft.edit(change);

  protected override willUpdate(): void {
    this._draft.follow(this.service);
  }

  private async _save(event: Event): Promise<void> {
    event.preventDefault();
    const env = this._env;
    if (!env) return;
    const saved = await this._draft.save((service) => adminApi(env.officeId).saveService(service), (error) => refusalText(env.t, error));
    if (saved && this.isNew) this._close();
  }

  private _close(): void {
    this.dispatchEvent(new CustomEvent('editor-closed', { bubbles: true, composed: true }));
  }

  override render() {
    const env = this._env;
    const service = this._draft.value;
    if (!env || !service) return html``;
    const { t } = env;
    const editable = mayEdit(env.user);
    const issues = this._draft.reader();
    const edit = this._edit;
    const minutes = (field: 'targetWaitMinutes' | 'bookedTargetWaitMinutes' | 'maxWaitMinutes' | 'kioskOrder', label: string) =>
      numberField(field, label, service[field], (v) => edit((s) => (s[field] = v ?? NaN)), issues.at(field));
    return html`<form class="card" @submit=${this._save} novalidate>
      <fieldset class="plain stack" ?disabled=${!editable}>
        <h2>${this.isNew ? t('admin.services.creating') : t('admin.services.editing', { name: text(env, this.service.name) })}</h2>
        ${this.isNew ? html`<div class="row">${textField('id', t('admin.services.id'), service.id, (v) => edit((s) => (s.id = v)), issues.at('id'), { wide: true })}</div>` : ''}
        ${localizedFields(t, 'name', t('admin.services.name'), service.name, (v) => edit((s) => (s.name = v)), issues.at('name', true))}
        <div class="row">
          ${textField('prefix', t('admin.services.prefix'), service.prefix, (v) => edit((s) => (s.prefix = v)), issues.at('prefix'))}
          ${numberField('startNumber', t('admin.services.startNumber'), service.startNumber, (v) => edit((s) => (s.startNumber = v ?? NaN)), issues.at('startNumber'))}
          ${numberField(
            'endNumber',
            t('admin.services.endNumber'),
            service.endNumber,
            (v) => edit((s) => (s.endNumber = v ?? NaN)),
            issues.at('endNumber'),
          )}
          ${numberField('dailyLimit', t('admin.services.dailyLimit'), service.dailyLimit, (v) => edit((s) => (s.dailyLimit = v)), issues.at('dailyLimit'))}
        </div>
        <div class="row">
          ${minutes('targetWaitMinutes', t('admin.services.targetWait'))} ${minutes('bookedTargetWaitMinutes', t('admin.services.bookedTargetWait'))}
          ${minutes('maxWaitMinutes', t('admin.services.maxWait'))}
          ${numberField('expectedServiceMinutes', t('admin.services.expectedMinutes'), service.expectedServiceMinutes, (v) => edit((s) => (s.expectedServiceMinutes = v ?? NaN)), issues.at('expectedServiceMinutes'), 0.5)}
          ${minutes('kioskOrder', t('admin.services.kioskOrder'))}
        </div>
        ${checkField('useGroup', t('admin.services.useGroup'), service.group !== null, (on) => edit((s) => (s.group = on ? {} : null)))}
        ${service.group ? localizedFields(t, 'group', t('admin.services.group'), service.group, (v) => edit((s) => (s.group = v)), issues.at('group', true)) : ''}
        ${checkField('active', t('admin.services.active'), service.active, (on) => edit((s) => (s.active = on)))}
      </fieldset>
      ${editable
        ? formFooter(t, this._draft, issues.rest(), null, () => this._close())
        : html`<div><button type="button" data-role="close" @click=${this._close}>${t('admin.form.close')}</button></div>`}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-service-form': PanelAdminServiceForm;
  }
}
