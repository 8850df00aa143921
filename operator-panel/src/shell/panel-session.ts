// A signed-in specialist's working session: the live connection to the server, the booth this
// computer works, and the shared context (snapshot, language, commands) every element below reads.
// It exists only while someone is signed in, so its socket always carries their session cookie.
import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translatorFor } from '../../../common/i18n';
import type { DevicePresence, Lang, QueueSnapshot, User } from '../../../common/protocol';
import type { ServiceBreachRisk } from '../../../common/protocol/analytics';
import { localized } from '../../../common/ui/localized-text';
import { QueueConnection } from '../../../common/ui/queue-connection';
import '../../../common/ui/tl-connection-notice';
import { panelEnv, type PanelEnv, type RunCommand } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import { HOME_VIEW, viewsFor, type PanelViewId } from './panel-views';
import '../admin/panel-admin';
import '../analytics/panel-analytics';
import '../booth/panel-booth';
import '../booth/panel-booth-picker';
import '../consultant/panel-consultant';
import './panel-top-bar';
import './panel-view-nav';

const BOOTH_STORAGE_KEY = 'talon.panel.counter';
/** The view last chosen, remembered per user: whoever signs in next on this computer lands on their own home view. */
const viewStorageKey = (userId: string) => `talon.panel.view.${userId}`;

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
      /* A printed report is the view alone, without the app's bars. */
      @media print {
        panel-top-bar,
        panel-view-nav,
        tl-connection-notice {
          display: none;
        }
        main {
          padding: 0;
        }
      }
    `,
  ];

  @property({ attribute: false }) user!: User;
  @property() override lang: Lang = 'en';
  @state() private _counterId: string | null = localStorage.getItem(BOOTH_STORAGE_KEY);
  @state() private _viewId: string | null = null;
  @state() private _breachRisks: readonly ServiceBreachRisk[] = [];
  private _clockOffset = 0;
  @state() private _devices: readonly DevicePresence[] = [];
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
    this._connection.socket.on('alerts:breach-risk', (risks) => (this._breachRisks = risks));
    this._connection.socket.on('devices:presence', (devices) => (this._devices = devices));
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

  private _chooseView(viewId: string): void {
    this._viewId = viewId;
    localStorage.setItem(viewStorageKey(this.user.id), viewId);
  }

  /** How each view of PANEL_VIEWS is drawn; a Record, so a view added there without one fails tsc. */
  private readonly _renderers: Record<PanelViewId, (snapshot: QueueSnapshot) => unknown> = {
    booth: (snapshot) => {
      const counter = this._boothCounter(snapshot);
      return counter
        ? html`<panel-booth .counterId=${counter.id}></panel-booth>`
        : html`<panel-booth-picker @booth-chosen=${(e: CustomEvent<string>) => this._chooseBooth(e.detail)}></panel-booth-picker>`;
    },
    settings: () => html`<panel-admin></panel-admin>`,
    analytics: () => html`<panel-analytics></panel-analytics>`,
    appointments: () => html`<panel-consultant></panel-consultant>`,
  };

  private _boothCounter(snapshot: QueueSnapshot | null) {
    return snapshot?.counters.find((c) => c.id === this._counterId && c.active);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('user')) this._viewId = localStorage.getItem(viewStorageKey(this.user.id));
    const snapshot = this._connection.snapshot;
    if (!snapshot) return;
    const env: PanelEnv = {
      snapshot,
      user: this.user,
      lang: this.lang,
      t: translatorFor(this.lang),
      clockOffset: this._clockOffset,
      devices: this._devices,
      run: this._run,
      breachRisks: this._breachRisks,
    };
    this._env.setValue(env);
  }

  override render() {
    const snapshot = this._connection.snapshot;
    const views = viewsFor(this.user.role);
    // A view remembered under an older role falls back to the role's home view.
    const current = views.find((v) => v.id === this._viewId) ?? views.find((v) => v.id === HOME_VIEW[this.user.role]) ?? views[0];
    const view = current?.id;
    const t = translatorFor(this.lang);
    return html`
      <panel-top-bar
        .lang=${this.lang}
        .user=${this.user}
        .connection=${this._connection.state}
        .officeName=${snapshot ? localized(snapshot.office.name, this.lang, snapshot.office.defaultLanguage) : ''}
        .boothChosen=${view === 'booth' && Boolean(this._boothCounter(snapshot))}
        @change-booth=${() => this._chooseBooth(null)}
      ></panel-top-bar>
      ${views.length > 1
        ? html`<panel-view-nav
            .views=${views.map((v) => ({ id: v.id, label: t(v.label) }))}
            .current=${view ?? ''}
            @view-chosen=${(e: CustomEvent<string>) => this._chooseView(e.detail)}
          ></panel-view-nav>`
        : ''}
      <main>
        <!-- Every page has one title heading for screen readers: the view's name (the booth adds its own). -->
        <h1 class="visually-hidden">${current ? t(current.label) : ''}</h1>
        <tl-connection-notice .state=${this._connection.state} .lang=${this.lang}></tl-connection-notice>
        ${snapshot && view ? this._renderers[view](snapshot) : ''}
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-session': PanelSession;
  }
}
