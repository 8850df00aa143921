// Rate the visit, on the visitor's own phone, once the ticket was served: five big score buttons
// (a radio group: arrows move, the chosen one is pressed), an optional comment and Send. The server
// keeps one rating per ticket; after it, and on every later visit to the page, a thank-you shows.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translatorFor, type Translator } from '../../../common/i18n';
import { RATING_SCORES, type Lang, type RatingState, type Result } from '../../../common/protocol';
import type { ApiInit } from '../../../common/ui/api';
import { officeApi } from '../../../common/ui/office-api';
import { tokens } from '../../../common/ui/tokens';

type Score = (typeof RATING_SCORES)[number];

@customElement('kiosk-rating')
export class KioskRating extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      section {
        padding: var(--tl-space-4) var(--tl-space-3);
        border-radius: var(--tl-radius);
        background: var(--tl-surface);
        border: 1px solid var(--tl-border);
        text-align: center;
      }
      h2 {
        margin: 0 0 var(--tl-space-3);
        font-size: var(--tl-text-l);
      }
      .scores {
        display: grid;
        grid-template-columns: repeat(5, minmax(0, 1fr));
        gap: 6px;
      }
      .score {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--tl-space-1);
        min-height: 76px;
        padding: var(--tl-space-2) 2px;
        border: 2px solid var(--tl-primary);
        border-radius: var(--tl-radius);
        background: var(--tl-surface);
        color: var(--tl-primary);
        font: inherit;
        cursor: pointer;
        touch-action: manipulation;
      }
      .score b {
        font-size: 30px;
        line-height: 1;
      }
      .score span {
        max-width: 100%;
        font-size: 12px;
        line-height: 1.15;
        /* Words break only between words: "Отлично" must never read "Отличн/о". */
        hyphens: manual;
        overflow-wrap: normal;
      }
      /* Too narrow for five labelled columns (a phone): one score per row, number beside its word. */
      @media (max-width: 30rem) {
        .scores {
          grid-template-columns: 1fr;
        }
        .score {
          flex-direction: row;
          justify-content: flex-start;
          gap: var(--tl-space-3);
          min-height: 48px;
          padding: var(--tl-space-1) var(--tl-space-3);
        }
        .score span {
          font-size: var(--tl-text-m, 16px);
        }
      }
      .score[aria-checked='true'] {
        background: var(--tl-primary);
        color: var(--tl-primary-text);
      }
      .score:focus-visible,
      textarea:focus-visible,
      .send:focus-visible {
        outline: 3px solid var(--tl-accent);
        outline-offset: 2px;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-1);
        margin-top: var(--tl-space-3);
        text-align: left;
        font-size: var(--tl-text-m);
        color: var(--tl-text-muted);
      }
      textarea {
        box-sizing: border-box;
        width: 100%;
        min-height: 4.5em;
        padding: var(--tl-space-2);
        border: 1px solid var(--tl-border);
        border-radius: 8px;
        font: inherit;
        font-size: var(--tl-text-m);
        color: var(--tl-text);
        resize: vertical;
      }
      .send {
        width: 100%;
        min-height: 60px;
        margin-top: var(--tl-space-3);
        border: none;
        border-radius: var(--tl-radius);
        background: var(--tl-primary);
        color: var(--tl-primary-text);
        font: inherit;
        font-size: 22px;
        font-weight: 700;
        cursor: pointer;
      }
      .send:disabled {
        background: var(--tl-disabled);
        cursor: default;
      }
      .message {
        margin: var(--tl-space-3) 0 0;
        color: var(--tl-danger);
        font-weight: 600;
      }
      .thanks {
        margin: 0;
        font-size: 24px;
        font-weight: 600;
        color: var(--tl-success);
      }
    `,
  ];

  @property() officeId = '';
  @property() ticketId = '';
  @property() language: Lang = 'ru';

  @state() private _state: RatingState | null = null;
  @state() private _score: Score | null = null;
  @state() private _message: string | null = null;
  @state() private _busy = false;

  protected override updated(changed: PropertyValues<this>): void {
    if ((changed.has('ticketId') || changed.has('officeId')) && this.ticketId && this.officeId) void this._load();
  }

  /** GET (or, with a body, POST) the ticket's public rating route in its office. */
  private _rating(init?: ApiInit): Promise<Result<RatingState>> {
    return officeApi(this.officeId)<RatingState>(`/public/tickets/${encodeURIComponent(this.ticketId)}/rating`, init);
  }

  private async _load(): Promise<void> {
    const result = await this._rating();
    if (result.ok) this._state = result.data;
  }

  override render() {
    const t = translatorFor(this.language);
    const current = this._state;
    if (current?.state === 'rated') {
      return html`<section data-rating="rated"><p class="thanks" role="status">${t('visits.rating.thanks', { score: current.score ?? '' })}</p></section>`;
    }
    if (current?.state !== 'open') return html``;
    return html`<section data-rating="open" aria-labelledby="rating-heading">
      <h2 id="rating-heading">${t('visits.rating.heading')}</h2>
      <div class="scores" role="radiogroup" aria-labelledby="rating-heading" @keydown=${this._onArrows}>
        ${RATING_SCORES.map((score) => this._scoreButton(t, score))}
      </div>
      <label>${t('visits.rating.comment')}<textarea name="comment" maxlength="1000"></textarea></label>
      <button class="send" type="button" ?disabled=${this._busy} @click=${() => void this._send(t)}>${t('visits.rating.send')}</button>
      ${this._message ? html`<p class="message" role="alert">${this._message}</p>` : ''}
    </section>`;
  }

  private _scoreButton(t: Translator, score: Score) {
    const chosen = this._score === score;
    // Roving focus: only the chosen score (or the first, before a choice) is in the tab order.
    const tabbable = chosen || (this._score === null && score === 1);
    return html`<button
      class="score"
      type="button"
      role="radio"
      data-score=${score}
      aria-checked=${chosen ? 'true' : 'false'}
      tabindex=${tabbable ? 0 : -1}
      @click=${() => this._choose(score)}
    >
      <b>${score}</b><span>${t(`visits.rating.scores.s${score}`)}</span>
    </button>`;
  }

  private _choose(score: Score): void {
    this._score = score;
    this._message = null;
  }

  private readonly _onArrows = (event: KeyboardEvent): void => {
    const step = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const next = Math.min(5, Math.max(1, (this._score ?? (step > 0 ? 0 : 6)) + step)) as Score;
    this._choose(next);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`[data-score="${next}"]`)?.focus());
  };

  private async _send(t: Translator): Promise<void> {
    if (this._busy) return;
    if (this._score === null) return void (this._message = t('visits.rating.choose'));
    const comment = this.renderRoot.querySelector('textarea')?.value.trim() ?? '';
    this._busy = true;
    const result = await this._rating({ body: { score: this._score, comment } });
    this._busy = false;
    if (result.ok) {
      this._state = result.data;
      return;
    }
    if (result.error.code === 'conflict') return void (await this._load());
    this._message = t(result.error.code === 'rate-limited' ? 'visits.rating.tooMany' : 'visits.rating.failed');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-rating': KioskRating;
  }
}
