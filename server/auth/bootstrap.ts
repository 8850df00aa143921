// The first admin. Talon never ships a default password: on an empty database the admin gets
// the one from TALON_ADMIN_PASSWORD, or a generated one that main.ts prints once.
import { randomBytes } from 'node:crypto';
import { newPassword } from '../../common/protocol/admin-schemas';
import type { AuthStores } from './principal';

export const FIRST_ADMIN_LOGIN = 'admin';

export interface AdminBootstrap {
  login: string;
  /** Set only when generated: show it once, it is stored nowhere in clear. */
  generatedPassword: string | null;
}

/** Creates the first admin on a database without users; null when there are users already. */
export async function ensureAdmin(
  stores: Pick<AuthStores, 'users'>,
  env: { TALON_ADMIN_PASSWORD?: string | undefined },
): Promise<AdminBootstrap | null> {
  if ((await stores.users.count()) > 0) return null;
  const given = env.TALON_ADMIN_PASSWORD;
  if (given !== undefined && !newPassword.safeParse(given).success) {
    throw new Error('TALON_ADMIN_PASSWORD must be 8 to 200 characters long');
  }
  const password = given ?? randomBytes(12).toString('base64url');
  const created = await stores.users.create({ login: FIRST_ADMIN_LOGIN, name: 'Administrator', role: 'admin', password });
  // Someone else created users between the count and now (two servers on one file): theirs stands.
  if (created.kind === 'login-taken') return null;
  return { login: FIRST_ADMIN_LOGIN, generatedPassword: given === undefined ? password : null };
}
