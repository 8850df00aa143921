// The appointment book's rules: how much of each slot stays free for walk-in visitors (overall and
// per service), how far ahead visitors may book, when check-in opens and when a visitor counts as
// late (and is then queued as a walk-in or turned away), and what the public booking page allows.
// Saved as one document (PUT /api/appointments/settings).
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppointmentSettings, LateArrivalPolicy } from '../../../common/protocol';
import type { AdminConfig } from './admin-api';
import { SettingsDocument } from './admin-settings-document';
import { issueLines, numberField, selectField } from './admin-fields';
import { adminStyles } from './admin-styles';
import { text } from '../shared/describe';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

const LATE_POLICIES: readonly LateArrivalPolicy[] = ['walk-in', 'refuse'];
/** Shares are typed as 0–1, the API's own scale, so the server's limits read the same as the field. */
const SHARE_STEP = 0.05;

@customElement('panel-admin-appointments')
export class PanelAdminAppointments extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  /** For the services' names. */
  @property({ attribute: false }) config!: AdminConfig;
  private readonly _document = new SettingsDocument<AppointmentSettings>(this, () => this._env, {
    endpoints: (api) => ({ load: api.appointmentSettings, save: api.saveAppointmentSettings }),
  });

  override render() {
    return this._document.render(({ env, t, settings, issues, edit }) => {
      const wholeNumber = (name: 'checkInEarlyMinutes' | 'checkInGraceMinutes' | 'publicLeadMinutes' | 'publicBookingsPerPhone' | 'horizonDays', label: string) =>
        numberField(name, label, settings[name], (v) => edit((s) => (s[name] = v ?? NaN)), issues.at(name));
      return html`<h2>${t('admin.sections.appointments')}</h2>
        <fieldset>
          <legend>${t('admin.appointments.walkIns')}</legend>
          <div class="row">
            ${numberField('walkInShare', t('admin.appointments.walkInShare'), settings.walkInShare, (v) => edit((s) => (s.walkInShare = v ?? NaN)), issues.at('walkInShare'), SHARE_STEP)}
          </div>
          <fieldset>
            <legend>${t('admin.appointments.serviceWalkInShare')}</legend>
            <div class="row">
              ${this.config.services.map((service) =>
                numberField(
                  `serviceWalkInShare.${service.id}`,
                  text(env, service.name),
                  settings.serviceWalkInShare[service.id] ?? null,
                  (v) =>
                    edit((s) => {
                      if (v === null) delete s.serviceWalkInShare[service.id];
                      else s.serviceWalkInShare[service.id] = v;
                    }),
                  issues.at(`serviceWalkInShare.${service.id}`),
                  SHARE_STEP,
                ),
              )}
            </div>
            ${issueLines(issues.at('serviceWalkInShare', true))}
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>${t('admin.appointments.booking')}</legend>
          <div class="row">
            ${wholeNumber('horizonDays', t('admin.appointments.horizonDays'))} ${wholeNumber('checkInEarlyMinutes', t('admin.appointments.checkInEarly'))}
            ${wholeNumber('checkInGraceMinutes', t('admin.appointments.checkInGrace'))}
            ${selectField(
              'lateArrival',
              t('admin.appointments.lateArrival'),
              settings.lateArrival,
              LATE_POLICIES.map((policy) => ({ value: policy, label: t(`admin.appointments.late.${policy}`) })),
              (policy) => edit((s) => (s.lateArrival = policy)),
              issues.at('lateArrival'),
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>${t('admin.appointments.publicBooking')}</legend>
          <div class="row">
            ${wholeNumber('publicLeadMinutes', t('admin.appointments.publicLead'))} ${wholeNumber('publicBookingsPerPhone', t('admin.appointments.publicPerPhone'))}
          </div>
        </fieldset>`;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-appointments': PanelAdminAppointments;
  }
}
