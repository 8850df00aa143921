// The visit journal at the booth: for the last visit served here, the reason and the result (from
// the office's lists, plus free text) and, where the office keeps them, the visitor's name and
// contact. It waits quietly beside the actions; its key moves focus into it, Enter saves and
// Escape goes back to the actions, so it never stands between the specialist and "Call next".
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { VisitJournalSettings, VisitOption, VisitRecord, VisitRecordInput } from '../../../common/protocol';
import { officeTime, refusalText, text } from '../shared/describe';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import { panelStyles } from '../shared/panel-styles';
import { loadVisitSettings, saveVisitRecord } from './panel-visit-api';
import type { ServedVisit } from './panel-visit-text';

/** Not a booth action (it needs no server state), but one key away like them. */
export const VISIT_FORM_KEY = { code: 'KeyV', label: 'V' } as const;

@customElement('panel-visit-form')
export class PanelVisitForm extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        grid-template-columns: minmax(10rem, 1fr) minmax(10rem, 1fr);
        gap: var(--tl-space-2) var(--tl-space-3);
        align-items: end;
      }
      .head {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: var(--tl-space-2);
      }
      .head h2 {
        margin: 0;
        color: var(--tl-text);
      }
      .foot {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--tl-space-3);
      }
      .kept {
        grid-column: 1 / -1;
        margin: 0;
      }
      .error {
        margin: 0;
        color: var(--tl-danger);
        font-weight: 600;
      }
      .saved {
        color: var(--tl-success);
        font-weight: 600;
      }
    `,
  ];

  /** The visit to record: the last one this booth served today. */
  @property({ attribute: false }) visit: ServedVisit | null = null;
  /** What was recorded for it already, if anything. */
  @property({ attribute: false }) record: VisitRecord | null = null;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;

  @state() private _settings: VisitJournalSettings | null = null;
  @state() private _error: string | null = null;
  @state() private _busy = false;
  @state() private _justSaved = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._env) return;
    void loadVisitSettings(this._env.officeId).then((result) => {
      if (result.ok) this._settings = result.data;
      else if (this._env) this._error = this._env.t('visits.form.loadFailed');
    });
  }

  /** Whether there is a visit to record (the booth's key does nothing otherwise). */
  get available(): boolean {
    return this.visit !== null && this._settings !== null;
  }

  focusFirst(): void {
    this.renderRoot.querySelector<HTMLSelectElement>('select[name="reasonId"]')?.focus();
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('visit') && (changed.get('visit') as ServedVisit | null)?.ticketId !== this.visit?.ticketId) {
      this._error = null;
      this._justSaved = false;
    }
  }

  override render() {
    const env = this._env;
    const visit = this.visit;
    if (!env || !visit) return html``;
    const { t } = env;
    const settings = this._settings;
    const record = this.record?.ticketId === visit.ticketId ? this.record : null;
    return html`<section class="card" aria-labelledby="visit-heading" data-testid="visit-form" data-ticket=${visit.ticketId}>
      ${settings
        ? keyed(
            `${visit.ticketId}:${record?.recordedAt ?? ''}`,
            html`<form @submit=${(e: Event) => this._submit(e, env, visit)} @keydown=${this._onKeydown}>
              <div class="head">
                <h2 id="visit-heading">${t('visits.form.heading', { code: visit.code })}</h2>
                <span class="muted">${t('visits.form.key')} <kbd>${VISIT_FORM_KEY.label}</kbd></span>
              </div>
              ${this._choice(env, 'reason', settings.reasons, record?.reasonId ?? null, record?.reasonText ?? '')}
              ${this._choice(env, 'result', settings.results, record?.resultId ?? null, record?.resultText ?? '')}
              ${settings.collectPersonalData
                ? html`<label>${t('visits.form.name')}<input name="visitorName" maxlength="200" autocomplete="off" .value=${record?.visitorName ?? ''} /></label>
                    <label>${t('visits.form.contact')}<input name="visitorContact" maxlength="200" autocomplete="off" .value=${record?.visitorContact ?? ''} /></label>
                    <p class="muted kept">${t('visits.form.kept', { count: settings.retentionDays })}</p>`
                : ''}
              <div class="foot">
                <button type="submit" class="primary" ?disabled=${this._busy}>${t('visits.form.save')} <kbd>Enter</kbd></button>
                ${this._justSaved ? html`<span class="saved" role="status">${t('visits.form.saved')}</span>` : ''}
                ${!this._justSaved && record ? html`<span class="muted">${t('visits.form.recorded', { time: officeTime(env, record.recordedAt) })}</span>` : ''}
                ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : ''}
              </div>
            </form>`,
          )
        : this._error
          ? html`<p class="error" role="alert">${this._error}</p>`
          : ''}
    </section>`;
  }

  private _choice(env: PanelEnv, kind: 'reason' | 'result', options: readonly VisitOption[], chosen: string | null, free: string) {
    const { t } = env;
    return html`<label
        >${t(`visits.form.${kind}`)}
        <select name=${`${kind}Id`}>
          <option value="" ?selected=${chosen === null}>${t('visits.form.choose')}</option>
          ${options.map((o) => html`<option value=${o.id} ?selected=${o.id === chosen}>${text(env, o.label)}</option>`)}
        </select>
      </label>
      <label
        >${t('visits.form.details')}<input
          name=${`${kind}Text`}
          aria-label=${`${t(`visits.form.${kind}`)}: ${t('visits.form.details')}`}
          maxlength="500"
          autocomplete="off"
          .value=${free}
      /></label>`;
  }

  private readonly _onKeydown = (event: KeyboardEvent): void => {
    // Typing here must never reach the booth's one-key shortcuts.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      this.dispatchEvent(new CustomEvent('visit-form-leave', { bubbles: true, composed: true }));
    } else if (event.key === 'Enter' && event.composedPath()[0] instanceof HTMLSelectElement) {
      // A select does not submit its form on Enter by itself.
      event.preventDefault();
      this.renderRoot.querySelector('form')?.requestSubmit();
    }
  };

  private _value(name: string): string {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)?.value.trim() ?? '';
  }

  private async _submit(event: Event, env: PanelEnv, visit: ServedVisit): Promise<void> {
    event.preventDefault();
    if (this._busy) return;
    const input: VisitRecordInput = {
      reasonId: this._value('reasonId') || null,
      reasonText: this._value('reasonText'),
      resultId: this._value('resultId') || null,
      resultText: this._value('resultText'),
      ...(this._settings?.collectPersonalData ? { visitorName: this._value('visitorName'), visitorContact: this._value('visitorContact') } : {}),
    };
    this._justSaved = false;
    if (!input.reasonId && !input.reasonText) return void (this._error = env.t('visits.form.needReason'));
    if (!input.resultId && !input.resultText) return void (this._error = env.t('visits.form.needResult'));
    this._error = null;
    this._busy = true;
    const result = await saveVisitRecord(env.officeId, visit.ticketId, input);
    this._busy = false;
    if (!result.ok) return void (this._error = refusalText(env, result.error));
    this._justSaved = true;
    this.dispatchEvent(new CustomEvent<VisitRecord>('visit-recorded', { detail: result.data, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-visit-form': PanelVisitForm;
  }
  interface HTMLElementEventMap {
    'visit-recorded': CustomEvent<VisitRecord>;
    'visit-form-leave': CustomEvent<void>;
  }
}
