// The page a message's stop link opens (/stop/?lang=<lang>#<token>). The token stays in the #fragment,
// which the browser never sends, so no server or proxy log holds it; a button posts it (a link
// previewer that opens the page stops nothing).
import '../../../common/ui/without-eval';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { translate } from '../../../common/i18n';
import { LANGUAGES, type Lang } from '../../../common/protocol';
import { api } from '../../../common/ui/api';
import { tokens } from '../../../common/ui/tokens';

type Step = 'ask' | 'sending' | 'done' | 'unknown' | 'failed';

function pageLanguage(): Lang {
  const asked = new URLSearchParams(location.search).get('lang') ?? navigator.language.slice(0, 2);
  return LANGUAGES.find((lang) => lang === asked) ?? 'ru';
}

@customElement('kiosk-stop-page')
export class KioskStopPage extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        box-sizing: border-box;
        max-width: 560px;
        margin: 0 auto;
        padding: var(--tl-space-4) var(--tl-space-3);
        font-family: var(--tl-font);
        color: var(--tl-text);
      }
      h1 {
        font-size: var(--tl-text-l);
        margin: 0 0 var(--tl-space-3);
      }
      p {
        font-size: var(--tl-text-m);
      }
      button {
        min-height: 48px;
        padding: 0 var(--tl-space-4);
        border: 0;
        border-radius: var(--tl-radius);
        background: var(--tl-primary);
        color: #fff;
        font: inherit;
        font-size: var(--tl-text-m);
      }
      button:disabled {
        opacity: 0.6;
      }
    `,
  ];

  @state() private _step: Step = 'ask';
  private readonly language = pageLanguage();
  private readonly token = location.hash.slice(1);

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.language;
    document.title = translate(this.language, 'messages.stopTitle');
    if (!this.token) this._step = 'unknown';
  }

  private async stop(): Promise<void> {
    this._step = 'sending';
    const answer = await api<{ stopped: boolean }>('/api/stop', { body: { token: this.token } });
    this._step = !answer.ok ? (answer.error.code === 'invalid-input' ? 'unknown' : 'failed') : answer.data.stopped ? 'done' : 'unknown';
  }

  override render() {
    const t = (key: 'stopExplain' | 'stopDone' | 'stopUnknown' | 'stopFailed') => translate(this.language, `messages.${key}`);
    return html`
      <h1>${translate(this.language, 'messages.stopTitle')}</h1>
      ${this._step === 'done'
        ? html`<p role="status">${t('stopDone')}</p>`
        : this._step === 'unknown'
          ? html`<p role="alert">${t('stopUnknown')}</p>`
          : html`
              <p>${t('stopExplain')}</p>
              ${this._step === 'failed' ? html`<p role="alert">${t('stopFailed')}</p>` : ''}
              <button ?disabled=${this._step === 'sending'} @click=${() => void this.stop()}>${translate(this.language, 'messages.stopButton')}</button>
            `}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-stop-page': KioskStopPage;
  }
}
