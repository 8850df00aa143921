import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { commandSchemas, ROLES, type CommandName, type DeviceKind, type Role } from '../../common/protocol';
import { mayRun, requireRole } from '../../server/auth/permissions';
import type { Principal } from '../../server/auth/principal';

const user = (role: Role, active = true): Principal => ({
  kind: 'user',
  user: { id: `u-${role}`, login: role, name: role, role, active, organisationRole: null, offices: [{ officeId: 'main', role }] },
});
const device = (kind: DeviceKind, revoked = false): Principal => ({
  kind: 'device',
  device: { id: `d-${kind}`, officeId: 'main', kind, name: kind, zone: null, revoked, settings: {} },
});
const PUBLIC: Principal = { kind: 'public' };
const COMMANDS = Object.keys(commandSchemas) as CommandName[];
const COUNTER_COMMANDS = COMMANDS.filter((c) => c.startsWith('counter:'));

/** Everyone the table can see, by a readable name. */
const principals: Record<string, Principal> = {
  ...Object.fromEntries(ROLES.map((r) => [r, user(r)])),
  kiosk: device('kiosk'),
  display: device('display'),
  'print-agent': device('print-agent'),
  public: PUBLIC,
};

// The rules as the brief states them, written out independently of the implementation's table.
const expected: Record<CommandName, string[]> = {
  'ticket:issue': ['kiosk', 'operator', 'consultant', 'admin'],
  'ticket:grant-category': ['operator', 'consultant', 'admin'],
  'ticket:cancel': ['operator', 'consultant', 'admin'],
  'ticket:print-result': ['kiosk', 'print-agent'],
  ...Object.fromEntries(COUNTER_COMMANDS.map((c) => [c, ['operator', 'admin']])),
} as Record<CommandName, string[]>;

describe('command permissions', () => {
  it.each(COMMANDS)('%s is allowed exactly to the principals the rules name', (command) => {
    const allowed = Object.entries(principals)
      .filter(([, p]) => mayRun(p, command))
      .map(([name]) => name);
    expect(allowed.sort()).toEqual([...expected[command]].sort());
  });

  it('a kiosk cannot call, pause or close a counter', () => {
    for (const command of COUNTER_COMMANDS) expect(mayRun(device('kiosk'), command)).toBe(false);
  });

  it('a consultant issues tickets but never works a counter', () => {
    expect(mayRun(user('consultant'), 'ticket:issue')).toBe(true);
    expect(mayRun(user('consultant'), 'counter:call-next')).toBe(false);
  });

  it('an analyst reads analytics but runs no queue command', () => {
    for (const command of COMMANDS) expect(mayRun(user('analyst'), command)).toBe(false);
  });

  it('a manager watches the numbers but runs no queue command', () => {
    for (const command of COMMANDS) expect(mayRun(user('manager'), command)).toBe(false);
  });

  it('a hall display and the public can run nothing', () => {
    for (const command of COMMANDS) {
      expect(mayRun(device('display'), command)).toBe(false);
      expect(mayRun(PUBLIC, command)).toBe(false);
    }
  });

  it('a deactivated operator and a revoked kiosk lose their rights', () => {
    expect(mayRun(user('operator', false), 'counter:call-next')).toBe(false);
    expect(mayRun(device('kiosk', true), 'ticket:issue')).toBe(false);
  });
});

function runRequireRole(principal: Principal, ...roles: Role[]) {
  const outcome: { passed: boolean; status?: number; body?: unknown } = { passed: false };
  const res = {
    locals: { principal },
    status(code: number) {
      outcome.status = code;
      return this;
    },
    json(body: unknown) {
      outcome.body = body;
      return this;
    },
  };
  requireRole(...roles)({} as Request, res as unknown as Response, () => {
    outcome.passed = true;
  });
  return outcome;
}

describe('requireRole', () => {
  it('lets an admin into admin routes', () => {
    expect(runRequireRole(user('admin'), 'admin')).toEqual({ passed: true });
  });

  it('refuses an operator admin things with 403 forbidden', () => {
    const outcome = runRequireRole(user('operator'), 'admin');
    expect(outcome).toMatchObject({ passed: false, status: 403, body: { ok: false, error: { code: 'forbidden' } } });
  });

  it('refuses a device with 403 and the public with 401', () => {
    expect(runRequireRole(device('kiosk'), 'admin')).toMatchObject({ passed: false, status: 403 });
    expect(runRequireRole(PUBLIC, 'admin')).toMatchObject({ passed: false, status: 401, body: { error: { code: 'unauthenticated' } } });
  });

  it('accepts any of several roles', () => {
    expect(runRequireRole(user('manager'), 'admin', 'manager').passed).toBe(true);
    expect(runRequireRole(user('consultant'), 'admin', 'manager').passed).toBe(false);
  });

  it('fails loudly outside an office, where the office dispatcher set no principal', () => {
    const res = { locals: {} } as unknown as Response;
    expect(() => requireRole('admin')({} as Request, res, () => undefined)).toThrow(/office dispatcher/);
  });
});
