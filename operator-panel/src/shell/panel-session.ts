// A signed-in specialist's working session in one office: the live connection to that office, the
// booth this computer works, and the shared context (office, snapshot, language, commands) every
// element below reads. It exists only while someone is signed in, so its socket always carries
// their session cookie; the root makes a new one for another office.
import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translatorFor } from '../../../common/i18n';
import type { AppointmentsChanged, DevicePresence, Lang, OfficeUser, QueueSnapshot } from '../../../common/protocol';
import type { StaffOffice } from '../../../common/protocol/offices';
import type { ServiceBreachRisk } from '../../../common/protocol/analytics';
import { localized } from '../../../common/ui/localized-text';
import { QueueConnection } from '../../../common/ui/queue-connection';
import '../../../common/ui/tl-connection-notice';
import { panelEnv, type PanelEnv, type RunCommand } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import { HOME_VIEW, viewsFor, type Landing, type PanelViewId } from './panel-views';
import { rememberBooth, rememberedBooth } from './remembered-booth';
import '../admin/panel-admin';
import '../analytics/panel-analytics';
import '../booth/panel-booth';
import '../booth/panel-booth-picker';
import '../consultant/panel-consultant';
import '../region/panel-region';
import './panel-top-bar';
import './panel-view-nav';

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

  /** The person as this office sees them: `role` is their role here. */
  @property({ attribute: false }) user!: OfficeUser;
  /** Fixed for the session's life: the root makes a new session for another office. */
  @property({ attribute: false }) office!: StaffOffice;
  /** Opens this view instead of the remembered one when set (a new object each time it is asked for). */
  @property({ attribute: false }) landing: Landing | null = null;
  /** Every office the person works in, for the switcher. */
  @property({ attribute: false }) offices: readonly StaffOffice[] = [];
  @property() override lang: Lang = 'en';
  @state() private _counterId: string | null = null;
  @state() private _viewId: string | null = null;
  @state() private _breachRisks: readonly ServiceBreachRisk[] = [];
  @state() private _appointmentsChanged: AppointmentsChanged | null = null;
  private _clockOffset = 0;
  @state() private _devices: readonly DevicePresence[] = [];
  private readonly _env = new ContextProvider(this, { context: panelEnv });
  /** Made on the first connect, when the office is known. */
  private _connection: QueueConnection | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._connection) return;
    this._counterId = rememberedBooth(this.office.id);
    const connection = new QueueConnection(this, {
      officeId: this.office.id,
      onSnapshot: (snapshot: QueueSnapshot) => {
        this._clockOffset = snapshot.serverTime - Date.now();
      },
    });
    // A refused handshake may mean the session ended elsewhere: the root asks who we are.
    connection.socket.on('connect_error', () => this._askForSessionCheck());
    connection.socket.on('alerts:breach-risk', (risks) => (this._breachRisks = risks));
    connection.socket.on('devices:presence', (devices) => (this._devices = devices));
    connection.socket.on('appointments:changed', (change) => (this._appointmentsChanged = change));
    this._connection = connection;
  }

  private _askForSessionCheck(): void {
    this.dispatchEvent(new CustomEvent('session-check', { bubbles: true, composed: true }));
  }

  private readonly _run: RunCommand = async (name, input) => {
    if (!this._connection) return { ok: false, error: { code: 'internal', message: 'Not connected yet' } };
    // A busy office is asked again (queue-connection.ts) before its refusal reaches the view.
    const result = await this._connection.command(name, input);
    if (!result.ok && result.error.code === 'unauthenticated') this._askForSessionCheck();
    return result;
  };

  private _chooseBooth(counterId: string | null): void {
    this._counterId = counterId;
    rememberBooth(this.office.id, counterId);
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
    analytics: () => html`<panel-analytics .openOn=${this.landing?.analyticsView ?? null}></panel-analytics>`,
    appointments: () => html`<panel-consultant></panel-consultant>`,
    // Its `office-analytics-open` goes up to the root, which switches the office and hands a landing back.
    region: () => html`<panel-region></panel-region>`,
  };

  private _boothCounter(snapshot: QueueSnapshot | null) {
    return snapshot?.counters.find((c) => c.id === this._counterId && c.active);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('user')) this._viewId = localStorage.getItem(viewStorageKey(this.user.id));
    if (changed.has('landing') && this.landing) this._chooseView(this.landing.view);
    const snapshot = this._connection?.snapshot;
    if (!snapshot) return;
    const env: PanelEnv = {
      officeId: this.office.id,
      snapshot,
      user: this.user,
      lang: this.lang,
      t: translatorFor(this.lang),
      clockOffset: this._clockOffset,
      devices: this._devices,
      run: this._run,
      breachRisks: this._breachRisks,
      appointmentsChanged: this._appointmentsChanged,
    };
    this._env.setValue(env);
  }

  override render() {
    const snapshot = this._connection?.snapshot ?? null;
    const connection = this._connection?.state ?? 'connecting';
    const views = viewsFor(this.user.role, this.user.organisationRole);
    // A view remembered under an older role falls back to the role's home view.
    const current = views.find((v) => v.id === this._viewId) ?? views.find((v) => v.id === HOME_VIEW[this.user.role]) ?? views[0];
    const view = current?.id;
    const t = translatorFor(this.lang);
    return html`
      <panel-top-bar
        .lang=${this.lang}
        .user=${this.user}
        .connection=${connection}
        .officeName=${snapshot ? localized(snapshot.office.name, this.lang, snapshot.office.defaultLanguage) : localized(this.office.name, this.lang, this.lang)}
        .officeId=${this.office.id}
        .offices=${this.offices.map((office) => ({ id: office.id, name: localized(office.name, this.lang, this.lang) }))}
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
        <tl-connection-notice .state=${connection} .lang=${this.lang}></tl-connection-notice>
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
