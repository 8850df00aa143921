// The visitor's live ticket at /t/<ticketId>?office=<officeId> (the QR code on the printed ticket):
// people ahead, the expected wait and, once called, the window — in the ticket's language, with a
// switch. A public socket says *when* something changed (it names tickets by their public reference,
// never by id); the server's GET …/tickets/:id says *what*, so the estimate is the server's and is
// never recomputed here. Without a socket it polls.
import '../../common/ui/without-eval';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { expectedWaitText, translate, translatorFor, type Translator } from '../../common/i18n';
import type { Lang, LiveTicket, QueueEvent, Result, Ticket, WaitEstimate } from '../../common/protocol';
import { SINGLE_OFFICE_ID } from '../../common/protocol/offices';
import { officeApi } from '../../common/ui/office-api';
import { localized } from '../../common/ui/localized-text';
import { QueueConnection } from '../../common/ui/queue-connection';
import { tokens } from '../../common/ui/tokens';
import '../../common/ui/tl-connection-notice';
import '../../common/ui/tl-language-switch';
import { CoalescedRequest } from './coalesced-request';
import './components/kiosk-rating';
import './join/kiosk-arrival';
import { CallAlert } from './live/call-alert';
import './live/kiosk-notify-me';

const POLL_OFFLINE_MS = 10_000;

function ticketIdFromPath(): string {
  return decodeURIComponent(location.pathname.split('/').filter(Boolean).at(-1) ?? '');
}

function officeIdFromQuery(): string {
  // Tickets printed before Talon served several offices carry no office.
  return new URLSearchParams(location.search).get('office') || SINGLE_OFFICE_ID;
}

