// Sign-in sessions. The client holds the token; the table holds only its hash, so a leaked
// database cannot be replayed as a signed-in browser.
import type { User } from '../../common/protocol';
import { hashSecret, newSecret } from '../auth/passwords';
import type { Database } from './database';
import { toUser, userColumns, type UserRow } from './users-store';

/** A working day and some: staff sign in once per shift. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface NewSession {
  token: string;
  expiresAt: number;
}

export interface SessionsStore {
  create(userId: string): Promise<NewSession>;
  /** The session's user, or null when the token is unknown, expired, or its user is deactivated. */
  resolve(token: string): Promise<User | null>;
  delete(token: string): Promise<void>;
  /** Signs a person out everywhere (after a password change). */
  deleteForUser(userId: string): Promise<void>;
}

export function createSessionsStore(db: Database, now: () => number = Date.now): SessionsStore {
  return {
    create(userId) {
      const token = newSecret();
      const createdAt = now();
      const expiresAt = createdAt + SESSION_LIFETIME_MS;
      return db.transaction(async (tx) => {
        // Expired rows are useless; dropping them here keeps the table as small as the staff list.
        await tx.run('DELETE FROM sessions WHERE expires_at <= ?', [createdAt]);
        await tx.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
          hashSecret(token),
          userId,
          createdAt,
          expiresAt,
        ]);
        return { token, expiresAt };
      });
    },

    async resolve(token) {
      const row = await db.read.get<UserRow>(
        `SELECT ${userColumns(db.engine)} FROM sessions JOIN users ON users.id = sessions.user_id
         WHERE sessions.token_hash = ? AND sessions.expires_at > ? AND users.active = 1`,
        [hashSecret(token), now()],
      );
      return row ? toUser(row) : null;
    },

    async delete(token) {
      await db.transaction((tx) => tx.run('DELETE FROM sessions WHERE token_hash = ?', [hashSecret(token)]));
    },

    async deleteForUser(userId) {
      await db.transaction((tx) => tx.run('DELETE FROM sessions WHERE user_id = ?', [userId]));
    },
  };
}
