// Joining the queue from a phone (docs/phone-join.md): whether visitors may, from when, whether a
// phone ticket waits for "I'm here" and for how long, tickets per phone a day, and per service
// whether phones may take it, what share of its daily limit and from how long before opening (empty:
// the office's); plus the entrance poster to print.
// One document, GET/PUT /channels/remote-join.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RemoteJoinServiceRule, RemoteJoinSettings, Service } from '../../../common/protocol';
import { localized } from '../../../common/ui/localized-text';
import type { AdminConfig } from './admin-api';
import { SettingsDocument } from './admin-settings-document';
import { checkField, issueLines, numberField } from './admin-fields';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

@customElement('panel-admin-remote-join')
export class PanelAdminRemoteJoin extends LitElement {
  static override styles = [
    adminStyles,
    css`
      td input[type='number'] {
        width: 6rem;
      }
    `,
  ];

  @property({ attribute: false }) config!: AdminConfig;
  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  private readonly _document = new SettingsDocument<RemoteJoinSettings>(this, () => this._env, {
    endpoints: (api) => ({ load: api.remoteJoinSettings, save: api.saveRemoteJoinSettings }),
  });

  /** A service's rule is written out once the admin touches it; until then it follows the default. */
  private _editRule(serviceId: string, change: (rule: RemoteJoinServiceRule) => void): void {
    this._document.edit((s) => {
      const rule = { ...(s.services[serviceId] ?? s.defaultRule) };
      change(rule);
      s.services[serviceId] = rule;
    });
  }

  override render() {
    return this._document.render(
      ({ env, t, settings, issues, edit }) => html`<h2>${t('join.adminTitle')}</h2>
        <span class="muted">${t('join.adminIntro')}</span>
        ${checkField('enabled', t('join.adminEnabled'), settings.enabled, (on) => edit((s) => (s.enabled = on)))}
        <div class="row">
          ${numberField('minutesBeforeOpening', t('join.adminBeforeOpening'), settings.minutesBeforeOpening, (v) => edit((s) => (s.minutesBeforeOpening = v ?? NaN)), issues.at('minutesBeforeOpening'))}
          ${numberField('ticketsPerPhonePerDay', t('join.adminPerPhone'), settings.ticketsPerPhonePerDay, (v) => edit((s) => (s.ticketsPerPhonePerDay = v ?? NaN)), issues.at('ticketsPerPhonePerDay'))}
        </div>
        ${checkField('requireArrival', t('join.adminRequireArrival'), settings.requireArrival, (on) => edit((s) => (s.requireArrival = on)))}
        <div class="row">
          ${numberField('arriveWithinMinutes', t('join.adminArriveWithin'), settings.arriveWithinMinutes, (v) => edit((s) => (s.arriveWithinMinutes = v)), issues.at('arriveWithinMinutes'))}
        </div>
        ${this._renderServices(env, settings)} ${issueLines(issues.at('services', true))}
        <p><a href=${`/poster/?office=${encodeURIComponent(env.officeId)}`} target="_blank" rel="noopener" data-role="poster">${t('join.adminPoster')}</a></p>`,
    );
  }

  private _renderServices(env: PanelEnv, settings: RemoteJoinSettings) {
    const { t } = env;
    const lang = env.lang;
    const fallback = this.config.office.defaultLanguage;
    const rows = this.config.services.filter((s) => s.active);
    return html`<table>
      <thead>
        <tr>
          <th>${t('join.adminService')}</th>
          <th>${t('join.adminServiceEnabled')}</th>
          <th>${t('join.adminShare')}</th>
          <th>${t('join.adminServiceBeforeOpening')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map((service: Service) => {
          const rule = settings.services[service.id] ?? settings.defaultRule;
          return html`<tr data-service=${service.id}>
            <td>${localized(service.name, lang, fallback)}</td>
            <td>
              <input
                type="checkbox"
                name=${`services.${service.id}.enabled`}
                aria-label=${t('join.adminServiceEnabled')}
                .checked=${rule.enabled}
                @change=${(e: Event) => this._editRule(service.id, (r) => (r.enabled = (e.target as HTMLInputElement).checked))}
              />
            </td>
            <td>
              ${service.dailyLimit === null
                ? html`<span class="muted">${t('join.adminNoLimit')}</span>`
                : html`<input
                    type="number"
                    min="0"
                    max="100"
                    name=${`services.${service.id}.phoneShare`}
                    aria-label=${t('join.adminShare')}
                    .value=${String(Math.round(rule.phoneShare * 100))}
                    @input=${(e: Event) => this._editRule(service.id, (r) => (r.phoneShare = (e.target as HTMLInputElement).valueAsNumber / 100))}
                  />`}
            </td>
            <td>
              <input
                type="number"
                min="0"
                name=${`services.${service.id}.minutesBeforeOpening`}
                aria-label=${t('join.adminServiceBeforeOpening')}
                placeholder=${String(settings.minutesBeforeOpening)}
                .value=${rule.minutesBeforeOpening == null ? '' : String(rule.minutesBeforeOpening)}
                @input=${(e: Event) => {
                  const input = e.target as HTMLInputElement;
                  this._editRule(service.id, (r) => (r.minutesBeforeOpening = input.value.trim() === '' ? null : input.valueAsNumber));
                }}
              />
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-remote-join': PanelAdminRemoteJoin;
  }
}
