// One registered device: its name and zone, and for a display what it shows and says (the same
// settings a display's URL may carry, see docs/display.md). PATCH /api/devices/:id; the display
// picks its new settings up when it next loads them.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Device } from '../../../common/protocol';
import { adminApi } from './admin-api';
import { Draft } from './admin-draft';
import { checkField, formFooter, numberField, textField } from './admin-fields';
import { refusalText } from './admin-issues';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

interface DeviceFields {
  name: string;
  zone: string;
  settings: Record<string, unknown>;
}

/** A display setting as text for its field; lists (languages) are written comma-separated. */
function settingText(settings: Record<string, unknown>, name: string): string {
  const value = settings[name];
  return Array.isArray(value) ? value.join(',') : typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Sets or, when emptied, removes one setting: an absent setting means the display's default. */
function setSetting(settings: Record<string, unknown>, name: string, value: string | number | boolean | null): void {
  if (value === null || value === '' || (typeof value === 'number' && Number.isNaN(value))) delete settings[name];
  else settings[name] = value;
}

@customElement('panel-admin-device-form')
export class PanelAdminDeviceForm extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ attribute: false }) device!: Device;
  private readonly _draft = new Draft<DeviceFields>(this);
  private _source: Device | null = null;
  private _fields: DeviceFields | null = null;

  protected override willUpdate(): void {
    if (this.device !== this._source) {
      this._source = this.device;
      this._fields = { name: this.device.name, zone: this.device.zone ?? '', settings: this.device.settings };
    }
    if (this._fields) this._draft.follow(this._fields);
  }

  private async _save(event: Event): Promise<void> {
    event.preventDefault();
    const env = this._env;
    if (!env) return;
    const send = ({ name, zone, settings }: DeviceFields) =>
      adminApi(env.officeId).updateDevice(this.device.id, { name, zone: zone.trim() === '' ? null : zone, ...(this.device.kind === 'display' ? { settings } : {}) });
    if (await this._draft.save(send, (error) => refusalText(env.t, error))) {
      this.dispatchEvent(new CustomEvent('devices-changed', { bubbles: true, composed: true }));
    }
  }

  override render() {
    const env = this._env;
    const fields = this._draft.value;
    if (!env || !fields) return html``;
    const { t } = env;
    const issues = this._draft.reader();
    const edit = (change: (f: DeviceFields) => void) => this._draft.edit(change);
    const setting = (name: string, value: string | number | boolean | null) => edit((f) => setSetting(f.settings, name, value));
    const { settings } = fields;
    return html`<form class="card stack" @submit=${this._save} novalidate>
      <h2>${t('admin.devices.editing', { name: this.device.name })}</h2>
      <div class="row">
        ${textField('name', t('admin.devices.name'), fields.name, (v) => edit((f) => (f.name = v)), issues.at('name'), { wide: true })}
        ${textField('zone', t('admin.devices.zone'), fields.zone, (v) => edit((f) => (f.zone = v)), issues.at('zone'))}
      </div>
      ${this.device.kind === 'display'
        ? html`<fieldset>
            <legend>${t('admin.devices.displaySettings')}</legend>
            <div class="row">
              ${textField('settings.zone', t('admin.devices.showZone'), settingText(settings, 'zone'), (v) => setting('zone', v), issues.at('settings.zone'))}
              ${textField('settings.lang', t('admin.devices.showLanguages'), settingText(settings, 'lang'), (v) => setting('lang', v), issues.at('settings.lang'))}
              ${numberField('settings.repeat', t('admin.devices.repeat'), (settings['repeat'] as number | undefined) ?? null, (v) => setting('repeat', v), issues.at('settings.repeat'))}
              ${numberField('settings.volume', t('admin.devices.volume'), (settings['volume'] as number | undefined) ?? null, (v) => setting('volume', v), issues.at('settings.volume'))}
              ${numberField('settings.recent', t('admin.devices.recent'), (settings['recent'] as number | undefined) ?? null, (v) => setting('recent', v), issues.at('settings.recent'))}
            </div>
            <div class="row">
              ${checkField('settings.speak', t('admin.devices.speak'), settings['speak'] !== false && settings['speak'] !== '0', (on) => setting('speak', on))}
              ${checkField('settings.waiting', t('admin.devices.waiting'), settings['waiting'] === true || settings['waiting'] === '1', (on) => setting('waiting', on))}
            </div>
            ${textField('settings.ticker', t('admin.devices.ticker'), settingText(settings, 'ticker'), (v) => setting('ticker', v), issues.at('settings', true), { wide: true })}
          </fieldset>`
        : ''}
      ${formFooter(t, this._draft, issues.rest(), null, () => this.dispatchEvent(new CustomEvent('editor-closed', { bubbles: true, composed: true })))}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-device-form': PanelAdminDeviceForm;
  }
}
