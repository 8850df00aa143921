// The organisation's offices (regional admins only): the list, a new office — empty or as a copy of
// another (settings, services, booths, categories, appointment rules; no tickets, devices or people) —
// and archiving one. An office's own settings (name, address, phones, time zone, schedule …) are
// edited in that office: its Edit button switches the staff app to it, on these settings.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { LocalizedText, Office, Result } from '../../../common/protocol';
import type { OfficeId, StaffOffice } from '../../../common/protocol/offices';
import { localized } from '../../../common/ui/localized-text';
import { staffOffices } from '../shared/staff-offices';
import { adminApi, organisationApi } from './admin-api';
import { Draft } from './admin-draft';
import { editButton, formFooter, issueLines, localizedFields, selectField, textField } from './admin-fields';
import { refusalText } from './admin-issues';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import type { PanelDialog } from '../shared/panel-dialog';
import '../shared/panel-dialog';

interface NewOfficeFields {
  id: string;
  name: LocalizedText;
  address: LocalizedText;
  timeZone: string;
  /** '' starts from the current office's settings document alone, without its services and booths. */
  copyFrom: OfficeId | '';
}

@customElement('panel-admin-offices')
export class PanelAdminOffices extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @state() private _offices: StaffOffice[] = [];
  @state() private _loadError: string | null = null;
  @state() private _creating = false;
  @state() private _created: string | null = null;
  @state() private _archiving: StaffOffice | null = null;
  @state() private _archiveError: string | null = null;
  @query('panel-dialog') private _dialog!: PanelDialog;
  private readonly _new = new Draft<NewOfficeFields>(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    const result = await staffOffices();
    if (result.ok) this._offices = result.data;
    this._loadError = result.ok || !this._env ? null : refusalText(this._env.t, result.error);
  }

  /** The shell's switcher lists the offices too. */
  private _changed(): void {
    this.dispatchEvent(new CustomEvent('offices-changed', { bubbles: true, composed: true }));
  }

  /** The root makes a session for that office; it opens on the settings, the view remembered now. */
  private _edit(officeId: OfficeId): void {
    this.dispatchEvent(new CustomEvent<OfficeId>('office-chosen', { detail: officeId, bubbles: true, composed: true }));
  }

  private _startCreating(): void {
    const env = this._env;
    if (!env) return;
    this._new.reset({ id: '', name: {}, address: {}, timeZone: env.snapshot.office.timeZone, copyFrom: env.officeId });
    this._created = null;
    this._creating = true;
  }

  /** The new office's document: the source office's (the copy's, else the current one's) with the typed name, address and zone. */
  private async _create(event: Event): Promise<void> {
    event.preventDefault();
    const env = this._env;
    if (!env) return;
    const send = async ({ id, name, address, timeZone, copyFrom }: NewOfficeFields): Promise<Result<StaffOffice>> => {
      const source = await adminApi(copyFrom || env.officeId).configuration();
      if (!source.ok) return source;
      const office: Office = { ...source.data.office, name, address, timeZone };
      return organisationApi.createOffice({ id, office, ...(copyFrom ? { copyFrom } : {}) });
    };
    const typedName = this._new.value ? localized(this._new.value.name, env.lang, env.lang) : '';
    if (await this._new.save(send, (error) => refusalText(env.t, error))) {
      this._creating = false;
      this._created = typedName;
      await this._load();
      this._changed();
    }
  }

  private async _confirmArchive(office: StaffOffice): Promise<void> {
    this._archiving = office;
    this._archiveError = null;
    await this._dialog.show();
  }

  private async _archive(): Promise<void> {
    const env = this._env;
    const office = this._archiving;
    if (!env || !office) return;
    const result = await organisationApi.archiveOffice(office.id);
    if (!result.ok) {
      this._archiveError = refusalText(env.t, result.error);
      return;
    }
    this._dialog.close();
    await this._load();
    this._changed();
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t, lang } = env;
    return html`<div class="stack">
      <div class="row">
        <h2>${t('offices.admin.heading')}</h2>
        <button type="button" data-role="add" @click=${this._startCreating}>${t('offices.admin.add')}</button>
      </div>
      ${issueLines(this._loadError ? [this._loadError] : [])} ${this._creating ? this._renderNew(env) : ''}
      ${this._created !== null ? html`<p class="saved" role="status">${t('offices.admin.created', { name: this._created })}</p>` : ''}
      <table>
        <thead>
          <tr>
            <th>${t('offices.admin.columns.name')}</th>
            <th>${t('offices.admin.columns.address')}</th>
            <th>${t('offices.admin.columns.timeZone')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${this._offices.map((office) => {
            const name = localized(office.name, lang, lang);
            return html`<tr data-office=${office.id}>
              <td>${name}</td>
              <td>${localized(office.address, lang, lang)}</td>
              <td>${office.timeZone}</td>
              <td>
                ${office.id === env.officeId
                  ? ''
                  : html`${editButton(t, name, () => this._edit(office.id))}
                      <button type="button" class="danger" data-role="archive" aria-label=${t('offices.admin.archiveItem', { name })} @click=${() => void this._confirmArchive(office)}>
                        ${t('offices.admin.archive')}
                      </button>`}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      <panel-dialog
        .heading=${t('offices.admin.archiveHeading')}
        .submitLabel=${t('offices.admin.archive')}
        .cancelLabel=${t('common.cancel')}
        .error=${this._archiveError}
        @dialog-submit=${() => void this._archive()}
      >
        <p>${this._archiving ? t('offices.admin.archiveConfirm', { name: localized(this._archiving.name, lang, lang) }) : ''}</p>
      </panel-dialog>
    </div>`;
  }

  private _renderNew(env: PanelEnv) {
    const { t, lang } = env;
    const fields = this._new.value;
    if (!fields) return '';
    const issues = this._new.reader();
    const edit = (change: (f: NewOfficeFields) => void) => this._new.edit(change);
    return html`<form class="card stack" data-role="new-office" @submit=${this._create} novalidate>
      <h2>${t('offices.admin.creating')}</h2>
      <div class="row">
        ${textField('id', t('offices.admin.id'), fields.id, (v) => edit((f) => (f.id = v.trim())), issues.at('id'))}
        ${textField('timeZone', t('offices.admin.timeZone'), fields.timeZone, (v) => edit((f) => (f.timeZone = v.trim())), issues.at('office.timeZone'))}
      </div>
      ${localizedFields(t, 'name', t('offices.admin.name'), fields.name, (v) => edit((f) => (f.name = v)), issues.at('office.name'))}
      ${localizedFields(t, 'address', t('offices.admin.address'), fields.address, (v) => edit((f) => (f.address = v)), issues.at('office.address'))}
      ${selectField<OfficeId | ''>(
        'copyFrom',
        t('offices.admin.copyFrom'),
        fields.copyFrom,
        [{ value: '', label: t('offices.admin.copyNone') }, ...this._offices.map((office) => ({ value: office.id, label: localized(office.name, lang, lang) }))],
        (v) => edit((f) => (f.copyFrom = v)),
        issues.at('copyFrom'),
      )}
      <p class="muted">${t('offices.admin.copyNote')}</p>
      ${formFooter(t, this._new, issues.rest(), null, () => (this._creating = false))}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-offices': PanelAdminOffices;
  }
}
