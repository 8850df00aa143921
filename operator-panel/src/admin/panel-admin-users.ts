// Staff accounts (admins only): the list, a form for a new account, and the editor of the one chosen.
// An office admin sees and gives roles in the offices they administer; a regional admin in all of
// them, plus the organisation roles.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { User } from '../../../common/protocol';
import type { CreateUserInput } from '../../../common/protocol/admin-schemas';
import type { StaffOffice } from '../../../common/protocol/offices';
import { staffOffices } from '../shared/staff-offices';
import { organisationApi } from './admin-api';
import { Draft } from './admin-draft';
import { editButton, formFooter, issueLines, textField } from './admin-fields';
import { managedOffices, mayGrantOrganisationRoles, officeRolesFields, rolesText } from './admin-office-roles';
import { refusalText } from './admin-issues';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';
import './panel-admin-user-form';

/** A new account starts as an operator of the office the admin works in now. */
const blankAccount = (officeId: string): CreateUserInput => ({ login: '', name: '', password: '', organisationRole: null, offices: [{ officeId, role: 'operator' }] });

@customElement('panel-admin-users')
export class PanelAdminUsers extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @state() private _users: User[] = [];
  /** The offices this admin gives roles in. */
  @state() private _offices: StaffOffice[] = [];
  @state() private _loadError: string | null = null;
  @state() private _editing: string | null = null;
  @state() private _creating = false;
  private readonly _new = new Draft<CreateUserInput>(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    const [result, offices] = await Promise.all([organisationApi.users(), staffOffices()]);
    if (result.ok) this._users = result.data;
    if (offices.ok) this._offices = managedOffices(offices.data);
    this._loadError = result.ok || !this._env ? null : refusalText(this._env.t, result.error);
  }

  private _startCreating(): void {
    if (!this._env) return;
    this._new.reset(blankAccount(this._env.officeId));
    this._creating = true;
  }

  private async _create(event: Event): Promise<void> {
    event.preventDefault();
    const env = this._env;
    if (!env) return;
    if (await this._new.save((input) => organisationApi.createUser(input), (error) => refusalText(env.t, error))) {
      this._creating = false;
      await this._load();
    }
  }

  override render() {
    const env = this._env;
    if (!env) return html``;
    const { t } = env;
    const editing = this._users.find((u) => u.id === this._editing);
    return html`<div class="stack" @users-changed=${() => void this._load()} @editor-closed=${() => (this._editing = null)}>
      <div class="row">
        <h2>${t('admin.sections.users')}</h2>
        <button type="button" data-role="add" @click=${this._startCreating}>${t('admin.users.add')}</button>
      </div>
      ${issueLines(this._loadError ? [this._loadError] : [])} ${this._creating ? this._renderNew(env) : ''}
      ${editing ? html`<panel-admin-user-form .user=${editing} .offices=${this._offices}></panel-admin-user-form>` : ''}
      <table>
        <thead>
          <tr>
            <th>${t('admin.users.columns.login')}</th>
            <th>${t('admin.users.columns.name')}</th>
            <th>${this._offices.length > 1 ? t('offices.roles.column') : t('admin.users.columns.role')}</th>
            <th>${t('admin.users.columns.state')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${this._users.map(
            (u) => html`<tr class=${u.active ? '' : 'off'} data-user=${u.login}>
              <td>${u.login}${u.id === env.user.id ? html` <span class="badge">${t('admin.users.you')}</span>` : ''}</td>
              <td>${u.name}</td>
              <td>${rolesText(t, env.lang, u, this._offices)}</td>
              <td>${u.active ? t('admin.users.active') : t('admin.users.deactivated')}</td>
              <td>${editButton(t, u.name, () => (this._editing = u.id))}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private _renderNew(env: PanelEnv) {
    const { t } = env;
    const account = this._new.value;
    if (!account) return '';
    const issues = this._new.reader();
    const edit = (change: (a: CreateUserInput) => void) => this._new.edit(change);
    return html`<form class="card stack" data-role="new-user" @submit=${this._create} novalidate>
      <h2>${t('admin.users.creating')}</h2>
      <div class="row">
        ${textField('login', t('admin.users.login'), account.login, (v) => edit((a) => (a.login = v)), issues.at('login'))}
        ${textField('name', t('admin.users.name'), account.name, (v) => edit((a) => (a.name = v)), issues.at('name'), { wide: true })}
        ${textField('password', t('admin.users.password'), account.password, (v) => edit((a) => (a.password = v)), issues.at('password'), { type: 'password' })}
      </div>
      ${officeRolesFields(t, env.lang, this._offices, account, mayGrantOrganisationRoles(env.user), (roles) => edit((a) => Object.assign(a, roles)), {
        offices: issues.at('offices'),
        organisationRole: issues.at('organisationRole'),
      })}
      ${formFooter(t, this._new, issues.rest(), null, () => (this._creating = false))}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-users': PanelAdminUsers;
  }
}
