// "Tell me when it's my turn" on the live ticket page: Web Push on this phone (a tap asks the
// browser's permission and subscribes, see push-subscription.ts), or an SMS when the office offers it
// (a number and an explicit consent). Either becomes a contact of this ticket on the server
// (POST …/public/tickets/<id>/contacts, in the language the page shows), which then sends "N people
// ahead" and "your turn". The page remembers (localStorage, no personal data) which channels this
// ticket already has, to say so again after a reload.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translatorFor, type Translator } from '../../../common/i18n';
import type { Lang, OfferedChannels, TicketContactInput } from '../../../common/protocol';
import { officeApi } from '../../../common/ui/office-api';
import { tokens } from '../../../common/ui/tokens';
import { phoneButtonStyles, phoneCardStyles } from '../join/phone-button-styles';
import { pushAvailable, subscribeThisPhone } from './push-subscription';

type PushState = 'off' | 'asking' | 'on' | 'blocked' | 'unavailable' | 'failed';
type SmsState = 'off' | 'sending' | 'on' | 'failed';

const rememberKey = (officeId: string, ticketId: string) => `talon.notify.${officeId}.${ticketId}`;

@customElement('kiosk-notify-me')
export class KioskNotifyMe extends LitElement {
  static override styles = [
    tokens,
    phoneButtonStyles,
    phoneCardStyles,
    css`
      p {
        margin: 0;
      }
      .hint {
        color: var(--tl-text-muted);
        font-size: var(--tl-text-m);
      }
      input:focus-visible {
        outline: 3px solid var(--tl-accent);
        outline-offset: 2px;
      }
      .on {
        color: var(--tl-success);
        font-weight: 600;
      }
      .problem {
        color: var(--tl-danger);
        font-weight: 600;
      }
      h2 {
        margin: 0;
        font-size: var(--tl-text-m);
        font-weight: 600;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-1);
        font-size: var(--tl-text-m);
      }
      label.consent {
        flex-direction: row;
        align-items: flex-start;
        gap: var(--tl-space-2);
        color: var(--tl-text-muted);
      }
      input[type='tel'] {
        min-height: 48px;
        padding: 0 var(--tl-space-2);
        border: 1px solid var(--tl-border);
        border-radius: 8px;
        font: inherit;
      }
      input[type='checkbox'] {
        flex: none;
        width: 24px;
        height: 24px;
        margin: 2px 0 0;
      }
    `,
  ];

  @property() officeId = '';
  @property() ticketId = '';
  @property() language: Lang = 'ru';

  @state() private _offered: OfferedChannels | null = null;
  @state() private _push: PushState = 'off';
  @state() private _sms: SmsState = 'off';
  @state() private _consent = false;

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('ticketId') || changed.has('officeId')) && this.ticketId && this.officeId) void this._load();
  }

  private async _load(): Promise<void> {
    const remembered = localStorage.getItem(rememberKey(this.officeId, this.ticketId))?.split(',') ?? [];
    if (remembered.includes('push')) this._push = 'on';
    if (remembered.includes('sms')) this._sms = 'on';
    const offered = await officeApi(this.officeId)<OfferedChannels>('/public/channels');
    if (offered.ok) this._offered = offered.data;
  }

  override render() {
    const offered = this._offered;
    if (!offered || (!offered.push && !offered.sms)) return html``;
    const t = translatorFor(this.language);
    return html`<section data-notify-me>
      ${offered.push ? this._pushPart(t) : null} ${offered.sms ? this._smsPart(t) : null}
    </section>`;
  }

  private _pushPart(t: Translator) {
    if (this._push === 'on') return html`<p class="on" role="status" data-push="on">${t('notifyMe.on')}</p>`;
    if (!pushAvailable() || this._push === 'unavailable') return html`<p class="hint" data-push="unavailable">${t('notifyMe.unavailable')}</p>`;
    const problem = this._push === 'blocked' ? t('notifyMe.blocked') : this._push === 'failed' ? t('notifyMe.failed') : null;
    return html`<button type="button" data-push=${this._push} ?disabled=${this._push === 'asking'} @click=${() => void this._subscribe()}>
        ${this._push === 'asking' ? t('notifyMe.asking') : t('notifyMe.tellMe')}
      </button>
      <p class="hint">${t('notifyMe.hint')}</p>
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : null}`;
  }

  private _smsPart(t: Translator) {
    if (this._sms === 'on') return html`<p class="on" role="status" data-sms="on">${t('notifyMe.smsOn')}</p>`;
    return html`<form data-sms=${this._sms} @submit=${this._sendSms}>
      <h2>${t('notifyMe.smsOffer')}</h2>
      <label>${t('notifyMe.phone')}<input type="tel" name="phone" autocomplete="tel" required maxlength="30" /></label>
      <label class="consent"
        ><input type="checkbox" name="consent" .checked=${this._consent} @change=${(e: Event) => (this._consent = (e.target as HTMLInputElement).checked)} />
        <span>${t('notifyMe.smsConsent')}</span></label
      >
      <button type="submit" ?disabled=${!this._consent || this._sms === 'sending'}>${t('notifyMe.smsSend')}</button>
      ${this._sms === 'failed' ? html`<p class="problem" role="alert">${t('notifyMe.smsFailed')}</p>` : null}
    </form>`;
  }

  private async _subscribe(): Promise<void> {
    this._push = 'asking';
    const outcome = await subscribeThisPhone();
    if (!outcome.ok) {
      this._push = outcome.why;
      return;
    }
    this._push = (await this._addContact({ channel: 'push', subscription: outcome.subscription, consent: true, language: this.language })) ? 'on' : 'failed';
  }

  private readonly _sendSms = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const phone = new FormData(event.target as HTMLFormElement).get('phone');
    if (typeof phone !== 'string' || !this._consent) return;
    this._sms = 'sending';
    this._sms = (await this._addContact({ channel: 'sms', phone, consent: true, language: this.language })) ? 'on' : 'failed';
  };

  private async _addContact(contact: TicketContactInput): Promise<boolean> {
    const result = await officeApi(this.officeId)<{ contactId: string }>(`/public/tickets/${encodeURIComponent(this.ticketId)}/contacts`, { body: contact });
    if (!result.ok) return false;
    const key = rememberKey(this.officeId, this.ticketId);
    const channels = new Set(localStorage.getItem(key)?.split(',').filter(Boolean));
    channels.add(contact.channel);
    localStorage.setItem(key, [...channels].join(','));
    return true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notify-me': KioskNotifyMe;
  }
}
