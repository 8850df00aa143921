// The visit journal's settings: the office's lists of visit reasons and results the specialists pick
// from (a code and a text per language each), whether visitors' names and contacts are asked for at
// all, and after how many days they are erased. Saved as one document (PUT /api/visit-journal/settings).
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiError, VisitJournalSettings } from '../../../common/protocol';
import { adminApi, mayEdit } from '../admin-api';
import { Draft } from '../admin-draft';
import { checkField, formFooter, issueLines, localizedFields, numberField, textField } from '../admin-fields';
import { refusalText, type IssueReader } from '../admin-issues';
import { adminStyles } from '../admin-styles';
import { panelEnv, type PanelEnv } from '../panel-env';

type OptionList = 'reasons' | 'results';

@customElement('panel-admin-visit-journal')
export class PanelAdminVisitJournal extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  /** The settings as the server last gave them. */
  @state() private _settings: VisitJournalSettings | null = null;
  @state() private _loadError: ApiError | null = null;
  private readonly _draft = new Draft<VisitJournalSettings>(this);
  private readonly _edit = (change: (settings: VisitJournalSettings) => void) => this._draft.edit(change);

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    const result = await adminApi.visitJournalSettings();
    this._loadError = result.ok ? null : result.error;
    if (result.ok) this._settings = result.data;
  }

  protected override willUpdate(): void {
    if (this._settings) this._draft.follow(this._settings);
  }

  private async _save(event: Event): Promise<void> {
    event.preventDefault();
    const env = this._env;
    // Reading back what was saved shows the settings exactly as the server keeps them.
    if (env && (await this._draft.save(adminApi.saveVisitJournalSettings, (error) => refusalText(env.t, error)))) await this._load();
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    if (this._loadError) return issueLines([refusalText(t, this._loadError)]);
    const settings = this._draft.value;
    if (!settings || !this._settings) return html``;
    const editable = mayEdit(env.user);
    const issues = this._draft.reader();
    const edit = this._edit;
    const saved = this._settings;
    return html`<form @submit=${this._save} novalidate>
      <fieldset class="plain stack" ?disabled=${!editable}>
        <h2>${t('admin.sections.visitJournal')}</h2>
        ${this._renderOptions(env, 'reasons', settings, issues)} ${this._renderOptions(env, 'results', settings, issues)}
        <fieldset>
          <legend>${t('admin.visitJournal.personalData')}</legend>
          ${checkField('collectPersonalData', t('admin.visitJournal.collectPersonalData'), settings.collectPersonalData, (on) => edit((s) => (s.collectPersonalData = on)))}
          ${issueLines(issues.at('collectPersonalData'))}
          <div class="row">
            ${numberField('retentionDays', t('admin.visitJournal.retentionDays'), settings.retentionDays, (v) => edit((s) => (s.retentionDays = v ?? NaN)), issues.at('retentionDays'))}
          </div>
          <span class="muted">${t('admin.visitJournal.retentionNote')}</span>
        </fieldset>
      </fieldset>
      ${editable ? formFooter(t, this._draft, issues.rest(), () => this._draft.reset(saved)) : ''}
    </form>`;
  }

  private _renderOptions(env: PanelEnv, list: OptionList, settings: VisitJournalSettings, issues: IssueReader) {
    const { t } = env;
    const edit = this._edit;
    return html`<fieldset data-list=${list}>
      <legend>${t(`admin.visitJournal.${list}`)}</legend>
      ${settings[list].map(
        (option, i) => html`<div class="item">
          ${textField(`${list}.${i}.id`, t('admin.visitJournal.optionId'), option.id, (v) => edit((s) => (s[list][i]!.id = v)), issues.at(`${list}.${i}.id`))}
          <div style="flex: 1">
            ${localizedFields(t, `${list}.${i}.label`, t('admin.visitJournal.label'), option.label, (v) => edit((s) => (s[list][i]!.label = v)), issues.at(`${list}.${i}`, true))}
          </div>
          <button type="button" class="danger" @click=${() => edit((s) => s[list].splice(i, 1))}>${t('admin.form.remove')}</button>
        </div>`,
      )}
      <div>
        <button type="button" data-role="add-${list}" @click=${() => edit((s) => s[list].push({ id: '', label: {} }))}>
          ${t(list === 'reasons' ? 'admin.visitJournal.addReason' : 'admin.visitJournal.addResult')}
        </button>
      </div>
      ${issueLines(issues.at(list, true))}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-visit-journal': PanelAdminVisitJournal;
  }
}
