import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfficeRole, Role } from '../../common/protocol';
import { adminPasswordShown, ensureAdmin } from '../../server/auth/bootstrap';
import { verifyPassword } from '../../server/auth/passwords';
import { actorOf, resolveCaller, type AuthStores } from '../../server/auth/principal';
import type { Database } from '../../server/store/database';
import { createDevicesStore } from '../../server/store/devices-store';
import { migrate } from '../../server/store/migrate';
import { seedSingleOffice, SINGLE_OFFICE_ID } from '../../server/store/seed';
import { createSessionsStore, SESSION_LIFETIME_MS } from '../../server/store/sessions-store';
import { createUsersStore } from '../../server/store/users-store';
import { freshDatabase } from '../support/test-database';

let dir: string;
let db: Database;
let now: number;
let stores: AuthStores;

beforeEach(async () => {
  ({ db, dataDir: dir } = await freshDatabase('talon-auth-'));
  await migrate(db);
  now = Date.parse('2025-03-10T08:00:00Z');
  await seedSingleOffice(db, now, { allDay: true });
  const clock = () => now;
  stores = { users: createUsersStore(db, clock), sessions: createSessionsStore(db, clock), devices: createDevicesStore(db, clock) };
});

afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

const OFFICE = SINGLE_OFFICE_ID;
/** A role in the one office. */
const inOffice = (role: Role): OfficeRole[] => [{ officeId: OFFICE, role }];

/** A person with a role in the office, or a regional admin (who holds no office role of their own). */
async function createUser(login: string, role: Role | 'regional-admin' = 'operator') {
  const access = role === 'regional-admin' ? { organisationRole: role, offices: [] } : { organisationRole: null, offices: inOffice(role) };
  const created = await stores.users.create({ login, name: `Name of ${login}`, ...access, password: 'password-1' });
  if (created.kind !== 'created') throw new Error(`could not create ${login}`);
  return created.user;
}

describe('users store', () => {
  it('creates a user and finds them by login in any letter case, with a verifiable hash', async () => {
    const user = await createUser('ivanova');
    expect(user).toMatchObject({ login: 'ivanova', name: 'Name of ivanova', organisationRole: null, offices: inOffice('operator'), active: true });
    const found = await stores.users.findByLogin('IVANOVA');
    expect(found?.user).toEqual(user);
    expect(await verifyPassword('password-1', found!.passwordHash)).toBe(true);
    expect(found!.passwordHash).not.toContain('password-1');
  });

  it('refuses a second user with the same login, whatever its case', async () => {
    await createUser('petrov');
    expect(await stores.users.create({ login: 'Petrov', name: 'Other', organisationRole: 'regional-admin', offices: [], password: 'password-2' })).toEqual({ kind: 'login-taken' });
    expect(await stores.users.count()).toBe(1);
  });

  it('folds the case of Latin letters only, as SQLite always did: a Cyrillic login is found as written', async () => {
    const user = await createUser('Иванова.Anna');
    expect((await stores.users.findByLogin('Иванова.ANNA'))?.user).toEqual(user);
    expect(await stores.users.findByLogin('иванова.anna')).toBeNull();
  });

  it('lists users by login whatever its case, without their password hashes', async () => {
    await createUser('B-user');
    await createUser('a-user');
    const list = await stores.users.list();
    expect(list.map((u) => u.login)).toEqual(['a-user', 'B-user']);
    expect(JSON.stringify(list)).not.toContain('scrypt');
  });

  it('updates name, office role and active, and says when the user does not exist', async () => {
    await createUser('boss', 'regional-admin');
    const user = await createUser('sidorov');
    const updated = await stores.users.update(user.id, { name: 'Sidorov S.', offices: { within: 'all', roles: inOffice('consultant') }, active: false });
    expect(updated).toEqual({ kind: 'updated', user: { ...user, name: 'Sidorov S.', offices: inOffice('consultant'), active: false } });
    expect(await stores.users.get(user.id)).toEqual({ ...user, name: 'Sidorov S.', offices: inOffice('consultant'), active: false });
    expect(await stores.users.update('missing', { name: 'x' })).toEqual({ kind: 'not-found' });
  });

  it('never demotes or deactivates the last active regional admin', async () => {
    const admin = await createUser('root', 'regional-admin');
    expect(await stores.users.update(admin.id, { organisationRole: null })).toEqual({ kind: 'last-admin' });
    expect(await stores.users.update(admin.id, { organisationRole: 'regional-analyst' })).toEqual({ kind: 'last-admin' });
    expect(await stores.users.update(admin.id, { active: false })).toEqual({ kind: 'last-admin' });
    expect(await stores.users.get(admin.id)).toEqual(admin);
    await createUser('second', 'regional-admin');
    expect((await stores.users.update(admin.id, { active: false })).kind).toBe('updated');
  });

  it('sets a new password that replaces the old one', async () => {
    const user = await createUser('kozlov');
    expect(await stores.users.setPassword(user.id, 'new-password')).toBe(true);
    const { passwordHash } = (await stores.users.findByLogin('kozlov'))!;
    expect(await verifyPassword('new-password', passwordHash)).toBe(true);
    expect(await verifyPassword('password-1', passwordHash)).toBe(false);
    expect(await stores.users.setPassword('missing', 'new-password')).toBe(false);
  });
});

