// Kiosks, displays and print agents: who is online, what displays report about their sound, and
// (admins) registering a device — its key shown this once with the address or command that uses
// it —, editing and revoking. Printers below. Presence is polled while the tab is open: the live
// socket belongs to the session, and a few seconds' delay is fine for this overview.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { Device, DeviceKind } from '../../../common/protocol';
import type { CreateDeviceInput } from '../../../common/protocol/admin-schemas';
import type { DevicePresence, ScreenPresence } from '../../../common/protocol/presence';
import type { PrinterInfo } from '../../../common/protocol/printing';
import { adminApi, mayEdit } from './admin-api';
import { deviceRows, deviceStartLine, displayWarning, screenName, screenWarning, type DeviceRow } from './admin-devices';
import { Draft } from './admin-draft';
import { editButton, formFooter, issueLines, selectField, textField } from './admin-fields';
import { refusalText } from './admin-issues';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import './panel-admin-device-form';
import './panel-admin-printers';
import type { PanelDialog } from '../shared/panel-dialog';
import '../shared/panel-dialog';

const REFRESH_MS = 5000;
const KINDS: readonly DeviceKind[] = ['kiosk', 'display', 'print-agent'];

interface NewDeviceFields {
  kind: DeviceKind;
  name: string;
  zone: string;
}

