// The staff app's root: who is signed in and in which language the screen speaks. A signed-out
// browser gets the sign-in form and nothing else; a signed-in specialist gets a panel-session,
// which owns the live connection (the socket proves who it is with the session cookie at the
// moment it connects, so it must not exist before sign-in).
import '../../common/ui/without-eval';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { translatorFor } from '../../common/i18n';
import type { Lang, User } from '../../common/protocol';
import './shell/panel-login';
import './shell/panel-session';
import './shell/panel-top-bar';
import { initialLanguage, rememberLanguage } from './shell/panel-language';
import { panelStyles } from './shared/panel-styles';
import { viewsFor } from './shell/panel-views';
import { signedInUser, signOut } from './shell/session';

@customElement('panel-app')
export class PanelApp extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        background: var(--tl-bg);
      }
      panel-session {
        flex: 1;
      }
      .message {
        max-width: 40rem;
        margin: var(--tl-space-5) auto;
        font-size: var(--tl-text-m);
        text-align: center;
      }
    `,
  ];

  /** undefined while the session is being checked; null when nobody is signed in. */
  @state() private _user: User | null | undefined = undefined;
  @state() private _lang: Lang = initialLanguage();

  override connectedCallback(): void {
    super.connectedCallback();
    void this._checkSession();
  }

  private async _checkSession(): Promise<void> {
    const result = await signedInUser();
    // A failed check (server down) proves nothing: keep the screen and let the socket reconnect.
    if (result.ok) this._user = result.data;
  }

  private async _signOut(): Promise<void> {
    await signOut();
    this._user = null;
  }

  private _setLanguage(lang: Lang): void {
    this._lang = lang;
    rememberLanguage(lang);
  }

  protected override updated(): void {
    document.documentElement.lang = this._lang;
    document.title = translatorFor(this._lang)('panel.appTitle');
  }

  override render() {
    const t = translatorFor(this._lang);
    const user = this._user;
    return html`<div
      style="display: contents"
      @language-change=${(e: CustomEvent<Lang>) => this._setLanguage(e.detail)}
      @sign-out=${() => void this._signOut()}
      @session-check=${() => void this._checkSession()}
    >
      ${user === undefined
        ? html`<p class="message">${t('panel.signIn.checking')}</p>`
        : user && viewsFor(user.role).length > 0
          ? html`<panel-session .user=${user} .lang=${this._lang}></panel-session>`
          : html`<panel-top-bar .lang=${this._lang} .user=${user}></panel-top-bar>
              <main>
                ${user
                  ? html`<p class="message" role="alert">${t('panel.wrongRole')}</p>`
                  : html`<panel-login .lang=${this._lang} @signed-in=${(e: CustomEvent<User>) => (this._user = e.detail)}></panel-login>`}
              </main>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-app': PanelApp;
  }
}
