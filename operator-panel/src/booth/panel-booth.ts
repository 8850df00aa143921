// One booth at work: its state, the visitor at it, the one big next step with the other actions,
// the queues it serves, the postponed pool and today's journal. Every action is one key away; a
// refused action is explained in words.
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CommandName, CounterState, Result } from '../../../common/protocol';
import { actionForKey, JOURNAL_SEARCH_KEY, planActions, type BoothAction } from './booth-actions';
import type { BoothDialog } from './booth-dialog';
import { boothView, callableTickets, type BoothView } from './booth-view';
import { officeTime, refusalText, text } from '../shared/describe';
import { panelEnv, serverNow, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import type { PanelActionBar } from './panel-action-bar';
import './panel-action-bar';
import './panel-breach-notice';
import './panel-call-ticket-dialog';
import './panel-current-visitor';
import './panel-grant-dialog';
import './panel-hall-sound';
import './panel-issue-dialog';
import type { LastServedEvent, PanelJournal } from './panel-journal';
import './panel-journal';
import './panel-pause-dialog';
import './panel-postponed';
import './panel-queues';
import './panel-return-dialog';
import './panel-transfer-dialog';
import { VISIT_FORM_KEY, type PanelVisitForm } from './panel-visit-form';

/** Actions that are one command with nothing to ask. */
const DIRECT: Partial<Record<BoothAction, CommandName>> = {
  open: 'counter:open',
  close: 'counter:close',
  resume: 'counter:resume',
  callNext: 'counter:call-next',
  recall: 'counter:recall',
  start: 'counter:start',
  done: 'counter:finish',
  noShow: 'counter:no-show',
};

/** Actions that ask something first: the dialog element that asks it. */
const DIALOGS: Partial<Record<BoothAction, string>> = {
  pause: 'panel-pause-dialog',
  callTicket: 'panel-call-ticket-dialog',
  transfer: 'panel-transfer-dialog',
  return: 'panel-return-dialog',
  issue: 'panel-issue-dialog',
  grant: 'panel-grant-dialog',
};

type Notice = { kind: 'error' | 'info'; text: string };

function isTyping(event: KeyboardEvent): boolean {
  const origin = event.composedPath()[0];
  return origin instanceof HTMLInputElement || origin instanceof HTMLTextAreaElement || origin instanceof HTMLSelectElement;
}

@customElement('panel-booth')
export class PanelBooth extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(24rem, 3fr) minmax(20rem, 2fr);
        grid-template-areas:
          'head head'
          'work side'
          'journal journal';
        gap: var(--tl-space-3);
        align-items: start;
      }
      @media (max-width: 900px) {
        :host {
          grid-template-columns: 1fr;
          grid-template-areas: 'head' 'work' 'side' 'journal';
        }
      }
      .head {
        grid-area: head;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--tl-space-2) var(--tl-space-3);
      }
      .head h1 {
        margin: 0;
        font-size: var(--tl-text-l);
      }
      .chip {
        padding: var(--tl-space-1) var(--tl-space-3);
        border-radius: 999px;
        font-weight: 700;
        color: #ffffff;
        /* Not --tl-disabled: white on that grey is unreadable (contrast 2.5:1). */
        background: var(--tl-text-muted);
      }
      .chip.open {
        background: var(--tl-success);
      }
      .chip.paused {
        background: var(--tl-warning);
      }
      .work {
        grid-area: work;
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-3);
      }
      .side {
        grid-area: side;
        display: flex;
        flex-direction: column;
        gap: var(--tl-space-3);
      }
      panel-journal {
        grid-area: journal;
      }
      .notice {
        margin: 0;
        padding: var(--tl-space-2) var(--tl-space-3);
        border-radius: var(--tl-radius);
        font-weight: 600;
      }
      .notice.error {
        background: #fde8e8;
        color: var(--tl-danger);
        border: 1px solid var(--tl-danger);
      }
      .notice.info {
        background: #e7f5ec;
        color: var(--tl-success);
        border: 1px solid var(--tl-success);
      }
      .hint {
        margin: 0;
        font-size: var(--tl-text-s);
      }
      .warn {
        color: var(--tl-warning);
        font-weight: 600;
      }
    `,
  ];

  @property() counterId = '';

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;

  @state() private _now = Date.now();
  @state() private _notice: Notice | null = null;
  @state() private _journalRevision = 0;
  @state() private _lastServed: LastServedEvent['detail'] = { visit: null, record: null };
  /** A command of this booth is on its way: one at a time, so a double press never acts twice. */
  @state() private _busy = false;
  private _ticker: ReturnType<typeof setInterval> | undefined;
  private _lastCounterState: CounterState | undefined;
  @query('panel-action-bar') private _actionBar!: PanelActionBar;
  @query('panel-journal') private _journal!: PanelJournal;
  @query('panel-visit-form') private _visitForm!: PanelVisitForm;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKeydown);
    this._ticker = setInterval(() => this._tick(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKeydown);
    clearInterval(this._ticker);
  }

  private _tick(): void {
    if (this._env) this._now = serverNow(this._env);
  }

  protected override willUpdate(): void {
    // A fresh snapshot may carry times newer than the last tick: never show a timer running behind it.
    if (this._env) this._now = serverNow(this._env);
    // Every action at this booth replaces its counter state: the journal then has something new.
    const live = this._env?.snapshot.counterStates.find((c) => c.counterId === this.counterId);
    if (live !== this._lastCounterState) {
      this._lastCounterState = live;
      this._journalRevision += 1;
    }
  }

  private _view(): BoothView | null {
    return this._env ? boothView(this._env.snapshot, this.counterId, this._now) : null;
  }

  private readonly _onKeydown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.repeat || isTyping(event) || this._dialogOpen()) return;
    if (event.code === JOURNAL_SEARCH_KEY.code) {
      event.preventDefault();
      this._journal.focusSearch();
      return;
    }
    if (event.code === VISIT_FORM_KEY.code && this._visitForm.available) {
      event.preventDefault();
      this._visitForm.focusFirst();
      return;
    }
    const view = this._view();
    if (!view) return;
    const action = actionForKey(event.code, planActions(view.state, view.held));
    if (!action) return;
    event.preventDefault();
    void this._perform(action);
  };

  private _dialogs(): BoothDialog[] {
    return Object.values(DIALOGS).flatMap((tag) => [...this.renderRoot.querySelectorAll<BoothDialog>(tag)]);
  }

  private _dialogOpen(): boolean {
    return this._dialogs().some((d) => d.isOpen);
  }

  private async _perform(action: BoothAction): Promise<void> {
    const env = this._env;
    if (!env || this._busy) return;
    this._notice = null;
    const dialog = DIALOGS[action];
    if (dialog) {
      await this.renderRoot.querySelector<BoothDialog>(dialog)?.open();
      return;
    }
    const command = DIRECT[action];
    if (command) await this._send(env, () => env.run(command, { counterId: this.counterId }));
  }

  private async _send(env: PanelEnv, send: () => Promise<Result<unknown>>): Promise<void> {
    this._busy = true;
    try {
      const result = await send();
      if (!result.ok) this._notice = { kind: 'error', text: refusalText(env, result.error) };
    } finally {
      this._busy = false;
    }
  }

  private readonly _onVisitRecorded = (): void => {
    this._journalRevision += 1;
    this._actionBar.focus();
  };

  private _callTicket(ticketId: string): void {
    const env = this._env;
    if (!env || this._busy) return;
    this._notice = null;
    void this._send(env, () => env.run('counter:call-ticket', { counterId: this.counterId, ticketId }));
  }

  override render() {
    const env = this._env;
    const view = this._view();
    if (!env || !view) return html``;
    const { t } = env;
    const plan = planActions(view.state, view.held);
    const idle = view.state.status === 'open' && !view.held;
    return html`
      ${this._renderHead(env, view)}
      <div class="work">
        ${this._notice
          ? html`<p class="notice ${this._notice.kind}" role=${this._notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">${this._notice.text}</p>`
          : ''}
        <panel-hall-sound .counterId=${this.counterId}></panel-hall-sound>
        <panel-current-visitor .ticket=${view.held} .now=${this._now}></panel-current-visitor>
        <panel-action-bar .plan=${plan} .t=${t} ?busy=${this._busy} @booth-action=${(e: CustomEvent<BoothAction>) => void this._perform(e.detail)}></panel-action-bar>
        <p class="hint muted">${t('panel.keyboardHint')}</p>
        <panel-visit-form
          .visit=${this._lastServed.visit}
          .record=${this._lastServed.record}
          @visit-recorded=${this._onVisitRecorded}
          @visit-form-leave=${() => this._actionBar.focus()}
        ></panel-visit-form>
      </div>
      <div class="side" @call-ticket=${(e: CustomEvent<string>) => this._callTicket(e.detail)}>
        <panel-breach-notice .counterId=${this.counterId}></panel-breach-notice>
        <panel-queues .view=${view} .now=${this._now} ?canCall=${idle}></panel-queues>
        <panel-postponed .tickets=${view.postponed} .now=${this._now} ?canCall=${idle}></panel-postponed>
      </div>
      <panel-journal
        .counterId=${this.counterId}
        .revision=${this._journalRevision}
        @last-served=${(e: LastServedEvent) => (this._lastServed = e.detail)}
      ></panel-journal>
      <div
        @booth-notice=${(e: CustomEvent<string>) => (this._notice = { kind: 'info', text: e.detail })}
        @dialog-closed=${() => this._actionBar.focus()}
      >
        <panel-pause-dialog .counterId=${this.counterId}></panel-pause-dialog>
        <panel-call-ticket-dialog .counterId=${this.counterId} .callable=${idle ? callableTickets(view, this._now) : []}></panel-call-ticket-dialog>
        <panel-transfer-dialog .counterId=${this.counterId}></panel-transfer-dialog>
        <panel-return-dialog .counterId=${this.counterId}></panel-return-dialog>
        <panel-issue-dialog .counterId=${this.counterId} ?canCall=${idle}></panel-issue-dialog>
        <panel-grant-dialog .counterId=${this.counterId}></panel-grant-dialog>
      </div>
    `;
  }

  private _renderHead(env: PanelEnv, view: BoothView) {
    const { t } = env;
    const { state } = view;
    const takenBy = state.status !== 'closed' && state.operatorId && state.operatorId !== env.user.id ? state.operatorName ?? '' : null;
    const office = env.snapshot.officeStatus.state;
    return html`<div class="head">
      <h1>${text(env, view.counter.name)}</h1>
      <span class="chip ${state.status}" data-testid="booth-status">${t(`panel.booth.status.${state.status}`)}</span>
      ${state.status === 'closed' ? html`<span class="muted">${t('panel.booth.closedHint')}</span>` : ''}
      ${state.pause
        ? html`<span>${t('panel.booth.pausedHint', {
            time: officeTime(env, state.pause.since),
            reason: [t(`panel.pauseReasons.${state.pause.reason}`), state.pause.note].filter(Boolean).join(' — '),
          })}</span>`
        : ''}
      ${takenBy !== null ? html`<span class="warn" role="note">${t('panel.booth.takenBy', { name: takenBy })}</span>` : ''}
      ${office !== 'open' ? html`<span class="warn">${t(office === 'closed' ? 'panel.booth.officeClosed' : 'panel.booth.officeBreak')}</span>` : ''}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-booth': PanelBooth;
  }
}
