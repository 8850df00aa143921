// What every booth dialog does alike: it opens fresh (fields back to their defaults), runs its
// command, shows a refusal in words inside the dialog, and closes when the server agrees.
import { consume } from '@lit/context';
import { LitElement, html, type CSSResultGroup, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { CommandInput, CommandName, CommandOutputs, Result } from '../../../common/protocol';
import type { PanelDialog } from '../shared/panel-dialog';
import '../shared/panel-dialog';
import { refusalText } from '../shared/describe';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';

export type BoothNoticeEvent = CustomEvent<string>;

export abstract class BoothDialog extends LitElement {
  static override styles: CSSResultGroup = [panelStyles];

  @property() counterId = '';

  @consume({ context: panelEnv, subscribe: true })
  @state()
  protected _env?: PanelEnv;

  @state() protected _error: string | null = null;
  @state() protected _busy = false;
  /** Bumped on every opening, so the fields are rendered anew with their defaults. */
  @state() private _opening = 0;
  @query('panel-dialog') private _frame!: PanelDialog;

  get isOpen(): boolean {
    return this._frame?.open ?? false;
  }

  async open(): Promise<void> {
    this._error = null;
    this._opening += 1;
    this.prepare();
    await this.updateComplete;
    await this._frame.show();
  }

  /** Resets the dialog's own state before it opens. */
  protected prepare(): void {}

  protected abstract submit(env: PanelEnv): Promise<void>;

  protected frame(env: PanelEnv, heading: string, submitLabel: string, fields: TemplateResult): TemplateResult {
    return html`<panel-dialog
      .heading=${heading}
      .submitLabel=${submitLabel}
      .cancelLabel=${env.t('panel.dialog.cancel')}
      .error=${this._error}
      .busy=${this._busy}
      @dialog-submit=${() => void this.submit(env)}
    >
      ${keyed(this._opening, fields)}
    </panel-dialog>`;
  }

  /** Runs a command; on refusal shows why and answers null, leaving the dialog open. */
  protected async run<K extends CommandName>(env: PanelEnv, name: K, input: CommandInput<K>): Promise<CommandOutputs[K] | null> {
    this._busy = true;
    const result: Result<CommandOutputs[K]> = await env.run(name, input);
    this._busy = false;
    if (result.ok) return result.data;
    this._error = refusalText(env, result.error);
    return null;
  }

  protected finish(notice?: string): void {
    this._frame.close();
    if (notice) this.dispatchEvent(new CustomEvent<string>('booth-notice', { detail: notice, bubbles: true, composed: true }));
  }

  /** A field of this dialog by its name attribute. */
  protected field<T extends HTMLElement = HTMLInputElement>(name: string): T {
    const found = this.renderRoot.querySelector<T>(`[name="${name}"]`);
    if (!found) throw new Error(`No field "${name}" in ${this.localName}`);
    return found;
  }
}

declare global {
  interface HTMLElementEventMap {
    'booth-notice': BoothNoticeEvent;
  }
}
