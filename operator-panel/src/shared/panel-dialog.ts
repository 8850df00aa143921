// The frame every booth dialog shares: a modal <dialog> with a heading, the fields slotted in, a
// refusal line and Cancel / confirm. Enter confirms (except in a multi-line comment), Escape
// cancels, and focus starts on the first field — so a dialog needs no mouse.
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { panelStyles } from './panel-styles';

@customElement('panel-dialog')
export class PanelDialog extends LitElement {
  static override styles = [
    panelStyles,
    css`
      dialog {
        width: min(34rem, calc(100vw - 2rem));
        padding: var(--tl-space-4);
        border: none;
        border-radius: var(--tl-radius);
        box-shadow: 0 20px 50px rgb(0 0 0 / 0.3);
      }
      dialog::backdrop {
        background: rgb(17 24 39 / 0.45);
      }
      h2 {
        margin: 0 0 var(--tl-space-3);
        font-size: var(--tl-text-l);
        color: var(--tl-text);
      }
      .fields {
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-3);
      }
      .error {
        margin: var(--tl-space-3) 0 0;
        color: var(--tl-danger);
        font-weight: 600;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: var(--tl-space-2);
        margin-top: var(--tl-space-4);
      }
    `,
  ];

  @property() heading = '';
  @property() submitLabel = '';
  @property() cancelLabel = '';
  @property() error: string | null = null;
  @property({ type: Boolean }) busy = false;
  @query('dialog') private _dialog!: HTMLDialogElement;
  @query('slot') private _slot!: HTMLSlotElement;

  get open(): boolean {
    return this._dialog?.open ?? false;
  }

  async show(): Promise<void> {
    await this.updateComplete;
    this._dialog.showModal();
    this._firstField()?.focus();
  }

  close(): void {
    this._dialog.close();
  }

  override render() {
    return html`<dialog aria-labelledby="heading" @keydown=${this._onKeydown} @close=${this._onClose}>
      <h2 id="heading">${this.heading}</h2>
      <div class="fields"><slot></slot></div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <div class="buttons">
        <button type="button" @click=${() => this.close()}>${this.cancelLabel} <kbd>Esc</kbd></button>
        <button type="button" class="primary" data-role="submit" ?disabled=${this.busy} @click=${this._submit}>
          ${this.submitLabel} <kbd>Enter</kbd>
        </button>
      </div>
    </dialog>`;
  }

  private _firstField(): HTMLElement | undefined {
    const selector = '[autofocus], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';
    for (const element of this._slot.assignedElements({ flatten: true })) {
      const field = element.matches(selector) ? element : element.querySelector(selector);
      if (field instanceof HTMLElement) return field;
    }
    return undefined;
  }

  private _onKeydown(event: KeyboardEvent): void {
    // Keys pressed in a dialog belong to it, never to the booth's shortcuts underneath.
    event.stopPropagation();
    if (event.key !== 'Enter' || event.isComposing) return;
    const origin = event.composedPath()[0];
    if (origin instanceof HTMLTextAreaElement || origin instanceof HTMLButtonElement) return;
    event.preventDefault();
    this._submit();
  }

  private _submit(): void {
    if (this.busy) return;
    this.dispatchEvent(new CustomEvent('dialog-submit'));
  }

  private _onClose(): void {
    this.error = null;
    this.dispatchEvent(new CustomEvent('dialog-closed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-dialog': PanelDialog;
  }
}
