// The office itself: names, address, phones, time zone, languages, queue rules, out-of-turn
// categories and how calls are announced. Saved as one document (PUT /api/config/office) together
// with the schedule, which has its own tab.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LANGUAGES, type Office } from '../../../common/protocol';
import { adminApi, mayEdit, type AdminConfig } from './admin-api';
import { Draft } from './admin-draft';
import { checkField, formFooter, issueLines, localizedFields, numberField, selectField, textField } from './admin-fields';
import type { IssueReader } from './admin-issues';
import { refusalText } from './admin-issues';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

/** Phones are typed one per line; blank lines are only the admin's typing, not phones. */
function withoutBlankPhones(office: Office): Office {
  return { ...office, phones: office.phones.map((p) => p.trim()).filter((p) => p !== '') };
}

@customElement('panel-admin-office')
export class PanelAdminOffice extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ attribute: false }) config!: AdminConfig;
  private readonly _draft = new Draft<Office>(this);
  private readonly _edit = (change: (office: Office) => void) => this._draft.edit(change);

  protected override willUpdate(): void {
    this._draft.follow(this.config.office);
  }

  private async _save(event: Event): Promise<void> {
    event.preventDefault();
    const env = this._env;
    // The schedule has its own tab and may have been saved since this draft began: keep the saved one.
    if (env) await this._draft.save((office) => adminApi(env.officeId).saveOffice({ ...withoutBlankPhones(office), schedule: this.config.office.schedule }), (error) => refusalText(env.t, error));
  }

  override render() {
    const env = this._env;
    const office = this._draft.value;
    if (!env || !office) return html``;
    const { t } = env;
    const editable = mayEdit(env.user);
    const issues = this._draft.reader();
    const edit = this._edit;
    return html`<form @submit=${this._save} novalidate>
      <fieldset class="plain stack" ?disabled=${!editable}>
        <h2>${t('admin.sections.office')}</h2>
        ${localizedFields(t, 'name', t('admin.office.name'), office.name, (v) => edit((o) => (o.name = v)), issues.at('name', true))}
        ${localizedFields(t, 'address', t('admin.office.address'), office.address, (v) => edit((o) => (o.address = v)), issues.at('address', true))}
        <div class="row">
          <label class="wide"
            >${t('admin.office.phones')}<textarea
              name="phones"
              rows="3"
              .value=${office.phones.join('\n')}
              @input=${(e: Event) => edit((o) => (o.phones = (e.target as HTMLTextAreaElement).value.split('\n')))}
            ></textarea
            >${issueLines(issues.at('phones', true))}</label
          >
          <label
            >${t('admin.office.timeZone')}<input
              name="timeZone"
              list="time-zones"
              .value=${office.timeZone}
              @input=${(e: Event) => edit((o) => (o.timeZone = (e.target as HTMLInputElement).value))}
            />${issueLines(issues.at('timeZone'))}</label
          >
          <datalist id="time-zones">${TIME_ZONES.map((tz) => html`<option value=${tz}></option>`)}</datalist>
        </div>
        ${this._renderLanguages(env, office, issues)} ${this._renderRules(env, office, issues)} ${this._renderCategories(env, office, issues)}
        ${this._renderAnnouncements(env, office, issues)} ${this._renderTicketLayout(env, office, issues)}
      </fieldset>
      ${editable ? formFooter(t, this._draft, issues.rest(), () => this._draft.reset(this.config.office)) : ''}
    </form>`;
  }

  private _renderLanguages(env: PanelEnv, office: Office, issues: IssueReader) {
    const { t } = env;
    const edit = this._edit;
    return html`<fieldset>
      <legend>${t('admin.office.languages')}</legend>
      <div class="row">
        ${LANGUAGES.map((lang) =>
          checkField(`languages.${lang}`, t(`admin.languageName.${lang}`), office.languages.includes(lang), (on) =>
            edit((o) => (o.languages = LANGUAGES.filter((l) => (l === lang ? on : o.languages.includes(l))))),
          ),
        )}
      </div>
      ${issueLines(issues.at('languages', true))}
      <div class="row">
        ${selectField(
          'defaultLanguage',
          t('admin.office.defaultLanguage'),
          office.defaultLanguage,
          LANGUAGES.map((lang) => ({ value: lang, label: t(`admin.languageName.${lang}`) })),
          (lang) => edit((o) => (o.defaultLanguage = lang)),
          issues.at('defaultLanguage'),
        )}
      </div>
    </fieldset>`;
  }

  private _renderRules(env: PanelEnv, office: Office, issues: IssueReader) {
    const { t } = env;
    const edit = this._edit;
    const { rules } = office;
    const ratio = rules.priorityRatio;
    return html`<fieldset>
      <legend>${t('admin.office.rules')}</legend>
      <div class="row">
        ${numberField('rules.recallLimit', t('admin.office.recallLimit'), rules.recallLimit, (v) => edit((o) => (o.rules.recallLimit = v ?? NaN)), issues.at('rules.recallLimit'))}
        ${numberField('rules.postponeMinutes', t('admin.office.postponeMinutes'), rules.postponeMinutes, (v) => edit((o) => (o.rules.postponeMinutes = v ?? NaN)), issues.at('rules.postponeMinutes'))}
        ${numberField(
          'rules.appointmentLeadMinutes',
          t('admin.office.appointmentLead'),
          rules.appointmentLeadMinutes,
          (v) => edit((o) => (o.rules.appointmentLeadMinutes = v ?? NaN)),
          issues.at('rules.appointmentLeadMinutes'),
        )}
      </div>
      ${checkField('rules.priorityRatio', t('admin.office.useRatio'), ratio !== null, (on) => edit((o) => (o.rules.priorityRatio = on ? { normal: 3, priority: 1 } : null)))}
      ${ratio
        ? html`<div class="row">
            ${numberField('rules.priorityRatio.normal', t('admin.office.ratioNormal'), ratio.normal, (v) => edit((o) => (o.rules.priorityRatio!.normal = v ?? NaN)), issues.at('rules.priorityRatio.normal'))}
            ${numberField('rules.priorityRatio.priority', t('admin.office.ratioPriority'), ratio.priority, (v) => edit((o) => (o.rules.priorityRatio!.priority = v ?? NaN)), issues.at('rules.priorityRatio.priority'))}
          </div>`
        : ''}
      ${issueLines(issues.at('rules', true))}
    </fieldset>`;
  }

  private _renderCategories(env: PanelEnv, office: Office, issues: IssueReader) {
    const { t } = env;
    const edit = this._edit;
    return html`<fieldset>
      <legend>${t('admin.office.categories')}</legend>
      ${office.categories.map(
        (category, i) => html`<div class="item">
          ${textField(`categories.${i}.id`, t('admin.office.categoryId'), category.id, (v) => edit((o) => (o.categories[i]!.id = v)), issues.at(`categories.${i}.id`))}
          <div style="flex: 1">
            ${localizedFields(t, `categories.${i}.name`, t('admin.services.name'), category.name, (v) => edit((o) => (o.categories[i]!.name = v)), issues.at(`categories.${i}`, true))}
          </div>
          <button type="button" class="danger" @click=${() => edit((o) => o.categories.splice(i, 1))}>${t('admin.form.remove')}</button>
        </div>`,
      )}
      <div><button type="button" @click=${() => edit((o) => o.categories.push({ id: '', name: {} }))}>${t('admin.office.addCategory')}</button></div>
      ${issueLines(issues.at('categories', true))}
    </fieldset>`;
  }

  private _renderAnnouncements(env: PanelEnv, office: Office, issues: IssueReader) {
    const { t } = env;
    const edit = this._edit;
    const { announcements } = office;
    return html`<fieldset>
      <legend>${t('admin.office.announcements')}</legend>
      ${localizedFields(
        t,
        'announcements.templates',
        t('admin.office.templates', { ticket: '{ticket}', counter: '{counter}' }),
        announcements.templates,
        (v) => edit((o) => (o.announcements.templates = v)),
        issues.at('announcements.templates', true),
      )}
      <div class="row">
        ${textField('announcements.voicePack', t('admin.office.voicePack'), announcements.voicePack ?? '', (v) => edit((o) => (o.announcements.voicePack = v === '' ? null : v)), issues.at('announcements.voicePack'), { wide: true })}
      </div>
      ${checkField('announcements.serverSpeakers', t('admin.office.serverSpeakers'), announcements.serverSpeakers, (on) => edit((o) => (o.announcements.serverSpeakers = on)))}
      ${issueLines(issues.at('announcements', true))}
    </fieldset>`;
  }

  private _renderTicketLayout(env: PanelEnv, office: Office, issues: IssueReader) {
    const { t } = env;
    const edit = this._edit;
    const { footer, show } = office.ticketLayout;
    const toggles = [
      ['address', 'admin.office.printAddress'],
      ['peopleAhead', 'admin.office.printPeopleAhead'],
      ['expectedWait', 'admin.office.printExpectedWait'],
      ['phones', 'admin.office.printPhones'],
      ['qrCode', 'admin.office.printQrCode'],
    ] as const;
    return html`<fieldset>
      <legend>${t('admin.office.ticketLayout')}</legend>
      ${localizedFields(t, 'ticketLayout.footer', t('admin.office.ticketFooter'), footer, (v) => edit((o) => (o.ticketLayout.footer = v)), issues.at('ticketLayout.footer', true))}
      ${toggles.map(([line, label]) => checkField(`ticketLayout.show.${line}`, t(label), show[line], (on) => edit((o) => (o.ticketLayout.show[line] = on))))}
      ${checkField('ticketLayout.logo', t('admin.office.printLogo'), office.ticketLayout.logo, (on) => edit((o) => (o.ticketLayout.logo = on)))}
      ${issueLines(issues.at('ticketLayout', true))}
      ${numberField(
        'printing.jobExpiryMinutes',
        t('admin.office.printJobExpiryMinutes'),
        office.printing.jobExpiryMinutes,
        (v) => edit((o) => (o.printing.jobExpiryMinutes = v ?? NaN)),
        issues.at('printing.jobExpiryMinutes'),
      )}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-office': PanelAdminOffice;
  }
}
