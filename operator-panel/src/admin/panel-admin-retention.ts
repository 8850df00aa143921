// Retention, for admins: how long the journal of events is kept (personal data's period is the visit
// journal's, shown here and changed there), what the next purge would remove — each kind counted, with
// the dates it cuts at — worked out by the server without changing anything, what the last purge
// removed, and a button that purges at once.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiError, Lang, LocalDate } from '../../../common/protocol';
import { PURGE_KINDS, type RetentionOverview, type RetentionPlan, type RetentionSettings } from '../../../common/protocol/retention';
import { sessionAdminApi } from './admin-api';
import { SettingsDocument } from './admin-settings-document';
import { issueLines, numberField } from './admin-fields';
import { refusalText } from './admin-issues';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

function moment(at: number, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at);
}

/** A local date as the office reads it: the calendar date itself, whatever zone the browser is in. */
function day(date: LocalDate, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
}

@customElement('panel-admin-retention')
export class PanelAdminRetention extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @state() private _overview: RetentionOverview | null = null;
  @state() private _refusal: ApiError | null = null;
  @state() private _purging = false;
  @state() private _purged = false;
  /** Why the last "purge now" was refused or failed; the rest of the tab stays. */
  @state() private _purgeRefusal: ApiError | null = null;

  private readonly _document = new SettingsDocument<RetentionSettings>(this, () => this._env, {
    endpoints: (api) => ({ load: api.retentionSettings, save: api.saveRetentionSettings }),
    // A new period moves the next purge's boundary.
    afterSave: () => this._loadOverview(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this._loadOverview();
  }

  private async _loadOverview(): Promise<void> {
    const result = await sessionAdminApi(this._env).retention();
    this._overview = result.ok ? result.data : null;
    this._refusal = result.ok ? null : result.error;
  }

  private async _purgeNow(): Promise<void> {
    this._purging = true;
    this._purged = false;
    const result = await sessionAdminApi(this._env).purgeNow();
    this._purging = false;
    this._purged = result.ok;
    this._purgeRefusal = result.ok ? null : result.error;
    if (result.ok) await this._loadOverview();
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    // The tab shows once both its settings and the overview have come; either refusal stands for it all.
    const refusal = this._document.loadError ?? this._refusal;
    if (refusal) return issueLines([refusalText(t, refusal)]);
    const overview = this._overview;
    if (!this._document.saved || !overview) return html``;
    return html`<div class="stack">
      ${this._document.form(
        env,
        ({ settings, issues, edit }) => html`<h2>${t('admin.retention.heading')}</h2>
          <p data-role="personal-data">${t('admin.retention.personalData', { count: overview.personalDataDays })}</p>
          <div class="row">
            ${numberField('journalDays', t('admin.retention.journalDays'), settings.journalDays, (v) => edit((s) => (s.journalDays = v ?? NaN)), issues.at('journalDays'))}
          </div>
          <span class="muted">${t('admin.retention.journalNote')}</span>`,
      )}
      <section class="stack" data-role="next-purge">
        <h2>${t('admin.retention.next')}</h2>
        ${this._renderPlan(env, overview.next)}
        <div class="footer">
          <button type="button" class="danger" data-role="purge-now" ?disabled=${this._purging} @click=${() => void this._purgeNow()}>
            ${t(this._purging ? 'admin.retention.purging' : 'admin.retention.purgeNow')}
          </button>
          ${this._purged ? html`<span class="saved" role="status">${t('admin.retention.purged')}</span>` : ''}
          <span class="muted">${t('admin.retention.daily')}</span>
        </div>
        ${issueLines(this._purgeRefusal ? [refusalText(t, this._purgeRefusal)] : [])}
      </section>
      <section class="stack" data-role="last-purge">
        <h2>${t('admin.retention.last')}</h2>
        ${overview.lastPurge ? this._renderPlan(env, overview.lastPurge) : html`<span class="muted">${t('admin.retention.never')}</span>`}
      </section>
    </div>`;
  }

  private _renderPlan(env: PanelEnv, plan: RetentionPlan) {
    const { t, lang } = env;
    const { timeZone } = env.snapshot.office;
    return html`<span class="muted">${t('admin.retention.workedOut', { at: moment(plan.at, lang, timeZone) })}</span>
      <ul>
        <li data-role="personal-before">${t('admin.retention.personalBefore', { at: moment(plan.personalDataBefore, lang, timeZone) })}</li>
        <li data-role="journal-before">${t('admin.retention.journalBefore', { date: day(plan.journalBefore, lang) })}</li>
        ${plan.journalBefore !== plan.journalWanted ? html`<li class="warn">${t('admin.retention.journalHeld', { date: day(plan.journalWanted, lang) })}</li>` : ''}
      </ul>
      <table>
        <tbody>
          ${PURGE_KINDS.map(
            (kind) => html`<tr data-kind=${kind}>
              <td>${t(`admin.retention.kind.${kind}`)}</td>
              <td class="count">${plan.counts[kind]}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-retention': PanelAdminRetention;
  }
}
