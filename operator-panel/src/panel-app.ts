// The staff app's root: who is signed in, in which office they work now, and in which language the
// screen speaks. A signed-out browser gets the sign-in form and nothing else; a signed-in
// specialist gets a panel-session for the current office, which owns that office's live connection
// (the socket proves who it is with the session cookie at the moment it connects, so it must not
// exist before sign-in). Another office is another session: everything below starts afresh.
import '../../common/ui/without-eval';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { translatorFor } from '../../common/i18n';
import type { Lang, OfficeUser, User } from '../../common/protocol';
import type { OfficeId, StaffOffice } from '../../common/protocol/offices';
import './shell/panel-login';
import './shell/panel-session';
import './shell/panel-top-bar';
import { initialLanguage, rememberLanguage } from './shell/panel-language';
import { panelStyles } from './shared/panel-styles';
import { signedInUser, signOut } from './shell/session';
import { rememberOffice, staffOffices, startingOffice } from './shared/staff-offices';
import type { Landing } from './shell/panel-views';
import type { OfficeAnalyticsOpen } from './region/region-events';

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
  /** The offices the signed-in person works in; null until the server has said. */
  @state() private _offices: StaffOffice[] | null = null;
  @state() private _office: StaffOffice | undefined = undefined;
  /** Where the next session opens, when something asked for a particular view. */
  @state() private _landing: Landing | null = null;
  /** The person with their role in the current office; one object per change, so the session re-renders only then. */
  private _officeUser: OfficeUser | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._checkSession();
  }

  private async _checkSession(): Promise<void> {
    const result = await signedInUser();
    // A failed check (server down) proves nothing: keep the screen and let the socket reconnect.
    if (result.ok) await this._adopt(result.data);
  }

  private async _adopt(user: User | null): Promise<void> {
    if (!user) {
      this._user = null;
      this._offices = null;
      return;
    }
    const offices = await staffOffices();
    if (!offices.ok) return;
    this._offices = offices.data;
    // The same office stays current across a session check; a new person starts where they left off.
    this._office = offices.data.find((o) => o.id === this._office?.id && user.id === this._user?.id) ?? startingOffice(user.id, offices.data);
    this._user = user;
  }

  /** Another office (or the same, with a landing): the switcher lands as remembered, the regional view where it asks. */
  private _chooseOffice(officeId: OfficeId, landing: Landing | null = null): void {
    const office = this._offices?.find((o) => o.id === officeId);
    if (!office || !this._user) return;
    this._landing = landing;
    this._office = office;
    rememberOffice(this._user.id, office.id);
  }

  /** The regional view opens one office's own analytics: that office, on its analytics view and the asked-for tab. */
  private _openOfficeAnalytics({ officeId, view }: OfficeAnalyticsOpen): void {
    this._chooseOffice(officeId, { view: 'analytics', analyticsView: view ?? null });
  }

  private async _signOut(): Promise<void> {
    await signOut();
    this._user = null;
    this._offices = null;
  }

  private _setLanguage(lang: Lang): void {
    this._lang = lang;
    rememberLanguage(lang);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('_user') || changed.has('_office')) this._officeUser = this._user && this._office ? { ...this._user, role: this._office.role } : null;
  }

  protected override updated(): void {
    document.documentElement.lang = this._lang;
    document.title = translatorFor(this._lang)('panel.appTitle');
  }

  override render() {
    const t = translatorFor(this._lang);
    const user = this._user;
    const office = this._office;
    const officeUser = this._officeUser;
    return html`<div
      style="display: contents"
      @language-change=${(e: CustomEvent<Lang>) => this._setLanguage(e.detail)}
      @sign-out=${() => void this._signOut()}
      @session-check=${() => void this._checkSession()}
      @office-chosen=${(e: CustomEvent<OfficeId>) => this._chooseOffice(e.detail)}
      @offices-changed=${() => void this._adopt(this._user ?? null)}
      @office-analytics-open=${(e: CustomEvent<OfficeAnalyticsOpen>) => this._openOfficeAnalytics(e.detail)}
    >
      ${user === undefined
        ? html`<p class="message">${t('panel.signIn.checking')}</p>`
        : officeUser && office
          ? keyed(office.id, html`<panel-session .user=${officeUser} .office=${office} .landing=${this._landing} .offices=${this._offices ?? []} .lang=${this._lang}></panel-session>`)
          : html`<panel-top-bar .lang=${this._lang} .user=${user}></panel-top-bar>
              <main>
                ${user
                  ? html`<h1 class="visually-hidden">${t('panel.appTitle')}</h1>
                      <p class="message" role="alert">${t('offices.none')}</p>`
                  : html`<panel-login .lang=${this._lang} @signed-in=${(e: CustomEvent<User>) => void this._adopt(e.detail)}></panel-login>`}
              </main>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-app': PanelApp;
  }
}
