// Grant a waiting ticket an out-of-turn category (a legal right), recording the grounds.
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { BoothDialog } from './booth-dialog';
import { text } from '../shared/describe';
import type { PanelEnv } from '../shared/panel-env';

@customElement('panel-grant-dialog')
export class PanelGrantDialog extends BoothDialog {
  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t, snapshot } = env;
    const tickets = snapshot.tickets
      .filter((tk) => tk.status === 'waiting' || tk.status === 'postponed')
      .sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));
    return this.frame(
      env,
      t('panel.dialog.grant.heading'),
      t('panel.dialog.grant.submit'),
      tickets.length === 0
        ? html`<p>${t('panel.dialog.grant.noTickets')}</p>`
        : html`<label
              >${t('panel.dialog.grant.ticket')}
              <select name="ticket" autofocus>
                ${tickets.map((tk) => html`<option value=${tk.id}>${tk.code}</option>`)}
              </select>
            </label>
            <label
              >${t('panel.dialog.grant.category')}
              <select name="category">
                ${snapshot.office.categories.map((c) => html`<option value=${c.id}>${text(env, c.name)}</option>`)}
              </select>
            </label>
            <label>${t('panel.dialog.grant.reason')}<input name="reason" required maxlength="500" /></label>`,
    );
  }

  protected override async submit(env: PanelEnv): Promise<void> {
    const ticketSelect = this.renderRoot.querySelector<HTMLSelectElement>('select[name="ticket"]');
    if (!ticketSelect) return this.finish();
    const reason = this.field('reason').value.trim();
    if (!reason) {
      this._error = env.t('panel.dialog.reasonRequired');
      this.field('reason').focus();
      return;
    }
    const granted = await this.run(env, 'ticket:grant-category', {
      ticketId: ticketSelect.value,
      categoryId: this.field<HTMLSelectElement>('category').value,
      reason,
    });
    if (granted) this.finish(env.t('panel.notice.granted', { code: granted.ticket.code }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-grant-dialog': PanelGrantDialog;
  }
}