@customElement('kiosk-live-ticket')
export class KioskLiveTicket extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        --tl-switch-text: var(--tl-text-m);
        --tl-switch-touch: 48px;
        --tl-switch-padding: var(--tl-space-3);
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-4);
        box-sizing: border-box;
        max-width: 560px;
        min-height: 100vh;
        margin: 0 auto;
        padding: var(--tl-space-4) var(--tl-space-3);
        font-size: 20px;
        line-height: 1.35;
      }
      .office {
        font-weight: 700;
      }
      .card {
        padding: var(--tl-space-4);
        border-radius: var(--tl-radius);
        background: var(--tl-surface);
        border: 1px solid var(--tl-border);
        text-align: center;
      }
      header,
      main {
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-4);
      }
      .label {
        margin: 0;
        color: var(--tl-text-muted);
        font-size: inherit;
        font-weight: 400;
      }
      .code {
        font-size: var(--tl-text-xxl);
        font-weight: 800;
        line-height: 1.1;
      }
      .service {
        font-size: var(--tl-text-l);
        font-weight: 600;
      }
      .status {
        padding: var(--tl-space-4);
        border-radius: var(--tl-radius);
        background: var(--tl-surface);
        border: 1px solid var(--tl-border);
        font-size: var(--tl-text-l);
        font-weight: 600;
        text-align: center;
      }
      .status.called {
        background: var(--tl-success);
        border-color: var(--tl-success);
        color: #ffffff;
        font-size: 32px;
      }
      .status p {
        margin: var(--tl-space-2) 0 0;
        font-size: 22px;
        font-weight: 400;
      }
      .footnote {
        color: var(--tl-text-muted);
        font-size: var(--tl-text-s);
        text-align: center;
      }
    `,
  ];

  private readonly ticketId = ticketIdFromPath();
  private readonly officeId = officeIdFromQuery();
  private readonly officeApi = officeApi(this.officeId);
  private readonly connection = new QueueConnection(this, {
    officeId: this.officeId,
    onSnapshot: () => void this.live.refresh(),
    onEvent: (event) => this.onQueueEvent(event),
  });
  private readonly live = new CoalescedRequest<LiveTicket>(
    () => this.officeApi<LiveTicket>(`/tickets/${encodeURIComponent(this.ticketId)}`),
    (result) => this.adopt(result),
  );
  @state() private _view: LiveTicket | null = null;
  @state() private _missing = false;
  @state() private _chosenLang: Lang | null = null;
  private readonly callAlert = new CallAlert(this);
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private readonly onVisible = () => document.visibilityState === 'visible' && void this.live.refresh();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.live.refresh();
    // The socket may be unreachable behind some networks: then the page polls instead.
    this.pollTimer = setInterval(() => this.connection.state !== 'online' && void this.live.refresh(), POLL_OFFLINE_MS);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.pollTimer);
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  private get language(): Lang {
    const office = this.connection.snapshot?.office;
    const chosen = this._chosenLang ?? this._view?.ticket.language;
    if (!office) return chosen ?? 'ru';
    return chosen && office.languages.includes(chosen) ? chosen : office.defaultLanguage;
  }

  override updated(): void {
    if (document.documentElement.lang !== this.language) document.documentElement.lang = this.language;
    const code = this._view?.ticket.code;
    document.title = this.callAlert.title(code ? translate(this.language, 'kiosk.live.pageTitle', { code }) : translate(this.language, 'kiosk.live.title'));
  }

  override render() {
    const lang = this.language;
    const t = translatorFor(lang);
    const snapshot = this.connection.snapshot;
    const office = snapshot?.office;
    const fallback = office?.defaultLanguage ?? lang;
    const notice = html`<tl-connection-notice .state=${this.connection.state} .language=${lang}></tl-connection-notice>`;
    const header = html`<header>
      ${office ? html`<div class="office">${localized(office.name, lang, fallback)}</div>` : null}
      <tl-language-switch .languages=${office?.languages ?? []} .current=${lang} @language-change=${(e: CustomEvent<Lang>) => (this._chosenLang = e.detail)}></tl-language-switch>
    </header>`;
    const heading = html`<h1 class="label">${t('kiosk.live.title')}</h1>`;
    if (this._missing) return html`${header}<main>${heading}<div class="status" data-status="missing">${t('kiosk.live.notFound')}</div></main>`;
    const view = this._view;
    if (!view) return html`${header}<main>${heading}${this.connection.state === 'offline' ? notice : null}<div class="status">${t('common.loading')}</div></main>`;
    const service = snapshot?.services.find((s) => s.id === view.ticket.serviceId);
    return html`
      ${header}
      <main>
        ${this.connection.state === 'offline' ? notice : null}
        <div class="card">
          ${heading}
          <div class="code" data-ticket-code>${view.ticket.code}</div>
          ${service ? html`<div class="service">${localized(service.name, lang, fallback)}</div>` : null}
        </div>
        ${this.renderStatus(view, t)}
        ${view.ticket.status === 'waiting' || view.ticket.status === 'postponed'
          ? html`<kiosk-notify-me .officeId=${this.officeId} .ticketId=${view.ticket.id} .language=${lang}></kiosk-notify-me>`
          : null}
        <div class="footnote">${t('kiosk.live.updatedLive')}</div>
      </main>
    `;
  }

  private renderStatus({ ticket, estimate, counterNumber }: LiveTicket, t: Translator) {
    const number = counterNumber ?? '—';
    switch (ticket.status) {
      case 'waiting':
        return html`<div class="status" data-status="waiting">
          ${t('kiosk.live.waiting')}
          ${estimate
            ? html`<p data-ahead>${t('ticket.peopleAhead', { count: estimate.ahead })}</p>
                <p data-wait>${expectedWaitText(t, estimate.waitMinutes)}</p>`
            : null}
        </div>`;
      case 'postponed':
        // A phone ticket whose visitor is not here yet: "I'm here" (kiosk-arrival.ts) instead.
        if (ticket.awaitingArrival) {
          return html`<kiosk-arrival .officeId=${this.officeId} .ticketId=${ticket.id} .until=${ticket.awaitingArrival.until}
            .timeZone=${this.connection.snapshot?.office.timeZone ?? 'UTC'} .language=${this.language} @arrived=${() => void this.live.refresh()}></kiosk-arrival>`;
        }
        return html`<div class="status" data-status="postponed">${t('kiosk.live.postponed')}</div>`;
      case 'called':
        return html`<div class="status called" role="alert" data-status="called">${t('kiosk.live.called', { number })}</div>`;
      case 'serving':
        return html`<div class="status" data-status="serving">${t('kiosk.live.serving', { number })}</div>`;
      case 'finished': {
        const key = {
          served: 'kiosk.live.served',
          'no-show': 'kiosk.live.noShow',
          cancelled: 'kiosk.live.cancelled',
          'day-ended': 'kiosk.live.dayEnded',
        } as const;
        const finished = html`<div class="status" data-status="finished">${t(key[ticket.outcome ?? 'served'])}</div>`;
        if (ticket.outcome !== 'served') return finished;
        return html`${finished}<kiosk-rating .officeId=${this.officeId} .ticketId=${ticket.id} .language=${this.language}></kiosk-rating>`;
      }
    }
  }

  private adopt(result: Result<LiveTicket>): void {
    if (result.ok) {
      // A new call (or a recall) seen while the page is open; not the call a freshly opened page finds.
      const call = result.data.ticket.status === 'called' ? result.data.ticket.calledAt : null;
      if (this._view && call !== null && call !== this._view.ticket.calledAt) {
        this.callAlert.called(translate(this.language, 'notifyMe.calledTitle', { number: result.data.counterNumber ?? '—' }));
      }
      this._view = result.data;
      this._missing = false;
    } else if (result.error.code === 'not-found' || result.error.code === 'invalid-input') {
      this._missing = true;
    }
    // Other failures (no network) keep the last view; the connection notice says it may be stale.
  }

  /**
   * Only events that can move this ticket or its estimate: its own, its service's, any counter's. A public
   * socket names the ticket by its ref; a browser that also holds a staff session gets its id.
   */
  private onQueueEvent(event: QueueEvent): void {
    const view = this._view;
    const named = event.ticket?.id;
    if (!view || event.counter || named === view.ref || named === view.ticket.id || event.ticket?.serviceId === view.ticket.serviceId) void this.live.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-live-ticket': KioskLiveTicket;
  }
}
