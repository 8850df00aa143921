// Call one ticket by choice: type its code (a Latin "C" finds "С"), or pick it from the matches.
// Waiting tickets of this booth's queues, tickets sent to it, and due postponed ones qualify.
import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Ticket } from '../../../common/protocol';
import { BoothDialog } from './booth-dialog';
import type { PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import { codeMatches, normalizeCode } from './ticket-code';

const MATCHES_SHOWN = 12;

@customElement('panel-call-ticket-dialog')
export class PanelCallTicketDialog extends BoothDialog {
  static override styles = [
    panelStyles,
    css`
      .matches {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tl-space-2);
      }
    `,
  ];

  /** The tickets this booth may call now, computed by the booth. */
  @property({ attribute: false }) callable: Ticket[] = [];
  @state() private _query = '';

  protected override prepare(): void {
    this._query = '';
  }

  private _matches(): Ticket[] {
    return this.callable.filter((t) => codeMatches(t.code, this._query));
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    return this.frame(
      env,
      t('panel.dialog.callTicket.heading'),
      t('panel.dialog.callTicket.submit'),
      html`<label
          >${t('panel.dialog.callTicket.code')}
          <input name="code" autocomplete="off" @input=${(e: InputEvent) => (this._query = (e.target as HTMLInputElement).value)} />
        </label>
        <div class="matches">
          ${this._matches()
            .slice(0, MATCHES_SHOWN)
            .map((ticket) => html`<button type="button" data-ticket=${ticket.code} @click=${() => void this._call(env, ticket)}>${ticket.code}</button>`)}
        </div>`,
    );
  }

  protected override async submit(env: PanelEnv): Promise<void> {
    const wanted = normalizeCode(this._query);
    const matches = this._matches();
    const ticket = matches.find((t) => normalizeCode(t.code) === wanted) ?? (matches.length === 1 ? matches[0] : undefined);
    if (!ticket || !wanted) {
      this._error = env.t('panel.dialog.callTicket.noMatch');
      return;
    }
    await this._call(env, ticket);
  }

  private async _call(env: PanelEnv, ticket: Ticket): Promise<void> {
    if (await this.run(env, 'counter:call-ticket', { counterId: this.counterId, ticketId: ticket.id })) this.finish();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-call-ticket-dialog': PanelCallTicketDialog;
  }
}
