// Staff accounts. Passwords are hashed before the write transaction starts: scrypt is slow on
// purpose and must not hold the one writer while it works.
import { randomUUID } from 'node:crypto';
import type { Role, User } from '../../common/protocol';
import { hashPassword } from '../auth/passwords';
import type { Database, Queryable } from './database';

export interface UserRow {
  id: string;
  login: string;
  name: string;
  role: Role;
  password_hash: string;
  active: number;
}

/** The one place a users row becomes a User (the sessions store reuses it for its join). */
export function toUser(row: Omit<UserRow, 'password_hash'>): User {
  return { id: row.id, login: row.login, name: row.name, role: row.role, active: row.active === 1 };
}

export const USER_COLUMNS = 'users.id, users.login, users.name, users.role, users.active';

export interface NewUser {
  login: string;
  name: string;
  role: Role;
  password: string;
}

export type UserPatch = Partial<Pick<User, 'name' | 'role' | 'active'>>;

export type CreateUserOutcome = { kind: 'created'; user: User } | { kind: 'login-taken' };
/** 'last-admin': the change would leave no active admin, and nobody could manage users again. */
export type UpdateUserOutcome = { kind: 'updated'; user: User } | { kind: 'not-found' } | { kind: 'last-admin' };

export interface UsersStore {
  create(user: NewUser): Promise<CreateUserOutcome>;
  /** For sign-in only: the only read that returns the password hash. Logins ignore case. */
  findByLogin(login: string): Promise<{ user: User; passwordHash: string } | null>;
  get(id: string): Promise<User | null>;
  list(): Promise<User[]>;
  count(): Promise<number>;
  update(id: string, patch: UserPatch): Promise<UpdateUserOutcome>;
  /** False when there is no such user. */
  setPassword(id: string, password: string): Promise<boolean>;
}

async function getUser(q: Queryable, id: string): Promise<User | null> {
  const row = await q.get<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`, [id]);
  return row ? toUser(row) : null;
}

const isActiveAdmin = (user: User) => user.active && user.role === 'admin';

export function createUsersStore(db: Database, now: () => number = Date.now): UsersStore {
  return {
    async create({ login, name, role, password }) {
      const passwordHash = await hashPassword(password);
      return db.transaction(async (tx) => {
        if (await tx.get('SELECT 1 FROM users WHERE login = ?', [login])) return { kind: 'login-taken' };
        const id = randomUUID();
        await tx.run('INSERT INTO users (id, login, name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)', [
          id,
          login,
          name,
          role,
          passwordHash,
          now(),
        ]);
        return { kind: 'created', user: { id, login, name, role, active: true } };
      });
    },

    async findByLogin(login) {
      const row = await db.read.get<UserRow>(`SELECT ${USER_COLUMNS}, users.password_hash FROM users WHERE login = ?`, [login]);
      return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
    },

    get: (id) => getUser(db.read, id),

    async list() {
      const rows = await db.read.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY login`);
      return rows.map(toUser);
    },

    async count() {
      const row = await db.read.get<{ n: number }>('SELECT count(*) AS n FROM users');
      return row?.n ?? 0;
    },

    update(id, patch) {
      return db.transaction(async (tx) => {
        const current = await getUser(tx, id);
        if (!current) return { kind: 'not-found' };
        const next: User = { ...current, ...patch };
        if (isActiveAdmin(current) && !isActiveAdmin(next)) {
          const others = await tx.get<{ n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1 AND id <> ?", [id]);
          if (!others?.n) return { kind: 'last-admin' };
        }
        await tx.run('UPDATE users SET name = ?, role = ?, active = ? WHERE id = ?', [next.name, next.role, next.active ? 1 : 0, id]);
        return { kind: 'updated', user: next };
      });
    },

    async setPassword(id, password) {
      const passwordHash = await hashPassword(password);
      return db.transaction(async (tx) => (await tx.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, id])).changes === 1);
    },
  };
}
