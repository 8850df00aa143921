// Why tickets are not issued right now: a break (until when), closed (the next opening), or the
// cut-off before closing. Renders nothing while the office is open and issuing.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { translatorFor, type Translator } from '../../../common/i18n';
import type { Lang, OfficeStatus } from '../../../common/protocol';
import { tokens } from '../../../common/ui/tokens';
import { clockTime, dayAfterPreposition } from '../office-time';
import { kioskStyles } from '../kiosk-styles';

@customElement('kiosk-office-banner')
export class KioskOfficeBanner extends LitElement {
  static override styles = [
    tokens,
    kioskStyles,
    css`
      div {
        padding: var(--tl-space-4);
        border-radius: var(--tl-radius);
        background: var(--tl-danger);
        color: #ffffff;
        font-size: var(--kiosk-title);
        font-weight: 700;
        text-align: center;
      }
      div.break {
        background: var(--tl-warning);
      }
    `,
  ];

  @property({ attribute: false }) status: OfficeStatus | null = null;
  @property() language: Lang = 'ru';
  @property() timeZone = 'UTC';

  override render() {
    const { status } = this;
    if (!status || (status.state === 'open' && status.issuing)) return html``;
    return html`<div role="status" class=${status.state}>${this.message(status, translatorFor(this.language))}</div>`;
  }

  private message(status: OfficeStatus, t: Translator): string {
    const time = (at: number) => clockTime(at, this.language, this.timeZone);
    switch (status.state) {
      case 'break': {
        const reopens = status.until ?? status.nextOpen;
        return reopens ? t('kiosk.office.breakUntil', { time: time(reopens) }) : t('kiosk.office.break');
      }
      case 'closed':
        return status.nextOpen ? t('kiosk.office.closedUntil', { day: dayAfterPreposition(status.nextOpen, this.language, this.timeZone), time: time(status.nextOpen) }) : t('kiosk.office.closed');
      case 'open':
        return status.until ? t('kiosk.office.cutoffAt', { time: time(status.until) }) : t('kiosk.office.cutoff');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-office-banner': KioskOfficeBanner;
  }
}
