// The hall display's root: owns the connection, the voice and the display's settings, and shows
// either the hall view or, with `?counter=<id>`, the sign above one booth. A display with a key
// serves the office the server says its key belongs to; a public one without a key names its office
// in the URL (`?office=<id>`).
// Calls are announced only when they arrive live as events: a call found in a snapshot (after a
// reconnect or a server restart) already happened, and saying it now would send someone to a
// window that has moved on.
import '../../common/ui/without-eval';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { translate } from '../../common/i18n';
import type { Lang, QueueEvent, QueueSnapshot } from '../../common/protocol';
import { SINGLE_OFFICE_ID, officeApiPath, type OfficeId } from '../../common/protocol/offices';
import { deviceKeyFromPage } from '../../common/ui/api';
import { signedInDevice } from '../../common/ui/signed-in-device';
import { localized } from '../../common/ui/localized-text';
import { QueueConnection } from '../../common/ui/queue-connection';
import { tokens } from '../../common/ui/tokens';
import { Announcer } from './announcer';
import { canPlaySound, playAudio } from './audio-player';
import { displaySettingsFrom, mergedParams } from './display-settings';
import { hallPalette } from './display-styles';
import { callScope, isInScope } from './hall-calls';
import { label } from './labels';
import './components/display-booth-sign';
import './components/display-hall';
import './components/display-sound-gate';

const portrait = window.matchMedia('(orientation: portrait)');
/** A server that could not say which office a key belongs to (not reachable, say) is asked again after this. */
const RETRY_OFFICE_MS = 5_000;

@customElement('display-app')
export class DisplayApp extends LitElement {
  static override styles = [
    tokens,
    hallPalette,
    css`
      :host {
        display: block;
        height: 100vh;
        background: var(--display-bg);
      }
      .banner {
        position: fixed;
        inset: 0 0 auto 0;
        padding: 2vmin;
        background: var(--tl-danger);
        font-size: 3.6vmin;
        font-weight: 700;
        text-align: center;
      }
      .waiting {
        display: grid;
        place-items: center;
        height: 100%;
        font-size: 5vmin;
        color: var(--display-muted);
      }
    `,
  ];

  @state() private settings = displaySettingsFrom(new URLSearchParams(location.search));
  private readonly deviceKey = deviceKeyFromPage('talon.display.key');
  /** Exists once the display knows its office. */
  private connection: QueueConnection | null = null;
  private officeId: OfficeId | null = null;
  private readonly announcer = new Announcer({
    play: (path) => playAudio(officeApiPath(this.officeId ?? SINGLE_OFFICE_ID, path), this.settings.volume / 100),
    languages: () => this.languages(),
    repeat: () => this.settings.repeat,
    onBlockedChange: (blocked) => {
      this._soundBlocked = blocked;
      this.reportSound();
    },
  });
  private readonly freshTimers = new Map<string, ReturnType<typeof setTimeout>>();

