import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Device, OfficeRole, Role, User } from '../../common/protocol';
import type { CreatedDevice, LoginResult } from '../../common/protocol/admin-schemas';
import { createApp, type TalonApp } from '../../server/app';
import { ensureAdmin } from '../../server/auth/bootstrap';
import { SESSION_LIFETIME_MS } from '../../server/store/sessions-store';
import type { Database } from '../../server/store/database';
import { migrate } from '../../server/store/migrate';
import { seedSingleOffice } from '../../server/store/seed';
import { MAIN_OFFICE, officeApi } from '../support/talon-server';
import { freshDatabase } from '../support/test-database';

const ADMIN_PASSWORD = 'admin-password-1';

let dir: string;
let db: Database;
let talon: TalonApp;
let base: string;
let now: number;

beforeEach(async () => {
  ({ db, dataDir: dir } = await freshDatabase('talon-auth-routes-'));
  await migrate(db);
  now = Date.parse('2025-03-10T08:00:00Z');
  await seedSingleOffice(db, now, { allDay: true });
  talon = await createApp({ db, clock: () => now, webApps: 'none', dataDir: dir });
  await ensureAdmin(talon.stores, { TALON_ADMIN_PASSWORD: ADMIN_PASSWORD });
  base = `http://127.0.0.1:${await talon.listen(0, '127.0.0.1')}`;
});

