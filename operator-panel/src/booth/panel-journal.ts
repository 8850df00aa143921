// Today's journal of this booth, newest first, searchable by ticket code and by what the visit
// journal recorded (reason, result, visitor). It reloads when the booth's own events arrive, so it
// never needs a refresh button; each load tells the booth which visit it served last.
import { consume } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { JOURNAL_SEARCH_KEY } from './booth-actions';
import { officeTime } from '../shared/describe';
import type { JournalEntry, VisitJournalSettings, VisitRecord } from '../../../common/protocol';
import { journalDetail } from './journal-text';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { loadBoothJournal } from './panel-journal-api';
import { panelStyles } from '../shared/panel-styles';
import { loadVisitRecords, loadVisitSettings } from './panel-visit-api';
import { lastServedVisit, visitSummary, type ServedVisit } from './panel-visit-text';
import { codeMatches } from './ticket-code';

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
      .visit {
        display: block;
        color: var(--tl-primary);
        font-weight: 600;
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
  @state() private _visits = new Map<string, VisitRecord>();
  @state() private _visitSettings: VisitJournalSettings | null = null;
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
    const officeId = this._env?.officeId;
    if (!officeId) return;
    const [result, visits, settings] = await Promise.all([loadBoothJournal(officeId, counterId), loadVisitRecords(officeId, counterId), loadVisitSettings(officeId)]);
    if (counterId !== this.counterId) return;
    this._failed = !result.ok;
    if (result.ok) this._rows = result.data;
    if (visits.ok) this._visits = new Map(visits.data.map((r) => [r.ticketId, r]));
    if (settings.ok) this._visitSettings = settings.data;
    const visit = lastServedVisit(this._rows ?? []);
    const detail = { visit, record: visit ? this._visits.get(visit.ticketId) ?? null : null };
    this.dispatchEvent(new CustomEvent<LastServedEvent['detail']>('last-served', { detail, bubbles: true, composed: true }));
  }

  private _visitText(env: PanelEnv, row: JournalEntry): string {
    const record = row.kind === 'ticket-finished' && row.to === 'served' && row.ticketId ? this._visits.get(row.ticketId) : undefined;
    return record ? visitSummary(env, this._visitSettings, record) : '';
  }

  private _matches(env: PanelEnv, row: JournalEntry): boolean {
    if (!this._query) return true;
    if (row.code !== null && codeMatches(row.code, this._query)) return true;
    const visit = this._visitText(env, row).toLocaleLowerCase();
    return visit !== '' && visit.includes(this._query.trim().toLocaleLowerCase());
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    const rows = (this._rows ?? []).filter((r) => this._matches(env, r));
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
                ${rows.map((r) => {
                  const visit = this._visitText(env, r);
                  return html`<tr data-seq=${r.seq}>
                    <td>${officeTime(env, r.at)}</td>
                    <td class="code">${r.code ?? ''}</td>
                    <td>${t(`panel.journal.kinds.${r.kind}`)}</td>
                    <td>${journalDetail(env, r)}${visit ? html`<span class="visit" data-visit>${visit}</span>` : ''}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`}
    </section>`;
  }
}

export type LastServedEvent = CustomEvent<{ visit: ServedVisit | null; record: VisitRecord | null }>;

declare global {
  interface HTMLElementTagNameMap {
    'panel-journal': PanelJournal;
  }
  interface HTMLElementEventMap {
    'last-served': LastServedEvent;
  }
}
