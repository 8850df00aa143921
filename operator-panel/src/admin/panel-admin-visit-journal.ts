// The visit journal's settings: the office's lists of visit reasons and results the specialists pick
// from (a code and a text per language each), whether visitors' names and contacts are asked for at
// all, and after how many days they are erased. Saved as one document (PUT /api/visit-journal/settings).
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { VisitJournalSettings } from '../../../common/protocol';
import { SettingsDocument } from './admin-settings-document';
import { checkField, issueLines, localizedFields, numberField, textField } from './admin-fields';
import type { IssueReader } from './admin-issues';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

type OptionList = 'reasons' | 'results';

@customElement('panel-admin-visit-journal')
export class PanelAdminVisitJournal extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  private readonly _document = new SettingsDocument<VisitJournalSettings>(this, () => this._env, {
    endpoints: (api) => ({ load: api.visitJournalSettings, save: api.saveVisitJournalSettings }),
  });

  override render() {
    return this._document.render(
      ({ env, t, settings, issues, edit }) => html`<h2>${t('admin.sections.visitJournal')}</h2>
        ${this._renderOptions(env, 'reasons', settings, issues)} ${this._renderOptions(env, 'results', settings, issues)}
        <fieldset>
          <legend>${t('admin.visitJournal.personalData')}</legend>
          ${checkField('collectPersonalData', t('admin.visitJournal.collectPersonalData'), settings.collectPersonalData, (on) => edit((s) => (s.collectPersonalData = on)))}
          ${issueLines(issues.at('collectPersonalData'))}
          <div class="row">
            ${numberField('retentionDays', t('admin.visitJournal.retentionDays'), settings.retentionDays, (v) => edit((s) => (s.retentionDays = v ?? NaN)), issues.at('retentionDays'))}
          </div>
          <span class="muted">${t('admin.visitJournal.retentionNote')}</span>
        </fieldset>`,
    );
  }

  private _renderOptions(env: PanelEnv, list: OptionList, settings: VisitJournalSettings, issues: IssueReader) {
    const { t } = env;
    const edit = this._document.edit;
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
