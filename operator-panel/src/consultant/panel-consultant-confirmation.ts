// What the consultant gives the visitor after booking: the code large and in groups, spelled for
// the phone, a text to read aloud, and a printable confirmation (mounted for printing while open).
// What the visitor hears or takes home (the visit's time and service, the spelling, the text read
// aloud, the printout) is in the booking's language; headings and labels are the consultant's, in the
// screen's language.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Appointment } from '../../../common/protocol';
import { translate } from '../../../common/i18n';
import { localized } from '../../../common/ui/localized-text';
import { clockTime } from '../shared/format';
import { groupCode, spellCode } from './panel-consultant-code';
import { dayAfterOn, longDay } from './panel-consultant-format';
import { mountPrintSheet, type PrintedVisit } from './panel-consultant-print';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import type { PanelDialog } from '../shared/panel-dialog';
import '../shared/panel-dialog';

@customElement('panel-consultant-confirmation')
export class PanelConsultantConfirmation extends LitElement {
  static override styles = [
    panelStyles,
    css`
      .code {
        margin: 0;
        font-family: 'DejaVu Sans Mono', monospace;
        font-size: var(--tl-text-xl);
        font-weight: 700;
        letter-spacing: 0.12em;
        text-align: center;
        color: var(--tl-text);
      }
      .code:focus {
        outline: none;
      }
      .when {
        margin: 0;
        text-align: center;
        font-size: var(--tl-text-m);
      }
      dl {
        margin: 0;
        display: grid;
        gap: var(--tl-space-1);
      }
      dt {
        font-size: var(--tl-text-s);
        color: var(--tl-text-muted);
      }
      dd {
        margin: 0 0 var(--tl-space-2);
        font-size: var(--tl-text-m);
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ attribute: false }) appointment: Appointment | null = null;
  @query('panel-dialog') private _dialog!: PanelDialog;
  private _unmountSheet: (() => void) | null = null;

  async show(): Promise<void> {
    await this.updateComplete;
    const visit = this._visit();
    if (!visit || !this._env) return;
    this._unmountSheet?.();
    this._unmountSheet = mountPrintSheet(visit);
    await this._dialog.show();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._takeSheetAway();
  }

  private _takeSheetAway(): void {
    this._unmountSheet?.();
    this._unmountSheet = null;
  }

  private _visit(): PrintedVisit | null {
    const env = this._env;
    const appointment = this.appointment;
    if (!env || !appointment) return null;
    const { office, services } = env.snapshot;
    const service = services.find((s) => s.id === appointment.serviceId);
    const lang = appointment.language;
    const text = (value: Parameters<typeof localized>[0]) => localized(value, lang, office.defaultLanguage);
    return {
      appointment,
      serviceName: service ? text(service.name) : appointment.serviceId,
      officeName: text(office.name),
      officeAddress: text(office.address),
      officePhones: office.phones,
      lang,
      timeZone: office.timeZone,
    };
  }

  override render() {
    const env = this._env;
    const visit = this._visit();
    if (!env || !visit) return html``;
    const { appointment, lang, timeZone } = visit;
    const date = longDay(appointment.day, lang);
    const time = clockTime(appointment.slotStart, lang, timeZone);
    const spelled = spellCode(appointment.code, lang);
    return html`<panel-dialog
      .heading=${env.t('consultant.confirmation.heading')}
      .submitLabel=${env.t('consultant.confirmation.print')}
      .cancelLabel=${env.t('consultant.confirmation.close')}
      @dialog-submit=${() => window.print()}
      @dialog-closed=${() => this._takeSheetAway()}
    >
      <!-- Focus starts on the code, so Enter prints and Escape closes as the buttons say. -->
      <p class="code" data-testid="booked-code" autofocus tabindex="-1" aria-label=${`${env.t('consultant.confirmation.code')}: ${appointment.code}`}>${groupCode(appointment.code)}</p>
      <p class="when" lang=${lang}>${visit.serviceName} · ${date}, ${time}</p>
      <dl>
        <dt>${env.t('consultant.confirmation.spelled')}</dt>
        <dd data-testid="spelled-code" lang=${lang}>${spelled}</dd>
        <dt>${env.t('consultant.confirmation.readAloud')}</dt>
        <dd data-testid="read-aloud" lang=${lang}>
          ${translate(lang, 'consultant.confirmation.readAloudText', { spelled, service: visit.serviceName, dateAfterOn: dayAfterOn(appointment.day, lang, true), time })}
        </dd>
      </dl>
    </panel-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-consultant-confirmation': PanelConsultantConfirmation;
  }
}
