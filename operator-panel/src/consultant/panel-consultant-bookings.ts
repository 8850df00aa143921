// Bookings as a table — the day's list or a search's results — with what the consultant may do to a
// booking still awaited: move it, cancel it, check the visitor in. Actions go up as one event. A
// cancelled booking says who cancelled it (the visitor themselves, this consultant, other staff) and when.
// A visitor booked in another language than the office's default has it named under their phone, so the
// consultant who calls them back or greets them knows which language to speak.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Appointment } from '../../../common/protocol';
import { localDate } from '../../../common/time/calendar';
import { localized } from '../../../common/ui/localized-text';
import { clockTime } from '../shared/format';
import { groupCode } from './panel-consultant-code';
import { shortDay } from './panel-consultant-format';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import { ownLanguageName } from '../shared/visitor-language';

export type BookingActionKind = 'move' | 'cancel' | 'check-in';
export type BookingActionEvent = CustomEvent<{ kind: BookingActionKind; appointment: Appointment }>;

@customElement('panel-consultant-bookings')
export class PanelConsultantBookings extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: var(--tl-text-m);
      }
      th {
        text-align: left;
        font-size: var(--tl-text-s);
        font-weight: 600;
        color: var(--tl-text-muted);
        padding: var(--tl-space-1) var(--tl-space-2);
        border-bottom: 1px solid var(--tl-border);
      }
      td {
        padding: var(--tl-space-1) var(--tl-space-2);
        border-bottom: 1px solid var(--tl-border);
        vertical-align: middle;
      }
      tr.inactive td:not(.actions) {
        color: var(--tl-text-muted);
      }
      tr.cancelled td.who {
        text-decoration: line-through;
      }
      .code {
        font-family: 'DejaVu Sans Mono', monospace;
        font-weight: 700;
        white-space: nowrap;
      }
      .time {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .phone,
      .language {
        display: block;
        font-size: var(--tl-text-s);
        color: var(--tl-text-muted);
        white-space: nowrap;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tl-space-1);
        justify-content: flex-end;
      }
      .actions button {
        white-space: nowrap;
        min-height: 36px;
        padding: 0 var(--tl-space-2);
        font-size: var(--tl-text-s);
      }
      .badge {
        white-space: nowrap;
      }
      .badge.checked-in {
        background: #dcfce7;
        color: var(--tl-success);
      }
      .badge.cancelled,
      .badge.no-show {
        background: #f3f4f6;
        color: var(--tl-text-muted);
      }
      .cancelled-by {
        display: block;
        font-size: var(--tl-text-s);
        white-space: nowrap;
      }
      p {
        margin: 0;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ attribute: false }) appointments: readonly Appointment[] = [];
  /** Search results span days, so each row then names its day. */
  @property({ type: Boolean }) showDay = false;
  @property({ type: Boolean }) readOnly = false;
  @property() emptyText = '';

  override render() {
    const env = this._env;
    if (!env) return html``;
    if (this.appointments.length === 0) return html`<p class="muted">${this.emptyText}</p>`;
    const t = env.t;
    return html`<table>
      <thead>
        <tr>
          <th>${t('consultant.bookings.time')}</th>
          <th>${t('consultant.bookings.service')}</th>
          <th>${t('consultant.bookings.name')} · ${t('consultant.bookings.phone')}</th>
          <th>${t('consultant.bookings.code')}</th>
          <th>${t('consultant.bookings.status')}</th>
          ${this.readOnly ? '' : html`<th><span class="visually-hidden">${t('consultant.bookings.actions')}</span></th>`}
        </tr>
      </thead>
      <tbody>
        ${this.appointments.map((a) => this._row(a, env))}
      </tbody>
    </table>`;
  }

  private _row(a: Appointment, env: PanelEnv) {
    const { office, services } = env.snapshot;
    const service = services.find((s) => s.id === a.serviceId);
    const time = clockTime(a.slotStart, env.lang, office.timeZone);
    return html`<tr data-code=${a.code} data-status=${a.status} class="${a.status} ${a.status === 'booked' ? '' : 'inactive'}">
      <td class="time">${this.showDay ? `${shortDay(a.day, env.lang)}, ${time}` : time}</td>
      <td>${service ? localized(service.name, env.lang, office.defaultLanguage) : a.serviceId}</td>
      <td class="who">
        ${a.name}<span class="phone">${a.phone}</span>
        ${a.language === office.defaultLanguage ? '' : html`<span class="language" data-role="language" lang=${a.language}>${ownLanguageName(a.language)}</span>`}
      </td>
      <td class="code">${groupCode(a.code)}</td>
      <td>
        <span class="badge ${a.status}">${env.t(`consultant.status.${a.status}`)}</span>
        ${a.status === 'cancelled' && a.cancelledAt !== null ? html`<span class="cancelled-by" data-role="cancelled-by">${this._cancelledBy(a, a.cancelledAt, env)}</span>` : ''}
      </td>
      ${this.readOnly
        ? ''
        : html`<td>
            ${a.status === 'booked'
              ? html`<div class="actions">
                  ${this._action(a, 'check-in', env.t('consultant.checkIn.action'))} ${this._action(a, 'move', env.t('consultant.move.action'))}
                  ${this._action(a, 'cancel', env.t('consultant.cancel.action'), 'danger')}
                </div>`
              : ''}
          </td>`}
    </tr>`;
  }

  private _cancelledBy(a: Appointment, at: number, env: PanelEnv): string {
    const zone = env.snapshot.office.timeZone;
    const when = `${shortDay(localDate(at, zone), env.lang)}, ${clockTime(at, env.lang, zone)}`;
    if (a.cancelledBy === 'visitor') return env.t('manage.staffCancelledByVisitor', { when });
    if (a.cancelledBy === `user:${env.user.id}`) return env.t('manage.staffCancelledByYou', { when });
    return a.cancelledByName ? env.t('manage.staffCancelledByName', { name: a.cancelledByName, when }) : env.t('manage.staffCancelledByStaff', { when });
  }

  private _action(appointment: Appointment, kind: BookingActionKind, label: string, variant = '') {
    return html`<button
      type="button"
      class=${variant}
      data-action=${kind}
      @click=${() => this.dispatchEvent(new CustomEvent('booking-action', { detail: { kind, appointment }, bubbles: true, composed: true }))}
    >
      ${label}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-consultant-bookings': PanelConsultantBookings;
  }
  interface HTMLElementEventMap {
    'booking-action': BookingActionEvent;
  }
}
