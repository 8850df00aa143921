// The staff app's views and who sees each. The signed-in shell shows the views of the user's role
// in the current office as tabs (none when there is only one), plus the views of their
// organisation role (the regional view).
// Adding a view: one row here, one renderer in panel-session, its label in the catalogue.
import type { MessageKey } from '../../../common/i18n';
import type { Role } from '../../../common/protocol';
import type { OrganisationRole } from '../../../common/protocol/offices';
import type { AnalyticsViewId } from '../analytics/panel-analytics';
import { BOOTH_ROLES } from './session';

export interface PanelView {
  id: string;
  label: MessageKey;
  /** Roles in the current office that see the view. */
  roles: readonly Role[];
  /** Organisation roles that see it whatever their role in the office. */
  organisationRoles?: readonly OrganisationRole[];
}

export const PANEL_VIEWS = [
  { id: 'booth', label: 'admin.nav.booth', roles: BOOTH_ROLES },
  // Managers see the settings read-only; the server refuses their changes anyway.
  { id: 'settings', label: 'admin.nav.settings', roles: ['admin', 'manager'] },
  { id: 'analytics', label: 'analytics.entry', roles: ['manager', 'admin', 'analyst'] },
  // Consultants and admins book; managers look read-only (the server refuses their changes anyway).
  { id: 'appointments', label: 'consultant.nav', roles: ['consultant', 'admin', 'manager'] },
  { id: 'region', label: 'region.nav', roles: [], organisationRoles: ['regional-admin', 'regional-analyst'] },
] as const satisfies readonly PanelView[];

export type PanelViewId = (typeof PANEL_VIEWS)[number]['id'];

/** Where a session is asked to open, overriding the remembered view (the regional view opening an office's analytics). */
export interface Landing {
  view: PanelViewId;
  analyticsView: AnalyticsViewId | null;
}

/** Where each role lands in an office: the view its work happens in, not merely the first tab. */
export const HOME_VIEW: Readonly<Record<Role, PanelViewId>> = {
  admin: 'settings',
  manager: 'analytics',
  consultant: 'appointments',
  operator: 'booth',
  analyst: 'analytics',
};

function seenBy(view: PanelView, role: Role, organisationRole: OrganisationRole | null): boolean {
  return view.roles.includes(role) || (organisationRole !== null && (view.organisationRoles ?? []).includes(organisationRole));
}

export function viewsFor(role: Role, organisationRole: OrganisationRole | null): (typeof PANEL_VIEWS)[number][] {
  return PANEL_VIEWS.filter((view) => seenBy(view, role, organisationRole));
}
