// Who may do what. Queue commands are checked against one table covering every command; the
// admin routes ask for roles with `requireRole`.
import type { RequestHandler } from 'express';
import type { CommandName, DeviceKind, Role } from '../../common/protocol';
import { sendError } from '../http/respond';
import { principalOf } from './authenticate';
import type { Principal } from './principal';

interface Allowed {
  roles: readonly Role[];
  devices: readonly DeviceKind[];
}

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

/** Lets through signed-in users with one of `roles`: 401 for the public, 403 for anyone else. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const principal = principalOf(res);
    if (hasRole(principal, roles)) return next();
    if (principal.kind === 'public') return sendError(res, { code: 'unauthenticated', message: 'Sign in first' });
    sendError(res, { code: 'forbidden', message: `Only ${roles.join(' or ')} may do this` });
  };
}
