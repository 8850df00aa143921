// Messages to visitors (docs/notifications.md): when they go (the "people ahead" threshold, the
// booking reminder's hour, quiet hours), and each channel's set-up — Web Push on or off, the office's
// SMTP server with a test e-mail, the generic HTTP SMS gateway. Each is its own document at
// GET/PUT /channels/<kind>, saved on its own; secrets (the SMTP password, gateway header values) come
// back blank with a note that one is saved, and a blank one keeps it.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ChannelSettingsKind, MailSettings, MessageSettings, PushSettings, SmsSettings } from '../../../common/protocol';
import { mayEdit, sessionAdminApi } from './admin-api';
import { checkField, issueLines, numberField, selectField, textField } from './admin-fields';
import { refusalText } from './admin-issues';
import { SettingsDocument, type SettingsFields } from './admin-settings-document';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

const GATEWAY_EXAMPLE = 'https://sms.example.org/send?to={phone}&text={text}';
const CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'text/plain'] as const;

/** Headers as the admin types them: "Name: value" per line. */
function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

@customElement('panel-admin-messages')
export class PanelAdminMessages extends LitElement {
  static override styles = [
    adminStyles,
    css`
      textarea {
        width: 100%;
        min-height: 4rem;
        font-family: monospace;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @state() private _testTo = '';
  @state() private _testResult: 'sent' | string | null = null;

  private readonly _channel = <T>(kind: ChannelSettingsKind) =>
    new SettingsDocument<T>(this, () => this._env, { endpoints: (api) => ({ load: () => api.channelSettings<T>(kind), save: (value) => api.saveChannelSettings(kind, value) }) });
  private readonly _rules = this._channel<MessageSettings>('messages');
  private readonly _push = this._channel<PushSettings>('push');
  private readonly _mail = this._channel<MailSettings>('mail');
  private readonly _sms = this._channel<SmsSettings>('sms');

  private async _sendTest(): Promise<void> {
    const env = this._env;
    if (!env) return;
    this._testResult = null;
    const answer = await sessionAdminApi(env).sendTestMail(this._testTo.trim());
    this._testResult = answer.ok ? 'sent' : refusalText(env.t, answer.error);
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    return html`<h2>${t('messages.admin.section')}</h2>
      <p class="muted">${t('messages.admin.intro')}</p>
      ${this._form('rules', this._rules, ({ settings: s, edit, issues }) => html`<div class="row">
          ${numberField('aheadThreshold', t('messages.admin.aheadThreshold'), s.aheadThreshold, (v) => edit((d) => (d.aheadThreshold = v ?? NaN)), issues.at('aheadThreshold'))}
          ${numberField('reminderHour', t('messages.admin.reminderHour'), s.reminderHour, (v) => edit((d) => (d.reminderHour = v ?? NaN)), issues.at('reminderHour'))}
        </div>
        <div class="row">
          ${textField('quietFrom', t('messages.admin.quietFrom'), s.quietFrom, (v) => edit((d) => (d.quietFrom = v)), issues.at('quietFrom'), { type: 'time' })}
          ${textField('quietUntil', t('messages.admin.quietUntil'), s.quietUntil, (v) => edit((d) => (d.quietUntil = v)), issues.at('quietUntil'), { type: 'time' })}
        </div>`)}
      ${this._form('push', this._push, ({ settings: s, edit }) => checkField('enabled', t('messages.admin.pushEnabled'), s.enabled, (on) => edit((d) => (d.enabled = on))))}
      ${this._form('mail', this._mail, ({ settings: s, edit, issues }) => html`${checkField('enabled', t('messages.admin.mailEnabled'), s.enabled, (on) => edit((d) => (d.enabled = on)))}
        <div class="row">
          ${textField('host', t('messages.admin.host'), s.host, (v) => edit((d) => (d.host = v)), issues.at('host'))}
          ${numberField('port', t('messages.admin.port'), s.port, (v) => edit((d) => (d.port = v ?? NaN)), issues.at('port'))}
        </div>
        ${checkField('secure', t('messages.admin.secure'), s.secure, (on) => edit((d) => (d.secure = on)))}
        <div class="row">
          ${textField('user', t('messages.admin.user'), s.user, (v) => edit((d) => (d.user = v)), issues.at('user'))}
          ${textField('password', t('messages.admin.password'), s.password, (v) => edit((d) => (d.password = v)), issues.at('password'), { type: 'password' })}
        </div>
        ${s.passwordSet ? html`<span class="muted" data-role="password-set">${t('messages.admin.passwordSet')}</span>` : nothing}
        <div class="row">${textField('from', t('messages.admin.from'), s.from, (v) => edit((d) => (d.from = v)), issues.at('from'), { wide: true })}</div>`)}
      ${this._renderTestMail(env)}
      ${this._form('sms', this._sms, ({ settings: s, edit, issues }) => html`${checkField('enabled', t('messages.admin.smsEnabled'), s.enabled, (on) => edit((d) => (d.enabled = on)))}
        <div class="row">
          ${selectField('method', t('messages.admin.method'), s.method, [{ value: 'POST', label: 'POST' }, { value: 'GET', label: 'GET' }], (v) => edit((d) => (d.method = v)), issues.at('method'))}
          ${selectField('contentType', t('messages.admin.contentType'), s.contentType, CONTENT_TYPES.map((value) => ({ value, label: value })), (v) => edit((d) => (d.contentType = v)), issues.at('contentType'))}
        </div>
        <div class="row">${textField('url', t('messages.admin.url'), s.url, (v) => edit((d) => (d.url = v)), issues.at('url'), { wide: true, placeholder: GATEWAY_EXAMPLE })}</div>
        <label>${t('messages.admin.body')}<textarea name="body" .value=${s.body} @input=${(e: Event) => edit((d) => (d.body = (e.target as HTMLTextAreaElement).value))}></textarea>${issueLines(issues.at('body'))}</label>
        <span class="muted">${t('messages.admin.placeholders', { phone: '{phone}', text: '{text}' })}</span>
        <label>${t('messages.admin.headers')}<textarea name="headers" .value=${headerLines(s.headers)} @change=${(e: Event) => edit((d) => (d.headers = parseHeaderLines((e.target as HTMLTextAreaElement).value)))}></textarea>${issueLines(issues.at('headers'))}</label>
        ${s.headersSet ? html`<span class="muted" data-role="headers-set">${t('messages.admin.headersSet')}</span>` : nothing}`)}`;
  }

  /** One channel's document as its own form under its heading, saved on its own. */
  private _form<T>(channel: 'rules' | 'push' | 'mail' | 'sms', document: SettingsDocument<T>, fields: (parts: SettingsFields<T>) => unknown) {
    return document.render((parts) => html`<h3>${parts.t(`messages.admin.${channel}`)}</h3>${fields(parts)}`, channel);
  }

  private _renderTestMail(env: PanelEnv) {
    const { t } = env;
    if (!mayEdit(env.user)) return nothing;
    return html`<div class="row" data-role="test-mail">
      ${textField('testTo', t('messages.admin.testTo'), this._testTo, (v) => (this._testTo = v), [], { placeholder: 'name@example.org' })}
      <button type="button" @click=${() => void this._sendTest()}>${t('messages.admin.testSend')}</button>
      ${this._testResult === 'sent'
        ? html`<span class="saved" role="status">${t('messages.admin.testSent')}</span>`
        : this._testResult
          ? issueLines([this._testResult])
          : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-messages': PanelAdminMessages;
  }
}
