// The staff app's views and who sees each. The signed-in shell shows the views of the user's role
// as tabs (none when there is only one); a role with no view here gets the "wrong role" notice.
// Adding a view: one row here, one renderer in panel-session, its label in the catalogue.
import type { MessageKey } from '../../../common/i18n';
import type { Role } from '../../../common/protocol';
import { BOOTH_ROLES } from './session';

export interface PanelView {
  id: string;
  label: MessageKey;
  roles: readonly Role[];
}

export const PANEL_VIEWS = [
  { id: 'booth', label: 'admin.nav.booth', roles: BOOTH_ROLES },
  // Managers see the settings read-only; the server refuses their changes anyway.
  { id: 'settings', label: 'admin.nav.settings', roles: ['admin', 'manager'] },
  { id: 'analytics', label: 'analytics.entry', roles: ['manager', 'admin'] },
  // Consultants and admins book; managers look read-only (the server refuses their changes anyway).
  { id: 'appointments', label: 'consultant.nav', roles: ['consultant', 'admin', 'manager'] },
] as const satisfies readonly PanelView[];

export type PanelViewId = (typeof PANEL_VIEWS)[number]['id'];

/** Where each role lands after signing in: the view its work happens in, not merely the first tab. */
export const HOME_VIEW: Readonly<Record<Role, PanelViewId>> = {
  admin: 'settings',
  manager: 'analytics',
  consultant: 'appointments',
  operator: 'booth',
};

export function viewsFor(role: Role): (typeof PANEL_VIEWS)[number][] {
  return PANEL_VIEWS.filter((view) => (view.roles as readonly Role[]).includes(role));
}