@customElement('panel-admin-devices')
export class PanelAdminDevices extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @state() private _devices: Device[] | null = null;
  @state() private _presence: DevicePresence[] = [];
  @state() private _printers: PrinterInfo[] = [];
  @state() private _editing: string | null = null;
  @state() private _creating = false;
  /** The device just created and its key, shown until the admin closes it: the server never shows the key again. */
  @state() private _created: { device: Device; key: string } | null = null;
  @state() private _revoking: DeviceRow | null = null;
  @state() private _revokeError: string | null = null;
  @query('panel-dialog') private _dialog!: PanelDialog;
  private readonly _new = new Draft<NewDeviceFields>(this);
  private _timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
    this._timer = setInterval(() => void this._load(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._timer);
  }

  private async _load(): Promise<void> {
    const env = this._env;
    if (!env) return;
    const office = adminApi(env.officeId);
    const [devices, presence, printers] = await Promise.all([mayEdit(env.user) ? office.devices() : null, office.presence(), office.printers()]);
    if (devices?.ok) this._devices = devices.data;
    if (presence.ok) this._presence = presence.data;
    if (printers.ok) this._printers = printers.data;
  }

  private _startCreating(): void {
    this._new.reset({ kind: 'display', name: '', zone: 'hall' });
    this._created = null;
    this._creating = true;
  }

  private async _create(event: Event): Promise<void> {
    event.preventDefault();
    const env = this._env;
    if (!env) return;
    let created: { device: Device; key: string } | null = null;
    const send = async ({ kind, name, zone }: NewDeviceFields) => {
      const input: CreateDeviceInput = { kind, name, zone: zone.trim() === '' ? null : zone };
      const result = await adminApi(env.officeId).createDevice(input);
      if (result.ok) created = result.data;
      return result;
    };
    if (await this._new.save(send, (error) => refusalText(env.t, error))) {
      this._created = created;
      this._creating = false;
      await this._load();
    }
  }

  private async _confirmRevoke(row: DeviceRow): Promise<void> {
    this._revoking = row;
    this._revokeError = null;
    await this._dialog.show();
  }

  private async _revoke(): Promise<void> {
    const env = this._env;
    const row = this._revoking;
    if (!env || !row) return;
    const result = await adminApi(env.officeId).revokeDevice(row.id);
    if (!result.ok) {
      this._revokeError = refusalText(env.t, result.error);
      return;
    }
    this._dialog.close();
    await this._load();
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    const isAdmin = mayEdit(env.user);
    const rows = deviceRows(isAdmin ? this._devices : null, this._presence);
    const editing = this._devices?.find((d) => d.id === this._editing);
    return html`<div class="stack" @devices-changed=${() => void this._load()} @editor-closed=${() => (this._editing = null)}>
      <div class="row">
        <h2>${t('admin.devices.heading')}</h2>
        ${isAdmin ? html`<button type="button" data-role="add" @click=${this._startCreating}>${t('admin.devices.add')}</button>` : ''}
      </div>
      ${this._creating ? this._renderNew(env) : ''} ${this._created ? this._renderKey(env, this._created) : ''}
      ${editing ? html`<panel-admin-device-form .device=${editing}></panel-admin-device-form>` : ''}
      <table>
        <thead>
          <tr>
            <th>${t('admin.devices.columns.name')}</th>
            <th>${t('admin.devices.columns.kind')}</th>
            <th>${t('admin.devices.columns.zone')}</th>
            <th>${t('admin.devices.columns.state')}</th>
            <th>${t('admin.devices.columns.report')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((row) => this._renderRow(env, row, isAdmin))}
        </tbody>
      </table>
      <panel-admin-printers .printers=${this._printers}></panel-admin-printers>
      <panel-dialog
        .heading=${t('admin.devices.revokeHeading')}
        .submitLabel=${t('admin.devices.revoke')}
        .cancelLabel=${t('common.cancel')}
        .error=${this._revokeError}
        @dialog-submit=${() => void this._revoke()}
      >
        <p>${this._revoking ? t('admin.devices.revokeConfirm', { name: this._revoking.name }) : ''}</p>
      </panel-dialog>
    </div>`;
  }

  private _renderRow(env: PanelEnv, row: DeviceRow, isAdmin: boolean) {
    const { t } = env;
    const revoked = row.device?.revoked ?? false;
    const warning = displayWarning(row);
    const state = revoked
      ? t('admin.devices.revoked')
      : !row.presence
        ? t('admin.devices.neverSeen')
        : t(row.presence.online ? 'admin.devices.online' : 'admin.devices.offline');
    return html`<tr class=${revoked ? 'off' : ''} data-device=${row.id}>
      <td>${row.name}</td>
      <td>${t(`admin.devices.kinds.${row.kind}`)}</td>
      <td>${row.zone ?? '—'}</td>
      <td class=${revoked ? '' : row.presence?.online ? 'ok' : 'warn'} data-role="state">${state}</td>
      <td>
        ${warning ? html`<div class="warn" role="alert" data-role="warning">⚠ ${t(warning)}</div>` : ''}
        ${revoked ? '' : (row.presence?.screens ?? []).map((screen) => this._renderScreen(env, screen))}
      </td>
      <td>
        ${isAdmin && !revoked
          ? html`${editButton(t, row.name, () => (this._editing = row.id))}
              <button type="button" class="danger" data-role="revoke" aria-label=${t('admin.devices.revokeItem', { name: row.name })} @click=${() => void this._confirmRevoke(row)}>${t('admin.devices.revoke')}</button>`
          : ''}
      </td>
    </tr>`;
  }

  /** One connected screen of the device: what it shows and whether it can speak, each on its own. */
  private _renderScreen(env: PanelEnv, screen: ScreenPresence) {
    const { t } = env;
    const { audio, client } = screen.report;
    const warning = screenWarning(screen);
    return html`<div class="screen" data-role="screen" data-audio=${audio ?? ''}>
      <strong>${screenName(screen, env.snapshot.counters, t)}</strong>${audio ? html`: <span>${t(`admin.devices.audio.${audio}`)}</span>` : ''}
      ${warning ? html`<div class="warn" role="alert" data-role="warning">⚠ ${t(warning)}</div>` : ''}
      ${client ? html`<div class="muted">${client}</div>` : ''}
    </div>`;
  }

  private _renderNew(env: PanelEnv) {
    const { t } = env;
    const fields = this._new.value;
    if (!fields) return '';
    const issues = this._new.reader();
    const edit = (change: (f: NewDeviceFields) => void) => this._new.edit(change);
    return html`<form class="card stack" data-role="new-device" @submit=${this._create} novalidate>
      <h2>${t('admin.devices.creating')}</h2>
      <div class="row">
        ${selectField<DeviceKind>(
          'kind',
          t('admin.devices.kind'),
          fields.kind,
          KINDS.map((kind) => ({ value: kind, label: t(`admin.devices.kinds.${kind}`) })),
          (kind) => edit((f) => (f.kind = kind)),
          issues.at('kind'),
        )}
        ${textField('name', t('admin.devices.name'), fields.name, (v) => edit((f) => (f.name = v)), issues.at('name'), { wide: true })}
        ${textField('zone', t('admin.devices.zone'), fields.zone, (v) => edit((f) => (f.zone = v)), issues.at('zone'))}
      </div>
      ${formFooter(t, this._new, issues.rest(), null, () => (this._creating = false))}
    </form>`;
  }

  private _renderKey(env: PanelEnv, created: { device: Device; key: string }) {
    const { t } = env;
    const line = deviceStartLine(created.device.kind, created.key, location.origin);
    return html`<div class="card stack" data-role="new-key">
      <h2>${created.device.name}</h2>
      <span>${t(created.device.kind === 'print-agent' ? 'admin.devices.agentLine' : 'admin.devices.keyOnce')}</span>
      <code data-role="start-line">${line}</code>
      <div><button type="button" @click=${() => (this._created = null)}>${t('admin.form.close')}</button></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-devices': PanelAdminDevices;
  }
}
