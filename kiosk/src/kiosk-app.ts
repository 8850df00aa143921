// The kiosk's root: owns the connection, the visitor's language and the screen on top (issuing,
// the ticket, an error, the booking keypad). Issuing is guarded so one tap makes one ticket.
// The header stays on every screen with the visitor's aids: language, large text, read aloud.
import '../../common/ui/without-eval';
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { translate, translatorFor } from '../../common/i18n';
import {
  LANGUAGES,
  type CheckInResult,
  type ErrorCode,
  type Lang,
  type QueueEvent,
  type Service,
  type SpokenPart,
  type Ticket,
} from '../../common/protocol';
import type { OfficeId } from '../../common/protocol/offices';
import { deviceKeyFromPage } from '../../common/ui/api';
import { localized } from '../../common/ui/localized-text';
import { officeApi, type OfficeApi } from '../../common/ui/office-api';
import { retryWhileOfficeBusy } from '../../common/ui/office-busy-retry';
import { signedInDevice } from '../../common/ui/signed-in-device';
import { QueueConnection } from '../../common/ui/queue-connection';
import { tokens } from '../../common/ui/tokens';
import '../../common/ui/tl-connection-notice';
import '../../common/ui/tl-language-switch';
import './components/kiosk-access-bar';
import './components/kiosk-booking-keypad';
import './components/kiosk-issued-ticket';
import './components/kiosk-message-panel';
import './components/kiosk-office-banner';
import './components/kiosk-service-grid';
import './components/kiosk-setup-notice';
import { IdleReset } from './idle-reset';
import { kioskMenu, type MenuEntry } from './kiosk-menu';
import { kioskAppLayout } from './kiosk-app-styles';
import { kioskStyles, largeTextTheme } from './kiosk-styles';
import { ScreenReader, type ReadingState } from './screen-reader';
import { errorParts, issuingParts, keypadParts, menuParts, ticketParts } from './spoken-parts';
import type { Refresher } from './coalesced-request';
import { availabilityFeed, type AvailabilityById } from './service-availability';
import { checkInRefusal, setupDetail, type SetupProblem } from './kiosk-texts';
import { dropPrintJob } from './print-give-up';

const KEY_STORAGE = 'talon.kiosk.key';
const TICKET_SHOWN_MS = 12_000;

const ERROR_SHOWN_MS = 10_000;
/** A ticket that did not print stays on screen long enough to note its number or scan its QR code. */
const UNPRINTED_TICKET_SHOWN_MS = 40_000;
/** A server that refused the handshake for another reason than the key is asked again after this. */
const RETRY_REFUSED_MS = 5_000;
const KEY_REFUSALS: readonly ErrorCode[] = ['unauthenticated', 'device-revoked'];

/** A random id for one tap; getRandomValues works on plain-HTTP office networks, randomUUID does not. */
function tapId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

type Overlay =
  | { kind: 'issuing' }
  | { kind: 'ticket'; ticket: Ticket }
  | { kind: 'error'; code: ErrorCode }
  | { kind: 'keypad'; refusal: string; busy: boolean };
/** Staff read the setup message; with no office data yet, the browser's language is the best guess. */
function browserLanguage(): Lang {
  const preferred = navigator.language.slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(preferred) ? (preferred as Lang) : 'en';
}

@customElement('kiosk-app')
export class KioskApp extends LitElement {
  static override styles = [tokens, kioskStyles, largeTextTheme, kioskAppLayout];

