// Checking a visitor in at the desk by their booking code: the ticket they get, and whether it keeps
// the booked place (called at the slot's time) or, for a late visitor, joins the queue as a walk-in.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CheckInResult } from '../../../common/protocol';
import { APPOINTMENT_CODE_ALPHABET, APPOINTMENT_CODE_LENGTH } from '../../../common/protocol';
import { clockTime } from '../shared/format';
import { appointmentsApi } from './panel-consultant-api';
import { refusalText } from './panel-consultant-refusal';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import { CONSULTANT_KEYS } from './consultant-keys';

export type CheckedInEvent = CustomEvent<CheckInResult>;

// Grouped codes ("K7H 4MP") and dashes are welcome; anything else cannot be part of a code.
const CODE_PATTERN = `[${APPOINTMENT_CODE_ALPHABET}${APPOINTMENT_CODE_ALPHABET.toLowerCase()}\\s\\-]{${APPOINTMENT_CODE_LENGTH},20}`;

@customElement('panel-consultant-check-in')
export class PanelConsultantCheckIn extends LitElement {
  static override styles = [
    panelStyles,
    css`
      form {
        display: flex;
        gap: var(--tl-space-2);
        align-items: flex-end;
      }
      label {
        flex: 1;
      }
      input {
        font-family: 'DejaVu Sans Mono', monospace;
        text-transform: uppercase;
        letter-spacing: 0.1em;
      }
      .ticket {
        margin: var(--tl-space-3) 0 0;
        display: flex;
        align-items: center;
        gap: var(--tl-space-3);
      }
      .ticket strong {
        font-size: var(--tl-text-xl);
        line-height: 1;
      }
      .ticket p {
        margin: 0;
      }
      .error {
        margin: var(--tl-space-2) 0 0;
        color: var(--tl-danger);
        font-weight: 600;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ type: Boolean }) readOnly = false;
  @state() private _result: CheckInResult | null = null;
  @state() private _error: string | null = null;
  @state() private _busy = false;
  @query('input') private _input!: HTMLInputElement;

  override focus(): void {
    this._input?.focus();
  }

  /** Checks in the code as if it had been typed here (the day list's "check in" button). */
  async checkIn(code: string): Promise<void> {
    await this.updateComplete;
    this._input.value = code;
    await this._submit();
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    return html`<h2>${env.t('consultant.checkIn.heading')} <kbd>${CONSULTANT_KEYS.checkIn.label}</kbd></h2>
      <form @submit=${(e: Event) => (e.preventDefault(), void this._submit())}>
        <label
          >${env.t('consultant.checkIn.label')}
          <input name="code" autocomplete="off" spellcheck="false" pattern=${CODE_PATTERN} required ?disabled=${this.readOnly} />
        </label>
        <button type="submit" class="primary" ?disabled=${this._busy || this.readOnly}>${env.t('consultant.checkIn.submit')}</button>
      </form>
      ${this._error ? html`<p class="error" role="alert" data-testid="check-in-refusal">${this._error}</p>` : ''}
      ${this._result ? this._ticket(this._result, env) : ''}`;
  }

  private _ticket(result: CheckInResult, env: PanelEnv) {
    const time = clockTime(result.slotStart, env.lang, env.snapshot.office.timeZone);
    return html`<div class="ticket" role="status" data-testid="checked-in" data-priority=${result.ticket.priority.kind}>
      <span class="muted">${env.t('consultant.checkIn.ticket')}</span>
      <strong data-testid="checked-in-ticket">${result.ticket.code}</strong>
      <div>
        <p>${env.t(result.as === 'booked' ? 'consultant.checkIn.asBooked' : 'consultant.checkIn.asWalkIn', { time })}</p>
        ${result.repeated ? html`<p class="muted">${env.t('consultant.checkIn.repeated')}</p>` : ''}
      </div>
    </div>`;
  }

  private async _submit(): Promise<void> {
    const env = this._env;
    if (!env || this._busy || !this._input.reportValidity()) return;
    this._busy = true;
    const result = await appointmentsApi(env.officeId).checkIn(this._input.value);
    this._busy = false;
    this._result = result.ok ? result.data : null;
    this._error = result.ok ? null : refusalText(result.error, env.t, env.lang, env.snapshot.office.timeZone);
    if (result.ok) {
      this._input.value = '';
      this.dispatchEvent(new CustomEvent<CheckInResult>('appointment-checked-in', { detail: result.data, bubbles: true, composed: true }));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-consultant-check-in': PanelConsultantCheckIn;
  }
  interface HTMLElementEventMap {
    'appointment-checked-in': CheckedInEvent;
  }
}
