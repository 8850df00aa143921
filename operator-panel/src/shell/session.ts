// Signing in and out through the REST routes. The session itself is an httpOnly cookie the
// browser keeps; the panel only learns who is signed in.
import type { Caller, LoginResult } from '../../../common/protocol/admin-schemas';
import type { Result, Role, User } from '../../../common/protocol';
import { api } from '../../../common/ui/api';

/** Roles that work at a booth: the server lets only them run counter commands. */
export const BOOTH_ROLES: readonly Role[] = ['operator', 'admin'];

export async function signedInUser(): Promise<Result<User | null>> {
  const me = await api<Caller>('/api/auth/me');
  if (!me.ok) return me;
  return { ok: true, data: me.data.kind === 'user' ? me.data.user : null };
}

export async function signIn(login: string, password: string): Promise<Result<User>> {
  const result = await api<LoginResult>('/api/auth/login', { body: { login, password } });
  return result.ok ? { ok: true, data: result.data.user } : result;
}

export async function signOut(): Promise<void> {
  await api('/api/auth/logout', { body: {} });
}
