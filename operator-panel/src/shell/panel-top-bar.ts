// The strip along the top: office (a switcher when the person works in more than one), who is
// signed in, connection, language, and the ways out (another booth, sign out).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translatorFor } from '../../../common/i18n';
import { LANGUAGES, type Lang, type User } from '../../../common/protocol';
import type { ConnectionState } from '../../../common/ui/queue-connection';
import '../../../common/ui/tl-language-switch';
import { panelStyles } from '../shared/panel-styles';

@customElement('panel-top-bar')
export class PanelTopBar extends LitElement {
  static override styles = [
    panelStyles,
    css`
      header {
        display: flex;
        align-items: center;
        gap: var(--tl-space-3);
        flex-wrap: wrap;
        padding: var(--tl-space-2) var(--tl-space-3);
        background: var(--tl-primary);
        color: var(--tl-primary-text);
      }
      .title {
        font-weight: 700;
        font-size: var(--tl-text-m);
      }
      .office {
        flex: 1;
        opacity: 0.9;
      }
      label.office {
        flex-direction: row;
        align-items: center;
        gap: var(--tl-space-2);
        /* The whole office name when the line has room; on a phone a line of its own, within the screen. */
        flex: 1 1 auto;
        min-width: 0;
        color: var(--tl-primary-text);
        opacity: 1;
      }
      label.office select {
        flex: 0 1 auto;
        min-width: 8rem;
        min-height: 36px;
        font-size: var(--tl-text-s);
      }
      .dot {
        display: inline-block;
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--tl-success);
        margin-right: var(--tl-space-1);
      }
      .dot.off {
        background: var(--tl-warning);
      }
      button {
        min-height: 36px;
        border-color: var(--tl-primary-text);
        background: transparent;
        color: var(--tl-primary-text);
        font-size: var(--tl-text-s);
      }
      /* Inverted for the blue bar: the chosen language is the white one. */
      tl-language-switch {
        --tl-touch: 36px;
        --tl-switch-text: var(--tl-text-s);
        --tl-primary: #ffffff;
        --tl-surface: transparent;
        --tl-primary-text: #0b5cad;
      }
    `,
  ];

  @property() override lang: Lang = 'en';
  @property({ attribute: false }) user: User | null = null;
  /** null before the panel connects (nobody signed in). */
  @property({ attribute: false }) connection: ConnectionState | null = null;
  @property() officeName = '';
  /** The current office, and the offices to switch between (no switcher for one). */
  @property() officeId = '';
  @property({ attribute: false }) offices: readonly { id: string; name: string }[] = [];
  @property({ type: Boolean }) boothChosen = false;

  override render() {
    const t = translatorFor(this.lang);
    return html`<header>
      <span class="title">${t('panel.appTitle')}</span>
      ${this.offices.length > 1
        ? html`<label class="office"
            >${t('offices.switcher')}
            <select data-testid="office-switcher" @change=${this._chooseOffice}>
              ${this.offices.map((office) => html`<option value=${office.id} ?selected=${office.id === this.officeId}>${office.name}</option>`)}
            </select></label
          >`
        : html`<span class="office">${this.officeName}</span>`}
      ${this.connection
        ? html`<span role="status"><span class="dot ${this.connection === 'online' ? '' : 'off'}"></span>${t(
              this.connection === 'online' ? 'panel.connection.online' : 'panel.connection.offline',
            )}</span>`
        : ''}
      <tl-language-switch .languages=${[...LANGUAGES]} .current=${this.lang}></tl-language-switch>
      ${this.boothChosen ? html`<button type="button" @click=${() => this._emit('change-booth')}>${t('panel.changeBooth')}</button>` : ''}
      ${this.user
        ? html`<span>${t('panel.signedInAs', { name: this.user.name })}</span>
            <button type="button" @click=${() => this._emit('sign-out')}>${t('panel.signOut')}</button>`
        : ''}
    </header>`;
  }

  private _chooseOffice(event: Event): void {
    const officeId = (event.target as HTMLSelectElement).value;
    this.dispatchEvent(new CustomEvent<string>('office-chosen', { detail: officeId, bubbles: true, composed: true }));
  }

  private _emit(name: 'change-booth' | 'sign-out'): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-top-bar': PanelTopBar;
  }
}
