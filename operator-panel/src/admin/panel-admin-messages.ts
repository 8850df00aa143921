// Messages to visitors (docs/notifications.md): when they go (the "people ahead" threshold, the
// booking reminder's hour, quiet hours), and each channel's set-up — Web Push on or off, the office's
// SMTP server with a test e-mail, the generic HTTP SMS gateway. Each is its own document at
// GET/PUT /channels/<kind>, saved on its own; secrets (the SMTP password, gateway header values) come
// back blank with a note that one is saved, and a blank one keeps it.
import { consume } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiError, ChannelSettingsKind, MailSettings, MessageSettings, PushSettings, Result, SmsSettings } from '../../../common/protocol';
import { officeApi } from '../../../common/ui/office-api';
import { mayEdit } from './admin-api';
import { checkField, formFooter, issueLines, numberField, selectField, textField } from './admin-fields';
import { refusalText } from './admin-issues';
import { SettingsDocument } from './admin-settings-document';
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

  private readonly _call = <T>(path: string, init?: { method?: string; body?: unknown }): Promise<Result<T>> => {
    if (!this._env) throw new Error('a settings tab outside a panel session');
    return officeApi(this._env.officeId)<T>(path, init);
  };
  private readonly _channel = <T>(kind: ChannelSettingsKind) =>
    new SettingsDocument<T>(this, { load: () => this._call<T>(`/channels/${kind}`), save: (value) => this._call<T>(`/channels/${kind}`, { method: 'PUT', body: value }) });
  private readonly _rules = this._channel<MessageSettings>('messages');
  private readonly _push = this._channel<PushSettings>('push');
  private readonly _mail = this._channel<MailSettings>('mail');
  private readonly _sms = this._channel<SmsSettings>('sms');

  private async _save<T>(document: SettingsDocument<T>, event: Event): Promise<void> {
    event.preventDefault();
    const env = this._env;
    if (env) await document.save((error: ApiError) => refusalText(env.t, error));
  }

  private async _sendTest(): Promise<void> {
    const env = this._env;
    if (!env) return;
    this._testResult = null;
    const answer = await this._call<{ sent: true }>('/channels/mail/test', { body: { to: this._testTo.trim() } });
    this._testResult = answer.ok ? 'sent' : refusalText(env.t, answer.error);
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    return html`<h2>${t('messages.admin.section')}</h2>
      <p class="muted">${t('messages.admin.intro')}</p>
      ${this._form(env, 'rules', this._rules, (s, edit, issues) => html`<div class="row">
          ${numberField('aheadThreshold', t('messages.admin.aheadThreshold'), s.aheadThreshold, (v) => edit((d) => (d.aheadThreshold = v ?? NaN)), issues('aheadThreshold'))}
          ${numberField('reminderHour', t('messages.admin.reminderHour'), s.reminderHour, (v) => edit((d) => (d.reminderHour = v ?? NaN)), issues('reminderHour'))}
        </div>
        <div class="row">
          ${textField('quietFrom', t('messages.admin.quietFrom'), s.quietFrom, (v) => edit((d) => (d.quietFrom = v)), issues('quietFrom'), { type: 'time' })}
          ${textField('quietUntil', t('messages.admin.quietUntil'), s.quietUntil, (v) => edit((d) => (d.quietUntil = v)), issues('quietUntil'), { type: 'time' })}
        </div>`)}
      ${this._form(env, 'push', this._push, (s, edit) => checkField('enabled', t('messages.admin.pushEnabled'), s.enabled, (on) => edit((d) => (d.enabled = on))))}
      ${this._form(env, 'mail', this._mail, (s, edit, issues) => html`${checkField('enabled', t('messages.admin.mailEnabled'), s.enabled, (on) => edit((d) => (d.enabled = on)))}
        <div class="row">
          ${textField('host', t('messages.admin.host'), s.host, (v) => edit((d) => (d.host = v)), issues('host'))}
          ${numberField('port', t('messages.admin.port'), s.port, (v) => edit((d) => (d.port = v ?? NaN)), issues('port'))}
        </div>
        ${checkField('secure', t('messages.admin.secure'), s.secure, (on) => edit((d) => (d.secure = on)))}
        <div class="row">
          ${textField('user', t('messages.admin.user'), s.user, (v) => edit((d) => (d.user = v)), issues('user'))}
          ${textField('password', t('messages.admin.password'), s.password, (v) => edit((d) => (d.password = v)), issues('password'), { type: 'password' })}
        </div>
        ${s.passwordSet ? html`<span class="muted" data-role="password-set">${t('messages.admin.passwordSet')}</span>` : nothing}
        <div class="row">${textField('from', t('messages.admin.from'), s.from, (v) => edit((d) => (d.from = v)), issues('from'), { wide: true })}</div>`)}
      ${this._renderTestMail(env)}
      ${this._form(env, 'sms', this._sms, (s, edit, issues) => html`${checkField('enabled', t('messages.admin.smsEnabled'), s.enabled, (on) => edit((d) => (d.enabled = on)))}
        <div class="row">
          ${selectField('method', t('messages.admin.method'), s.method, [{ value: 'POST', label: 'POST' }, { value: 'GET', label: 'GET' }], (v) => edit((d) => (d.method = v)), issues('method'))}
          ${selectField('contentType', t('messages.admin.contentType'), s.contentType, CONTENT_TYPES.map((value) => ({ value, label: value })), (v) => edit((d) => (d.contentType = v)), issues('contentType'))}
        </div>
        <div class="row">${textField('url', t('messages.admin.url'), s.url, (v) => edit((d) => (d.url = v)), issues('url'), { wide: true, placeholder: GATEWAY_EXAMPLE })}</div>
        <label>${t('messages.admin.body')}<textarea name="body" .value=${s.body} @input=${(e: Event) => edit((d) => (d.body = (e.target as HTMLTextAreaElement).value))}></textarea>${issueLines(issues('body'))}</label>
        <span class="muted">${t('messages.admin.placeholders', { phone: '{phone}', text: '{text}' })}</span>
        <label>${t('messages.admin.headers')}<textarea name="headers" .value=${headerLines(s.headers)} @change=${(e: Event) => edit((d) => (d.headers = parseHeaderLines((e.target as HTMLTextAreaElement).value)))}></textarea>${issueLines(issues('headers'))}</label>
        ${s.headersSet ? html`<span class="muted" data-role="headers-set">${t('messages.admin.headersSet')}</span>` : nothing}`)}`;
  }

  /** One channel's document as its own form, saved on its own. */
  private _form<T>(
    env: PanelEnv,
    name: 'rules' | 'push' | 'mail' | 'sms',
    document: SettingsDocument<T>,
    fields: (settings: T, edit: (change: (draft: T) => void) => void, issues: (path: string) => readonly string[]) => TemplateResult,
  ) {
    const { t } = env;
    const { loadError, saved } = document;
    if (loadError) return issueLines([refusalText(t, loadError)]);
    const settings = document.draft.value;
    if (!settings || !saved) return nothing;
    const editable = mayEdit(env.user);
    const reader = document.draft.reader();
    const issues = (path: string) => reader.at(path);
    return html`<form data-channel=${name} @submit=${(e: Event) => void this._save(document, e)} novalidate>
      <fieldset class="plain stack" ?disabled=${!editable}>
        <h3>${t(`messages.admin.${name}`)}</h3>
        ${fields(settings, (change) => document.draft.edit(change), issues)}
      </fieldset>
      ${editable ? formFooter(t, document.draft, reader.rest(), () => document.draft.reset(saved)) : nothing}
    </form>`;
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
