// One staff account: its name, roles (per office, and in the organisation) and whether it may sign
// in (PATCH /api/users/:id), and a new password (POST /api/users/:id/password), which also signs
// the account out everywhere.
import { consume } from '@lit/context';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { User } from '../../../common/protocol';
import type { StaffOffice } from '../../../common/protocol/offices';
import { organisationApi } from './admin-api';
import { Draft } from './admin-draft';
import { checkField, formFooter, issueLines, textField } from './admin-fields';
import { managedRoles, mayGrantOrganisationRoles, officeRolesFields } from './admin-office-roles';
import { refusalText } from './admin-issues';
import { adminStyles } from './admin-styles';
import { panelEnv, type PanelEnv } from '../shared/panel-env';

type AccountFields = Pick<User, 'name' | 'active' | 'organisationRole' | 'offices'>;

@customElement('panel-admin-user-form')
export class PanelAdminUserForm extends LitElement {
  static override styles = adminStyles;

  @consume({ context: panelEnv, subscribe: true })
  @state()
  private _env?: PanelEnv;
  @property({ attribute: false }) user!: User;
  /** The offices the signed-in admin gives roles in. */
  @property({ attribute: false }) offices: readonly StaffOffice[] = [];
  private readonly _account = new Draft<AccountFields>(this);
  private readonly _password = new Draft<{ password: string }>(this);
  private _blankPassword = { password: '' };

  protected override willUpdate(): void {
    const { name, active, organisationRole, offices } = this.user;
    this._account.follow({ name, active, organisationRole, offices });
    this._password.follow(this._blankPassword);
  }

  private async _saveAccount(event: Event): Promise<void> {
    event.preventDefault();
    const env = this._env;
    if (!env) return;
    const send = ({ name, active, organisationRole, offices }: AccountFields) =>
      organisationApi.updateUser(this.user.id, {
        name,
        active,
        offices: managedRoles(offices, this.offices),
        ...(mayGrantOrganisationRoles(env.user) ? { organisationRole } : {}),
      });
    if (await this._account.save(send, (error) => refusalText(env.t, error))) this._changed();
  }

  private async _savePassword(event: Event): Promise<void> {
    event.preventDefault();
    const env = this._env;
    if (!env) return;
    if (await this._password.save(({ password }) => organisationApi.setPassword(this.user.id, password), (error) => refusalText(env.t, error))) {
      this._blankPassword = { password: '' };
      this._password.reset(this._blankPassword);
      this._password.saved = true;
    }
  }

  private _changed(): void {
    this.dispatchEvent(new CustomEvent('users-changed', { bubbles: true, composed: true }));
  }

  override render() {
    const env = this._env;
    const account = this._account.value;
    const password = this._password.value;
    if (!env || !account || !password) return html``;
    const { t } = env;
    const issues = this._account.reader();
    const passwordIssues = this._password.reader();
    return html`<div class="card stack">
      <h2>${t('admin.users.editing', { login: this.user.login })}</h2>
      <form @submit=${this._saveAccount} novalidate>
        <div class="row">
          ${textField('name', t('admin.users.name'), account.name, (v) => this._account.edit((a) => (a.name = v)), issues.at('name'), { wide: true })}
        </div>
        ${officeRolesFields(t, env.lang, this.offices, account, mayGrantOrganisationRoles(env.user), (roles) => this._account.edit((a) => Object.assign(a, roles)), {
          offices: issues.at('offices'),
          organisationRole: issues.at('organisationRole'),
        })}
        ${checkField('active', t('admin.users.active'), account.active, (on) => this._account.edit((a) => (a.active = on)))}
        ${formFooter(t, this._account, issues.rest(), null)}
      </form>
      <form @submit=${this._savePassword} novalidate>
        <div class="row">
          ${textField('password', t('admin.users.newPassword'), password.password, (v) => this._password.edit((p) => (p.password = v)), passwordIssues.at('password'), {
            type: 'password',
          })}
          <button type="submit" data-role="set-password" ?disabled=${this._password.busy || password.password === ''}>${t('admin.users.setPassword')}</button>
        </div>
        ${this._password.saved ? html`<span class="saved" role="status">${t('admin.users.passwordSet')}</span>` : ''}
        ${issueLines(passwordIssues.rest())}
      </form>
      <div><button type="button" data-role="close" @click=${() => this.dispatchEvent(new CustomEvent('editor-closed', { bubbles: true, composed: true }))}>${t('admin.form.close')}</button></div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-admin-user-form': PanelAdminUserForm;
  }
}
