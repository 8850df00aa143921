// The join page at /join/?office=<id>, which the entrance poster's QR code opens on a visitor's
// phone: the office, its services as big buttons, and a tap takes a ticket (numbered like the
// kiosk's) and goes to its live page. Opened again on a phone whose ticket waits for its visitor, it
// says "I'm here" for it and goes straight to that ticket: scanning the poster at the door is arriving.
import '../../../common/ui/without-eval';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { translate, translatorFor, type Translator } from '../../../common/i18n';
import { LANGUAGES, type ErrorCode, type JoinInfo, type JoinReceipt, type JoinServiceView, type Lang, type LiveTicket, type Ticket } from '../../../common/protocol';
import { SINGLE_OFFICE_ID } from '../../../common/protocol/offices';
import { liveTicketUrl } from '../../../common/protocol/printing';
import { localized } from '../../../common/ui/localized-text';
import { officeApi } from '../../../common/ui/office-api';
import { tokens } from '../../../common/ui/tokens';
import '../../../common/ui/tl-language-switch';
import { phoneButtonStyles } from './phone-button-styles';
import { forgetTicket, phoneId, rememberedTicket, rememberTicket } from './phone-memory';

type Problem = { kind: 'load' } | { kind: 'refused'; code: ErrorCode };

const browserLanguage = () => navigator.language.slice(0, 2);

function officeFromUrl(): string {
  return new URLSearchParams(location.search).get('office') || SINGLE_OFFICE_ID;
}

@customElement('join-app')
export class JoinApp extends LitElement {
  static override styles = [
    tokens,
    phoneButtonStyles,
    css`
      :host {
        --tl-switch-touch: 48px;
        --tl-switch-text: var(--tl-text-m);
        --tl-switch-padding: var(--tl-space-3);
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-3);
        box-sizing: border-box;
        max-width: 560px;
        min-height: 100vh;
        margin: 0 auto;
        padding: var(--tl-space-4) var(--tl-space-3);
        font-size: 20px;
        line-height: 1.35;
      }
      main {
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-3);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--tl-space-2);
      }
      .office {
        font-weight: 700;
      }
      .address,
      .note {
        color: var(--tl-text-muted);
        font-size: var(--tl-text-m);
      }
      h1 {
        margin: 0;
        font-size: var(--tl-text-l);
      }
      ul {
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-3);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      button {
        text-align: start;
      }
      .current {
        padding: var(--tl-space-3);
        border-radius: var(--tl-radius);
        background: var(--tl-surface);
        border: 1px solid var(--tl-border);
        color: var(--tl-primary);
        font-weight: 700;
      }
      .detail {
        display: block;
        font-size: var(--tl-text-m);
        font-weight: 400;
      }
      .problem {
        padding: var(--tl-space-3);
        border-radius: var(--tl-radius);
        background: #fef2f2;
        color: var(--tl-danger);
        font-weight: 600;
      }
    `,
  ];

  private readonly officeId = officeFromUrl();
  private readonly api = officeApi(this.officeId);
  @state() private _info: JoinInfo | null = null;
  @state() private _lang: Lang = LANGUAGES.find((l) => l === browserLanguage()) ?? 'ru';
  private _langChosen = false;
  @state() private _taking: string | null = null;
  @state() private _problem: Problem | null = null;
  /** This phone's open ticket here, already in the queue. */
  @state() private _current: Pick<Ticket, 'id' | 'code'> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  override updated(): void {
    const office = this._info?.office;
    document.title = office
      ? translate(this._lang, 'join.pageTitle', { office: localized(office.name, this._lang, office.defaultLanguage) })
      : translate(this._lang, 'join.title');
    document.documentElement.lang = this._lang;
  }

  private async start(): Promise<void> {
    if (await this.arriveWithRememberedTicket()) return;
    await this.load();
  }

  /**
   * The entrance QR opened again by a phone whose ticket here waits for its visitor: "I'm here", then
   * that ticket's page. A ticket already in the queue is only offered as a link: the visitor may
   * want a ticket for another service too.
   */
  private async arriveWithRememberedTicket(): Promise<boolean> {
    const ticketId = rememberedTicket(this.officeId);
    const phone = phoneId();
    if (!ticketId || !phone) return false;
    const live = await this.api<LiveTicket>(`/tickets/${encodeURIComponent(ticketId)}`);
    // Finished, dropped or gone: the phone may take a new one (no network: it is kept for next time).
    if (!live.ok) {
      if (live.error.code === 'not-found') forgetTicket(this.officeId);
      return false;
    }
    if (live.data.ticket.status === 'finished') {
      forgetTicket(this.officeId);
      return false;
    }
    if (!live.data.ticket.awaitingArrival) {
      this._current = live.data.ticket;
      return false;
    }
    const arrived = await this.api(`/public/tickets/${encodeURIComponent(ticketId)}/arrived`, { body: { phoneId: phone } });
    if (!arrived.ok) return false;
    location.replace(liveTicketUrl('', this.officeId, ticketId));
    return true;
  }

