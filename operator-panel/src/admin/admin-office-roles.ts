// A person's roles, as an admin edits them: one role (or none) in each office the admin manages,
// and — for a regional admin — the organisation role that covers every office. The account forms
// (new and existing) share these fields; the list shows the roles in words.
import { html } from 'lit';
import type { Translator } from '../../../common/i18n';
import { ROLES, type OfficeUser, type Role, type User } from '../../../common/protocol';
import { ORGANISATION_ROLES, type OfficeRole, type OrganisationRole, type StaffOffice } from '../../../common/protocol/offices';
import { localized } from '../../../common/ui/localized-text';
import type { Lang } from '../../../common/protocol';
import { issueLines, selectField } from './admin-fields';

export interface AccountRoles {
  organisationRole: OrganisationRole | null;
  offices: OfficeRole[];
}

/** The offices whose roles this admin may give: where they are admin (a regional admin is, everywhere). */
export function managedOffices(offices: readonly StaffOffice[]): StaffOffice[] {
  return offices.filter((office) => office.role === 'admin');
}

/** Only a regional admin hands out organisation roles. */
export function mayGrantOrganisationRoles(admin: OfficeUser): boolean {
  return admin.organisationRole === 'regional-admin';
}

/** The account's roles with `officeId` set to `role` (none: removed). */
export function withOfficeRole(roles: readonly OfficeRole[], officeId: string, role: Role | ''): OfficeRole[] {
  const others = roles.filter((r) => r.officeId !== officeId);
  return role === '' ? others : [...others, { officeId, role }];
}

/** The `offices` a PATCH sends: the roles in the offices this admin manages (roles elsewhere stay on the server). */
export function managedRoles(roles: readonly OfficeRole[], offices: readonly StaffOffice[]): OfficeRole[] {
  return roles.filter((r) => offices.some((office) => office.id === r.officeId));
}

export function officeRolesFields(
  t: Translator,
  lang: Lang,
  offices: readonly StaffOffice[],
  value: AccountRoles,
  grantsOrganisationRoles: boolean,
  onChange: (roles: AccountRoles) => void,
  issues: { offices: readonly string[]; organisationRole: readonly string[] },
) {
  const roleOptions: { value: Role | ''; label: string }[] = [
    { value: '', label: t('offices.roles.none') },
    ...ROLES.map((role) => ({ value: role, label: t(`admin.users.roles.${role}`) })),
  ];
  return html`<fieldset data-role="office-roles">
    <legend>${offices.length > 1 ? t('offices.roles.heading') : t('admin.users.role')}</legend>
    <div class="row">
      ${offices.map((office) =>
        selectField<Role | ''>(
          `offices.${office.id}`,
          offices.length > 1 ? localized(office.name, lang, lang) : t('admin.users.role'),
          value.offices.find((r) => r.officeId === office.id)?.role ?? '',
          roleOptions,
          (role) => onChange({ ...value, offices: withOfficeRole(value.offices, office.id, role) }),
        ),
      )}
    </div>
    ${issueLines(issues.offices)}
    ${grantsOrganisationRoles
      ? html`${selectField<OrganisationRole | ''>(
            'organisationRole',
            t('offices.roles.organisation'),
            value.organisationRole ?? '',
            [
              { value: '', label: t('offices.roles.organisationNone') },
              ...ORGANISATION_ROLES.map((role) => ({ value: role, label: t(`offices.roles.organisationRoles.${role}`) })),
            ],
            (role) => onChange({ ...value, organisationRole: role === '' ? null : role }),
            issues.organisationRole,
          )}
          <p class="muted">${t('offices.roles.organisationNote')}</p>`
      : ''}
  </fieldset>`;
}

/** The roles in words for the accounts list: "Operator" with one office, "Operator in <office>, …" with more. */
export function rolesText(t: Translator, lang: Lang, user: User, offices: readonly StaffOffice[]): string {
  const inOffices = user.offices.flatMap((r) => {
    const office = offices.find((o) => o.id === r.officeId);
    if (!office) return [];
    const role = t(`admin.users.roles.${r.role}`);
    return [offices.length > 1 ? t('offices.roles.inOffice', { role, office: localized(office.name, lang, lang) }) : role];
  });
  const organisation = user.organisationRole ? [t(`offices.roles.organisationRoles.${user.organisationRole}`)] : [];
  return [...organisation, ...inOffices].join(', ') || t('offices.roles.none');
}
