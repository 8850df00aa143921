// The first admin: a regional admin, so admin in every office and able to create the others. Talon
// never ships a default password: on an empty database the admin gets the one from
// TALON_ADMIN_PASSWORD, or a generated one that main.ts prints once. A generated
// password waits in a private file until it has been shown, so a first start killed before showing
// it (kill -9, power cut) shows the same one on the next start instead of leaving an admin nobody
// can sign in as.
import { existsSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { newPassword } from '../../common/protocol/admin-schemas';
import { writeAtomically } from '../store/write-atomically';
import { generatedPassword, verifyPassword } from './passwords';
import type { AuthStores } from './principal';

export const FIRST_ADMIN_LOGIN = 'admin';

export interface AdminBootstrap {
  login: string;
  /** Set only when generated: show it once, it is stored nowhere in clear. */
  generatedPassword: string | null;
}

function createFirstAdmin(stores: Pick<AuthStores, 'users'>, password: string) {
  return stores.users.create({ login: FIRST_ADMIN_LOGIN, name: 'Administrator', password, organisationRole: 'regional-admin', offices: [] });
}

/** The password from an interrupted first start, if it is still the admin's (or the admin was never made). */
async function unshownPassword(stores: Pick<AuthStores, 'users'>, file: string): Promise<AdminBootstrap | null> {
  const password = await readFile(file, 'utf8');
  const existing = await stores.users.findByLogin(FIRST_ADMIN_LOGIN);
  if (existing) {
    if (await verifyPassword(password, existing.passwordHash)) return { login: FIRST_ADMIN_LOGIN, generatedPassword: password };
    await adminPasswordShown(file);
    return null;
  }
  const created = await createFirstAdmin(stores, password);
  return created.kind === 'created' ? { login: FIRST_ADMIN_LOGIN, generatedPassword: password } : null;
}

/**
 * Creates the first admin on a database without users; null when there are users already.
 * `unshownFile`: where a generated password is kept until `adminPasswordShown` is called.
 */
export async function ensureAdmin(
  stores: Pick<AuthStores, 'users'>,
  env: { TALON_ADMIN_PASSWORD?: string | undefined },
  unshownFile?: string,
): Promise<AdminBootstrap | null> {
  if (unshownFile && existsSync(unshownFile)) return unshownPassword(stores, unshownFile);
  if ((await stores.users.count()) > 0) return null;
  const given = env.TALON_ADMIN_PASSWORD;
  if (given !== undefined && !newPassword.safeParse(given).success) {
    throw new Error('TALON_ADMIN_PASSWORD must be 8 to 200 characters long');
  }
  const password = given ?? generatedPassword();
  if (given === undefined && unshownFile) await writeAtomically(unshownFile, password);
  const created = await createFirstAdmin(stores, password);
  // Someone else created users between the count and now (two servers on one file): theirs stands.
  if (created.kind === 'login-taken') return null;
  return { login: FIRST_ADMIN_LOGIN, generatedPassword: given === undefined ? password : null };
}

/** The generated password has been shown: it is kept nowhere any more. */
export async function adminPasswordShown(file: string): Promise<void> {
  await unlink(file).catch(() => undefined);
}