  private readonly deviceKey = deviceKeyFromPage(KEY_STORAGE);
  /** These exist once the server has said which office this kiosk serves. */
  private connection: QueueConnection | null = null;
  private availability: Refresher | null = null;
  private reader: ScreenReader | null = null;
  private office: OfficeApi | null = null;
  @state() private _chosenLang: Lang | null = null;
  @state() private _group: string | null = null;
  @state() private _overlay: Overlay | null = null;
  @state() private _available: AvailabilityById | null = null;
  @state() private _setup: SetupProblem | null = null;
  /** Where visitors' phones reach the server, for the QR code of a ticket that did not print. */
  @state() private _publicUrl: string | null = null;
  /** The current visitor's aids; the next visitor starts without them. */
  @state() private _largeText = false;
  @state() private _reading: ReadingState = 'idle';
  @state() private _readFailed = false;
  @state() private _officeId: OfficeId | null = null;
  private overlayTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    new IdleReset(this, () => this.resetForNextVisitor());
    const key = this.deviceKey;
    if (!key) {
      this._setup = { kind: 'no-key' };
      return;
    }
    void this.start(key);
  }

  /** Asks the server which office this kiosk serves, then connects to that office's queue. */
  private async start(key: string): Promise<void> {
    const device = await signedInDevice(key);
    if (!device.ok) {
      const { code } = device.error;
      if (KEY_REFUSALS.includes(code)) this._setup = { kind: 'rejected', code };
      else setTimeout(() => void this.start(key), RETRY_REFUSED_MS);
      return;
    }
    const officeId = device.data.officeId;
    this._officeId = officeId;
    this.office = officeApi(officeId);
    this.reader = new ScreenReader(key, officeId, (reading) => (this._reading = reading));
    const feed = availabilityFeed(this.office, key, (available) => (this._available = available));
    this.availability = feed;
    this.connection = new QueueConnection(this, {
      officeId,
      deviceKey: key,
      onSnapshot: () => void feed.refresh(),
      onEvent: (event) => this.onQueueEvent(event),
    });
    const socket = this.connection.socket;
    socket.on('print:public-url', ({ publicUrl }) => (this._publicUrl = publicUrl));
    socket.on('connect_error', (error: Error & { data?: { code?: ErrorCode } }) => {
      const code = error.data?.code;
      if (code && KEY_REFUSALS.includes(code)) this._setup = { kind: 'rejected', code };
      else if (!socket.active) setTimeout(() => socket.connect(), RETRY_REFUSED_MS);
    });
  }

  private get language(): Lang {
    const office = this.connection?.snapshot?.office;
    if (!office) return browserLanguage();
    return this._chosenLang && office.languages.includes(this._chosenLang) ? this._chosenLang : office.defaultLanguage;
  }

  /** Issuing needs a live socket: a command emitted while disconnected would be buffered and sent later, unseen. */
  private get canIssue(): boolean {
    const connection = this.connection;
    return !!connection?.socket.connected && !!connection.snapshot?.officeStatus.issuing && !this._overlay && !this._setup;
  }

  override updated(): void {
    this.toggleAttribute('large-text', this._largeText);
    // The page's language drives hyphenation and the screen reader's voice.
    if (document.documentElement.lang !== this.language) document.documentElement.lang = this.language;
    const office = this.connection?.snapshot?.office;
    if (office) document.title = translate(this.language, 'kiosk.pageTitle', { office: localized(office.name, this.language, office.defaultLanguage) });
  }

  override render() {
    const lang = this.language;
    const t = translatorFor(lang);
    if (this._setup) return html`<kiosk-setup-notice .language=${lang} .detail=${setupDetail(this._setup, lang)}></kiosk-setup-notice>`;
    const connection = this.connection;
    // Until the server has said which office this kiosk serves there is no connection yet.
    if (!connection) return html`<div class="loading">${t('common.loading')}</div>`;
    const snapshot = connection.snapshot;
    const notice = html`<tl-connection-notice .state=${connection.state} .language=${lang}></tl-connection-notice>`;
    if (!snapshot) return html`${connection.state === 'offline' ? notice : null}<div class="loading">${t('common.loading')}</div>`;

    const { office, officeStatus } = snapshot;
    const fallback = office.defaultLanguage;
    const menu = kioskMenu(snapshot.services, snapshot.counters, this._available);
    const group = this.openGroup(menu);
    return html`
      <header>
        <div class="office">${localized(office.name, lang, fallback)}</div>
        <kiosk-access-bar
          .language=${lang}
          .largeText=${this._largeText}
          .reading=${this._reading}
          .failed=${this._readFailed}
          @large-text-toggle=${() => (this._largeText = !this._largeText)}
          @read-aloud=${() => void this.readAloud()}
        ></kiosk-access-bar>
        <tl-language-switch .languages=${office.languages} .current=${lang} @language-change=${(e: CustomEvent<Lang>) => (this._chosenLang = e.detail)}></tl-language-switch>
      </header>
      <main class="screen">
        ${connection.state === 'online'
          ? html`<kiosk-office-banner .status=${officeStatus} .language=${lang} .timeZone=${office.timeZone}></kiosk-office-banner>`
          : notice}
        <h1 class="title">
          ${group
            ? html`<button class="big-button secondary" data-back @click=${() => (this._group = null)}>‹ ${t('common.back')}</button>${localized(group.label, lang, fallback)}`
            : t('kiosk.chooseService')}
        </h1>
        <kiosk-service-grid
          .entries=${group ? group.services : menu}
          .language=${lang}
          .fallbackLang=${fallback}
          ?disabled=${!this.canIssue}
          @service-choose=${(e: CustomEvent<Service>) => void this.issue(e.detail)}
          @group-open=${(e: CustomEvent<string>) => (this._group = e.detail)}
        ></kiosk-service-grid>
        <footer>
          <button class="big-button secondary" data-appointment @click=${() => this.showOverlay({ kind: 'keypad', refusal: '', busy: false })}>${t('kiosk.appointment')}</button>
        </footer>
        ${this._overlay ? html`<div class="overlay" @overlay-close=${this.dismissOverlay}>${this.renderOverlay(this._overlay, lang, fallback)}</div>` : null}
      </main>
    `;
  }

  private openGroup(menu: MenuEntry[]): Extract<MenuEntry, { kind: 'group' }> | undefined {
    return this._group ? menu.find((e): e is Extract<MenuEntry, { kind: 'group' }> => e.kind === 'group' && e.key === this._group) : undefined;
  }

  /** What the screen on top shows, as the parts to read aloud. */
  private screenParts(): SpokenPart[] {
    const overlay = this._overlay;
    switch (overlay?.kind) {
      case 'issuing':
        return issuingParts();
      case 'ticket':
        return ticketParts(overlay.ticket);
      case 'error':
        return errorParts(overlay.code);
      case 'keypad':
        return keypadParts();
    }
    const snapshot = this.connection?.snapshot;
    if (!snapshot) return [];
    const menu = kioskMenu(snapshot.services, snapshot.counters, this._available);
    const group = this.openGroup(menu);
    return group ? menuParts(group.services, group.services[0]?.service.id ?? null) : menuParts(menu, null);
  }

  private async readAloud(): Promise<void> {
    const snapshot = this.connection?.snapshot;
    const parts = this.screenParts();
    if (!this.reader || !snapshot || parts.length === 0) return;
    this._readFailed = false;
    const names = { services: snapshot.services, fallback: snapshot.office.defaultLanguage };
    this._readFailed = !(await this.reader.read(parts, this.language, names));
  }

  private renderOverlay(overlay: Overlay, lang: Lang, fallback: Lang) {
    switch (overlay.kind) {
      case 'issuing':
        return html`<div class="issuing" role="status">${translate(lang, 'kiosk.issuing')}</div>`;
      case 'ticket': {
        const service = this.connection?.snapshot?.services.find((s) => s.id === overlay.ticket.serviceId);
        const name = service ? localized(service.name, lang, fallback) : '';
        return html`<kiosk-issued-ticket
          .ticket=${overlay.ticket}
          .serviceName=${name}
          .language=${lang}
          .publicUrl=${this._publicUrl}
          .officeId=${this._officeId}
          @print-trouble=${this.keepUnprintedTicket}
          @print-overdue=${(e: CustomEvent<string>) => void this.giveUpPrinting(e.detail)}
        ></kiosk-issued-ticket>`;
      }
      case 'error':
        return html`<kiosk-message-panel .message=${translate(lang, `errors.${overlay.code}`)} .language=${lang}></kiosk-message-panel>`;
      case 'keypad':
        return html`<kiosk-booking-keypad
          .language=${lang}
          .refusal=${overlay.refusal}
          .busy=${overlay.busy}
          @check-in=${(e: CustomEvent<string>) => void this.checkIn(e.detail)}
        ></kiosk-booking-keypad>`;
    }
  }

  private async issue(service: Service): Promise<void> {
    const connection = this.connection;
    // The overlay is set before the first await, so a second tap in the same instant finds it.
    if (!connection || !this.canIssue) return;
    this.showOverlay({ kind: 'issuing' });
    const input = { serviceId: service.id, language: this.language, requestId: tapId() };
    // A busy office is asked again (queue-connection.ts) while the screen still says the ticket is on its way.
    const send = () => connection.command('ticket:issue', input);
    let result = await send();
    // No answer in time: the ticket may exist already. Asking again with the same id is safe — the
    // server hands back the ticket this tap made instead of a second one.
    if (!result.ok && result.error.code === 'internal' && connection.socket.connected) result = await send();
    if (result.ok) return this.showOverlay({ kind: 'ticket', ticket: result.data.ticket }, TICKET_SHOWN_MS);
    const { code } = result.error;
    if (KEY_REFUSALS.includes(code) || code === 'forbidden') {
      this._overlay = null;
      this._setup = code === 'forbidden' ? { kind: 'wrong-kind' } : { kind: 'rejected', code };
      return;
    }
    if (code === 'daily-limit-reached' || code === 'numbers-exhausted') void this.availability?.refresh();
    this.showOverlay({ kind: 'error', code }, ERROR_SHOWN_MS);
  }

  /** A booked visitor's code: a ticket with the booking's priority, or the refusal in words. */
  private async checkIn(code: string): Promise<void> {
    const overlay = this._overlay;
    const call = this.office;
    if (overlay?.kind !== 'keypad' || overlay.busy || !this.deviceKey || !call) return;
    this._overlay = { ...overlay, busy: true };
    const result = await retryWhileOfficeBusy(() => call<CheckInResult>('/appointments/check-in', { body: { code }, deviceKey: this.deviceKey }));
    if (result.ok) return this.showOverlay({ kind: 'ticket', ticket: result.data.ticket }, TICKET_SHOWN_MS);
    if (this._overlay?.kind === 'keypad') this._overlay = { kind: 'keypad', busy: false, refusal: checkInRefusal(result.error, this.language, this.connection?.snapshot?.office.timeZone ?? 'UTC') };
  }

  private onQueueEvent(event: QueueEvent): void {
    const overlay = this._overlay;
    if (overlay?.kind === 'ticket' && event.ticket?.id === overlay.ticket.id) this._overlay = { kind: 'ticket', ticket: event.ticket };
    const limited = event.kind === 'ticket-issued' && this.connection?.snapshot?.services.some((s) => s.id === event.ticket?.serviceId && s.dailyLimit !== null);
    if (limited || event.counter) void this.availability?.refresh();
  }

  /** Shows the ticket as failed once the server says no job can print it. */
  private async giveUpPrinting(ticketId: string): Promise<void> {
    if (!(await dropPrintJob(this.connection?.socket, ticketId))) return;
    const overlay = this._overlay;
    if (overlay?.kind === 'ticket' && overlay.ticket.id === ticketId) this._overlay = { kind: 'ticket', ticket: { ...overlay.ticket, print: 'failed' } };
  }

  private readonly keepUnprintedTicket = (): void => {
    if (this._overlay?.kind === 'ticket') this.showOverlay(this._overlay, UNPRINTED_TICKET_SHOWN_MS);
  };

  private showOverlay(overlay: Overlay, closeAfterMs?: number): void {
    clearTimeout(this.overlayTimer);
    // A reading of the last screen would now describe what is no longer there.
    if (overlay.kind !== this._overlay?.kind) this.reader?.stop();
    this._overlay = overlay;
    if (closeAfterMs) this.overlayTimer = setTimeout(() => this.dismissOverlay(), closeAfterMs);
  }

  private readonly dismissOverlay = (): void => {
    clearTimeout(this.overlayTimer);
    // The ticket taken (or its screen timed out) ends the visit: the next visitor starts plain.
    if (this._overlay?.kind === 'ticket') this._largeText = false;
    this.reader?.stop();
    this._readFailed = false;
    this._overlay = null;
    this._group = null;
  };

  private resetForNextVisitor(): void {
    if (this._overlay?.kind === 'issuing') return;
    this.dismissOverlay();
    this._chosenLang = null;
    this._largeText = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
