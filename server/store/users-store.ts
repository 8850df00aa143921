// Staff accounts and the roles they hold: one role per office (office_roles) and at most one
// organisation role over every office. Passwords are hashed before the write transaction starts:
// scrypt is slow on purpose and must not hold the one writer while it works.
import { randomUUID } from 'node:crypto';
import type { OfficeId, OfficeRole, OrganisationRole, User } from '../../common/protocol';
import { hashPassword } from '../auth/passwords';
import type { Database, DatabaseEngine, Queryable } from './database';
import { jsonArrayOfObjects } from './sql-dialect';

export interface UserRow {
  id: string;
  login: string;
  name: string;
  organisation_role: OrganisationRole | null;
  /** JSON array of {officeId, role}, gathered by userColumns. */
  offices: string;
  password_hash: string;
  active: number;
}

/** The one place a users row becomes a User (the sessions store reuses it for its join). */
export function toUser(row: Omit<UserRow, 'password_hash'>): User {
  const offices = (JSON.parse(row.offices) as OfficeRole[]).sort((a, b) => a.officeId.localeCompare(b.officeId));
  return { id: row.id, login: row.login, name: row.name, active: row.active === 1, organisationRole: row.organisation_role, offices };
}

function userColumnsIn(engine: DatabaseEngine): string {
  const offices = jsonArrayOfObjects(engine, { officeId: 'office_id', role: 'role' }, 'FROM office_roles WHERE user_id = users.id');
  return `users.id, users.login, users.name, users.organisation_role, users.active, ${offices} AS offices`;
}

const USER_COLUMNS: Record<DatabaseEngine, string> = { sqlite: userColumnsIn('sqlite'), postgres: userColumnsIn('postgres') };

/** A user's columns with their office roles, in one row: signing in and every request read a user. */
export function userColumns(engine: DatabaseEngine): string {
  return USER_COLUMNS[engine];
}

/**
 * The login as the database compares it: SQLite's NOCASE and lower(), and PostgreSQL's lower() of the
 * login column (collated "C"), fold the ASCII letters only — 'Ivanova' is 'ivanova', 'Иванова' stays itself.
 */