  @state() private _soundBlocked = false;
  @state() private _fresh: ReadonlySet<string> = new Set();
  @state() private _portrait = portrait.matches;
  @state() private _clockOffsetMs = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    portrait.addEventListener('change', this.onOrientation);
    this.addEventListener('click', this.onTap);
    this.addEventListener('keydown', this.onTap);
    if (!this.connection) void this.start();
  }

  /**
   * Learns the office and the settings an admin gave this device on the server (overridden by the
   * URL where both are given), then connects to that office's queue.
   */
  private async start(): Promise<void> {
    let officeId = new URLSearchParams(location.search).get('office') || SINGLE_OFFICE_ID;
    if (this.deviceKey) {
      const device = await signedInDevice(this.deviceKey);
      if (device.ok) {
        officeId = device.data.officeId;
        this.settings = displaySettingsFrom(mergedParams(device.data.settings, location.search));
      } else if (device.error.code === 'internal') {
        setTimeout(() => void this.start(), RETRY_OFFICE_MS);
        return;
      }
      // A key the server turned down: the socket's handshake is refused too and the screen says why.
    }
    this.officeId = officeId;
    this.connection = new QueueConnection(this, {
      officeId,
      deviceKey: this.deviceKey,
      onEvent: (event, snapshot) => this.onQueueEvent(event, snapshot),
      onSnapshot: (snapshot) => (this._clockOffsetMs = snapshot.serverTime - Date.now()),
    });
    // Find out at once, not at the first call, so whoever sets the screen up sees the prompt.
    if (this.settings.speak) void canPlaySound().then((allowed) => allowed || this.announcer.markBlocked());
    this.reportSound();
  }

  /** Staff see a silent hall screen in their device list. */
  private reportSound(): void {
    const audio = !this.settings.speak ? 'off' : this._soundBlocked ? 'blocked' : 'enabled';
    const { boothCounterId, zone, counterIds } = this.settings;
    // What this screen shows, so a booth panel knows whether this is the hall that speaks its calls.
    const screen = boothCounterId ? { kind: 'booth-sign' as const, zone: null, counterIds: [boothCounterId] } : { kind: 'hall' as const, zone, counterIds };
    const socket = this.connection?.socket;
    if (socket?.connected) socket.emit('device:report', { audio, screen });
    else socket?.once('connect', () => this.reportSound());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    portrait.removeEventListener('change', this.onOrientation);
    this.removeEventListener('click', this.onTap);
    this.removeEventListener('keydown', this.onTap);
    for (const timer of this.freshTimers.values()) clearTimeout(timer);
  }

  /** The display's languages the office speaks, the leading one first; the office's default if none. */
  private languages(): Lang[] {
    const office = this.connection?.snapshot?.office;
    if (!office) return this.settings.languages.length > 0 ? this.settings.languages : ['ru'];
    const spoken = this.settings.languages.filter((lang) => office.languages.includes(lang));
    return spoken.length > 0 ? spoken : [office.defaultLanguage];
  }

  /** The visitor's language when the office speaks it (it may have dropped it since), else the display's first. */
  private spokenLanguage(ticketLanguage: Lang): Lang {
    const office = this.connection?.snapshot?.office;
    return office && !office.languages.includes(ticketLanguage) ? this.languages()[0]! : ticketLanguage;
  }

  private readonly onOrientation = () => (this._portrait = portrait.matches);

  // A tap is the user gesture browsers want before they allow sound; playing in its handler unlocks it.
  private readonly onTap = () => {
    if (this._soundBlocked) void canPlaySound().then((allowed) => allowed && this.announcer.unblock());
  };

  private onQueueEvent(event: QueueEvent, snapshot: QueueSnapshot): void {
    if (event.kind !== 'ticket-called' && event.kind !== 'ticket-recalled') return;
    const ticket = event.ticket;
    if (!ticket?.counterId) return;
    const shown = this.settings.boothCounterId
      ? ticket.counterId === this.settings.boothCounterId
      : isInScope(callScope(snapshot, this.settings), ticket.counterId, ticket.serviceId);
    const counter = snapshot.counters.find((c) => c.id === ticket.counterId);
    if (!shown || !counter) return;
    this.highlight(ticket.id);
    if (this.settings.speak) this.announcer.enqueue({ code: ticket.code, counterNumber: counter.number, language: this.spokenLanguage(ticket.language) });
  }

  private highlight(ticketId: string): void {
    if (this.settings.highlightSeconds === 0) return;
    clearTimeout(this.freshTimers.get(ticketId));
    this._fresh = new Set(this._fresh).add(ticketId);
    const timer = setTimeout(() => {
      this.freshTimers.delete(ticketId);
      const fresh = new Set(this._fresh);
      fresh.delete(ticketId);
      this._fresh = fresh;
    }, this.settings.highlightSeconds * 1000);
    this.freshTimers.set(ticketId, timer);
  }

  /** The tab's title and the page's language follow the display's leading language. */
  override updated(): void {
    const snapshot = this.connection?.snapshot;
    if (!snapshot) return;
    const [lang = snapshot.office.defaultLanguage] = this.languages();
    const office = localized(snapshot.office.name, lang, snapshot.office.defaultLanguage);
    const counter = snapshot.counters.find((c) => c.id === this.settings.boothCounterId);
    document.documentElement.lang = lang;
    document.title = counter ? translate(lang, 'display.signTitle', { number: counter.number, office }) : translate(lang, 'display.pageTitle', { office });
  }

  override render() {
    const { snapshot = null, state = 'connecting', refusal = null } = this.connection ?? {};
    const langs = this.languages();
    if (!snapshot) {
      return html`<div class="waiting">${refusal ? label(langs, 'display.refused', { reason: refusal }) : label(langs, 'common.loading')}</div>`;
    }
    const layout = this.settings.layout === 'auto' ? (this._portrait ? 'portrait' : 'landscape') : this.settings.layout;
    return html`
      ${this.settings.boothCounterId
        ? html`<display-booth-sign .snapshot=${snapshot} .counterId=${this.settings.boothCounterId} .langs=${langs} .fresh=${this._fresh}></display-booth-sign>`
        : html`<display-hall
            .snapshot=${snapshot}
            .settings=${this.settings}
            .langs=${langs}
            .fresh=${this._fresh}
            .layout=${layout}
            .clockOffsetMs=${this._clockOffsetMs}
          ></display-hall>`}
      ${state === 'online' ? nothing : html`<div class="banner" role="status">${label(langs.slice(0, 1), 'common.reconnecting')}</div>`}
      ${this._soundBlocked ? html`<display-sound-gate .langs=${langs}></display-sound-gate>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-app': DisplayApp;
  }
}
