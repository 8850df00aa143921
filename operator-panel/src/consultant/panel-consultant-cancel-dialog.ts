// Cancelling a booking asks first, naming whose visit it is, since it frees the time for others.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Appointment } from '../../../common/protocol';
import { localized } from '../../../common/ui/localized-text';
import { clockTime } from '../shared/format';
import { appointmentsApi } from './panel-consultant-api';
import { groupCode } from './panel-consultant-code';
import { shortDay } from './panel-consultant-format';
import { refusalText } from './panel-consultant-refusal';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import type { PanelDialog } from '../shared/panel-dialog';
import '../shared/panel-dialog';

export type CancelledEvent = CustomEvent<Appointment>;

@customElement('panel-consultant-cancel-dialog')
export class PanelConsultantCancelDialog extends LitElement {
  static override styles = [
    panelStyles,
    css`
      p:focus {
        outline: none;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ attribute: false }) appointment: Appointment | null = null;
  @state() private _error: string | null = null;
  @state() private _busy = false;
  @query('panel-dialog') private _dialog!: PanelDialog;

  async show(): Promise<void> {
    this._error = null;
    await this.updateComplete;
    await this._dialog.show();
  }

  override render() {
    const env = this._env;
    const a = this.appointment;
    if (!env || !a) return html``;
    const { office, services } = env.snapshot;
    const service = services.find((s) => s.id === a.serviceId);
    return html`<panel-dialog
      .heading=${env.t('consultant.cancel.heading', { code: groupCode(a.code) })}
      .submitLabel=${env.t('consultant.cancel.submit')}
      .cancelLabel=${env.t('consultant.cancel.keep')}
      .error=${this._error}
      ?busy=${this._busy}
      @dialog-submit=${() => void this._submit(a, env)}
    >
      <!-- Focus starts on the question, so Enter confirms and Escape keeps the booking as the buttons say. -->
      <p autofocus tabindex="-1">
        ${env.t('consultant.cancel.text', {
          name: a.name,
          service: service ? localized(service.name, env.lang, office.defaultLanguage) : a.serviceId,
          date: shortDay(a.day, env.lang),
          time: clockTime(a.slotStart, env.lang, office.timeZone),
        })}
      </p>
    </panel-dialog>`;
  }

  private async _submit(appointment: Appointment, env: PanelEnv): Promise<void> {
    this._busy = true;
    const result = await appointmentsApi(env.officeId).cancel(appointment.id);
    this._busy = false;
    if (!result.ok) {
      this._error = refusalText(result.error, env.t, env.lang, env.snapshot.office.timeZone);
      return;
    }
    this._dialog.close();
    this.dispatchEvent(new CustomEvent<Appointment>('appointment-cancelled', { detail: result.data, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-consultant-cancel-dialog': PanelConsultantCancelDialog;
  }
  interface HTMLElementEventMap {
    'appointment-cancelled': CancelledEvent;
  }
}