  private async load(): Promise<void> {
    this._problem = null;
    const info = await this.api<JoinInfo>('/public/join');
    if (!info.ok) {
      this._problem = { kind: 'load' };
      return;
    }
    this._info = info.data;
    if (!this._langChosen || !info.data.office.languages.includes(this._lang)) {
      const { languages, defaultLanguage } = info.data.office;
      this._lang = languages.find((l) => l === browserLanguage()) ?? defaultLanguage;
    }
  }

  private async take(service: JoinServiceView): Promise<void> {
    const phone = phoneId();
    if (this._taking || !phone) return;
    this._taking = service.id;
    this._problem = null;
    const receipt = await this.api<JoinReceipt>('/public/join', {
      body: { serviceId: service.id, phoneId: phone, language: this._lang, requestId: crypto.randomUUID() },
    });
    this._taking = null;
    if (!receipt.ok) {
      this._problem = { kind: 'refused', code: receipt.error.code };
      // What can be taken may have changed (the share ran out, the office closed): show it as it is.
      void this.load();
      return;
    }
    rememberTicket(this.officeId, receipt.data.ticketId);
    // Replace, so Back from the ticket does not come here and say "I'm here" by mistake.
    location.replace(liveTicketUrl('', this.officeId, receipt.data.ticketId));
  }

  override render() {
    const t = translatorFor(this._lang);
    const info = this._info;
    if (!info) {
      return html`<main>
        ${this._problem
          ? html`<p class="problem" role="alert">${t('join.loadFailed')}</p><button @click=${() => void this.load()}>${t('join.retry')}</button>`
          : html`<p>${t('common.loading')}</p>`}
      </main>`;
    }
    const { office } = info;
    const fallback = office.defaultLanguage;
    return html`
      <header>
        <div>
          <div class="office">${localized(office.name, this._lang, fallback)}</div>
          <div class="address">${localized(office.address, this._lang, fallback)}</div>
        </div>
        <tl-language-switch
          .languages=${office.languages}
          .current=${this._lang}
          @language-change=${(e: CustomEvent<Lang>) => {
            this._lang = e.detail;
            this._langChosen = true;
          }}
        ></tl-language-switch>
      </header>
      <main>
        ${this._current
          ? html`<a class="current" data-current href=${liveTicketUrl('', this.officeId, this._current.id)}>${t('join.yourTicket', { code: this._current.code })}</a>`
          : null}
        <h1>${t('join.chooseService')}</h1>
        ${this._problem?.kind === 'refused' ? html`<p class="problem" role="alert" data-problem=${this._problem.code}>${t(`errors.${this._problem.code}`)}</p>` : null}
        ${info.rules.enabled ? this.renderServices(info, t) : html`<p class="problem" data-problem="join-off">${t('join.off')}</p>`}
      </main>
    `;
  }

  private renderServices(info: JoinInfo, t: Translator) {
    const { rules } = info;
    const fallback = info.office.defaultLanguage;
    return html`
      <ul>
        ${info.services.map(
          (service) => html`<li>
            <button ?disabled=${service.refusal !== null || this._taking !== null} data-service=${service.id} @click=${() => void this.take(service)}>
              ${localized(service.name, this._lang, fallback)}
              <span class="detail">
                ${this._taking === service.id
                  ? t('join.take')
                  : service.refusal
                    ? t(`errors.${service.refusal}`)
                    : t('join.waiting', { count: service.waiting })}
              </span>
            </button>
          </li>`,
        )}
      </ul>
      <p class="note">
        ${rules.requireArrival
          ? rules.arriveWithinMinutes === null
            ? t('join.arriveNoteAllDay')
            : t('join.arriveNote', { minutes: rules.arriveWithinMinutes })
          : null}
        ${t('join.phoneLimit', { count: rules.ticketsPerPhonePerDay })}
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'join-app': JoinApp;
  }
}
