// Who did something, as a log line names them: ids and roles only. A person's name or login, a
// device's key or name never enter a log; the id leads an administrator to them when needed.
import type { Caller, Principal } from '../auth/principal';

export type LoggedActor =
  | { kind: 'user'; id: string; role?: string }
  | { kind: 'device'; id: string; deviceKind: string }
  | { kind: 'public' };

/** The caller (organisation routes) or the principal (inside an office, with the role there). */
export function loggedActor(who: Caller | Principal | undefined): LoggedActor {
  if (!who || who.kind === 'public') return { kind: 'public' };
  if (who.kind === 'device') return { kind: 'device', id: who.device.id, deviceKind: who.device.kind };
  const role = 'role' in who.user ? who.user.role : who.user.organisationRole;
  return { kind: 'user', id: who.user.id, ...(role ? { role } : {}) };
}