afterEach(async () => {
  await talon.close();
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

interface Call {
  method?: string;
  /** Sent as JSON, or as is when a string. */
  body?: unknown;
  token?: string;
  deviceKey?: string;
  cookie?: string;
}

async function api<T = unknown>(path: string, { method = 'GET', body, token, deviceKey, cookie }: Call = {}) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  if (deviceKey) headers.authorization = `Device ${deviceKey}`;
  if (cookie) headers.cookie = cookie;
  const res = await fetch(base + path, {
    method,
    headers,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as { ok: boolean; data: T; error: { code: string; message: string } };
  return { status: res.status, ...json, setCookie: res.headers.getSetCookie(), headers: res.headers };
}

const login = (loginName: string, password: string) => api<LoginResult>('/api/auth/login', { method: 'POST', body: { login: loginName, password } });

async function tokenOf(loginName: string, password: string): Promise<string> {
  const res = await login(loginName, password);
  if (!res.ok) throw new Error(`could not sign in as ${loginName}: ${res.error.message}`);
  return res.data.token;
}

/** A role in the organisation's one office. */
const inMain = (role: Role): OfficeRole[] => [{ officeId: MAIN_OFFICE, role }];

async function createOperator(adminToken: string, loginName = 'operator1', password = 'operator-password'): Promise<User> {
  const res = await api<User>('/api/users', { method: 'POST', token: adminToken, body: { login: loginName, name: 'Ivanova A.', offices: inMain('operator'), password } });
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

describe('signing in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and returns the user and token', async () => {
    const res = await login('admin', ADMIN_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.data.user).toMatchObject({ login: 'admin', organisationRole: 'regional-admin', active: true });
    expect(res.data.expiresAt).toBe(now + SESSION_LIFETIME_MS);
    expect(JSON.stringify(res.data)).not.toContain('scrypt');
    const [cookie] = res.setCookie;
    expect(cookie).toContain(`talon_session=${res.data.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('refuses a wrong password and an unknown login with the same answer and no cookie', async () => {
    const wrong = await login('admin', 'not-the-password');
    const unknown = await login('nobody', 'not-the-password');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.error.code).toBe('unauthenticated');
      expect(res.setCookie).toEqual([]);
    }
    expect(unknown.error.message).toBe(wrong.error.message);
  });

  it('shows who is signed in, by cookie or bearer token, and the public otherwise', async () => {
    const { data } = await login('admin', ADMIN_PASSWORD);
    const byCookie = await api('/api/auth/me', { cookie: `talon_session=${data.token}` });
    const byBearer = await api('/api/auth/me', { token: data.token });
    expect(byCookie.data).toEqual({ kind: 'user', user: data.user });
    expect(byBearer.data).toEqual({ kind: 'user', user: data.user });
    expect((await api('/api/auth/me')).data).toEqual({ kind: 'public' });
  });

  it('signing out ends the session and clears the cookie', async () => {
    const token = await tokenOf('admin', ADMIN_PASSWORD);
    const res = await api('/api/auth/logout', { method: 'POST', cookie: `talon_session=${token}` });
    expect(res.ok).toBe(true);
    expect(res.setCookie[0]).toMatch(/^talon_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await api('/api/auth/me', { token });
    expect(after.status).toBe(401);
    expect(after.error.code).toBe('unauthenticated');
  });

  it('a browser with an expired session cookie is treated as public and can sign in again', async () => {
    const token = await tokenOf('admin', ADMIN_PASSWORD);
    now += SESSION_LIFETIME_MS;
    const me = await api('/api/auth/me', { cookie: `talon_session=${token}` });
    expect(me.data).toEqual({ kind: 'public' });
    expect(me.setCookie[0]).toMatch(/^talon_session=;/);
    const users = await api('/api/users', { cookie: `talon_session=${token}` });
    expect(users.status).toBe(401);
    const again = await api<LoginResult>('/api/auth/login', { method: 'POST', cookie: `talon_session=${token}`, body: { login: 'admin', password: ADMIN_PASSWORD } });
    expect(again.ok).toBe(true);
  });

  it('after five attempts a minute for one login, answers 429 even to the right password', async () => {
    for (let i = 0; i < 5; i += 1) expect((await login('admin', `wrong-${i}`)).status).toBe(401);
    const limited = await login('admin', ADMIN_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.error.code).toBe('rate-limited');
    expect(limited.headers.get('retry-after')).toBe('12');
    expect(limited.setCookie).toEqual([]);
    now += 12_000;
    expect((await login('admin', ADMIN_PASSWORD)).status).toBe(200);
  });
});

describe('users, for admins', () => {
  it('an admin creates, lists, edits and deactivates a user', async () => {
    const adminToken = await tokenOf('admin', ADMIN_PASSWORD);
    const operator = await createOperator(adminToken);
    expect(operator).toMatchObject({ login: 'operator1', name: 'Ivanova A.', organisationRole: null, offices: inMain('operator'), active: true });
    const list = await api<User[]>('/api/users', { token: adminToken });
    expect(list.data.map((u) => u.login)).toEqual(['admin', 'operator1']);

    const operatorToken = await tokenOf('operator1', 'operator-password');
    const patched = await api<User>(`/api/users/${operator.id}`, { method: 'PATCH', token: adminToken, body: { offices: inMain('consultant'), active: false } });
    expect(patched.data).toEqual({ ...operator, offices: inMain('consultant'), active: false });
    expect((await api('/api/auth/me', { token: operatorToken })).status).toBe(401);
    expect((await login('operator1', 'operator-password')).status).toBe(401);
  });

  it('refuses a login that is already taken with 409 conflict', async () => {
    const adminToken = await tokenOf('admin', ADMIN_PASSWORD);
    const res = await api('/api/users', { method: 'POST', token: adminToken, body: { login: 'ADMIN', name: 'Second', organisationRole: 'regional-admin', password: 'another-password' } });
    expect(res.status).toBe(409);
    expect(res.error.code).toBe('conflict');
  });

  it('a new password ends the old sessions and replaces the old password', async () => {
    const adminToken = await tokenOf('admin', ADMIN_PASSWORD);
    const operator = await createOperator(adminToken);
    const operatorToken = await tokenOf('operator1', 'operator-password');
    const res = await api(`/api/users/${operator.id}/password`, { method: 'POST', token: adminToken, body: { password: 'fresh-password' } });
    expect(res.ok).toBe(true);
    expect((await api('/api/auth/me', { token: operatorToken })).status).toBe(401);
    expect((await login('operator1', 'operator-password')).status).toBe(401);
    expect((await login('operator1', 'fresh-password')).status).toBe(200);
  });

  it('an admin cannot demote the last regional admin', async () => {
    const { data } = await login('admin', ADMIN_PASSWORD);
    const res = await api(`/api/users/${data.user.id}`, { method: 'PATCH', token: data.token, body: { organisationRole: null, offices: inMain('operator') } });
    expect(res.status).toBe(409);
    expect((await api('/api/auth/me', { token: data.token })).data).toMatchObject({ user: { organisationRole: 'regional-admin' } });
  });

  it('answers 404 for a user that does not exist', async () => {
    const adminToken = await tokenOf('admin', ADMIN_PASSWORD);
    expect((await api('/api/users/missing', { method: 'PATCH', token: adminToken, body: { name: 'x' } })).status).toBe(404);
    expect((await api('/api/users/missing/password', { method: 'POST', token: adminToken, body: { password: 'long-enough' } })).status).toBe(404);
  });

  it('an operator gets 403 and the public 401 on every user and device route', async () => {
    const adminToken = await tokenOf('admin', ADMIN_PASSWORD);
    const operator = await createOperator(adminToken);
    const operatorToken = await tokenOf('operator1', 'operator-password');
    const calls: [string, Call][] = [
      ['/api/users', {}],
      ['/api/users', { method: 'POST', body: { login: 'sneaky', name: 'S', organisationRole: 'regional-admin', password: 'sneaky-password' } }],
      [`/api/users/${operator.id}`, { method: 'PATCH', body: { offices: inMain('admin') } }],
      [`/api/users/${operator.id}/password`, { method: 'POST', body: { password: 'sneaky-password' } }],
      [officeApi('/devices'), {}],
      [officeApi('/devices'), { method: 'POST', body: { kind: 'kiosk', name: 'Fake kiosk' } }],
    ];
    for (const [path, call] of calls) {
      const asOperator = await api(path, { ...call, token: operatorToken });
      expect([path, asOperator.status, asOperator.error.code]).toEqual([path, 403, 'forbidden']);
      const asPublic = await api(path, call);
      expect([path, asPublic.status, asPublic.error.code]).toEqual([path, 401, 'unauthenticated']);
    }
    const users = await api<User[]>('/api/users', { token: adminToken });
    expect(users.data).toEqual([expect.objectContaining({ login: 'admin' }), operator]);
    expect((await api<Device[]>(officeApi('/devices'), { token: adminToken })).data).toEqual([]);
  });
});

describe('devices, for admins', () => {
  it('a created device signs in with its key until it is revoked, then gets 403 device-revoked', async () => {
    const adminToken = await tokenOf('admin', ADMIN_PASSWORD);
    const created = await api<CreatedDevice>(officeApi('/devices'), { method: 'POST', token: adminToken, body: { kind: 'kiosk', name: 'Hall kiosk', zone: 'hall' } });
    expect(created.status).toBe(200);
    const { device, key } = created.data;
    expect(device).toMatchObject({ kind: 'kiosk', name: 'Hall kiosk', zone: 'hall', revoked: false });
    expect((await api('/api/auth/me', { deviceKey: key })).data).toEqual({ kind: 'device', device });

    const listed = await api<Device[]>(officeApi('/devices'), { token: adminToken });
    expect(listed.data).toEqual([device]);
    expect(JSON.stringify(listed.data)).not.toContain(key);

    const revoked = await api<Device>(officeApi(`/devices/${device.id}/revoke`), { method: 'POST', token: adminToken });
    expect(revoked.data.revoked).toBe(true);
    const refused = await api('/api/auth/me', { deviceKey: key });
    expect(refused.status).toBe(403);
    expect(refused.error.code).toBe('device-revoked');
  });

  it('an admin renames a device, moves it to another zone and replaces its settings', async () => {
    const adminToken = await tokenOf('admin', ADMIN_PASSWORD);
    const { data } = await api<CreatedDevice>(officeApi('/devices'), { method: 'POST', token: adminToken, body: { kind: 'display', name: 'Display' } });
    expect(data.device.zone).toBeNull();
    const patched = await api<Device>(officeApi(`/devices/${data.device.id}`), {
      method: 'PATCH',
      token: adminToken,
      body: { name: 'Hall display', zone: 'hall', settings: { languages: ['ru', 'en'] } },
    });
    expect(patched.data).toEqual({ ...data.device, name: 'Hall display', zone: 'hall', settings: { languages: ['ru', 'en'] } });
    expect((await api('/api/auth/me', { deviceKey: data.key })).data).toEqual({ kind: 'device', device: patched.data });
  });

  it('a kiosk cannot reach the admin routes', async () => {
    const adminToken = await tokenOf('admin', ADMIN_PASSWORD);
    const { data } = await api<CreatedDevice>(officeApi('/devices'), { method: 'POST', token: adminToken, body: { kind: 'kiosk', name: 'Kiosk' } });
    const res = await api(officeApi('/devices'), { method: 'POST', deviceKey: data.key, body: { kind: 'kiosk', name: 'Clone' } });
    expect(res.status).toBe(403);
    expect((await api('/api/users', { deviceKey: data.key })).status).toBe(403);
  });

  it('answers 404 for a device that does not exist', async () => {
    const adminToken = await tokenOf('admin', ADMIN_PASSWORD);
    expect((await api(officeApi('/devices/missing/revoke'), { method: 'POST', token: adminToken })).status).toBe(404);
    expect((await api(officeApi('/devices/missing'), { method: 'PATCH', token: adminToken, body: { name: 'x' } })).status).toBe(404);
  });
});

describe('bad input', () => {
  it("malformed JSON and wrong types get 400 'invalid-input' and change nothing", async () => {
    const adminToken = await tokenOf('admin', ADMIN_PASSWORD);
    const { data } = await api<CreatedDevice>(officeApi('/devices'), { method: 'POST', token: adminToken, body: { kind: 'kiosk', name: 'Kiosk' } });
    const usersBefore = await api<User[]>('/api/users', { token: adminToken });
    const bad: [string, Call][] = [
      ['/api/auth/login', { method: 'POST', body: '{"login": "admin", ' }],
      ['/api/auth/login', { method: 'POST', body: { login: 'admin', password: 42 } }],
      ['/api/users', { method: 'POST', body: '{not json' }],
      ['/api/users', { method: 'POST', body: { login: 'new', name: 'New', offices: inMain('superuser' as Role), password: 'long-enough' } }],
      ['/api/users', { method: 'POST', body: { login: 'new', name: 'New', organisationRole: 'emperor', password: 'long-enough' } }],
      ['/api/users', { method: 'POST', body: { login: 'new', name: 'New', offices: [{ officeId: 'Not A Slug', role: 'operator' }], password: 'long-enough' } }],
      ['/api/users', { method: 'POST', body: { login: 'new', name: 'New', offices: inMain('operator'), password: 'short' } }],
      ['/api/users', { method: 'POST', body: { login: 'has space', name: 'New', offices: inMain('operator'), password: 'long-enough' } }],
      ['/api/users', { method: 'POST', body: { login: 'new', name: 'New', offices: inMain('operator'), password: 'long-enough', isAdmin: true } }],
      [`/api/users/${usersBefore.data[0]!.id}`, { method: 'PATCH', body: { active: 'no' } }],
      [`/api/users/${usersBefore.data[0]!.id}`, { method: 'PATCH', body: {} }],
      [`/api/users/${usersBefore.data[0]!.id}/password`, { method: 'POST', body: { password: ['a', 'b'] } }],
      [officeApi('/devices'), { method: 'POST', body: { kind: 'toaster', name: 'T' } }],
      [officeApi(`/devices/${data.device.id}`), { method: 'PATCH', body: { settings: 'loud' } }],
      [officeApi(`/devices/${data.device.id}`), { method: 'PATCH', body: '[1, 2' }],
    ];
    for (const [path, call] of bad) {
      const res = await api(path, { ...call, token: adminToken });
      expect([path, call.body, res.status, res.error?.code]).toEqual([path, call.body, 400, 'invalid-input']);
    }
    expect((await api('/api/users', { token: adminToken })).data).toEqual(usersBefore.data);
    expect((await api(officeApi('/devices'), { token: adminToken })).data).toEqual([data.device]);
  });
});
