// The only thing a signed-out browser sees: login and password. A wrong pair gets one answer,
// whatever was wrong, as the server gives it.
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { translatorFor } from '../../../common/i18n';
import type { Lang, User } from '../../../common/protocol';
import { panelStyles } from '../shared/panel-styles';
import { signIn } from './session';

@customElement('panel-login')
export class PanelLogin extends LitElement {
  static override styles = [
    panelStyles,
    css`
      form {
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-3);
        max-width: 28rem;
        margin: var(--tl-space-5) auto;
      }
      h1 {
        margin: 0;
        font-size: var(--tl-text-l);
      }
      .error {
        color: var(--tl-danger);
        font-weight: 600;
      }
    `,
  ];

  @property() override lang: Lang = 'en';
  @state() private _error: string | null = null;
  @state() private _busy = false;
  @query('input[name="login"]') private _login!: HTMLInputElement;
  @query('input[name="password"]') private _password!: HTMLInputElement;

  protected override firstUpdated(): void {
    this._login.focus();
  }

  override render() {
    const t = translatorFor(this.lang);
    return html`<form class="card" @submit=${this._submit}>
      <h1>${t('panel.signIn.heading')}</h1>
      <label>${t('panel.signIn.login')}<input name="login" autocomplete="username" required /></label>
      <label>${t('panel.signIn.password')}<input name="password" type="password" autocomplete="current-password" required /></label>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : ''}
      <button class="primary" type="submit" ?disabled=${this._busy}>${t('panel.signIn.submit')}</button>
    </form>`;
  }

  private async _submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this._busy = true;
    const result = await signIn(this._login.value, this._password.value);
    this._busy = false;
    if (!result.ok) {
      const t = translatorFor(this.lang);
      this._error = result.error.code === 'unauthenticated' ? t('panel.signIn.wrong') : t(`errors.${result.error.code}`);
      this._password.select();
      return;
    }
    this.dispatchEvent(new CustomEvent<User>('signed-in', { detail: result.data, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-login': PanelLogin;
  }
}
