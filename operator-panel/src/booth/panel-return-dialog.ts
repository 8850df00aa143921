// Return the visitor to the queue: keeping their place in line, or postponed for some minutes
// into the shared pool (pre-filled with the office's default).
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { BoothDialog } from './booth-dialog';
import type { PanelEnv } from '../shared/panel-env';

@customElement('panel-return-dialog')
export class PanelReturnDialog extends BoothDialog {
  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t, snapshot } = env;
    const held = snapshot.tickets.find((tk) => tk.counterId === this.counterId && (tk.status === 'called' || tk.status === 'serving'));
    return this.frame(
      env,
      t('panel.dialog.return.heading', { code: held?.code ?? '' }),
      t('panel.dialog.return.submit'),
      html`<label class="inline"><input type="radio" name="mode" value="keep-place" checked autofocus />${t('panel.dialog.return.keepPlace')}</label>
        <label class="inline"><input type="radio" name="mode" value="postpone" />${t('panel.dialog.return.postpone')}</label>
        <label>${t('panel.dialog.return.minutes')}<input name="minutes" type="number" min="0" max="480" inputmode="numeric" .value=${String(snapshot.office.rules.postponeMinutes)} /></label>`,
    );
  }

  protected override async submit(env: PanelEnv): Promise<void> {
    const postpone = this.renderRoot.querySelector<HTMLInputElement>('input[name="mode"][value="postpone"]')?.checked ?? false;
    const minutes = this.field('minutes').value.trim();
    const input = postpone
      ? { counterId: this.counterId, mode: 'postpone' as const, ...(minutes ? { minutes: Number(minutes) } : {}) }
      : { counterId: this.counterId, mode: 'keep-place' as const };
    if (await this.run(env, 'counter:return', input)) this.finish();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-return-dialog': PanelReturnDialog;
  }
}