describe('sessions store', () => {
  it('resolves a token to its user for 12 hours, and not a moment longer', async () => {
    const user = await createUser('smirnova');
    const { token, expiresAt } = await stores.sessions.create(user.id);
    expect(expiresAt).toBe(now + SESSION_LIFETIME_MS);
    expect(await stores.sessions.resolve(token)).toEqual(user);
    now += SESSION_LIFETIME_MS - 1;
    expect(await stores.sessions.resolve(token)).toEqual(user);
    now += 1;
    expect(await stores.sessions.resolve(token)).toBeNull();
  });

  it('stores only a hash of the token', async () => {
    const user = await createUser('hash-check');
    const { token } = await stores.sessions.create(user.id);
    const rows = await db.read.all<Record<string, unknown>>('SELECT * FROM sessions');
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('stops resolving when the user is deactivated, the session deleted, or all sessions ended', async () => {
    await createUser('admin', 'regional-admin');
    const user = await createUser('orlov');
    const first = await stores.sessions.create(user.id);
    const second = await stores.sessions.create(user.id);
    await stores.sessions.delete(first.token);
    expect(await stores.sessions.resolve(first.token)).toBeNull();
    expect(await stores.sessions.resolve(second.token)).not.toBeNull();
    await stores.users.update(user.id, { active: false });
    expect(await stores.sessions.resolve(second.token)).toBeNull();
    await stores.users.update(user.id, { active: true });
    await stores.sessions.deleteForUser(user.id);
    expect(await stores.sessions.resolve(second.token)).toBeNull();
  });

  it('sees role changes at once, since the user is read with every request', async () => {
    await createUser('admin', 'regional-admin');
    const user = await createUser('promoted');
    const { token } = await stores.sessions.create(user.id);
    await stores.users.update(user.id, { offices: { within: 'all', roles: inOffice('manager') } });
    expect((await stores.sessions.resolve(token))?.offices).toEqual(inOffice('manager'));
  });

  it('drops expired sessions when a new one is created', async () => {
    const user = await createUser('volkov');
    await stores.sessions.create(user.id);
    now += SESSION_LIFETIME_MS;
    await stores.sessions.create(user.id);
    expect(await db.read.get('SELECT count(*) AS n FROM sessions')).toEqual({ n: 1 });
  });
});

describe('devices store', () => {
  it('creates a device whose key resolves to it, storing only the key hash', async () => {
    const { device, key } = await stores.devices.create(OFFICE, 'kiosk', 'Hall kiosk', 'hall-1');
    expect(device).toMatchObject({ officeId: OFFICE, kind: 'kiosk', name: 'Hall kiosk', zone: 'hall-1', revoked: false, settings: {} });
    expect(await stores.devices.resolveKey(key)).toEqual(device);
    expect(await stores.devices.resolveKey(`${key}x`)).toBeNull();
    const rows = await db.read.all<Record<string, unknown>>('SELECT * FROM devices');
    expect(JSON.stringify(rows)).not.toContain(key);
  });

  it('still resolves a revoked key, marked revoked', async () => {
    const { device, key } = await stores.devices.create(OFFICE, 'print-agent', 'Printer', null);
    expect(await stores.devices.revoke(OFFICE, device.id)).toEqual({ ...device, revoked: true });
    expect(await stores.devices.resolveKey(key)).toEqual({ ...device, revoked: true });
    expect(await stores.devices.revoke(OFFICE, 'missing')).toBeNull();
  });

  it('updates name, zone and settings, replacing settings as a whole', async () => {
    const { device } = await stores.devices.create(OFFICE, 'display', 'Display', null);
    await stores.devices.update(OFFICE, device.id, { settings: { languages: ['ru'], volume: 3 } });
    const updated = await stores.devices.update(OFFICE, device.id, { zone: 'upstairs', settings: { volume: 5 } });
    expect(updated).toEqual({ ...device, zone: 'upstairs', settings: { volume: 5 } });
    expect(await stores.devices.get(OFFICE, device.id)).toEqual(updated);
    expect(await stores.devices.update(OFFICE, 'missing', { name: 'x' })).toBeNull();
  });

  it('lists devices by kind and name', async () => {
    await stores.devices.create(OFFICE, 'kiosk', 'B kiosk', null);
    await stores.devices.create(OFFICE, 'display', 'Display', null);
    await stores.devices.create(OFFICE, 'kiosk', 'A kiosk', null);
    expect((await stores.devices.list(OFFICE)).map((d) => d.name)).toEqual(['Display', 'A kiosk', 'B kiosk']);
  });
});

describe('resolving the caller', () => {
  it('is public without credentials', async () => {
    expect(await resolveCaller(stores, {})).toEqual({ kind: 'public' });
    expect(await resolveCaller(stores, { cookieHeader: 'theme=dark; lang=ru' })).toEqual({ kind: 'public' });
  });

  it('finds the user from the session cookie among other cookies', async () => {
    const user = await createUser('cookie-user');
    const { token } = await stores.sessions.create(user.id);
    expect(await resolveCaller(stores, { cookieHeader: `theme=dark; talon_session=${token}; lang=ru` })).toEqual({ kind: 'user', user });
  });

  it('finds the user from a bearer token', async () => {
    const user = await createUser('bearer-user');
    const { token } = await stores.sessions.create(user.id);
    expect(await resolveCaller(stores, { authorization: `Bearer ${token}` })).toEqual({ kind: 'user', user });
  });

  it('finds the device from a device key', async () => {
    const { device, key } = await stores.devices.create(OFFICE, 'kiosk', 'Kiosk', null);
    expect(await resolveCaller(stores, { authorization: `Device ${key}` })).toEqual({ kind: 'device', device });
  });

  it("answers 'device-revoked' for a revoked device's key", async () => {
    const { device, key } = await stores.devices.create(OFFICE, 'kiosk', 'Kiosk', null);
    await stores.devices.revoke(OFFICE, device.id);
    expect(await resolveCaller(stores, { authorization: `Device ${key}` })).toMatchObject({ error: { code: 'device-revoked' } });
  });

  it("answers 'unauthenticated' for an expired session, an unknown token or key, and a malformed header", async () => {
    const user = await createUser('expiring');
    const { token } = await stores.sessions.create(user.id);
    now += SESSION_LIFETIME_MS;
    const unauthenticated = { error: { code: 'unauthenticated' } };
    expect(await resolveCaller(stores, { cookieHeader: `talon_session=${token}` })).toMatchObject(unauthenticated);
    expect(await resolveCaller(stores, { authorization: `Bearer ${token}` })).toMatchObject(unauthenticated);
    expect(await resolveCaller(stores, { authorization: 'Device not-a-key' })).toMatchObject(unauthenticated);
    expect(await resolveCaller(stores, { authorization: 'Basic dXNlcjpwdw==' })).toMatchObject(unauthenticated);
    expect(await resolveCaller(stores, { authorization: 'Bearer' })).toMatchObject(unauthenticated);
  });

  it('prefers the Authorization header to the cookie', async () => {
    const user = await createUser('cookie-owner');
    const { token } = await stores.sessions.create(user.id);
    const { device, key } = await stores.devices.create(OFFICE, 'display', 'Display', null);
    expect(await resolveCaller(stores, { cookieHeader: `talon_session=${token}`, authorization: `Device ${key}` })).toEqual({ kind: 'device', device });
  });

  it('turns each principal into the actor the journal records', async () => {
    const user = await createUser('actor');
    const { device } = await stores.devices.create(OFFICE, 'kiosk', 'Kiosk', null);
    expect(actorOf({ kind: 'user', user: { ...user, role: 'operator' } })).toEqual({ kind: 'user', id: user.id, role: 'operator' });
    expect(actorOf({ kind: 'device', device })).toEqual({ kind: 'device', id: device.id, deviceKind: 'kiosk' });
    expect(actorOf({ kind: 'public' })).toEqual({ kind: 'public' });
  });
});

describe('the first admin', () => {
  it('gets a generated password on an empty database, which then works', async () => {
    const result = await ensureAdmin(stores, {});
    expect(result?.login).toBe('admin');
    const password = result!.generatedPassword!;
    expect(password.length).toBeGreaterThanOrEqual(16);
    const found = await stores.users.findByLogin('admin');
    expect(found?.user).toMatchObject({ organisationRole: 'regional-admin', active: true });
    expect(await verifyPassword(password, found!.passwordHash)).toBe(true);
  });

  it('gets the password from TALON_ADMIN_PASSWORD, which is never echoed back', async () => {
    expect(await ensureAdmin(stores, { TALON_ADMIN_PASSWORD: 'office-secret-42' })).toEqual({ login: 'admin', generatedPassword: null });
    expect(await verifyPassword('office-secret-42', (await stores.users.findByLogin('admin'))!.passwordHash)).toBe(true);
  });

  it('gets a different generated password on every new database', async () => {
    const first = await ensureAdmin(stores, {});
    const { db: otherDb, dataDir: other } = await freshDatabase('talon-auth-');
    try {
      await migrate(otherDb);
      const second = await ensureAdmin({ users: createUsersStore(otherDb) }, {});
      expect(second?.generatedPassword).not.toBe(first?.generatedPassword);
    } finally {
      await otherDb.close();
      await rm(other, { recursive: true, force: true });
    }
  });

  it('refuses a too short TALON_ADMIN_PASSWORD rather than accept a weak admin', async () => {
    await expect(ensureAdmin(stores, { TALON_ADMIN_PASSWORD: 'short' })).rejects.toThrow(/TALON_ADMIN_PASSWORD/);
    expect(await stores.users.count()).toBe(0);
  });

  it('does nothing when users exist', async () => {
    await createUser('someone');
    expect(await ensureAdmin(stores, { TALON_ADMIN_PASSWORD: 'office-secret-42' })).toBeNull();
    expect(await stores.users.findByLogin('admin')).toBeNull();
  });

  it('shows the same generated password again after a first start killed before showing it, and never after it was shown', async () => {
    const unshown = join(dir, 'admin-password-unshown.txt');
    const killed = await ensureAdmin(stores, {}, unshown);
    const restarted = await ensureAdmin(stores, {}, unshown);

    expect(restarted).toEqual(killed);
    expect(await verifyPassword(restarted!.generatedPassword!, (await stores.users.findByLogin('admin'))!.passwordHash)).toBe(true);
    await adminPasswordShown(unshown);
    expect(await ensureAdmin(stores, {}, unshown)).toBeNull();
  });

  it('makes the admin with the password it chose when a first start was killed before making it', async () => {
    const unshown = join(dir, 'admin-password-unshown.txt');
    await writeFile(unshown, 'chosen-before-the-crash');

    expect(await ensureAdmin(stores, {}, unshown)).toEqual({ login: 'admin', generatedPassword: 'chosen-before-the-crash' });
    expect(await verifyPassword('chosen-before-the-crash', (await stores.users.findByLogin('admin'))!.passwordHash)).toBe(true);
  });
});
