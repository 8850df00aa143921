// Who may do what inside an office. Queue commands are checked against one table covering every
// command; the other routes ask for roles with `requireRole`. The role is the caller's role in the
// office the request names (office-access.ts); organisation-wide routes use `requireOrganisationRole`.
import type { RequestHandler } from 'express';
import type { CommandName, DeviceKind, OrganisationRole, Role } from '../../common/protocol';
import { sendError } from '../http/respond';
import { callerOf, outsiderRefusal, principalOf } from './authenticate';
import type { Principal } from './principal';

interface Allowed {
  roles: readonly Role[];
  devices: readonly DeviceKind[];
}

/** Everyone who works the office's queue; analysts only read its analytics. */
export const STAFF_ROLES: readonly Role[] = ['admin', 'manager', 'operator', 'consultant'];
/** Who reads the office's reports and the live monitor. */
export const ANALYTICS_ROLES: readonly Role[] = ['manager', 'admin', 'analyst'];

const FRONT_DESK: readonly Role[] = ['operator', 'consultant', 'admin'];
const COUNTER_STAFF: readonly Role[] = ['operator', 'admin'];
const counterCommand: Allowed = { roles: COUNTER_STAFF, devices: [] };

// A Record over CommandName: a command added to the protocol without a rule here fails to compile.
const COMMAND_PERMISSIONS: Record<CommandName, Allowed> = {
  'ticket:issue': { roles: FRONT_DESK, devices: ['kiosk'] },
  'ticket:grant-category': { roles: FRONT_DESK, devices: [] },
  'ticket:cancel': { roles: FRONT_DESK, devices: [] },
  'ticket:print-result': { roles: [], devices: ['kiosk', 'print-agent'] },
  'counter:open': counterCommand,
  'counter:close': counterCommand,
  'counter:pause': counterCommand,
  'counter:resume': counterCommand,
  'counter:call-next': counterCommand,
  'counter:call-ticket': counterCommand,
  'counter:recall': counterCommand,
  'counter:start': counterCommand,
  'counter:finish': counterCommand,
  'counter:no-show': counterCommand,
  'counter:return': counterCommand,
  'counter:transfer': counterCommand,
};

export function mayRun(principal: Principal, command: CommandName): boolean {
  const allowed = COMMAND_PERMISSIONS[command];
  switch (principal.kind) {
    case 'user':
      return principal.user.active && allowed.roles.includes(principal.user.role);
    case 'device':
      return !principal.device.revoked && allowed.devices.includes(principal.device.kind);
    case 'public':
      return false;
  }
}

export function hasRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.kind === 'user' && principal.user.active && roles.includes(principal.user.role);
}

/** Staff see full tickets and device presence; analysts, devices and the public see what the hall sees (a kiosk also its own tickets' ids). */
export const isStaff = (principal: Principal): boolean => hasRole(principal, STAFF_ROLES);

/** Lets through signed-in users with one of `roles`: 401 for the public, 403 for anyone else. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const principal = principalOf(res);
    if (hasRole(principal, roles)) return next();
    if (principal.kind === 'public') return sendError(res, outsiderRefusal(res) ?? { code: 'unauthenticated', message: 'Sign in first' });
    sendError(res, { code: 'forbidden', message: `Only ${roles.join(' or ')} may do this` });
  };
}

/** Lets through signed-in users holding one of the organisation roles: 401 for the public, 403 for anyone else. */
export function requireOrganisationRole(...roles: OrganisationRole[]): RequestHandler {
  return (_req, res, next) => {
    const caller = callerOf(res);
    if (caller.kind === 'user' && caller.user.active && caller.user.organisationRole && roles.includes(caller.user.organisationRole)) return next();
    if (caller.kind === 'public') return sendError(res, { code: 'unauthenticated', message: 'Sign in first' });
    sendError(res, { code: 'forbidden', message: `Only a ${roles.map((r) => r.replace('-', ' ')).join(' or ')} may do this` });
  };
}