function loginKey(login: string): string {
  return login.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

export interface NewUser {
  login: string;
  name: string;
  password: string;
  organisationRole: OrganisationRole | null;
  offices: OfficeRole[];
}

export interface UserPatch {
  name?: string;
  active?: boolean;
  organisationRole?: OrganisationRole | null;
  /**
   * The person's roles in `within` — the offices the caller manages, 'all' for a regional admin:
   * those are replaced by `roles`, roles in other offices stay. `roles` may name only offices in `within`.
   */
  offices?: { within: readonly OfficeId[] | 'all'; roles: OfficeRole[] };
}

export type CreateUserOutcome = { kind: 'created'; user: User } | { kind: 'login-taken' } | { kind: 'unknown-office'; officeId: OfficeId };
/** 'last-admin': the change would leave no active regional admin, and nobody could manage every office again. */
export type UpdateUserOutcome =
  | { kind: 'updated'; user: User }
  | { kind: 'not-found' }
  | { kind: 'last-admin' }
  | { kind: 'unknown-office'; officeId: OfficeId };

export interface UsersStore {
  create(user: NewUser): Promise<CreateUserOutcome>;
  /** For sign-in only: the only read that returns the password hash. Logins ignore the case of Latin letters (loginKey). */
  findByLogin(login: string): Promise<{ user: User; passwordHash: string } | null>;
  get(id: string): Promise<User | null>;
  /** Everyone, or with `offices`: the people with a role in one of those offices. By login. */
  list(filter?: { offices: readonly OfficeId[] }): Promise<User[]>;
  count(): Promise<number>;
  update(id: string, patch: UserPatch): Promise<UpdateUserOutcome>;
  /** False when there is no such user. */
  setPassword(id: string, password: string): Promise<boolean>;
}

async function getUser(q: Queryable, id: string): Promise<User | null> {
  const row = await q.get<UserRow>(`SELECT ${userColumns(q.engine)} FROM users WHERE id = ?`, [id]);
  return row ? toUser(row) : null;
}

/** The first office of `roles` that does not exist, if any: a role there would be refused by its foreign key. */
async function unknownOffice(q: Queryable, roles: readonly OfficeRole[]): Promise<OfficeId | null> {
  for (const { officeId } of roles) if (!(await q.get('SELECT 1 FROM offices WHERE id = ?', [officeId]))) return officeId;
  return null;
}

async function insertRoles(tx: Queryable, userId: string, roles: readonly OfficeRole[]): Promise<void> {
  for (const { officeId, role } of roles) await tx.run('INSERT INTO office_roles (user_id, office_id, role) VALUES (?, ?, ?)', [userId, officeId, role]);
}

/** Replaces the roles in `within` with `roles`, keeping the rest. */
async function replaceRoles(tx: Queryable, userId: string, { within, roles }: NonNullable<UserPatch['offices']>): Promise<void> {
  const outside = within === 'all' ? [] : roles.filter((r) => !within.includes(r.officeId));
  if (outside.length > 0) throw new Error(`A role in office ${outside[0]!.officeId}, outside the offices being changed`);
  if (within === 'all') await tx.run('DELETE FROM office_roles WHERE user_id = ?', [userId]);
  else for (const officeId of within) await tx.run('DELETE FROM office_roles WHERE user_id = ? AND office_id = ?', [userId, officeId]);
  await insertRoles(tx, userId, roles);
}

const isActiveRegionalAdmin = (user: Pick<User, 'active' | 'organisationRole'>) => user.active && user.organisationRole === 'regional-admin';

export function createUsersStore(db: Database, now: () => number = Date.now): UsersStore {
  return {
    async create({ login, name, password, organisationRole, offices }) {
      const passwordHash = await hashPassword(password);
      return db.transaction(async (tx) => {
        if (await tx.get('SELECT 1 FROM users WHERE lower(login) = ?', [loginKey(login)])) return { kind: 'login-taken' };
        const unknown = await unknownOffice(tx, offices);
        if (unknown !== null) return { kind: 'unknown-office', officeId: unknown };
        const id = randomUUID();
        await tx.run('INSERT INTO users (id, login, name, organisation_role, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)', [
          id,
          login,
          name,
          organisationRole,
          passwordHash,
          now(),
        ]);
        await insertRoles(tx, id, offices);
        return { kind: 'created', user: (await getUser(tx, id))! };
      });
    },

    async findByLogin(login) {
      const row = await db.read.get<UserRow>(`SELECT ${userColumns(db.engine)}, users.password_hash FROM users WHERE lower(login) = ?`, [loginKey(login)]);
      return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
    },

    get: (id) => getUser(db.read, id),

    async list(filter) {
      if (!filter) return (await db.read.all<UserRow>(`SELECT ${userColumns(db.engine)} FROM users ORDER BY lower(login)`)).map(toUser);
      const officeIds = [...filter.offices];
      if (officeIds.length === 0) return [];
      const rows = await db.read.all<UserRow>(
        `SELECT ${userColumns(db.engine)} FROM users
         WHERE EXISTS (SELECT 1 FROM office_roles r WHERE r.user_id = users.id AND r.office_id IN (${officeIds.map(() => '?').join(', ')}))
         ORDER BY lower(login)`,
        officeIds,
      );
      return rows.map(toUser);
    },

    async count() {
      const row = await db.read.get<{ n: number }>('SELECT count(*) AS n FROM users');
      return row?.n ?? 0;
    },

    update(id, { offices, ...fields }) {
      return db.transaction(async (tx) => {
        const current = await getUser(tx, id);
        if (!current) return { kind: 'not-found' };
        const next = { ...current, ...fields };
        if (isActiveRegionalAdmin(current) && !isActiveRegionalAdmin(next)) {
          const others = await tx.get<{ n: number }>(
            "SELECT count(*) AS n FROM users WHERE organisation_role = 'regional-admin' AND active = 1 AND id <> ?",
            [id],
          );
          if (!others?.n) return { kind: 'last-admin' };
        }
        if (offices) {
          const unknown = await unknownOffice(tx, offices.roles);
          if (unknown !== null) return { kind: 'unknown-office', officeId: unknown };
          await replaceRoles(tx, id, offices);
        }
        await tx.run('UPDATE users SET name = ?, organisation_role = ?, active = ? WHERE id = ?', [next.name, next.organisationRole, next.active ? 1 : 0, id]);
        return { kind: 'updated', user: (await getUser(tx, id))! };
      });
    },

    async setPassword(id, password) {
      const passwordHash = await hashPassword(password);
      return db.transaction(async (tx) => (await tx.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, id])).changes === 1);
    },
  };
}
