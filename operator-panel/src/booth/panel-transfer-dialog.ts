// Transfer the visitor: to another service's queue (keeping their original time) or to one
// specific booth, with a comment for the next specialist and, if asked, a return afterwards.
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { BoothDialog } from './booth-dialog';
import { text } from '../shared/describe';
import type { PanelEnv } from '../shared/panel-env';

@customElement('panel-transfer-dialog')
export class PanelTransferDialog extends BoothDialog {
  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t, snapshot } = env;
    const held = snapshot.tickets.find((tk) => tk.counterId === this.counterId && (tk.status === 'called' || tk.status === 'serving'));
    const services = snapshot.services.filter((s) => s.active);
    // Transferring into the same queue is rarely meant: preselect the first other service.
    const preselected = services.find((s) => s.id !== held?.serviceId);
    const booths = snapshot.counters.filter((c) => c.active && c.id !== this.counterId).sort((a, b) => a.number - b.number);
    return this.frame(
      env,
      t('panel.dialog.transfer.heading', { code: held?.code ?? '' }),
      t('panel.dialog.transfer.submit'),
      html`<label
          >${t('panel.dialog.transfer.service')} / ${t('panel.dialog.transfer.booth')}
          <select name="target" autofocus>
            <optgroup label=${t('panel.dialog.transfer.toService')}>
              ${services.map((s) => html`<option value=${`service:${s.id}`} ?selected=${s === preselected}>${text(env, s.name)}</option>`)}
            </optgroup>
            <optgroup label=${t('panel.dialog.transfer.toBooth')}>
              ${booths.map((c) => html`<option value=${`counter:${c.id}`}>${text(env, c.name)}</option>`)}
            </optgroup>
          </select>
        </label>
        <label>${t('panel.dialog.transfer.comment')}<textarea name="comment" rows="3" maxlength="500"></textarea></label>
        <label class="inline"><input type="checkbox" name="returnAfter" />${t('panel.dialog.transfer.returnAfter')}</label>`,
    );
  }

  protected override async submit(env: PanelEnv): Promise<void> {
    const [kind, id] = this.field<HTMLSelectElement>('target').value.split(':') as [string, string];
    const target = kind === 'service' ? { toServiceId: id } : { toCounterId: id };
    const done = await this.run(env, 'counter:transfer', {
      counterId: this.counterId,
      ...target,
      comment: this.field<HTMLTextAreaElement>('comment').value.trim(),
      returnAfter: this.field('returnAfter').checked,
    });
    if (done) this.finish();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-transfer-dialog': PanelTransferDialog;
  }
}
