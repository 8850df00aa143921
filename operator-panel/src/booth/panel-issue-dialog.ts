// A ticket for a visitor standing at the booth: the service, their language, an out-of-turn
// category with its grounds if they have one, and (when the booth is free) serving them at once.
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Lang } from '../../../common/protocol';
import { BoothDialog } from './booth-dialog';
import { text } from '../shared/describe';
import { visitorLanguageOptions } from '../shared/visitor-language';
import type { PanelEnv } from '../shared/panel-env';

@customElement('panel-issue-dialog')
export class PanelIssueDialog extends BoothDialog {
  /** The booth is open and free: the new ticket can be called here straight away. */
  @property({ type: Boolean }) canCall = false;

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t, snapshot } = env;
    const counter = snapshot.counters.find((c) => c.id === this.counterId);
    // This booth's own services first, main before secondary: what a visitor at the booth usually needs.
    const rank = (serviceId: string) => {
      const index = counter?.services.findIndex((s) => s.serviceId === serviceId) ?? -1;
      return index < 0 ? Number.MAX_SAFE_INTEGER : index + (counter?.services[index]?.weight === 'main' ? 0 : 1000);
    };
    const services = snapshot.services.filter((s) => s.active).sort((a, b) => rank(a.id) - rank(b.id) || a.kioskOrder - b.kioskOrder);
    return this.frame(
      env,
      t('panel.dialog.issue.heading'),
      t('panel.dialog.issue.submit'),
      html`<label
          >${t('panel.dialog.issue.service')}
          <select name="service" autofocus>
            ${services.map((s) => html`<option value=${s.id}>${text(env, s.name)}</option>`)}
          </select>
        </label>
        <label
          >${t('panel.dialog.issue.language')}
          <select name="language">
            ${visitorLanguageOptions(snapshot.office)}
          </select>
        </label>
        <label
          >${t('panel.dialog.issue.category')}
          <select name="category">
            <option value="">${t('panel.dialog.issue.noCategory')}</option>
            ${snapshot.office.categories.map((c) => html`<option value=${c.id}>${text(env, c.name)}</option>`)}
          </select>
        </label>
        <label>${t('panel.dialog.issue.reason')}<input name="reason" maxlength="500" /></label>
        ${this.canCall ? html`<label class="inline"><input type="checkbox" name="callNow" checked />${t('panel.dialog.issue.callNow')}</label>` : ''}`,
    );
  }

  protected override async submit(env: PanelEnv): Promise<void> {
    const categoryId = this.field<HTMLSelectElement>('category').value;
    const reason = this.field('reason').value.trim();
    if (categoryId && !reason) {
      this._error = env.t('panel.dialog.reasonRequired');
      this.field('reason').focus();
      return;
    }
    const issued = await this.run(env, 'ticket:issue', {
      serviceId: this.field<HTMLSelectElement>('service').value,
      language: this.field<HTMLSelectElement>('language').value as Lang,
      source: 'staff',
    });
    if (!issued) return;
    const { ticket } = issued;
    const notice = env.t('panel.notice.issued', { code: ticket.code });
    // The ticket exists now: a refusal below is shown, but the dialog must not issue a second one.
    if (categoryId && !(await this.run(env, 'ticket:grant-category', { ticketId: ticket.id, categoryId, reason }))) return this._issuedOnly(notice);
    if (this.canCall && this.field('callNow').checked) {
      if (!(await this.run(env, 'counter:call-ticket', { counterId: this.counterId, ticketId: ticket.id }))) return this._issuedOnly(notice);
    }
    this.finish(notice);
  }

  private _issuedOnly(notice: string): void {
    const why = this._error;
    this.finish(why ? `${notice} ${why}` : notice);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-issue-dialog': PanelIssueDialog;
  }
}
