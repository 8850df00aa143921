// Today's journal of this booth, newest first, searchable by ticket code. It reloads when the
// booth's own events arrive, so it never needs a refresh button.
import { consume } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { api } from '../../../common/ui/api';
import { JOURNAL_SEARCH_KEY } from '../booth-actions';
import { officeTime } from '../describe';
import type { JournalEntry } from '../../../common/protocol';
import { journalDetail } from '../journal-text';
import { panelEnv, type PanelEnv } from '../panel-env';
import { panelStyles } from '../panel-styles';
import { codeMatches } from '../ticket-code';

/** Bursts of events (call, then start a second later) cause one reload, not several. */
const RELOAD_DELAY_MS = 300;

@customElement('panel-journal')
export class PanelJournal extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--tl-space-3);
        margin-bottom: var(--tl-space-2);
      }
      .scroll {
        max-height: 22rem;
        overflow: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        text-align: left;
        padding: var(--tl-space-1) var(--tl-space-2);
        border-top: 1px solid var(--tl-border);
      }
      th {
        position: sticky;
        top: 0;
        background: var(--tl-surface);
        color: var(--tl-text-muted);
        font-weight: 600;
        font-size: var(--tl-text-s);
      }
      td.code {
        font-weight: 700;
      }
    `,
  ];

  @property() counterId = '';
  /** Changes whenever something happened at this booth; the journal then reloads. */
  @property({ type: Number }) revision = 0;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;

  @state() private _rows: JournalEntry[] | null = null;
  @state() private _failed = false;
  @state() private _query = '';
  @query('input') private _search!: HTMLInputElement;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  focusSearch(): void {
    this._search?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('counterId') || changed.has('revision')) {
      clearTimeout(this._timer);
      this._timer = setTimeout(() => void this._load(), changed.has('counterId') ? 0 : RELOAD_DELAY_MS);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
  }

  private async _load(): Promise<void> {
    const counterId = this.counterId;
    const result = await api<JournalEntry[]>(`/api/journal?counterId=${encodeURIComponent(counterId)}`);
    if (counterId !== this.counterId) return;
    this._failed = !result.ok;
    if (result.ok) this._rows = result.data;
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    const rows = (this._rows ?? []).filter((r) => !this._query || (r.code !== null && codeMatches(r.code, this._query)));
    return html`<section class="card" aria-labelledby="journal-heading">
      <div class="head">
        <h2 id="journal-heading">${t('panel.journal.heading')}</h2>
        <label
          ><span>${t('panel.journal.search')} <kbd>${JOURNAL_SEARCH_KEY.label}</kbd></span>
          <input type="search" autocomplete="off" @input=${(e: InputEvent) => (this._query = (e.target as HTMLInputElement).value)} />
        </label>
      </div>
      ${this._failed ? html`<p role="alert">${t('panel.journal.loadFailed')}</p>` : ''}
      ${rows.length === 0
        ? html`<p class="muted">${t('panel.journal.empty')}</p>`
        : html`<div class="scroll">
            <table>
              <thead>
                <tr>
                  <th>${t('panel.journal.time')}</th>
                  <th>${t('panel.journal.ticket')}</th>
                  <th>${t('panel.journal.event')}</th>
                  <th>${t('panel.journal.detail')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (r) => html`<tr data-seq=${r.seq}>
                    <td>${officeTime(env, r.at)}</td>
                    <td class="code">${r.code ?? ''}</td>
                    <td>${t(`panel.journal.kinds.${r.kind}`)}</td>
                    <td>${journalDetail(env, r)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-journal': PanelJournal;
  }
}
