// A signed-in specialist's working session: the live connection to the server, the booth this
// computer works, and the shared context (snapshot, language, commands) every element below reads.
// It exists only while someone is signed in, so its socket always carries their session cookie.
import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translatorFor } from '../../../common/i18n';
import type { Lang, QueueSnapshot, User } from '../../../common/protocol';
import { localized } from '../../../common/ui/localized-text';
import { QueueConnection } from '../../../common/ui/queue-connection';
import '../../../common/ui/tl-connection-notice';
import { panelEnv, type PanelEnv, type RunCommand } from '../panel-env';
import { panelStyles } from '../panel-styles';
import './panel-booth';
import './panel-booth-picker';
import './panel-top-bar';

const BOOTH_STORAGE_KEY = 'talon.panel.counter';

@customElement('panel-session')
export class PanelSession extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
      }
      main {
        flex: 1;
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-3);
        padding: var(--tl-space-3);
      }
      tl-connection-notice {
        --tl-notice-text: var(--tl-text-m);
      }
    `,
  ];

  @property({ attribute: false }) user!: User;
  @property() override lang: Lang = 'en';
  @state() private _counterId: string | null = localStorage.getItem(BOOTH_STORAGE_KEY);
  private _clockOffset = 0;
  private readonly _env = new ContextProvider(this, { context: panelEnv });
  private readonly _connection = new QueueConnection(this, {
    onSnapshot: (snapshot: QueueSnapshot) => {
      this._clockOffset = snapshot.serverTime - Date.now();
    },
  });

  constructor() {
    super();
    // A refused handshake may mean the session ended elsewhere: the root asks who we are.
    this._connection.socket.on('connect_error', () => this._askForSessionCheck());
  }

  private _askForSessionCheck(): void {
    this.dispatchEvent(new CustomEvent('session-check', { bubbles: true, composed: true }));
  }

  private readonly _run: RunCommand = async (name, input) => {
    const result = await this._connection.command(name, input);
    if (!result.ok && result.error.code === 'unauthenticated') this._askForSessionCheck();
    return result;
  };

  private _chooseBooth(counterId: string | null): void {
    this._counterId = counterId;
    if (counterId) localStorage.setItem(BOOTH_STORAGE_KEY, counterId);
    else localStorage.removeItem(BOOTH_STORAGE_KEY);
  }

  protected override willUpdate(): void {
    const snapshot = this._connection.snapshot;
    if (!snapshot) return;
    const env: PanelEnv = {
      snapshot,
      user: this.user,
      lang: this.lang,
      t: translatorFor(this.lang),
      clockOffset: this._clockOffset,
      run: this._run,
    };
    this._env.setValue(env);
  }

  override render() {
    const snapshot = this._connection.snapshot;
    const counter = snapshot?.counters.find((c) => c.id === this._counterId && c.active);
    return html`
      <panel-top-bar
        .lang=${this.lang}
        .user=${this.user}
        .connection=${this._connection.state}
        .officeName=${snapshot ? localized(snapshot.office.name, this.lang, snapshot.office.defaultLanguage) : ''}
        .boothChosen=${Boolean(counter)}
        @change-booth=${() => this._chooseBooth(null)}
      ></panel-top-bar>
      <main>
        <tl-connection-notice .state=${this._connection.state} .lang=${this.lang}></tl-connection-notice>
        ${!snapshot
          ? ''
          : counter
            ? html`<panel-booth .counterId=${counter.id}></panel-booth>`
            : html`<panel-booth-picker @booth-chosen=${(e: CustomEvent<string>) => this._chooseBooth(e.detail)}></panel-booth-picker>`}
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-session': PanelSession;
  }
}
