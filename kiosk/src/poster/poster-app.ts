// The A4 poster for the office's entrance at /poster/?office=<id> (opened from the admin screen):
// the office's name, a big QR code to the join page (`<public URL>/join/?office=<id>`, from the
// server, so it is the address phones reach even when the admin's screen uses another) and short
// instructions in every language the office speaks, as the office's rules have it ("I'm here" or not). Printed with the browser's own dialog.
import '../../../common/ui/without-eval';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import QRCode from 'qrcode';
import { translate } from '../../../common/i18n';
import type { JoinInfo, Lang } from '../../../common/protocol';
import { SINGLE_OFFICE_ID } from '../../../common/protocol/offices';
import { localized } from '../../../common/ui/localized-text';
import { officeApi } from '../../../common/ui/office-api';
import { tokens } from '../../../common/ui/tokens';

@customElement('poster-app')
export class PosterApp extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      main {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 8mm;
        box-sizing: border-box;
        width: 186mm;
        min-height: 270mm;
        margin: 0 auto;
        padding: 6mm 0;
        color: #000000;
        font-family: system-ui, sans-serif;
        text-align: center;
      }
      .office {
        font-size: 26pt;
        font-weight: 800;
      }
      .address {
        font-size: 13pt;
      }
      .qr {
        width: 120mm;
        height: 120mm;
      }
      .qr svg {
        width: 100%;
        height: 100%;
      }
      .language {
        display: flex;
        flex-direction: column;
        gap: 2mm;
      }
      h1 {
        margin: 0;
        font-size: 22pt;
      }
      .language:not(:first-of-type) h1 {
        font-size: 16pt;
      }
      p {
        margin: 0;
        font-size: 13pt;
      }
      .url {
        font-family: ui-monospace, monospace;
        font-size: 11pt;
        word-break: break-all;
      }
      button {
        min-height: 48px;
        padding: 0 var(--tl-space-4);
        border: none;
        border-radius: var(--tl-radius);
        background: var(--tl-primary);
        color: var(--tl-primary-text);
        font: inherit;
        font-weight: 700;
        cursor: pointer;
      }
      @media print {
        button {
          display: none;
        }
      }
    `,
  ];

  private readonly officeId = new URLSearchParams(location.search).get('office') || SINGLE_OFFICE_ID;
  @state() private _info: JoinInfo | null = null;
  @state() private _qr = '';
  @state() private _failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const info = await officeApi(this.officeId)<JoinInfo>('/public/join');
    if (!info.ok) {
      this._failed = true;
      return;
    }
    this._info = info.data;
    this._qr = await QRCode.toString(info.data.joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  }

  override updated(): void {
    const office = this._info?.office;
    if (!office) return;
    document.documentElement.lang = office.defaultLanguage;
    document.title = translate(office.defaultLanguage, 'join.posterHeading');
  }

  override render() {
    const info = this._info;
    if (!info) return this._failed ? html`<main><p>${translate('en', 'join.loadFailed')}</p></main>` : null;
    const { office } = info;
    // The office's own language first, then the others it speaks.
    const languages: Lang[] = [office.defaultLanguage, ...office.languages.filter((l) => l !== office.defaultLanguage)];
    // "Tap 'I'm here'" only where the office calls a phone ticket after it.
    const steps = info.rules.requireArrival ? 'join.posterStepsArrival' : 'join.posterStepsNoArrival';
    return html`<main>
      <div class="office">${localized(office.name, office.defaultLanguage, office.defaultLanguage)}</div>
      <div class="address">${localized(office.address, office.defaultLanguage, office.defaultLanguage)}</div>
      <div class="qr" data-join-url=${info.joinUrl}>${unsafeSVG(this._qr)}</div>
      ${languages.map(
        (lang) => html`<div class="language" lang=${lang}>
          <h1>${translate(lang, 'join.posterHeading')}</h1>
          <p>${translate(lang, steps)}</p>
        </div>`,
      )}
      <p class="url">${translate(office.defaultLanguage, 'join.posterNoCamera', { url: info.joinUrl })}</p>
      <button @click=${() => window.print()}>${translate(office.defaultLanguage, 'join.posterPrint')}</button>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'poster-app': PosterApp;
  }
}
