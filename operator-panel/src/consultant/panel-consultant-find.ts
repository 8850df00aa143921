// Finding bookings by code or phone in one field: a six-character code from the booking alphabet is
// a code, anything else with at least three digits is (the end of) a phone number.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Appointment } from '../../../common/protocol';
import { appointmentsApi, type AppointmentSearch } from './panel-consultant-api';
import { searchFor } from './panel-consultant-code';
import { refusalText } from './panel-consultant-refusal';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import './panel-consultant-bookings';
import { CONSULTANT_KEYS } from './consultant-keys';

@customElement('panel-consultant-find')
export class PanelConsultantFind extends LitElement {
  static override styles = [
    panelStyles,
    css`
      form {
        display: flex;
        gap: var(--tl-space-2);
        align-items: flex-end;
        margin-bottom: var(--tl-space-2);
      }
      label {
        flex: 1;
      }
      .summary {
        margin: 0 0 var(--tl-space-2);
      }
      .error {
        color: var(--tl-danger);
        font-weight: 600;
      }
    `,
  ];

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ type: Boolean }) readOnly = false;
  @state() private _query = '';
  @state() private _found: Appointment[] | null = null;
  @state() private _error: string | null = null;
  private _search: AppointmentSearch | null = null;
  @query('input') private _input!: HTMLInputElement;

  override focus(): void {
    this._input?.focus();
  }

  /** Runs the last search again, so its rows show what others changed meanwhile. */
  async refresh(): Promise<void> {
    if (this._search) await this._run(this._search);
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    return html`<h2>${env.t('consultant.find.heading')} <kbd>${CONSULTANT_KEYS.find.label}</kbd></h2>
      <form @submit=${(e: Event) => (e.preventDefault(), void this._submit(env))}>
        <label>${env.t('consultant.find.label')}<input name="query" type="search" autocomplete="off" spellcheck="false" /></label>
        <button type="submit">${env.t('consultant.find.submit')}</button>
      </form>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : ''}
      ${this._found
        ? html`<p class="summary muted" role="status">
              ${this._found.length > 0 ? env.t('consultant.find.results', { count: this._found.length }) : env.t('consultant.find.none', { query: this._query })}
            </p>
            <panel-consultant-bookings data-testid="found" .appointments=${this._found} showDay ?readOnly=${this.readOnly}></panel-consultant-bookings>`
        : ''}`;
  }

  private async _submit(env: PanelEnv): Promise<void> {
    this._query = this._input.value.trim();
    const search = searchFor(this._query);
    if (!search) {
      this._found = null;
      this._error = env.t('consultant.find.tooShort');
      return;
    }
    this._search = search;
    await this._run(search);
  }

  private async _run(search: AppointmentSearch): Promise<void> {
    const env = this._env;
    if (!env) return;
    const result = await appointmentsApi(env.officeId).find(search);
    this._found = result.ok ? result.data : null;
    this._error = result.ok ? null : refusalText(result.error, env.t, env.lang, env.snapshot.office.timeZone);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-consultant-find': PanelConsultantFind;
  }
}
