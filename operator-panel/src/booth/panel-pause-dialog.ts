// Pause the booth: lunch, a technical break or another reason, with an optional note and planned
// length (visitors' wait estimates count the booth again from its planned return).
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { PauseReason } from '../../../common/protocol';
import { BoothDialog } from './booth-dialog';
import type { PanelEnv } from '../shared/panel-env';

const REASONS: readonly PauseReason[] = ['lunch', 'technical', 'other'];

@customElement('panel-pause-dialog')
export class PanelPauseDialog extends BoothDialog {
  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    return this.frame(
      env,
      t('panel.dialog.pause.heading'),
      t('panel.dialog.pause.submit'),
      html`<label
          >${t('panel.dialog.pause.reason')}
          <select name="reason" autofocus>
            ${REASONS.map((r) => html`<option value=${r}>${t(`panel.pauseReasons.${r}`)}</option>`)}
          </select>
        </label>
        <label>${t('panel.dialog.pause.note')}<input name="note" maxlength="500" /></label>
        <label>${t('panel.dialog.pause.minutes')}<input name="minutes" type="number" min="1" max="480" inputmode="numeric" /></label>`,
    );
  }

  protected override async submit(env: PanelEnv): Promise<void> {
    const reason = this.field<HTMLSelectElement>('reason').value as PauseReason;
    const note = this.field('note').value.trim();
    const minutes = this.field('minutes').value.trim();
    const input = { counterId: this.counterId, reason, note, ...(minutes ? { minutes: Number(minutes) } : {}) };
    if (await this.run(env, 'counter:pause', input)) this.finish();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-pause-dialog': PanelPauseDialog;
  }
}
